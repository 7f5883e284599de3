import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG, type TrainerConfig } from './config';
import { EXPLODED_WEIGHT, divergenceReason, firstOutOfRange, isSaturated, uninformedLoss } from './divergence';
import { Trainer, createTrainer } from './trainer';

/** A trainer of the default config with `overrides`, trained epoch by epoch until it diverges (at most `epochs`). */
function trainToDivergence(overrides: Partial<TrainerConfig>, epochs = 100): Trainer {
  const trainer = createTrainer({ ...DEFAULT_CONFIG, ...overrides });
  for (let e = 0; e < epochs && !trainer.diverged; e++) trainer.trainEpoch();
  return trainer;
}

describe('divergence signs', () => {
  it('firstOutOfRange finds NaN, ±Infinity and, with a limit, huge values', () => {
    expect(firstOutOfRange(Float64Array.from([1, -2, 3]))).toBe(-1);
    expect(firstOutOfRange(Float64Array.from([1, Number.NaN, Infinity]))).toBe(1);
    expect(firstOutOfRange(Float64Array.from([1, -Infinity]))).toBe(1);
    expect(firstOutOfRange(Float64Array.from([1, -2e6]), EXPLODED_WEIGHT)).toBe(1);
    expect(firstOutOfRange(Float64Array.from([1, -2e6]))).toBe(-1);
  });

  it('the uninformed loss is what output 0 or uniform probabilities would score', () => {
    expect(uninformedLoss('tanh-square', Float64Array.from([1, -1, 1]), 3, 2)).toBe(0.5);
    expect(uninformedLoss('linear-square', Float64Array.from([0.5, -1]), 2, 0)).toBe((0.125 + 0.5) / 2);
    expect(uninformedLoss('sigmoid-xent', new Float64Array(4), 4, 2)).toBe(Math.LN2);
    expect(uninformedLoss('softmax-xent', new Float64Array(4), 4, 3)).toBe(Math.log(3));
  });

  it('saturation needs both a loss far above uninformed and vanished gradients in every layer', () => {
    expect(isSaturated(1, 0.5, [1e-6, 0, 1e-9])).toBe(true);
    expect(isSaturated(1, 0.5, [1e-6, 0.01, 1e-9])).toBe(false);
    expect(isSaturated(0.6, 0.5, [0, 0, 0])).toBe(false);
    expect(isSaturated(1, 0, [0])).toBe(false);
  });

  it('the reason names the epoch and the learning rate, and what to do', () => {
    expect(divergenceReason('not-finite', 10, 3)).toMatch(/epoch 3.*NaN.*learning rate \(10\).*lower the learning rate/);
    expect(divergenceReason('saturated', 3, 1)).toMatch(/reset the network/);
  });
});

describe('a divergence', () => {
  it("names the epoch training stopped at: the trainer's epoch (the counter a viewer sees), whose weights are kept", () => {
    const cases: Partial<TrainerConfig>[] = [
      { activation: 'tanh', learningRate: 10 },
      { activation: 'relu', learningRate: 10, problem: 'regression', dataset: 'regress-plane', outputLoss: 'linear-square' },
    ];
    for (const overrides of cases) {
      const trainer = trainToDivergence(overrides);
      const diverged = trainer.diverged!;
      expect(diverged, JSON.stringify(overrides)).not.toBeNull();
      expect(diverged.epoch).toBe(trainer.epoch);
      expect(diverged.reason).toMatch(new RegExp(`epoch ${trainer.epoch}\\b`));
      expect(trainer.evaluate().diverged!.epoch).toBe(trainer.epoch);
    }
  });

  it('names the counter also when a batch-wise call that crossed epochs is undone', () => {
    const trainer = createTrainer({ ...DEFAULT_CONFIG, activation: 'relu', learningRate: 10, problem: 'regression', dataset: 'regress-plane', outputLoss: 'linear-square' });
    for (let call = 0; call < 100 && !trainer.diverged; call++) trainer.trainBatches(37);
    expect(trainer.diverged).not.toBeNull();
    expect(trainer.diverged!.epoch).toBe(trainer.epoch);
  });
});

describe('a divergence after a hand-typed absurd weight or bias', () => {
  /** The default network trained 20 epochs: it learns well and would not diverge on its own. */
  function trained(overrides: Partial<TrainerConfig> = {}): Trainer {
    const trainer = createTrainer({ ...DEFAULT_CONFIG, ...overrides });
    for (let e = 0; e < 20; e++) trainer.trainEpoch();
    expect(trainer.diverged).toBeNull();
    return trainer;
  }
  const trainOn = (trainer: Trainer, epochs = 100): Trainer => {
    for (let e = 0; e < epochs && !trainer.diverged; e++) trainer.trainEpoch();
    return trainer;
  };

  it('names the weight typed as the cause, not the learning rate', () => {
    const trainer = trained();
    trainer.setWeight(3, 0, 1, -1e6);
    const diverged = trainOn(trainer).diverged!;
    expect(diverged).not.toBeNull();
    expect(diverged.handSet).toEqual({ layer: 3, to: 0, from: 1, value: -1e6 });
    expect(diverged.reason).toMatch(/weight you set by hand.*-1e\+6.*far too large/);
    expect(diverged.reason).not.toMatch(/learning rate .* too high/);
  });

  it('names a bias typed as the cause (from: null)', () => {
    const trainer = trained();
    trainer.setBias(3, 0, 1000);
    const diverged = trainOn(trainer).diverged!;
    expect(diverged.handSet).toEqual({ layer: 3, to: 0, from: null, value: 1000 });
    expect(diverged.reason).toMatch(/bias you set by hand.*1e\+3/);
  });

  it('blames no typed value that is ordinary, or that was typed over with a small one', () => {
    const ordinary = createTrainer({ ...DEFAULT_CONFIG, learningRate: 10 });
    ordinary.setWeight(1, 0, 0, 5);
    expect(trainOn(ordinary).diverged).toMatchObject({ kind: 'saturated' });
    expect(ordinary.diverged!.handSet).toBeUndefined();
    expect(ordinary.diverged!.reason).toMatch(/learning rate \(10\)/);

    const retyped = createTrainer({ ...DEFAULT_CONFIG, learningRate: 10 });
    retyped.setWeight(1, 0, 0, 1e6);
    retyped.setWeight(1, 0, 0, 0.2);
    expect(trainOn(retyped).diverged!.handSet).toBeUndefined();
  });

  it('is remembered through the exact state (a fork, a restart) and a training-settings change, not past a new network', () => {
    const trainer = trained();
    trainer.setWeight(3, 0, 0, 1e6);
    const copy = Trainer.fromState(JSON.parse(JSON.stringify(trainer.exportState())));
    expect(trainOn(copy).diverged!.handSet).toEqual({ layer: 3, to: 0, from: 0, value: 1e6 });
    const slower = trainer.withConfig({ ...trainer.config, learningRate: 0.01 });
    expect(trainOn(slower).diverged!.handSet).toEqual({ layer: 3, to: 0, from: 0, value: 1e6 });
    // a stored divergence keeps its cause
    expect(Trainer.fromState(JSON.parse(JSON.stringify(slower.exportState()))).diverged).toEqual(slower.diverged);
    const rebuilt = trainer.withConfig({ ...trainer.config, seed: 7 });
    expect(rebuilt.exportState().handSet).toBeUndefined();
  });
});
