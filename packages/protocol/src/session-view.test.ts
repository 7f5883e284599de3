import { createTrainer, DEFAULT_CONFIG, parameterCount } from '@playroom/engine';
import { describe, expect, it } from 'vitest';
import { decodeSnapshot, encodeSnapshot, type Snapshot } from './snapshot-codec';
import type { SessionState } from './schemas/state-schemas';
import { sessionMetricsOf, sessionViewFromState, withSnapshot } from './session-view';

const SIZES = [2, 2, 1];

function state(overrides: Partial<SessionState> = {}): SessionState {
  return {
    sessionId: 's1',
    classId: 'k1',
    kind: 'fork',
    ownerId: 'p-ann',
    ownerName: 'Ann',
    parentId: 'c1',
    forkedAtEpoch: 3,
    config: DEFAULT_CONFIG,
    layerSizes: SIZES,
    params: Array.from({ length: parameterCount(SIZES) }, (_, i) => i / 100),
    epoch: 12,
    clock: 40,
    playing: false,
    speed: 60,
    frozen: false,
    metrics: { trainLoss: 0.3, testLoss: null, trainAccuracy: 0.9, testAccuracy: null, learningRate: 0.03, gradientNorms: [0.1, 0.2], diverged: null },
    lossHistory: { stride: 1, points: [{ epoch: 12, trainLoss: 0.3, testLoss: 0.35 }] },
    preset: null,
    timeline: [],
    scrubbedTo: null,
    ...overrides,
  };
}

function snapshot(clock: number, epoch: number, overrides: Partial<Snapshot> = {}): Snapshot {
  return decodeSnapshot(
    encodeSnapshot({
      clock, epoch, trainLoss: 0.25, testLoss: 0.5, trainAccuracy: 0.75, testAccuracy: null, learningRate: 0.03,
      playing: true, diverged: false, layerSizes: SIZES, gradientNorms: [0.5, 0.25], params: new Float32Array(parameterCount(SIZES)).fill(epoch),
      lossTail: [{ epoch, trainLoss: 0.25, testLoss: 0.5 }],
      ...overrides,
    }),
  );
}

describe('session view', () => {
  it('is the wire state itself, with the exact Float64 parameters', () => {
    const view = sessionViewFromState(state());
    expect(view.params).toBeInstanceOf(Float64Array);
    expect(view.params[3]).toBe(0.03);
    const { params: _p, ...rest } = view;
    const { params: _q, ...wire } = state();
    expect(rest).toEqual(wire);
  });

  it('folds a newer snapshot in: metrics, parameters, and one more loss point by the engine rule', () => {
    const view = withSnapshot(sessionViewFromState(state()), snapshot(41, 13));
    expect(view).toMatchObject({ clock: 41, epoch: 13, playing: true });
    expect(view.params).toBeInstanceOf(Float32Array);
    expect(view.metrics).toEqual({ trainLoss: 0.25, testLoss: 0.5, trainAccuracy: 0.75, testAccuracy: null, learningRate: Math.fround(0.03), gradientNorms: [0.5, 0.25], diverged: null });
    expect(view.lossHistory.points.map((p) => p.epoch)).toEqual([12, 13]);
  });

  it('ignores a stale snapshot (SNAP-3) and one of another shape', () => {
    const view = sessionViewFromState(state());
    expect(withSnapshot(view, snapshot(40, 99))).toBe(view);
    const other = decodeSnapshot(
      encodeSnapshot({ ...snapshot(50, 1), layerSizes: [2, 1], gradientNorms: [0], params: [0, 0, 0] }),
    );
    expect(withSnapshot(view, other)).toBe(view);
  });

  it('keeps the reason of a divergence the last session update gave; a snapshot only says whether', () => {
    const diverged = { reason: 'loss is NaN', epoch: 12, kind: 'not-finite' as const };
    const view = sessionViewFromState(state({ metrics: { ...state().metrics, diverged } }));
    expect(withSnapshot(view, snapshot(41, 12, { diverged: true, trainLoss: null })).metrics.diverged).toEqual(diverged);
    expect(withSnapshot(view, snapshot(41, 12)).metrics.diverged).toBeNull();
  });

  it('sessionMetricsOf turns the engine metrics into the wire shape (missing → null)', () => {
    const trainer = createTrainer({ ...DEFAULT_CONFIG, problem: 'regression', dataset: 'regress-plane', outputLoss: 'linear-square' });
    const metrics = sessionMetricsOf({ ...trainer.evaluate(), testLoss: Number.NaN });
    expect(metrics.testLoss).toBeNull();
    expect(metrics.trainAccuracy).toBeNull();
    expect(typeof metrics.trainLoss).toBe('number');
    expect(metrics.diverged).toBeNull();
  });
});
