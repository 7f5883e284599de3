/**
 * Learning-rate schedules: constant, exponential decay by epoch, and
 * reduce-on-plateau driven by the test loss measured after each epoch.
 */
import type { LearningRateSchedule } from './config';

/** What a schedule remembers between epochs; JSON-safe. */
export interface ScheduleState {
  /** the rate the next updates use */
  learningRate: number;
  /** plateau: best test loss seen since the last reduction (null before the first epoch) */
  bestLoss: number | null;
  /** plateau: epochs since `bestLoss` last improved */
  badEpochs: number;
}

/** The state at epoch 0. */
export function initialScheduleState(baseRate: number): ScheduleState {
  return { learningRate: baseRate, bestLoss: null, badEpochs: 0 };
}

/** The rate a schedule starting fresh at `epoch` uses (exponential decay depends on the epoch alone). */
export function scheduleRateAt(schedule: LearningRateSchedule, baseRate: number, epoch: number): number {
  return schedule.kind === 'exponential'
    ? baseRate * Math.pow(schedule.decayRate, epoch / schedule.decayEpochs)
    : baseRate;
}

/** Advances the schedule after an epoch: `epoch` is the number of completed epochs, `testLoss` its test loss. */
export function advanceSchedule(
  schedule: LearningRateSchedule,
  baseRate: number,
  state: ScheduleState,
  epoch: number,
  testLoss: number,
): void {
  switch (schedule.kind) {
    case 'constant':
      state.learningRate = baseRate;
      return;
    case 'exponential':
      state.learningRate = scheduleRateAt(schedule, baseRate, epoch);
      return;
    case 'plateau':
      if (state.bestLoss === null || testLoss < state.bestLoss) {
        state.bestLoss = testLoss;
        state.badEpochs = 0;
        return;
      }
      state.badEpochs++;
      if (state.badEpochs >= schedule.patience) {
        state.learningRate = Math.max(state.learningRate * schedule.factor, schedule.minLearningRate);
        // As Keras's ReduceLROnPlateau: the best loss stays, the wait restarts.
        state.badEpochs = 0;
      }
      return;
  }
}
