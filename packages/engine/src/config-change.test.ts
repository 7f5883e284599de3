import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG, type TrainerConfig } from './config';
import { configChangeEffect } from './config-change';

const change = (patch: Partial<TrainerConfig>) => configChangeEffect(DEFAULT_CONFIG, { ...DEFAULT_CONFIG, ...patch });

describe('configChangeEffect', () => {
  it.each<[Partial<TrainerConfig>]>([
    [{}],
    [{ learningRate: 0.3 }],
    [{ regularization: 'l2', regularizationRate: 0.01 }],
    [{ batchSize: 1 }],
    [{ optimizer: { ...DEFAULT_CONFIG.optimizer, kind: 'adam' } }],
    [{ schedule: { kind: 'exponential', decayRate: 0.5, decayEpochs: 100 } }],
    // an override equal to the network-wide activation changes nothing
    [{ layerActivations: ['tanh', null] }],
  ])('keeps the weights for %j', (patch) => {
    expect(change(patch)).toBe('keep');
  });

  it.each<[Partial<TrainerConfig>]>([
    [{ features: ['x1', 'x2', 'x1x2'] }],
    [{ features: ['x2', 'x1'] }],
    [{ hiddenLayers: [4, 3] }],
    [{ activation: 'relu' }],
    [{ layerActivations: [null, 'relu'] }],
    [{ outputLoss: 'sigmoid-xent' }],
    [{ initialization: 'zero' }],
    [{ seed: 2 }],
  ])('rebuilds the network for %j', (patch) => {
    expect(change(patch)).toBe('rebuild');
  });

  it.each<[Partial<TrainerConfig>]>([
    [{ dataset: 'xor' }],
    [{ noise: 10 }],
    [{ trainRatio: 70 }],
    [{ dataSeed: 9 }],
    [{ problem: 'multiclass', outputLoss: 'softmax-xent' }],
    [{ dataset: 'xor', learningRate: 1 }],
  ])('regenerates the data for %j', (patch) => {
    expect(change(patch)).toBe('regenerate');
  });

  it('regenerates when custom points change, not when they are only copied', () => {
    const prev: TrainerConfig = { ...DEFAULT_CONFIG, dataset: 'custom', customPoints: [{ x: 1, y: 1, label: 1 }] };
    expect(configChangeEffect(prev, { ...prev, customPoints: [{ x: 1, y: 1, label: 1 }] })).toBe('keep');
    expect(configChangeEffect(prev, { ...prev, customPoints: [{ x: 1, y: 1, label: -1 }] })).toBe('regenerate');
  });
});
