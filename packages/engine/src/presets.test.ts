/**
 * Each teaching preset, trained through the engine on its own seeds and
 * epochs, shows the effect it claims (issue 12's thresholds).
 */
import { describe, expect, it } from 'vitest';
import type { Metrics } from './metrics';
import { PRESETS, PRESET_IDS, findPreset, presetConfig } from './presets';
import { createTrainer, type Trainer } from './trainer';
import { validateConfig } from './validate-config';

interface Run {
  trainer: Trainer;
  /** metrics after epoch 0, 1, 2, … (index = epoch) until the last epoch or a divergence */
  history: Metrics[];
  final: Metrics;
}

const runs = new Map<string, Run>();

/** Trains preset `id` for its own epochs (once per file), keeping every epoch's metrics. */
function run(id: string): Run {
  const cached = runs.get(id);
  if (cached !== undefined) return cached;
  const preset = findPreset(id);
  if (preset === undefined) throw new Error(`no preset ${id}`);
  const trainer = createTrainer(presetConfig(preset));
  const history = [trainer.evaluate()];
  for (let e = 0; e < preset.epochs && trainer.diverged === null; e++) {
    trainer.trainEpoch();
    if (trainer.diverged === null) history.push(trainer.evaluate());
  }
  const result = { trainer, history, final: trainer.evaluate() };
  runs.set(id, result);
  return result;
}

/** The epoch of the lowest test loss (the first if tied). */
function bestTestEpoch(history: readonly Metrics[]): number {
  let best = 0;
  history.forEach((m, i) => {
    if (m.testLoss < history[best]!.testLoss) best = i;
  });
  return best;
}

