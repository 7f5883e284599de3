import { describe, expect, it } from 'vitest';
import type { LearningRateSchedule } from './config';
import { advanceSchedule, initialScheduleState, scheduleRateAt } from './schedules';

describe('learning-rate schedules', () => {
  it('constant keeps the base rate', () => {
    const state = initialScheduleState(0.3);
    advanceSchedule({ kind: 'constant' }, 0.3, state, 5, 1);
    expect(state.learningRate).toBe(0.3);
  });

  it('exponential decays as base · rate^(epoch / decayEpochs)', () => {
    const schedule: LearningRateSchedule = { kind: 'exponential', decayRate: 0.5, decayEpochs: 10 };
    const state = initialScheduleState(0.1);
    advanceSchedule(schedule, 0.1, state, 10, 1);
    expect(state.learningRate).toBeCloseTo(0.05, 15);
    advanceSchedule(schedule, 0.1, state, 25, 1);
    expect(state.learningRate).toBeCloseTo(0.1 * 0.5 ** 2.5, 15);
    expect(scheduleRateAt(schedule, 0.1, 20)).toBeCloseTo(0.025, 15);
  });

  it('plateau cuts the rate by its factor after `patience` epochs without a better test loss, down to the minimum', () => {
    const schedule: LearningRateSchedule = { kind: 'plateau', factor: 0.5, patience: 2, minLearningRate: 0.02 };
    const state = initialScheduleState(0.1);
    const rates: number[] = [];
    for (const [epoch, loss] of [0.5, 0.4, 0.45, 0.41, 0.42, 0.39, 0.4, 0.4, 0.4, 0.4].entries()) {
      advanceSchedule(schedule, 0.1, state, epoch + 1, loss);
      rates.push(state.learningRate);
    }
    expect(rates).toEqual([0.1, 0.1, 0.1, 0.05, 0.05, 0.05, 0.05, 0.025, 0.025, 0.02]);
    expect(state.bestLoss).toBe(0.39);
  });
});
