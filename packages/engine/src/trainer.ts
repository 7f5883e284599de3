/**
 * The trainer: a config's data, network, optimizer, schedule and RNG, and
 * the training loop the playground runs, made deterministic and resumable.
 *
 * Order and batches follow the playground exactly: every epoch visits the
 * training set in its stored order, accumulating each example's gradient,
 * and updates after training example i when (i + 1) is a multiple of the
 * batch size, averaging over the accumulated examples. A last partial batch
 * is NOT applied at the end of the epoch: its gradients carry over into the
 * next epoch's first update. (When the batch size exceeds the training set,
 * the set size is used, or the network would never update.)
 *
 * After each epoch the train and test losses are measured, as the
 * playground does; the reduce-on-plateau schedule uses the test loss.
 */
import { type TrainerConfig } from './config';
import { configChangeEffect } from './config-change';
import { buildDataSplit, type DataSplit } from './datasets';
import { BlockBuffers, backwardBlock, forwardBlock } from './block-kernels';
import { divergenceReason, gradientsVanished, isSaturated, parameterFailure, uninformedLoss, type Divergence, type DivergenceKind } from './divergence';
import { HandSetParameters, type HandSetParameter } from './hand-set-parameters';
import { LOSS_BLOCK_POINTS, LossMeter, type MeasuredLosses } from './loss-meter';
import { weightNorms, type Metrics } from './metrics';
import { Network } from './network';
import { networkShape } from './network-shape';
import { Optimizer, type UpdateSettings } from './optimizers';
import { RegularizerCode } from './regularizers';
import { Rng } from './rng';
import { advanceSchedule, scheduleRateAt } from './schedules';
import { TRAINER_STATE_VERSION, checkStateFits, checkTrainerState, type TrainerState } from './state';
import { Checkpoint, initialProgress, progressOfState, type TrainingProgress } from './training-progress';
import { validateConfig } from './validate-config';

/** A trainer for a config (checked with `validateConfig`). */
export function createTrainer(config: TrainerConfig): Trainer {
  return new Trainer(config);
}

export class Trainer {
  readonly config: TrainerConfig;
  readonly data: DataSplit;
  readonly network: Network;
  private readonly optimizer: Optimizer;
  private rng: Rng;
  /** the featurized sets, and their loss measurement */
  private readonly sets: LossMeter;
  private readonly blocks: BlockBuffers;
  private readonly batchSize: number;
  private readonly settings: UpdateSettings;

  private progress: TrainingProgress;
  /** this epoch's sums of mean |gradient| per weight layer (see Optimizer.update) */
  private readonly gradientSums: Float64Array;
  private divergence: Divergence | null = null;
  /** what went wrong during the current training call, if anything */
  private failure: DivergenceKind | null = null;
  /** the train loss of a network that knows nothing (for the saturation test) */
  private readonly uninformedLoss: number;
  private readonly saved: Checkpoint;
  /** whether an epoch that ends measures its losses (see trainEpoch) */
  private measureAtEpochEnd = true;
  /** absurd values typed into this network (a divergence names them as its cause) */
  private handSet = new HandSetParameters();

  /** Builds data (unless given, for a config with the same data settings) and a fresh network. */
  constructor(config: TrainerConfig, data?: DataSplit) {
    this.config = validateConfig(config);
    this.data = data ?? buildDataSplit(this.config);
    this.rng = new Rng(this.config.seed);
    this.network = Network.create(networkShape(this.config, this.data.numClasses), this.config.initialization, this.rng);
    if (this.config.biases === false) this.network.clearBiases(this.network.params);
    this.optimizer = new Optimizer(this.config.optimizer, this.network.params.length);
    this.sets = new LossMeter(this.config, this.data);
    this.batchSize = Math.max(1, Math.min(this.config.batchSize, this.data.train.count));
    this.blocks = new BlockBuffers(this.network.outputs.length, Math.max(LOSS_BLOCK_POINTS, this.batchSize));
    const { train } = this.data;
    this.uninformedLoss = uninformedLoss(this.config.outputLoss, train.labels, train.count, this.data.numClasses);
    const weightLayers = this.network.layerSizes.length - 1;
    this.progress = initialProgress(this.config.learningRate, weightLayers);
    this.settings = {
      learningRate: this.config.learningRate,
      regularizationCode: RegularizerCode[this.config.regularization],
      regularizationRate: this.config.regularizationRate,
    };
    this.gradientSums = new Float64Array(weightLayers);
    this.saved = new Checkpoint(this.network.params.length, weightLayers);
  }

