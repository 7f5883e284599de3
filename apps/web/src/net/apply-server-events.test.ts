import { beforeEach, describe, expect, it } from 'vitest';
import { encodeForkPreviews, encodeSnapshot, parameterCount } from '@playroom/protocol';
import { createAppStore, type AppStore } from '../store/app-store';
import {
  applyClassStatus,
  applyForkPreviews,
  applyForkRemoved,
  applyForks,
  applyRoster,
  applySessionUpdate,
  applySnapshotMessage,
  applyWelcome,
} from './apply-server-events';
import { sessionViewFromState } from '@playroom/protocol';
import { forkSummary, LAYER_SIZES, sessionState, studentWelcome } from './test-fixtures';

const ann = { code: 'ABC234', role: 'student' as const, token: null, name: 'Ann' };

function snapshotBytes(clock: number, epoch: number, layerSizes = LAYER_SIZES) {
  return encodeSnapshot({
    clock,
    epoch,
    trainLoss: 0.125,
    testLoss: 0.25,
    trainAccuracy: null,
    testAccuracy: 0.5,
    learningRate: 0.03,
    playing: true,
    diverged: false,
    layerSizes,
    gradientNorms: new Array(layerSizes.length - 1).fill(0.5),
    params: new Array(parameterCount(layerSizes)).fill(epoch / 1000),
    lossTail: [{ epoch, trainLoss: 0.125, testLoss: 0.25 }],
  });
}

let store: AppStore;
beforeEach(() => {
  store = createAppStore();
});

describe('applyWelcome', () => {
  it('fills the class, roster, forks and status, and hands back the participant token', () => {
    const identity = applyWelcome(store, studentWelcome({ forks: [forkSummary('f1', 'p-ann')] }), ann);
    const s = store.getState();
    expect(identity).toEqual({ code: 'ABC234', role: 'student', name: 'Ann', token: 'tok_ann_0123456789abcdefghij' });
    expect(s.classSessionId).toBe('class-1');
    expect(s.sessions['class-1']?.epoch).toBe(12);
    expect(s.participantId).toBe('p-ann');
    expect(s.roster).toHaveLength(2);
    expect(Object.keys(s.forkSummaries)).toEqual(['f1']);
    expect(s.joined).toBe(true);
  });

  it('replaces newer local state: after a restart the server may be behind what we saw', () => {
    store.getState().putSession({ ...sessionViewFromState(sessionState()), clock: 500, epoch: 900 });
    applyWelcome(store, studentWelcome(), ann);
    expect(store.getState().sessions['class-1']?.epoch).toBe(12);
  });

  it('keeps forks that still exist and drops the ones that are gone', () => {
    store.getState().putSession(sessionViewFromState(sessionState({ sessionId: 'f1', kind: 'fork' })));
    store.getState().putSession(sessionViewFromState(sessionState({ sessionId: 'gone', kind: 'fork' })));
    applyWelcome(store, studentWelcome({ forks: [forkSummary('f1', 'p-ann')] }), ann);
    expect(Object.keys(store.getState().sessions).sort()).toEqual(['class-1', 'f1']);
  });

  it('keeps the token we had when a welcome carries none (teacher)', () => {
    const teacher = { code: 'ABC234', role: 'teacher' as const, token: 'teacher-token-0123456789ab', name: 'Ms Chen' };
    const identity = applyWelcome(store, studentWelcome({ role: 'teacher', participantToken: undefined, name: 'Ms Chen' }), teacher);
    expect(identity.token).toBe('teacher-token-0123456789ab');
    expect(identity.role).toBe('teacher');
  });
});

describe('applySessionUpdate', () => {
  it('replaces a known session (STATE-1) and ignores sessions we do not follow', () => {
    applyWelcome(store, studentWelcome(), ann);
    applySessionUpdate(store, { cause: 'setConfig', by: 'p-teacher', state: sessionState({ clock: 41, config: { ...sessionState().config, learningRate: 0.3 } }) });
    applySessionUpdate(store, { cause: 'play', by: 'p-bo', state: sessionState({ sessionId: 'someone-else', clock: 99 }) });
    expect(store.getState().sessions['class-1']?.config.learningRate).toBe(0.3);
    expect(store.getState().sessions['someone-else']).toBeUndefined();
  });
});

