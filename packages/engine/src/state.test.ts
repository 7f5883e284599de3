import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from './config';
import { Trainer, createTrainer } from './trainer';

/** A state in the middle of an epoch (batch 7 leaves a partial batch pending) after two epochs with Adam. */
function midway() {
  const trainer = createTrainer({ ...DEFAULT_CONFIG, batchSize: 7, optimizer: { ...DEFAULT_CONFIG.optimizer, kind: 'adam' } });
  trainer.trainEpoch();
  trainer.trainEpoch();
  return trainer.exportState();
}

describe('Trainer.fromState refuses a state that does not fit its network or data, with a readable error', () => {
  const cases: [string, (s: ReturnType<typeof midway>) => unknown, RegExp][] = [
    ['pending gradients of the wrong size', (s) => ({ ...s, pendingExamples: 3, pendingGrads: [1, 2] }), /pendingGrads/],
    ['pending examples without their gradients', (s) => ({ ...s, pendingExamples: 3, pendingGrads: undefined }), /pendingGrads/],
    ['more pending examples than training points', (s) => ({ ...s, pendingExamples: 1e6, pendingGrads: s.params.map(() => 0) }), /pendingExamples/],
    ['gradient sums for another network', (s) => ({ ...s, gradientStats: { ...s.gradientStats, sums: [1, 2, 3, 4, 5] } }), /gradientStats\.sums/],
    ['gradient norms for another network', (s) => ({ ...s, gradientStats: { ...s.gradientStats, norms: [] } }), /gradientStats\.norms/],
    ['Adam moments of the wrong size', (s) => ({ ...s, optimizer: { ...s.optimizer, m: [0] } }), /optimizer\.m/],
    ['a NaN weight', (s) => ({ ...s, params: s.params.map((p, i) => (i === 0 ? Number.NaN : p)) }), /params/],
    ['an all-zero random state', (s) => ({ ...s, rng: [0, 0, 0, 0] }), /Rng/],
    ['a config the engine refuses', (s) => ({ ...s, config: { ...s.config, hiddenLayers: [99] } }), /hiddenLayers/],
  ];
  it.each(cases)('%s', (_what, change, message) => {
    expect(() => Trainer.fromState(change(midway()))).toThrow(message);
  });

  it('loads the state itself and continues it exactly', () => {
    const state = midway();
    const a = Trainer.fromState(JSON.parse(JSON.stringify(state)));
    const b = Trainer.fromState(state);
    a.trainEpoch();
    b.trainEpoch();
    expect(Array.from(a.network.params)).toEqual(Array.from(b.network.params));
  });
});