  /** Completed epochs. */
  get epoch(): number {
    return this.progress.epoch;
  }

  /** Why training stopped, or null while it can continue. */
  get diverged(): Divergence | null {
    return this.divergence;
  }

  /** The rate the next updates use. */
  get learningRate(): number {
    return this.progress.schedule.learningRate;
  }

  /** Loss measurements over both sets so far (each costs a forward pass over every point). */
  get lossMeasurements(): number {
    return this.sets.measurements;
  }

  /**
   * Trains to the end of the current pass over the training set (a whole
   * epoch from a boundary). With `measure` false the losses at its end are
   * not measured unless training needs them (a plateau schedule, vanished
   * gradients); `evaluate()` measures them when asked, and a loss that is
   * not finite still stops training, through the parameters (a bounded
   * network's stable losses are finite).
   */
  trainEpoch(measure = true): void {
    if (this.divergence || this.data.train.count === 0) return;
    this.saveCheckpoint();
    this.measureAtEpochEnd = measure;
    do this.trainSegment();
    while (this.progress.cursor !== 0);
    this.measureAtEpochEnd = true;
    this.finishCall();
  }

  /** Trains until `k` batch updates have been applied, crossing epoch boundaries as needed. */
  trainBatches(k: number): void {
    if (this.divergence || this.data.train.count === 0 || k <= 0) return;
    this.saveCheckpoint();
    for (let done = 0; done < k && this.failure === null; ) if (this.trainSegment()) done++;
    this.finishCall();
  }

  /** Losses, accuracy, norms and divergence, measured now if training moved since the last epoch end. */
  evaluate(): Metrics {
    const { train, test } = this.measuredLosses();
    const metrics: Metrics = {
      epoch: this.progress.epoch,
      trainLoss: train.loss,
      testLoss: test.loss,
      bestTestLoss: this.progress.bestTestLoss,
      learningRate: this.progress.schedule.learningRate,
      gradientNorms: [...this.progress.gradientNorms],
      weightNorms: weightNorms(this.network),
      diverged: this.divergence,
    };
    if (train.accuracy !== null) metrics.trainAccuracy = train.accuracy;
    if (test.accuracy !== null) metrics.testAccuracy = test.accuracy;
    return metrics;
  }

  /** Sets the weight from neuron `from` of layer−1 to neuron `to` of `layer` (layer ≥ 1; 0 is the input). */
  setWeight(layer: number, to: number, from: number, value: number): void {
    this.setParam(this.network.weightIndex(layer, to, from), { layer, to, from, value });
  }

  /** Sets the bias of neuron `to` of `layer` (layer ≥ 1). */
  setBias(layer: number, to: number, value: number): void {
    if (this.config.biases === false) throw new RangeError('this network has no biases (config.biases is false)');
    this.setParam(this.network.biasIndex(layer, to), { layer, to, from: null, value });
  }

  /** The complete state as JSON-safe data; `Trainer.fromState` continues it bit for bit. */
  exportState(): TrainerState {
    const state: TrainerState = {
      version: TRAINER_STATE_VERSION,
      config: structuredClone(this.config),
      epoch: this.progress.epoch,
      cursor: this.progress.cursor,
      params: Array.from(this.network.params),
      pendingExamples: this.progress.pending,
      optimizer: this.optimizer.exportState(),
      rng: this.rng.getState(),
      learningRate: this.progress.schedule.learningRate,
      schedule: { bestLoss: this.progress.schedule.bestLoss, badEpochs: this.progress.schedule.badEpochs },
      bestTestLoss: this.progress.bestTestLoss,
      gradientStats: {
        sums: Array.from(this.gradientSums),
        updates: this.progress.gradientUpdates,
        norms: [...this.progress.gradientNorms],
      },
      diverged: this.divergence && structuredClone(this.divergence),
    };
    if (this.progress.pending > 0) state.pendingGrads = Array.from(this.network.grads);
    const handSet = this.handSet.toState();
    if (handSet) state.handSet = handSet;
    return state;
  }

  /** A trainer that continues exactly where `exportState()` was taken. */
  static fromState(state: unknown): Trainer {
    return Trainer.restore(checkTrainerState(state));
  }

