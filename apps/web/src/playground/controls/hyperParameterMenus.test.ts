import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG, validateConfig, type LearningRateSchedule, type OptimizerConfig } from '@playroom/engine';
import { BETA1S, BETA2S, DECAY_PERIODS, DECAY_RATES, MOMENTUMS, PATIENCES, PLATEAU_FACTORS, menuWith } from './hyperParameterMenus';

const withSchedule = (schedule: LearningRateSchedule) => () => validateConfig({ ...DEFAULT_CONFIG, schedule });
const withOptimizer = (patch: Partial<OptimizerConfig>) => () =>
  validateConfig({ ...DEFAULT_CONFIG, optimizer: { ...DEFAULT_CONFIG.optimizer, ...patch } });

describe('hyper-parameter menus', () => {
  it('offer only values the engine accepts', () => {
    for (const decayRate of DECAY_RATES) expect(withSchedule({ kind: 'exponential', decayRate, decayEpochs: 100 })).not.toThrow();
    for (const decayEpochs of DECAY_PERIODS) expect(withSchedule({ kind: 'exponential', decayRate: 0.5, decayEpochs })).not.toThrow();
    for (const factor of PLATEAU_FACTORS) {
      expect(withSchedule({ kind: 'plateau', factor, patience: 10, minLearningRate: 0.00001 })).not.toThrow();
    }
    for (const patience of PATIENCES) {
      expect(withSchedule({ kind: 'plateau', factor: 0.5, patience, minLearningRate: 0.00001 })).not.toThrow();
    }
    for (const momentum of MOMENTUMS) expect(withOptimizer({ momentum })).not.toThrow();
    for (const beta1 of BETA1S) expect(withOptimizer({ beta1 })).not.toThrow();
    for (const beta2 of BETA2S) expect(withOptimizer({ beta2 })).not.toThrow();
  });

  it('offer the engine defaults, so a fresh session finds its value on the menu', () => {
    expect(MOMENTUMS).toContain(DEFAULT_CONFIG.optimizer.momentum);
    expect(BETA1S).toContain(DEFAULT_CONFIG.optimizer.beta1);
    expect(BETA2S).toContain(DEFAULT_CONFIG.optimizer.beta2);
  });

  it('keep a value from off the menu, in order', () => {
    expect(menuWith([0.1, 0.5, 0.9], 0.3)).toEqual([0.1, 0.3, 0.5, 0.9]);
    expect(menuWith([0.1, 0.5], 0.5)).toEqual([0.1, 0.5]);
  });
});