describe('presets', () => {
  it('have unique ids, valid configs and positive epoch counts', () => {
    expect(new Set(PRESET_IDS).size).toBe(PRESETS.length);
    for (const preset of PRESETS) {
      expect(() => validateConfig(presetConfig(preset)), preset.id).not.toThrow();
      expect(preset.epochs, preset.id).toBeGreaterThan(0);
      expect(preset.summary.length, preset.id).toBeGreaterThan(10);
    }
    expect(findPreset('no-such-preset')).toBeUndefined();
  });

  it('presetConfig returns a fresh copy each time', () => {
    const a = presetConfig(findPreset('plateau')!);
    a.features.push('cosx1');
    expect(presetConfig(findPreset('plateau')!).features).not.toContain('cosx1');
  });

  it('xor-linear cannot learn XOR (test loss above 0.2); xor-tanh can (below 0.05)', () => {
    expect(run('xor-linear').final.testLoss).toBeGreaterThan(0.2);
    expect(run('xor-linear').final.trainLoss).toBeGreaterThan(0.2);
    expect(run('xor-tanh').final.testLoss).toBeLessThan(0.05);
  });

  it('xor-product: linear, no hidden layer, with x1·x2 learns XOR (test loss below 0.05)', () => {
    expect(run('xor-product').final.testLoss).toBeLessThan(0.05);
  });

  it('circle-linear stays above 0.2 test loss; circle-squares falls below 0.05', () => {
    expect(run('circle-linear').final.testLoss).toBeGreaterThan(0.2);
    expect(run('circle-squares').final.testLoss).toBeLessThan(0.05);
  });

  it('vanishing-gradients: the first layer gradient is below 1e-3 of the last layer\'s after 50 epochs', () => {
    const { history } = run('vanishing-gradients');
    const norms = history[50]!.gradientNorms;
    expect(norms).toHaveLength(7);
    expect(norms[0]! / norms.at(-1)!).toBeLessThan(1e-3);
    // the fading is layer by layer: every layer's gradient is smaller than the next one's
    for (let i = 0; i + 1 < norms.length; i++) expect(norms[i]!).toBeLessThan(norms[i + 1]!);
  });

  it('exploding-gradients: training stops with the engine\'s divergence, nothing non-finite kept', () => {
    const { trainer, final } = run('exploding-gradients');
    expect(trainer.diverged?.kind).toBe('exploded');
    expect(final.diverged?.reason).toMatch(/\S/);
    expect(Number.isFinite(final.trainLoss)).toBe(true);
    // update by update: the loss jumps by orders of magnitude before the engine stops it
    const stepped = createTrainer(presetConfig(findPreset('exploding-gradients')!));
    const losses = [stepped.evaluate().trainLoss];
    while (stepped.diverged === null && stepped.epoch < 1) {
      stepped.trainBatches(1);
      losses.push(stepped.evaluate().trainLoss);
    }
    expect(stepped.diverged?.kind).toBe('exploded');
    expect(Math.max(...losses)).toBeGreaterThan(1000 * losses[0]!);
    const reduced = createTrainer({ ...presetConfig(findPreset('exploding-gradients')!), learningRate: 0.03 });
    for (let e = 0; e < 10; e++) reduced.trainEpoch();
    expect(reduced.diverged).toBeNull();
  });

  it('rate-too-high jumps and stays high, rate-too-low crawls, the default rate learns the same network', () => {
    const high = run('rate-too-high');
    const low = run('rate-too-low');
    const epochs = findPreset('rate-too-low')!.epochs;
    expect(findPreset('rate-too-high')!.epochs).toBe(epochs);
    const good = createTrainer({ ...presetConfig(findPreset('rate-too-low')!), learningRate: 0.03 });
    for (let e = 0; e < epochs; e++) good.trainEpoch();
    expect(good.evaluate().testLoss).toBeLessThan(0.05);

    expect(high.final.testLoss).toBeGreaterThan(0.2);
    const jumps = high.history.filter((m, i) => i > 0 && m.trainLoss > high.history[i - 1]!.trainLoss * 1.05).length;
    expect(jumps).toBeGreaterThanOrEqual(5);

    const [first, last] = [low.history[0]!, low.final];
    expect(last.trainLoss).toBeLessThan(first.trainLoss);
    expect(last.trainLoss).toBeGreaterThan(first.trainLoss * 0.95);
    expect(low.history.every((m, i) => i === 0 || m.trainLoss <= low.history[i - 1]!.trainLoss)).toBe(true);
  });

  it('overfitting: test loss rises ≥ 20 % above its minimum while the training loss keeps falling', () => {
    const { history, final } = run('overfitting');
    const best = bestTestEpoch(history);
    expect(best).toBeLessThan(history.length - 1);
    expect(final.testLoss).toBeGreaterThanOrEqual(history[best]!.testLoss * 1.2);
    expect(final.trainLoss).toBeLessThan(history[best]!.trainLoss * 0.8);
    const late = history.slice(-100);
    expect(late.at(-1)!.trainLoss).toBeLessThan(late[0]!.trainLoss);
  });

  it('overfitting-l2: the same with L2 keeps the test loss within 5 % of its minimum', () => {
    const { history, final } = run('overfitting-l2');
    const min = history[bestTestEpoch(history)]!.testLoss;
    expect(final.testLoss).toBeLessThanOrEqual(min * 1.05);
    expect(final.testLoss).toBeLessThan(run('overfitting').final.testLoss);
  });

  it('off-centre-no-bias stays above 0.2 test loss with every bias at 0; off-centre-bias falls below 0.05', () => {
    const without = run('off-centre-no-bias');
    expect(without.final.testLoss).toBeGreaterThan(0.2);
    const { network } = without.trainer;
    expect(network.params[network.biasIndex(1, 0)]).toBe(0);
    const withBias = run('off-centre-bias');
    expect(withBias.final.testLoss).toBeLessThan(0.05);
    expect(withBias.trainer.network.params[withBias.trainer.network.biasIndex(1, 0)]).not.toBe(0);
  });

  it('plateau: the learning rate drops at least once, and only after the test loss stopped improving', () => {
    const { history } = run('plateau');
    const config = presetConfig(findPreset('plateau')!);
    if (config.schedule.kind !== 'plateau') throw new Error('plateau preset without the plateau schedule');
    const cut = history.findIndex((m) => m.learningRate < config.learningRate);
    expect(cut).toBeGreaterThan(0);
    expect(history[cut]!.learningRate).toBeCloseTo(config.learningRate * config.schedule.factor, 12);
    const before = history.slice(1, cut + 1).map((m) => m.testLoss);
    const bestBefore = Math.min(...before);
    const lastImproved = before.indexOf(bestBefore);
    expect(before.length - 1 - lastImproved).toBeGreaterThanOrEqual(config.schedule.patience);
  });
});

describe('presets for the problem types and batches', () => {
  it('regression-gauss and multiclass-four learn (test loss below 0.05) on their own problem types', () => {
    expect(presetConfig(findPreset('regression-gauss')!).problem).toBe('regression');
    expect(run('regression-gauss').final.testLoss).toBeLessThan(0.05);
    expect(presetConfig(findPreset('multiclass-four')!).problem).toBe('multiclass');
    expect(run('multiclass-four').history[0]!.testLoss).toBeGreaterThan(0.5);
    expect(run('multiclass-four').final.testLoss).toBeLessThan(0.05);
  });

  it('in the same epochs, batch-one learns (below 0.05) and batch-full crawls (above 90 % of its start)', () => {
    expect(findPreset('batch-one')!.epochs).toBe(findPreset('batch-full')!.epochs);
    expect(run('batch-one').final.testLoss).toBeLessThan(0.05);
    const full = run('batch-full');
    expect(full.final.trainLoss).toBeLessThan(full.history[0]!.trainLoss);
    expect(full.final.trainLoss).toBeGreaterThan(full.history[0]!.trainLoss * 0.9);
  });
});