  /**
   * A trainer for a changed config. When only training settings changed
   * ('keep'), it continues with the same weights, epoch and data; the
   * optimizer state survives unless the optimizer kind changed, and the
   * schedule restarts from the new rate if the rate or schedule changed.
   * Otherwise it starts over (reusing the data when only the network changed).
   */
  withConfig(next: TrainerConfig): Trainer {
    const config = validateConfig(next);
    const effect = configChangeEffect(this.config, config);
    if (effect === 'regenerate') return new Trainer(config);
    if (effect === 'rebuild') return new Trainer(config, this.data);
    const state = this.exportState();
    state.config = config;
    state.diverged = null;
    if (config.optimizer.kind !== this.config.optimizer.kind) state.optimizer = { kind: config.optimizer.kind, step: 0 };
    if (config.learningRate !== this.config.learningRate || !sameSchedule(config, this.config)) {
      state.learningRate = scheduleRateAt(config.schedule, config.learningRate, this.progress.epoch);
      state.schedule = { bestLoss: null, badEpochs: 0 };
    }
    return Trainer.restore(state, this.data);
  }

  /**
   * A fresh network at epoch 0 on the same data: the initial weights of
   * `seed` (a new draw, as the playground's reset makes) or, by default,
   * of the config's seed again (the same start). Nothing typed or diverged carries over.
   */
  restart(seed: number = this.config.seed): Trainer {
    return new Trainer({ ...this.config, seed }, this.data);
  }

  private static restore(state: TrainerState, data?: DataSplit): Trainer {
    const trainer = new Trainer(state.config, data);
    trainer.load(state);
    return trainer;
  }

  /**
   * Continues from `state` in place, bit for bit as `fromState` would: a
   * state of this trainer's config (a training replica's, which trained the
   * same network elsewhere); its config is not read. `losses`: the losses
   * measured for those parameters, when the replica measured them.
   */
  adoptState(state: TrainerState, losses?: MeasuredLosses): void {
    this.load(state);
    if (losses) this.progress.evaluation = { train: { ...losses.train }, test: { ...losses.test } };
  }

  /** The losses of the parameters now, measured if they were not. */
  measuredLosses(): MeasuredLosses {
    return (this.progress.evaluation ??= this.measure());
  }

  private load(state: TrainerState): void {
    const { network } = this;
    if (state.params.length !== network.params.length) {
      throw new RangeError(`state has ${state.params.length} params, the config's network has ${network.params.length}`);
    }
    if (state.cursor >= Math.max(1, this.data.train.count)) {
      throw new RangeError(`state cursor ${state.cursor} is past the ${this.data.train.count} training points`);
    }
    checkStateFits(state, network.params.length, network.layerSizes.length - 1, this.data.train.count);
    network.params.set(state.params);
    if (state.pendingGrads) network.grads.set(state.pendingGrads);
    else network.grads.fill(0);
    // the optimizer of this config, loaded in place (a fresh trainer's, or a replica's round adopted)
    const { optimizer } = this;
    if (state.optimizer.step > 0 || state.optimizer.m) optimizer.load(state.optimizer);
    else {
      optimizer.m?.fill(0);
      optimizer.v?.fill(0);
      optimizer.step = 0;
    }
    this.rng = Rng.fromState(state.rng);
    this.progress = progressOfState(state);
    this.settings.learningRate = state.learningRate;
    this.gradientSums.set(state.gradientStats.sums);
    this.divergence = state.diverged && structuredClone(state.diverged);
    this.handSet = HandSetParameters.fromState(state.handSet, ({ layer, to, from }) =>
      from === null ? network.biasIndex(layer, to) : network.weightIndex(layer, to, from),
    );
  }

  private setParam(index: number, typed: HandSetParameter): void {
    const { value } = typed;
    if (!Number.isFinite(value)) throw new RangeError(`a weight or bias must be a finite number, got ${value}`);
    this.network.params[index] = value;
    this.handSet.record(index, typed);
    this.progress.evaluation = null;
  }

