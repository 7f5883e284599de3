import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG, type TrainerConfig } from './config';
import { buildDataSplit } from './datasets';
import { featurizeAll } from './features';
import { Network } from './network';
import { networkShape } from './network-shape';
import { Optimizer } from './optimizers';
import { RegularizerCode } from './regularizers';
import { Rng } from './rng';
import { Trainer, createTrainer } from './trainer';

const config = (overrides: Partial<TrainerConfig> = {}): TrainerConfig => ({ ...DEFAULT_CONFIG, ...overrides });

/** The playground's oneStep(), written plainly, one example at a time. */
function playgroundEpochs(c: TrainerConfig, epochs: number): Float64Array {
  const data = buildDataSplit(c);
  const net = Network.create(networkShape(c, data.numClasses), c.initialization, new Rng(c.seed));
  const optimizer = new Optimizer(c.optimizer, net.params.length);
  const inputs = featurizeAll(c.features, data.train.xs, data.train.count);
  const settings = { learningRate: c.learningRate, regularizationCode: RegularizerCode[c.regularization], regularizationRate: c.regularizationRate };
  let accumulated = 0;
  for (let e = 0; e < epochs; e++) {
    for (let i = 0; i < data.train.count; i++) {
      net.forward(inputs, i * c.features.length);
      net.backward(data.train.labels[i]!);
      accumulated++;
      if ((i + 1) % c.batchSize === 0) {
        optimizer.update(net, accumulated, settings, new Float64Array(net.layerSizes.length - 1));
        accumulated = 0;
      }
    }
  }
  return net.params;
}

