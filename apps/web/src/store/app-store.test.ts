import { beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '@playroom/engine';
import type { ForkSummary, SessionView, Snapshot } from '@playroom/protocol';
import { createAppStore, type AppStore } from './app-store';
import { loadIdentity } from './identity-storage';
import { selectActiveSession } from './selectors';
import { commandStatusOf } from './commands-slice';
import { selectOnlineStudentCount, selectStudentCount } from './roster-slice';
import { forkOrdinals, myForks, sortedForkSummaries } from './forks-slice';

// [2, 2, 1]: 4 + 2 + 2 + 1 parameters
const SIZES = [2, 2, 1];
const PARAMS = 9;

function session(id: string, kind: 'class' | 'fork' = 'class', clock = 0): SessionView {
  return {
    sessionId: id,
    classId: 'k',
    kind,
    ownerId: 'p-teacher',
    ownerName: 'T',
    parentId: null,
    forkedAtEpoch: null,
    config: DEFAULT_CONFIG,
    layerSizes: SIZES,
    params: new Float64Array(PARAMS),
    epoch: 0,
    clock,
    playing: false,
    speed: 10,
    frozen: false,
    metrics: { trainLoss: 0.5, testLoss: 0.6, trainAccuracy: null, testAccuracy: null, learningRate: 0.03, gradientNorms: [], diverged: null },
    lossHistory: { stride: 1, points: [] },
    preset: null,
    timeline: [],
    scrubbedTo: null,
  };
}

function snapshot(clock: number, epoch: number, layerSizes = SIZES): Snapshot {
  const params = new Float32Array(layerSizes === SIZES ? PARAMS : 1);
  params.fill(epoch);
  return {
    clock,
    epoch,
    trainLoss: 0.25,
    testLoss: 0.5,
    trainAccuracy: null,
    testAccuracy: null,
    learningRate: 0.03,
    playing: true,
    diverged: false,
    layerSizes,
    gradientNorms: Float32Array.from([0.1, 0.2]),
    params,
    lossTail: [{ epoch, trainLoss: 0.25, testLoss: 0.5 }],
  };
}

let store: AppStore;
beforeEach(() => {
  store = createAppStore();
});

describe('sessions slice', () => {
  it('applies snapshots in clock order and ignores stale ones', () => {
    store.getState().putSession(session('s1'));
    store.getState().applySnapshot('s1', snapshot(2, 20));
    store.getState().applySnapshot('s1', snapshot(1, 10));
    const s = store.getState().sessions.s1!;
    expect(s.epoch).toBe(20);
    expect(s.clock).toBe(2);
    expect(s.playing).toBe(true);
    expect(s.params[0]).toBe(20);
    expect(s.metrics.gradientNorms).toEqual([Math.fround(0.1), Math.fround(0.2)]);
    expect(s.lossHistory.points).toEqual([{ epoch: 20, trainLoss: 0.25, testLoss: 0.5 }]);
  });

  it('drops a snapshot of another network shape (it raced a config change)', () => {
    store.getState().putSession(session('s1'));
    const before = store.getState().sessions.s1;
    store.getState().applySnapshot('s1', snapshot(5, 5, [2, 1]));
    expect(store.getState().sessions.s1).toBe(before);
  });

  it('ignores snapshots of unknown sessions', () => {
    const before = store.getState().sessions;
    store.getState().applySnapshot('nope', snapshot(1, 1));
    expect(store.getState().sessions).toBe(before);
  });

  it('keeps a newer session when an older full state arrives late', () => {
    store.getState().putSession({ ...session('s1', 'class', 7), epoch: 70 });
    store.getState().putSession({ ...session('s1', 'class', 3), epoch: 30 });
    expect(store.getState().sessions.s1?.epoch).toBe(70);
    store.getState().putSession({ ...session('s1', 'class', 7), playing: true });
    expect(store.getState().sessions.s1?.playing).toBe(true);
  });

  it('falls back to the class view when the viewed fork goes away', () => {
    store.getState().putSession(session('c'));
    store.getState().setClassSession('c');
    store.getState().putSession(session('f1', 'fork'));
    store.getState().setActiveView({ kind: 'fork', id: 'f1' });
    expect(selectActiveSession(store.getState())?.sessionId).toBe('f1');
    store.getState().removeSession('f1');
    expect(store.getState().activeView).toEqual({ kind: 'class' });
    expect(selectActiveSession(store.getState())?.sessionId).toBe('c');
  });
});

describe('identity slice', () => {
  it('persists the identity per room code and forgets it on clear', () => {
    store.getState().setIdentity({ code: 'ABC', role: 'teacher', token: 'secret', name: 'Ms T' });
    expect(loadIdentity('ABC')).toEqual({ code: 'ABC', role: 'teacher', token: 'secret', name: 'Ms T' });
    store.getState().clearIdentity();
    expect(loadIdentity('ABC')).toBeNull();
    expect(store.getState().identity).toBeNull();
  });

  it('ignores corrupt stored identities', () => {
    localStorage.setItem('playroom.identity.XYZ', '{"code":"XYZ","role":"admin"}');
    expect(loadIdentity('XYZ')).toBeNull();
    localStorage.setItem('playroom.identity.XYZ', 'not json');
    expect(loadIdentity('XYZ')).toBeNull();
  });
});

describe('roster slice', () => {
  it('counts students, online or not', () => {
    store.getState().setRoster([
      { participantId: 't', name: 'T', role: 'teacher', alias: 0, online: true, forkCount: 0 },
      { participantId: 'a', name: 'Ann', role: 'student', alias: 1, online: true, forkCount: 1 },
      { participantId: 'b', name: 'Bo', role: 'student', alias: 2, online: false, forkCount: 0 },
    ]);
    expect(selectStudentCount(store.getState())).toBe(2);
    expect(selectOnlineStudentCount(store.getState())).toBe(1);
  });
});

describe('forks slice', () => {
  const f = (sessionId: string, ownerName: string, clock: number, trainLoss = 0.3): ForkSummary => ({
    sessionId,
    ownerId: `p-${ownerName}`,
    ownerName,
    parentId: 'c',
    epoch: clock * 10,
    clock,
    trainLoss,
    testLoss: trainLoss,
    playing: true,
    frozen: false,
    diverged: false,
    layerSizes: SIZES,
    dataset: 'circle',
  });

  it('merges newer summaries, keeps newer ones over late old ones, and sorts by owner', () => {
    store.getState().setForkSummaries([f('2', 'Zoe', 1), f('1', 'Ann', 1)]);
    store.getState().mergeForkSummaries([f('2', 'Zoe', 3, 0.1), f('3', 'Bo', 1)]);
    store.getState().mergeForkSummaries([f('2', 'Zoe', 2, 0.9)]);
    const list = sortedForkSummaries(store.getState().forkSummaries);
    expect(list.map((x) => x.ownerName)).toEqual(['Ann', 'Bo', 'Zoe']);
    expect(list[2]?.trainLoss).toBe(0.1);
    store.getState().removeForkSummary('3');
    expect(Object.keys(store.getState().forkSummaries).sort()).toEqual(['1', '2']);
    expect(myForks(store.getState().forkSummaries, 'p-Ann').map((x) => x.sessionId)).toEqual(['1']);
    expect(myForks(store.getState().forkSummaries, null)).toEqual([]);
  });

  it("numbers each owner's forks in the order they appeared", () => {
    store.getState().mergeForkSummaries([f('x', 'Ann', 1), f('y', 'Bo', 1), f('z', 'Ann', 1)]);
    expect(forkOrdinals(store.getState().forkSummaries)).toEqual({ x: 1, y: 1, z: 2 });
  });
});

describe('commands slice', () => {
  it('is pending while a command is in flight, then idle on success', () => {
    store.getState().commandStarted({ id: 1, sessionId: 's', type: 'setConfig' });
    expect(commandStatusOf(store.getState().commands, 's')).toEqual({ state: 'pending' });
    expect(commandStatusOf(store.getState().commands, 'other')).toEqual({ state: 'idle' });
    store.getState().commandSucceeded(1);
    expect(commandStatusOf(store.getState().commands, 's')).toEqual({ state: 'idle' });
  });

  it('shows the latest failure and keeps only a few', () => {
    for (let id = 1; id <= 8; id++) {
      store.getState().commandStarted({ id, sessionId: 's', type: 'setConfig' });
      store.getState().commandFailed(id, 'forbidden', `no ${id}`);
    }
    expect(commandStatusOf(store.getState().commands, 's')).toEqual({ state: 'failed', message: 'no 8', id: 8 });
    expect(Object.keys(store.getState().commands)).toHaveLength(5);
    store.getState().dismissCommand(8);
    expect(commandStatusOf(store.getState().commands, 's')).toMatchObject({ state: 'failed', id: 7 });
  });

  it('clears earlier failures of a session when a later command succeeds', () => {
    const st = store.getState();
    st.commandStarted({ id: 1, sessionId: 's', type: 'setConfig' });
    st.commandFailed(1, 'invalidConfig', 'bad');
    st.commandStarted({ id: 2, sessionId: 'other', type: 'play' });
    st.commandFailed(2, 'forbidden', 'no');
    st.commandStarted({ id: 3, sessionId: 's', type: 'play' });
    st.commandSucceeded(3);
    expect(commandStatusOf(store.getState().commands, 's')).toEqual({ state: 'idle' });
    expect(commandStatusOf(store.getState().commands, 'other')).toMatchObject({ state: 'failed' });
  });
});

describe('resetClassState', () => {
  it('clears the class but keeps the connection status', () => {
    store.getState().setConnection('connected');
    store.getState().putSession(session('c'));
    store.getState().setClassSession('c');
    store.getState().setParticipantId('me');
    store.getState().resetClassState();
    expect(store.getState().sessions).toEqual({});
    expect(store.getState().classSessionId).toBeNull();
    expect(store.getState().participantId).toBeNull();
    expect(store.getState().connection).toBe('connected');
  });
});