  /**
   * Trains the examples from the cursor to the end of their batch (or of the
   * pass) as one block; returns whether that completed a batch and updated.
   */
  private trainSegment(): boolean {
    const { network, blocks } = this;
    const { count, labels } = this.data.train;
    const start = this.progress.cursor;
    // the playground updates after example i when (i + 1) % batchSize === 0
    const boundary = (Math.floor(start / this.batchSize) + 1) * this.batchSize;
    const end = Math.min(boundary, count);
    forwardBlock(network, this.sets.trainInputs, count, start, end - start, blocks);
    backwardBlock(network, labels, start, end - start, blocks);
    this.progress.pending += end - start;
    const updated = end === boundary;
    if (updated) {
      // without biases their gradients are dropped, so no optimizer moves them off 0
      if (this.config.biases === false) network.clearBiases(network.grads);
      this.optimizer.update(network, this.progress.pending, this.settings, this.gradientSums);
      this.progress.pending = 0;
      this.progress.gradientUpdates++;
    }
    this.progress.evaluation = null;
    this.progress.cursor = end;
    if (end === count) this.completeEpoch();
    return updated;
  }

  private completeEpoch(): void {
    this.progress.epoch++;
    this.progress.cursor = 0;
    this.progress.evaluation = null;
    // the losses only when something needs them: the caller (a loss curve's point), the plateau schedule, or the saturation test below
    let evaluation = this.measureAtEpochEnd || this.config.schedule.kind === 'plateau' ? this.measureEpochEnd() : null;
    if (this.failure) return;
    const hasTest = this.data.test.count > 0;
    if (this.progress.gradientUpdates > 0) {
      const sizes = this.network.layerSizes;
      this.progress.gradientNorms = Array.from(this.gradientSums, (sum, l) => {
        const weights = sizes[l + 1]! * sizes[l]!;
        return weights === 0 ? 0 : sum / (this.progress.gradientUpdates * weights);
      });
      this.gradientSums.fill(0);
      this.progress.gradientUpdates = 0;
      if (gradientsVanished(this.progress.gradientNorms)) {
        evaluation ??= this.measureEpochEnd();
        if (!evaluation) return;
        if (isSaturated(evaluation.train.loss, this.uninformedLoss, this.progress.gradientNorms)) {
          this.failure = 'saturated';
          return;
        }
      }
    }
    // only the plateau schedule reads the loss, and it always has one measured
    const lossForSchedule = evaluation ? (hasTest ? evaluation.test.loss : evaluation.train.loss) : Number.NaN;
    advanceSchedule(this.config.schedule, this.config.learningRate, this.progress.schedule, this.progress.epoch, lossForSchedule);
    this.settings.learningRate = this.progress.schedule.learningRate;
  }

  /** Measures the losses at an epoch's end (the best test loss is the lowest of those measured); null, and a failure, when one is not finite. */
  private measureEpochEnd(): MeasuredLosses | null {
    const evaluation = this.measure();
    this.progress.evaluation = evaluation;
    const { train, test } = evaluation;
    if (!Number.isFinite(train.loss) || !Number.isFinite(test.loss)) {
      this.failure = 'not-finite';
      return null;
    }
    if (this.data.test.count > 0 && (this.progress.bestTestLoss === null || test.loss < this.progress.bestTestLoss)) this.progress.bestTestLoss = test.loss;
    return evaluation;
  }

  private measure(): MeasuredLosses {
    return this.sets.measure(this.network, this.blocks);
  }

  // Ends a training call: if it diverged, go back to where the call started and stop there.
  private finishCall(): void {
    const kind = this.failure ?? parameterFailure(this.network.params, this.optimizer.m, this.optimizer.v);
    this.failure = null;
    if (kind === null) return;
    const learningRate = this.progress.schedule.learningRate;
    this.restoreCheckpoint();
    // the epoch the weights are back at: what a viewer's epoch counter shows
    const epoch = this.progress.epoch;
    const handSet = this.handSet.culprit(this.network.params);
    this.divergence = { kind, reason: divergenceReason(kind, learningRate, epoch, handSet ?? undefined), epoch };
    if (handSet) this.divergence.handSet = handSet;
  }

  private saveCheckpoint(): void {
    this.saved.save(this.network, this.optimizer, this.gradientSums, this.progress);
  }

  private restoreCheckpoint(): void {
    this.progress = this.saved.restore(this.network, this.optimizer, this.gradientSums);
    this.settings.learningRate = this.progress.schedule.learningRate;
  }
}

function sameSchedule(a: TrainerConfig, b: TrainerConfig): boolean {
  return JSON.stringify(a.schedule) === JSON.stringify(b.schedule);
}
