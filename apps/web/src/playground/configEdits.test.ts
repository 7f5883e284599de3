import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG, LIMITS, type TrainerConfig } from '@playroom/engine';
import {
  addLayerPatch,
  datasetsFor,
  neuronPatch,
  optimizerPatch,
  problemPatch,
  removeLayerPatch,
  scheduleFor,
  toggleFeaturePatch,
} from './configEdits';

const config = (patch: Partial<TrainerConfig> = {}): TrainerConfig => ({ ...DEFAULT_CONFIG, ...patch });

describe('problemPatch', () => {
  it('switches dataset and output loss with the problem type', () => {
    expect(problemPatch(config(), 'regression')).toEqual({
      problem: 'regression',
      dataset: 'regress-plane',
      outputLoss: 'linear-square',
    });
    expect(problemPatch(config(), 'multiclass')).toEqual({
      problem: 'multiclass',
      dataset: 'three-class',
      outputLoss: 'softmax-xent',
    });
    expect(problemPatch(config({ problem: 'regression' }), 'classification')).toMatchObject({ dataset: 'circle' });
  });

  it('changes nothing when the problem stays', () => {
    expect(problemPatch(config(), 'classification')).toEqual({});
  });
});

describe('datasetsFor', () => {
  it('offers only the datasets of the current problem', () => {
    expect(datasetsFor(config())).toContain('spiral');
    expect(datasetsFor(config())).not.toContain('three-class');
    expect(datasetsFor(config({ problem: 'multiclass', dataset: 'four-class' }))).toEqual(['three-class', 'four-class']);
    expect(datasetsFor(config({ dataset: 'custom' }))).toContain('custom');
  });
});

describe('hidden layer edits', () => {
  it('adds a two-neuron layer up to the limit', () => {
    expect(addLayerPatch(config({ hiddenLayers: [4] }))).toEqual({ hiddenLayers: [4, 2] });
    const full = Array.from({ length: LIMITS.maxHiddenLayers }, () => 3);
    expect(addLayerPatch(config({ hiddenLayers: full }))).toBeNull();
  });

  it('removes the last layer, down to none', () => {
    expect(removeLayerPatch(config({ hiddenLayers: [4, 2] }))).toEqual({ hiddenLayers: [4] });
    expect(removeLayerPatch(config({ hiddenLayers: [] }))).toBeNull();
  });

  it('keeps per-layer activations aligned with the layers', () => {
    const c = config({ hiddenLayers: [4, 2], layerActivations: ['relu', null] });
    expect(addLayerPatch(c)).toEqual({ hiddenLayers: [4, 2, 2], layerActivations: ['relu', null, null] });
    expect(removeLayerPatch(c)).toEqual({ hiddenLayers: [4], layerActivations: ['relu'] });
  });

  it('adds and removes neurons within LIMITS', () => {
    expect(neuronPatch(config({ hiddenLayers: [4, 2] }), 1, 1)).toEqual({ hiddenLayers: [4, 3] });
    expect(neuronPatch(config({ hiddenLayers: [4, 2] }), 0, -1)).toEqual({ hiddenLayers: [3, 2] });
    expect(neuronPatch(config({ hiddenLayers: [LIMITS.maxNeurons] }), 0, 1)).toBeNull();
    expect(neuronPatch(config({ hiddenLayers: [LIMITS.minNeurons] }), 0, -1)).toBeNull();
    expect(neuronPatch(config({ hiddenLayers: [4] }), 3, 1)).toBeNull();
  });
});

describe('toggleFeaturePatch', () => {
  it('adds a feature in canonical order and removes it again', () => {
    expect(toggleFeaturePatch(config({ features: ['x2', 'x1'] }), 'x1sq')).toEqual({ features: ['x1', 'x2', 'x1sq'] });
    expect(toggleFeaturePatch(config({ features: ['x1', 'x2'] }), 'x1')).toEqual({ features: ['x2'] });
  });

  it('refuses to remove the last input', () => {
    expect(toggleFeaturePatch(config({ features: ['x1'] }), 'x1')).toBeNull();
  });
});

describe('optimizer and schedule', () => {
  it('keeps the optimizer coefficients when changing its kind', () => {
    const patch = optimizerPatch(config(), 'adam');
    expect(patch.optimizer).toEqual({ ...DEFAULT_CONFIG.optimizer, kind: 'adam' });
  });

  it('gives each schedule kind its settings', () => {
    expect(scheduleFor('constant')).toEqual({ kind: 'constant' });
    expect(scheduleFor('exponential').kind).toBe('exponential');
    expect(scheduleFor('plateau')).toMatchObject({ kind: 'plateau', patience: 20 });
  });
});