describe('applySnapshotMessage', () => {
  it('decodes the binary snapshot into the session', () => {
    applyWelcome(store, studentWelcome(), ann);
    expect(applySnapshotMessage(store, { sessionId: 'class-1', bytes: snapshotBytes(41, 13) })).toBe(true);
    const s = store.getState().sessions['class-1']!;
    expect(s.epoch).toBe(13);
    expect(s.playing).toBe(true);
    expect(s.metrics.testAccuracy).toBe(0.5);
    expect(s.params[0]).toBe(Math.fround(0.013));
    expect(s.lossHistory.points.at(-1)).toEqual({ epoch: 13, trainLoss: 0.125, testLoss: 0.25 });
  });

  it('ignores a snapshot whose clock is not above ours (SNAP-3)', () => {
    applyWelcome(store, studentWelcome(), ann);
    applySnapshotMessage(store, { sessionId: 'class-1', bytes: snapshotBytes(40, 99) });
    expect(store.getState().sessions['class-1']?.epoch).toBe(12);
  });

  it('accepts Node buffers and rejects garbage without touching the store', () => {
    applyWelcome(store, studentWelcome(), ann);
    const before = store.getState().sessions;
    expect(applySnapshotMessage(store, { sessionId: 'class-1', bytes: new Uint8Array([1, 2, 3]) })).toBe(false);
    expect(store.getState().sessions).toBe(before);
    expect(applySnapshotMessage(store, { sessionId: 'class-1', bytes: new Uint8Array(snapshotBytes(42, 14)) })).toBe(true);
    expect(store.getState().sessions['class-1']?.epoch).toBe(14);
  });
});

describe('roster, forks and class status', () => {
  it('maps each event onto its slice', () => {
    applyWelcome(store, studentWelcome(), ann);
    applyRoster(store, { participants: [] });
    expect(store.getState().roster).toEqual([]);
    applyForks(store, { forks: [forkSummary('f1', 'p-ann'), forkSummary('f2', 'p-bo')] });
    expect(Object.keys(store.getState().forkSummaries).sort()).toEqual(['f1', 'f2']);
    store.getState().putSession(sessionViewFromState(sessionState({ sessionId: 'f1', kind: 'fork' })));
    store.getState().setActiveView({ kind: 'fork', id: 'f1' });
    applyForkRemoved(store, { sessionId: 'f1' });
    expect(Object.keys(store.getState().forkSummaries)).toEqual(['f2']);
    expect(store.getState().sessions.f1).toBeUndefined();
    expect(store.getState().activeView).toEqual({ kind: 'class' });
    const status = { spotlightId: 'f2', spotlightOwner: { participantId: 'p-bo', name: 'Bo', role: 'student' as const, alias: 2 }, forksFrozen: true, locked: false, lessonControls: {}, namesHidden: false, lesson: null };
    applyClassStatus(store, status);
    expect(store.getState().classStatus).toEqual(status);
  });
});

describe('applyForkPreviews (SUM-2)', () => {
  const preview = (sessionId: string, clock: number, weight: number) => ({
    sessionId,
    clock,
    layerSizes: LAYER_SIZES,
    hiddenActivations: LAYER_SIZES.slice(1, -1).map(() => 'tanh' as const),
    outputLoss: 'tanh-square' as const,
    features: ['x1', 'x2'] as const,
    params: new Array(parameterCount(LAYER_SIZES)).fill(weight),
  });

  it('keeps the newest preview of each fork, drops a malformed batch, and forgets a removed fork’s', () => {
    const store = createAppStore();
    store.getState().setForkSummaries([forkSummary('f1', 'p-ann')]);
    expect(applyForkPreviews(store, { bytes: encodeForkPreviews([preview('f1', 5, 0.5), preview('f2', 1, 1)]) })).toBe(true);
    expect(Object.keys(store.getState().forkPreviews).sort()).toEqual(['f1', 'f2']);
    expect(store.getState().forkPreviews.f1!.params[0]).toBeCloseTo(0.5, 2);
    applyForkPreviews(store, { bytes: encodeForkPreviews([preview('f1', 4, -0.5)]) });
    expect(store.getState().forkPreviews.f1!.clock).toBe(5);
    expect(applyForkPreviews(store, { bytes: new Uint8Array([1, 0, 5]) })).toBe(false);
    applyForkRemoved(store, { sessionId: 'f1' });
    expect(store.getState().forkPreviews.f1).toBeUndefined();
  });
});
