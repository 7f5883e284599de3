/**
 * The training and test points as the network reads them (featurized,
 * feature-major), and the loss measurement over both sets: what a trainer
 * does after an epoch when something needs its losses.
 */
import type { TrainerConfig } from './config';
import type { DataSplit, Dataset } from './datasets';
import type { BlockBuffers } from './block-kernels';
import { featurizeAll } from './features';
import { evaluateSet, type SetEvaluation } from './metrics';
import type { Network } from './network';

/** The losses and accuracies of one set of parameters over the training and the test set. */
export interface MeasuredLosses {
  train: SetEvaluation;
  test: SetEvaluation;
}

/** Points per block when measuring losses (a batch is always one block). */
export const LOSS_BLOCK_POINTS = 128;

/** The featurized sets of a config's data, and how often their losses were measured. */
export class LossMeter {
  /** featurized points, feature-major (feature f of point p at f·count + p) */
  readonly trainInputs: Float64Array;
  readonly testInputs: Float64Array;
  private readonly withAccuracy: boolean;
  private count = 0;

  constructor(
    config: TrainerConfig,
    private readonly data: DataSplit,
  ) {
    this.trainInputs = featureMajor(config.features, data.train);
    this.testInputs = featureMajor(config.features, data.test);
    this.withAccuracy = config.problem !== 'regression';
  }

  /** Loss measurements over both sets so far (each costs a forward pass over every point). */
  get measurements(): number {
    return this.count;
  }

  /** The losses of `network`'s parameters now, over both sets. */
  measure(network: Network, blocks: BlockBuffers): MeasuredLosses {
    this.count++;
    const { train, test } = this.data;
    return {
      train: evaluateSet(network, this.trainInputs, train.labels, train.count, this.withAccuracy, blocks),
      test: evaluateSet(network, this.testInputs, test.labels, test.count, this.withAccuracy, blocks),
    };
  }
}

function featureMajor(features: TrainerConfig['features'], set: Dataset): Float64Array {
  const rows = featurizeAll(features, set.xs, set.count);
  const width = features.length;
  const out = new Float64Array(rows.length);
  for (let p = 0; p < set.count; p++) for (let f = 0; f < width; f++) out[f * set.count + p] = rows[p * width + f]!;
  return out;
}
