/**
 * The trainer's bookkeeping besides parameters and optimizer arrays, and the
 * checkpoint that lets a training call be undone when it diverges.
 */
import type { SetEvaluation } from './metrics';
import type { ScheduleState } from './schedules';

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
}
