import { beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '@playroom/engine';
import { createAppStore, type AppStore } from './app-store';
import { loadIdentity } from './identity-storage';
import { selectActiveReadOnly, selectActiveSession } from './selectors';
import { commandStatusOf } from './commands-slice';
import { selectOnlineStudentCount, selectStudentCount } from './roster-slice';
import { sortedForkSummaries } from './forks-slice';
import type { SessionSnapshot, SessionView } from './sessions-slice';

function session(id: string, kind: 'class' | 'fork' = 'class'): SessionView {
  return {
    id,
    kind,
    config: DEFAULT_CONFIG,
    params: new Float32Array(4),
    epoch: 0,
    metrics: { trainLoss: 0.5, testLoss: 0.6, gradientNorms: [], weightNorms: [] },
    lossHistory: [],
    playing: false,
    speed: 10,
    diverged: null,
    clock: 0,
  };
}

function snapshot(clock: number, epoch: number, loss = 0.4): SessionSnapshot {
  return {
    clock,
    epoch,
    params: Float32Array.from([epoch, 1, 2, 3]),
    metrics: { trainLoss: loss, testLoss: loss + 0.1, gradientNorms: [0.1], weightNorms: [0.2] },
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
    expect(Array.from(s.params)).toEqual([20, 1, 2, 3]);
    expect(s.lossHistory.map((p) => p.epoch)).toEqual([20]);
  });

  it('ignores snapshots of unknown sessions', () => {
    const before = store.getState().sessions;
    store.getState().applySnapshot('nope', snapshot(1, 1));
    expect(store.getState().sessions).toBe(before);
  });

  it('patches config and playing without touching the rest', () => {
    store.getState().putSession(session('s1'));
    store.getState().patchSession('s1', { playing: true, config: { ...DEFAULT_CONFIG, learningRate: 0.3 } });
    const s = store.getState().sessions.s1!;
    expect(s.playing).toBe(true);
    expect(s.config.learningRate).toBe(0.3);
    expect(s.speed).toBe(10);
  });

  it('falls back to the class view when the viewed fork goes away', () => {
    store.getState().putSession(session('c'));
    store.getState().setClassSession('c');
    store.getState().putSession(session('f1', 'fork'));
    store.getState().addMyFork('f1');
    store.getState().addMyFork('f1');
    store.getState().setActiveView({ kind: 'fork', id: 'f1' });
    expect(store.getState().myForkIds).toEqual(['f1']);
    expect(selectActiveSession(store.getState())?.id).toBe('f1');
    store.getState().removeSession('f1');
    expect(store.getState().activeView).toEqual({ kind: 'class' });
    expect(store.getState().myForkIds).toEqual([]);
    expect(selectActiveSession(store.getState())?.id).toBe('c');
  });
});

describe('read-only rule', () => {
  it('is read-only for a student on the class session only', () => {
    store.getState().setIdentity({ code: 'ABC', role: 'student', token: 't', name: 'Ann' });
    expect(selectActiveReadOnly(store.getState())).toBe(true);
    store.getState().setActiveView({ kind: 'fork', id: 'f' });
    expect(selectActiveReadOnly(store.getState())).toBe(false);
    store.getState().setIdentity({ code: 'ABC', role: 'teacher', token: 't', name: 'T' });
    store.getState().setActiveView({ kind: 'class' });
    expect(selectActiveReadOnly(store.getState())).toBe(false);
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
    const st = store.getState();
    st.setRoster([{ id: 't', name: 'T', role: 'teacher', online: true }]);
    st.upsertParticipant({ id: 'a', name: 'Ann', role: 'student', online: true });
    st.upsertParticipant({ id: 'b', name: 'Bo', role: 'student', online: true });
    st.upsertParticipant({ id: 'b', name: 'Bo', role: 'student', online: false });
    expect(selectStudentCount(store.getState())).toBe(2);
    expect(selectOnlineStudentCount(store.getState())).toBe(1);
    st.removeParticipant('a');
    expect(selectStudentCount(store.getState())).toBe(1);
  });
});

describe('forks slice', () => {
  const f = (forkId: string, ownerName: string, trainLoss = 0.3) => ({
    forkId, ownerName, epoch: 5, trainLoss, testLoss: trainLoss, playing: true, diverged: false,
  });

  it('merges incremental summaries and sorts by owner', () => {
    store.getState().setForkSummaries([f('2', 'Zoe'), f('1', 'Ann')]);
    store.getState().mergeForkSummaries([f('2', 'Zoe', 0.1), f('3', 'Bo')]);
    const list = sortedForkSummaries(store.getState().forkSummaries);
    expect(list.map((x) => x.ownerName)).toEqual(['Ann', 'Bo', 'Zoe']);
    expect(list[2]?.trainLoss).toBe(0.1);
    store.getState().removeForkSummary('3');
    expect(Object.keys(store.getState().forkSummaries).sort()).toEqual(['1', '2']);
  });
});

describe('commands slice', () => {
  it('is pending while a command is in flight, then idle on success', () => {
    store.getState().commandStarted({ id: 1, sessionId: 's', type: 'config' });
    expect(commandStatusOf(store.getState().commands, 's')).toEqual({ state: 'pending' });
    expect(commandStatusOf(store.getState().commands, 'other')).toEqual({ state: 'idle' });
    store.getState().commandSucceeded(1);
    expect(commandStatusOf(store.getState().commands, 's')).toEqual({ state: 'idle' });
  });

  it('shows the latest failure and keeps only a few', () => {
    for (let id = 1; id <= 8; id++) {
      store.getState().commandStarted({ id, sessionId: 's', type: 'config' });
      store.getState().commandFailed(id, 'forbidden', `no ${id}`);
    }
    expect(commandStatusOf(store.getState().commands, 's')).toEqual({ state: 'failed', message: 'no 8', id: 8 });
    expect(Object.keys(store.getState().commands)).toHaveLength(5);
    store.getState().dismissCommand(8);
    expect(commandStatusOf(store.getState().commands, 's')).toMatchObject({ state: 'failed', id: 7 });
  });
});

describe('resetClassState', () => {
  it('clears the class but keeps the connection status', () => {
    store.getState().setConnection('connected');
    store.getState().putSession(session('c'));
    store.getState().setClassSession('c');
    store.getState().resetClassState();
    expect(store.getState().sessions).toEqual({});
    expect(store.getState().classSessionId).toBeNull();
    expect(store.getState().connection).toBe('connected');
  });
});
