/**
 * The two networks every library trains in the engine benchmark, on the
 * same data: the playground's default (circle, x1 x2, 2→[4,2]→1 tanh) and
 * the largest network the playground allows (spiral, seven features,
 * 7→[8,8,8,8,8,8]→1 tanh). 500 points split 250 train / 250 test.
 */
import {
  DEFAULT_CONFIG,
  PLAYGROUND_FEATURES,
  buildDataSplit,
  featurizeAll,
  type FeatureId,
  type TrainerConfig,
} from '@playroom/engine';

/** One benchmark network with its featurized data, ready for any library. */
export interface BenchCase {
  id: 'default' | 'largest';
  /** e.g. "2→[4,2]→1 tanh (circle)" */
  label: string;
  config: TrainerConfig;
  features: readonly FeatureId[];
  hiddenLayers: readonly number[];
  learningRate: number;
  batchSize: number;
  /** row-major count × features */
  trainInputs: Float64Array;
  trainLabels: Float64Array;
  testInputs: Float64Array;
  testLabels: Float64Array;
}

function makeCase(id: BenchCase['id'], overrides: Partial<TrainerConfig>): BenchCase {
  const config: TrainerConfig = { ...DEFAULT_CONFIG, ...overrides, trainRatio: 50, dataSeed: 1, seed: 1 };
  const split = buildDataSplit(config);
  const shape = `${config.features.length}→[${config.hiddenLayers.join(',')}]→1`;
  return {
    id,
    label: `${shape} ${config.activation} (${config.dataset})`,
    config,
    features: config.features,
    hiddenLayers: config.hiddenLayers,
    learningRate: config.learningRate,
    batchSize: config.batchSize,
    trainInputs: featurizeAll(config.features, split.train.xs, split.train.count),
    trainLabels: split.train.labels,
    testInputs: featurizeAll(config.features, split.test.xs, split.test.count),
    testLabels: split.test.labels,
  };
}

/** Both benchmark cases, data generated once and shared by every library. */
export function benchCases(): BenchCase[] {
  return [
    makeCase('default', { dataset: 'circle', features: ['x1', 'x2'], hiddenLayers: [4, 2] }),
    makeCase('largest', { dataset: 'spiral', features: [...PLAYGROUND_FEATURES], hiddenLayers: [8, 8, 8, 8, 8, 8] }),
  ];
}

/** The 10,000 points of a 100×100 grid over [-6, 6]², featurized for a case (row-major). */
export function gridInputs(benchCase: BenchCase, size = 100, domain = 6): Float64Array {
  const xs = new Float64Array(2 * size * size);
  for (let row = 0; row < size; row++) {
    for (let col = 0; col < size; col++) {
      const p = row * size + col;
      xs[2 * p] = -domain + (2 * domain * col) / (size - 1);
      xs[2 * p + 1] = domain - (2 * domain * row) / (size - 1);
    }
  }
  return featurizeAll(benchCase.features, xs, size * size);
}

/** Half the mean squared error, the playground's loss, over predictions and labels. */
export function squareLoss(predictions: ArrayLike<number>, labels: ArrayLike<number>): number {
  let sum = 0;
  for (let i = 0; i < labels.length; i++) sum += 0.5 * (predictions[i]! - labels[i]!) ** 2;
  return sum / labels.length;
}
