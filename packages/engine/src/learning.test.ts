/**
 * The engine learns what the playground teaches, on fixed seeds: the
 * default circle, the spiral with every feature and a deep network, XOR with
 * and without the feature that makes it linearly separable, and a
 * too-high learning rate reported as divergence instead of NaN.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG, type TrainerConfig } from './config';
import { PLAYGROUND_FEATURES } from './features';
import { Trainer, createTrainer } from './trainer';

function train(overrides: Partial<TrainerConfig>, epochs: number, stop?: (t: Trainer) => boolean): Trainer {
  const trainer = createTrainer({ ...DEFAULT_CONFIG, ...overrides });
  for (let e = 0; e < epochs && !trainer.diverged && !stop?.(trainer); e++) trainer.trainEpoch();
  return trainer;
}

describe('learning', () => {
  it('circle, x1 x2, [4, 2] tanh: test loss below 0.05', () => {
    const trainer = train({}, 300);
    expect(trainer.evaluate().testLoss).toBeLessThan(0.05);
    expect(trainer.evaluate().testAccuracy).toBeGreaterThan(0.95);
  });

  it('spiral, seven features, [8 × 6] tanh, rate 0.03, batch 10: best test loss below 0.1 within 1,000 epochs', () => {
    const trainer = train(
      { dataset: 'spiral', noise: 0, features: [...PLAYGROUND_FEATURES], hiddenLayers: [8, 8, 8, 8, 8, 8], learningRate: 0.03, batchSize: 10 },
      1000,
      (t) => (t.evaluate().bestTestLoss ?? 1) < 0.1,
    );
    expect(trainer.epoch).toBeLessThanOrEqual(1000);
    expect(trainer.evaluate().bestTestLoss).toBeLessThan(0.1);
  });

  it('XOR with only x1, x2 and linear activations cannot be learned: loss stays above 0.2', () => {
    const trainer = train({ dataset: 'xor', activation: 'linear' }, 300);
    expect(trainer.evaluate().testLoss).toBeGreaterThan(0.2);
    expect(trainer.evaluate().trainLoss).toBeGreaterThan(0.2);
  });

  it('XOR with the x1·x2 feature is learned even by a linear network: loss below 0.05', () => {
    const trainer = train({ dataset: 'xor', activation: 'linear', features: ['x1', 'x2', 'x1x2'] }, 300);
    expect(trainer.evaluate().testLoss).toBeLessThan(0.05);
  });

  it('learning rate 10 with ReLU is reported as divergence, with finite weights and a JSON-safe state', () => {
    const cases: Partial<TrainerConfig>[] = [
      { activation: 'relu', learningRate: 10 },
      { activation: 'relu', learningRate: 10, problem: 'regression', dataset: 'regress-plane', outputLoss: 'linear-square' },
      { activation: 'relu', learningRate: 10, outputLoss: 'sigmoid-xent', batchSize: 1 },
    ];
    for (const overrides of cases) {
      const trainer = train(overrides, 100);
      const metrics = trainer.evaluate();
      expect(metrics.diverged, JSON.stringify(overrides)).not.toBeNull();
      expect(metrics.diverged!.reason).toMatch(/learning rate \(10\)/);
      expect(trainer.network.params.every(Number.isFinite)).toBe(true);
      expect(Number.isFinite(metrics.trainLoss) && Number.isFinite(metrics.testLoss)).toBe(true);
      // the state survives JSON (a NaN would come back as null and be refused)
      const restored = Trainer.fromState(JSON.parse(JSON.stringify(trainer.exportState())));
      expect(Array.from(restored.network.params)).toEqual(Array.from(trainer.network.params));
      expect(restored.diverged).toEqual(metrics.diverged);
      // stopped: further training is a no-op until the config changes
      const frozen = Array.from(trainer.network.params);
      trainer.trainEpoch();
      trainer.trainBatches(5);
      expect(Array.from(trainer.network.params)).toEqual(frozen);
      const calmer = trainer.withConfig({ ...trainer.config, learningRate: 0.01 });
      expect(calmer.diverged).toBeNull();
      expect(calmer.epoch).toBe(trainer.epoch);
      // a saturated network is stuck for good (that is the diagnosis); a fresh one trains fine
      const next = metrics.diverged!.kind === 'saturated' ? trainer.withConfig({ ...trainer.config, learningRate: 0.01, seed: 2 }) : calmer;
      next.trainEpoch();
      expect(next.diverged).toBeNull();
    }
  });

  it('moderate learning rates do not trip the divergence check', () => {
    for (const activation of ['relu', 'tanh', 'sigmoid', 'leakyRelu'] as const) {
      const trainer = train({ activation, learningRate: 0.1 }, 100);
      expect(trainer.diverged, activation).toBeNull();
    }
  });
});