describe('Trainer', () => {
  it('trains exactly like the playground loop: stored order, update every batchSize examples, no final partial batch', () => {
    // 250 training points, batch 30: each epoch leaves 10 examples' gradients for the next
    const c = config({ batchSize: 30, regularization: 'l1', regularizationRate: 0.003, hiddenLayers: [5, 3] });
    const trainer = createTrainer(c);
    for (let e = 0; e < 3; e++) trainer.trainEpoch();
    expect(Array.from(trainer.network.params)).toEqual(Array.from(playgroundEpochs(c, 3)));
    // the batch count restarts every epoch (i is the index within the pass), so 10 are always left over
    expect(trainer.exportState().pendingExamples).toBe(250 % 30);
    expect(trainer.epoch).toBe(3);
  });

  it('is deterministic: the same config gives the same parameters and metrics', () => {
    const run = () => {
      const trainer = createTrainer(config({ dataset: 'spiral', noise: 20, optimizer: { ...DEFAULT_CONFIG.optimizer, kind: 'adam' } }));
      for (let e = 0; e < 5; e++) trainer.trainEpoch();
      return { params: Array.from(trainer.network.params), metrics: trainer.evaluate() };
    };
    expect(run()).toEqual(run());
  });

  it('trainBatches(k) applies k updates, crossing epoch boundaries, and matches trainEpoch', () => {
    const byBatches = createTrainer(config());
    byBatches.trainBatches(30); // 250 points / batch 10 = 25 per epoch
    expect(byBatches.epoch).toBe(1);
    expect(byBatches.exportState().cursor).toBe(50);
    byBatches.trainBatches(20);
    const byEpochs = createTrainer(config());
    byEpochs.trainEpoch();
    byEpochs.trainEpoch();
    expect(byBatches.epoch).toBe(2);
    expect(Array.from(byBatches.network.params)).toEqual(Array.from(byEpochs.network.params));
    expect(byBatches.evaluate()).toEqual(byEpochs.evaluate());
  });

  it('trainEpoch from the middle of a pass finishes that pass', () => {
    const trainer = createTrainer(config());
    trainer.trainBatches(3);
    trainer.trainEpoch();
    expect(trainer.epoch).toBe(1);
    expect(trainer.exportState().cursor).toBe(0);
  });

  const resumable: [string, Partial<TrainerConfig>][] = [
    ['playground defaults', {}],
    ['adam, plateau schedule, L2, batch 30', {
      optimizer: { ...DEFAULT_CONFIG.optimizer, kind: 'adam' },
      schedule: { kind: 'plateau', factor: 0.5, patience: 1, minLearningRate: 0.001 },
      regularization: 'l2',
      regularizationRate: 0.01,
      batchSize: 30,
    }],
    ['momentum, exponential decay, softmax', {
      problem: 'multiclass',
      dataset: 'three-class',
      outputLoss: 'softmax-xent',
      optimizer: { ...DEFAULT_CONFIG.optimizer, kind: 'momentum' },
      schedule: { kind: 'exponential', decayRate: 0.9, decayEpochs: 2 },
    }],
  ];

  it.each(resumable)('%s: export → JSON → fromState → train equals training straight through, bit for bit', (_, overrides) => {
    const straight = createTrainer(config(overrides));
    const interrupted = createTrainer(config(overrides));
    for (let e = 0; e < 4; e++) {
      straight.trainEpoch();
      interrupted.trainEpoch();
    }
    straight.trainBatches(7);
    interrupted.trainBatches(7); // stop mid-epoch, with a partial batch pending
    const saved = JSON.stringify(interrupted.exportState());
    const resumed = Trainer.fromState(JSON.parse(saved));
    expect(resumed.evaluate()).toEqual(interrupted.evaluate());
    for (let e = 0; e < 4; e++) {
      straight.trainEpoch();
      resumed.trainEpoch();
    }
    expect(Array.from(resumed.network.params)).toEqual(Array.from(straight.network.params));
    expect(resumed.exportState()).toEqual(straight.exportState());
  });

  it('fromState rejects states that do not fit', () => {
    const state = createTrainer(config()).exportState();
    expect(() => Trainer.fromState({ ...state, version: 99 })).toThrow(/version/);
    expect(() => Trainer.fromState({ ...state, params: state.params.slice(1) })).toThrow(/params/);
    expect(() => Trainer.fromState({ ...state, params: [...state.params.slice(1), null] })).toThrow(/params/);
    expect(() => Trainer.fromState({ ...state, config: { ...state.config, batchSize: 0 } })).toThrow(/batchSize/);
  });

  it('setWeight and setBias change the named parameter and the next evaluation', () => {
    const trainer = createTrainer(config());
    const before = trainer.evaluate().trainLoss;
    trainer.setWeight(1, 2, 1, 0.75);
    trainer.setBias(3, 0, -2);
    const { network } = trainer;
    expect(network.params[network.weightIndex(1, 2, 1)]).toBe(0.75);
    expect(network.params[network.layerOffsets[1]! + 2 * 2 + 1]).toBe(0.75);
    expect(network.params[network.biasIndex(3, 0)]).toBe(-2);
    expect(network.params[network.params.length - 1]).toBe(-2);
    expect(trainer.evaluate().trainLoss).not.toBe(before);
    expect(() => trainer.setWeight(1, 4, 0, 1)).toThrow(/neurons 0..3/);
    expect(() => trainer.setWeight(0, 0, 0, 1)).toThrow(/layer/);
    expect(() => trainer.setBias(1, 0, Number.NaN)).toThrow(/finite/);
  });

  it("withConfig keeps weights and epoch for a 'keep' change and starts over otherwise", () => {
    const trainer = createTrainer(config());
    for (let e = 0; e < 3; e++) trainer.trainEpoch();
    const kept = trainer.withConfig(config({ learningRate: 0.1, batchSize: 5 }));
    expect(kept.epoch).toBe(3);
    expect(Array.from(kept.network.params)).toEqual(Array.from(trainer.network.params));
    expect(kept.learningRate).toBe(0.1);
    expect(kept.data).toBe(trainer.data);
    const rebuilt = trainer.withConfig(config({ hiddenLayers: [3] }));
    expect(rebuilt.epoch).toBe(0);
    expect(rebuilt.network.layerSizes).toEqual([2, 3, 1]);
    expect(rebuilt.data).toBe(trainer.data);
    const regenerated = trainer.withConfig(config({ noise: 30 }));
    expect(regenerated.data).not.toBe(trainer.data);
    expect(Array.from(regenerated.network.params)).toEqual(Array.from(createTrainer(config({ noise: 30 })).network.params));
  });

  it('withConfig to another optimizer keeps the weights and starts that optimizer fresh', () => {
    const trainer = createTrainer(config());
    trainer.trainEpoch();
    const adam = trainer.withConfig(config({ optimizer: { ...DEFAULT_CONFIG.optimizer, kind: 'adam' } }));
    expect(adam.exportState().optimizer).toMatchObject({ kind: 'adam', step: 0 });
    adam.trainEpoch();
    expect(adam.epoch).toBe(2);
    expect(adam.evaluate().diverged).toBeNull();
  });

  it('reports accuracy for classification only, and per-layer gradient and weight norms', () => {
    const trainer = createTrainer(config());
    trainer.trainEpoch();
    const metrics = trainer.evaluate();
    expect(metrics.trainAccuracy).toBeGreaterThan(0);
    expect(metrics.gradientNorms).toHaveLength(3);
    expect(metrics.weightNorms).toHaveLength(3);
    expect(metrics.gradientNorms.every((g) => g > 0)).toBe(true);
    expect(metrics.bestTestLoss).toBe(metrics.testLoss);
    const regression = createTrainer(config({ problem: 'regression', dataset: 'regress-plane', outputLoss: 'linear-square' }));
    regression.trainEpoch();
    expect(regression.evaluate().trainAccuracy).toBeUndefined();
  });

  it('restart() starts over on the same data from the same initial weights (the same start)', () => {
    const trainer = createTrainer(config({ learningRate: 10 }));
    for (let e = 0; e < 30 && !trainer.diverged; e++) trainer.trainEpoch();
    trainer.setWeight(1, 0, 0, 1e6);
    const again = trainer.restart();
    expect(again.epoch).toBe(0);
    expect(again.data).toBe(trainer.data);
    expect(again.config).toEqual(trainer.config);
    expect(Array.from(again.network.params)).toEqual(Array.from(createTrainer(trainer.config).network.params));
    expect(again.diverged).toBeNull();
    expect(again.exportState().handSet).toBeUndefined();
  });

  it('restart(seed) starts over on the same data from the initial weights of another seed (a new start)', () => {
    const trainer = createTrainer(config());
    trainer.trainEpoch();
    const fresh = trainer.restart(7);
    expect(fresh.config).toEqual({ ...trainer.config, seed: 7 });
    expect(fresh.data).toBe(trainer.data);
    expect(fresh.epoch).toBe(0);
    expect(Array.from(fresh.network.params)).toEqual(Array.from(createTrainer(config({ seed: 7 })).network.params));
    expect(Array.from(fresh.network.params)).not.toEqual(Array.from(createTrainer(config()).network.params));
    // the same seed twice is the same start: a restart is as deterministic as the rest
    expect(Array.from(trainer.restart(7).network.params)).toEqual(Array.from(fresh.network.params));
  });

  it('zero initialization starts from all-zero parameters', () => {
    const trainer = createTrainer(config({ initialization: 'zero' }));
    expect(trainer.network.params.every((p) => p === 0)).toBe(true);
  });
});
