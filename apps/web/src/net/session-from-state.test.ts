import { describe, expect, it } from 'vitest';
import { sessionFromState } from './session-from-state';
import { sessionState } from './test-fixtures';

describe('sessionFromState', () => {
  it('keeps the exact Float64 parameters and the identity of the session', () => {
    const view = sessionFromState(sessionState({ sessionId: 'f9', kind: 'fork', parentId: 'class-1', ownerId: 'p-ann' }));
    expect(view.params).toBeInstanceOf(Float64Array);
    expect(view.params[3]).toBe(0.03);
    expect(view).toMatchObject({ id: 'f9', kind: 'fork', parentId: 'class-1', ownerId: 'p-ann', epoch: 12, clock: 40 });
  });

  it('turns null losses into NaN and drops incomplete history points', () => {
    const view = sessionFromState(sessionState());
    expect(view.metrics.trainLoss).toBe(0.3);
    expect(view.metrics.testLoss).toBeNaN();
    expect(view.lossHistory.map((p) => p.epoch)).toEqual([10, 12]);
  });

  it('computes weight norms from the parameters', () => {
    const view = sessionFromState(sessionState());
    expect(view.metrics.weightNorms).toHaveLength(3);
    // layer 1: weights 0..7 → mean of 0.00..0.07
    expect(view.metrics.weightNorms[0]).toBeCloseTo(0.035, 10);
  });

  it('keeps a divergence kind the server sends along, and ignores one it does not know', () => {
    const metrics = sessionState().metrics;
    const saturated: typeof metrics.diverged = { reason: 'stuck', epoch: 40, kind: 'saturated' };
    expect(sessionFromState(sessionState({ metrics: { ...metrics, diverged: saturated } })).diverged).toEqual({ reason: 'stuck', epoch: 40, kind: 'saturated' });
    // a kind from a newer server
    const odd = { reason: 'odd', epoch: 3, kind: 'wormhole' } as unknown as typeof metrics.diverged;
    expect(sessionFromState(sessionState({ metrics: { ...metrics, diverged: odd } })).diverged).toEqual({ reason: 'odd', epoch: 3 });
    expect(sessionFromState(sessionState()).diverged).toBeNull();
  });
});
