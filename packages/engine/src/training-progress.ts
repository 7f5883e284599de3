/**
 * The trainer's bookkeeping besides parameters and optimizer arrays, and the
 * checkpoint that lets a training call be undone when it diverges.
 */
import type { SetEvaluation } from './metrics';
import type { Network } from './network';
import type { Optimizer } from './optimizers';
import { initialScheduleState, type ScheduleState } from './schedules';
import type { TrainerState } from './state';

/** Where training stands, besides the parameters and the optimizer's arrays. */
export interface TrainingProgress {
  /** completed epochs */
  epoch: number;
  /** the next training example of the current pass */
  cursor: number;
  /** examples accumulated since the last update */
  pending: number;
  schedule: ScheduleState;
  bestTestLoss: number | null;
  /** updates so far this epoch, and last epoch's mean |gradient| per weight layer */
  gradientUpdates: number;
  gradientNorms: number[];
  /** losses measured for the current parameters, null once they change */
  evaluation: { train: SetEvaluation; test: SetEvaluation } | null;
}

export function copyProgress(progress: TrainingProgress): TrainingProgress {
  return { ...progress, schedule: { ...progress.schedule } };
}

/** Where a fresh network at epoch 0 stands. */
export function initialProgress(learningRate: number, weightLayers: number): TrainingProgress {
  return {
    epoch: 0,
    cursor: 0,
    pending: 0,
    schedule: initialScheduleState(learningRate),
    bestTestLoss: null,
    gradientUpdates: 0,
    gradientNorms: new Array<number>(weightLayers).fill(0),
    evaluation: null,
  };
}

/** Where an exported state stands (its losses not measured yet). */
export function progressOfState(state: TrainerState): TrainingProgress {
  return {
    epoch: state.epoch,
    cursor: state.cursor,
    pending: state.pendingExamples,
    schedule: { learningRate: state.learningRate, ...state.schedule },
    bestTestLoss: state.bestTestLoss,
    gradientUpdates: state.gradientStats.updates,
    gradientNorms: [...state.gradientStats.norms],
    evaluation: null,
  };
}

/** Copies of everything a training call may change, taken at its start (buffers preallocated). */
export class Checkpoint {
  readonly params: Float64Array;
  readonly grads: Float64Array;
  readonly m: Float64Array;
  readonly v: Float64Array;
  readonly gradientSums: Float64Array;
  step = 0;
  progress: TrainingProgress | null = null;

  constructor(paramCount: number, weightLayers: number) {
    this.params = new Float64Array(paramCount);
    this.grads = new Float64Array(paramCount);
    this.m = new Float64Array(paramCount);
    this.v = new Float64Array(paramCount);
    this.gradientSums = new Float64Array(weightLayers);
  }

  /** Copies what a training call may change, at its start. */
  save(network: Network, optimizer: Optimizer, gradientSums: Float64Array, progress: TrainingProgress): void {
    this.params.set(network.params);
    this.grads.set(network.grads);
    if (optimizer.m) this.m.set(optimizer.m);
    if (optimizer.v) this.v.set(optimizer.v);
    this.step = optimizer.step;
    this.gradientSums.set(gradientSums);
    this.progress = copyProgress(progress);
  }

  /** Puts the saved copies back in place; returns the progress saved. */
  restore(network: Network, optimizer: Optimizer, gradientSums: Float64Array): TrainingProgress {
    network.params.set(this.params);
    network.grads.set(this.grads);
    if (optimizer.m) optimizer.m.set(this.m);
    if (optimizer.v) optimizer.v.set(this.v);
    optimizer.step = this.step;
    gradientSums.set(this.gradientSums);
    return copyProgress(this.progress!);
  }
}
