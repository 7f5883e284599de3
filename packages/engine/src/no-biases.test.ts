/**
 * `config.biases: false`: a network whose biases start at 0 and stay 0 under
 * every optimizer, through state round trips; switching it rebuilds.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG, OPTIMIZER_IDS, type TrainerConfig } from './config';
import { configChangeEffect } from './config-change';
import type { Network } from './network';
import { Trainer, createTrainer } from './trainer';
import { ConfigError, validateConfig } from './validate-config';

const config = (overrides: Partial<TrainerConfig> = {}): TrainerConfig => ({ ...DEFAULT_CONFIG, ...overrides });

function biases(network: Network): number[] {
  const values: number[] = [];
  for (let l = 1; l < network.layerSizes.length; l++) {
    for (let j = 0; j < network.layerSizes[l]!; j++) values.push(network.params[network.biasIndex(l, j)]!);
  }
  return values;
}

describe('biases: false', () => {
  it('is validated as a boolean and kept; absent stays absent', () => {
    expect(validateConfig(config({ biases: false })).biases).toBe(false);
    expect(validateConfig(config({ biases: true })).biases).toBe(true);
    expect('biases' in validateConfig(config())).toBe(false);
    expect(() => validateConfig({ ...config(), biases: 'no' })).toThrow(ConfigError);
    const error = ((): unknown => {
      try {
        return validateConfig({ ...config(), biases: 0 });
      } catch (thrown) {
        return thrown;
      }
    })();
    expect(error).toMatchObject({ field: 'biases', message: 'biases must be true or false, got 0' });
  });

  it('rebuilds the network when switched; true and absent are the same', () => {
    expect(configChangeEffect(config(), config({ biases: false }))).toBe('rebuild');
    expect(configChangeEffect(config({ biases: false }), config())).toBe('rebuild');
    expect(configChangeEffect(config(), config({ biases: true }))).toBe('keep');
  });

  it('starts every bias at 0 and keeps it there under each optimizer while the weights learn', () => {
    for (const kind of OPTIMIZER_IDS) {
      const trainer = createTrainer(config({ biases: false, optimizer: { ...DEFAULT_CONFIG.optimizer, kind }, batchSize: 7 }));
      expect(biases(trainer.network).every((b) => b === 0), kind).toBe(true);
      const before = trainer.evaluate().trainLoss;
      for (let e = 0; e < 5; e++) trainer.trainEpoch();
      expect(biases(trainer.network).every((b) => b === 0), kind).toBe(true);
      expect(trainer.evaluate().trainLoss, kind).toBeLessThan(before);
    }
    const withBiases = createTrainer(config());
    expect(biases(withBiases.network).every((b) => b === 0.1)).toBe(true);
  });

  it('continues bit for bit from a state, still without biases, and refuses a typed bias', () => {
    const c = config({ biases: false, batchSize: 7 });
    const straight = createTrainer(c);
    straight.trainEpoch();
    const resumed = Trainer.fromState(JSON.parse(JSON.stringify(straight.exportState())));
    for (const t of [straight, resumed]) for (let e = 0; e < 3; e++) t.trainEpoch();
    expect(Array.from(resumed.network.params)).toEqual(Array.from(straight.network.params));
    expect(biases(resumed.network).every((b) => b === 0)).toBe(true);
    expect(() => straight.setBias(1, 0, 0.5)).toThrow(/no biases/);
  });
});
