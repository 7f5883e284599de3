import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG, PROBLEM_TYPES, type TrainerConfig } from './config';
import { datasetsForProblem } from './datasets';
import { ConfigError, problemDefaults, validateConfig } from './validate-config';

/** The ConfigError thrown for a config, as { field, message }. */
function errorOf(input: unknown): { field: string; message: string } {
  try {
    validateConfig(input);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    const { field, message } = error as ConfigError;
    return { field, message };
  }
  throw new Error('expected a ConfigError');
}

const withField = (patch: Record<string, unknown>): unknown => ({ ...DEFAULT_CONFIG, ...patch });

describe('validateConfig', () => {
  it('accepts the defaults and returns a clean copy without unknown fields', () => {
    const input = { ...DEFAULT_CONFIG, extra: 'dropped' };
    const config = validateConfig(input);
    expect(config).toEqual(DEFAULT_CONFIG);
    expect(config).not.toBe(input);
    expect(config.optimizer).not.toBe(DEFAULT_CONFIG.optimizer);
    expect('extra' in config).toBe(false);
  });

  it.each([
    [{ learningRate: 20 }, 'learningRate', 'learningRate must be a number from 0 to 10, got 20'],
    [{ learningRate: '0.1' }, 'learningRate', 'learningRate must be a number from 0 to 10, got "0.1"'],
    [{ noise: -1 }, 'noise', 'noise must be a number from 0 to 50, got -1'],
    [{ trainRatio: 95 }, 'trainRatio', 'trainRatio must be a number from 10 to 90, got 95'],
    [{ batchSize: 2.5 }, 'batchSize', 'batchSize must be an integer from 1 to 100, got 2.5'],
    [{ hiddenLayers: [4, 9] }, 'hiddenLayers[1]', 'hiddenLayers[1] must be an integer from 1 to 8, got 9'],
    [{ hiddenLayers: [1, 1, 1, 1, 1, 1, 1] }, 'hiddenLayers', 'hiddenLayers must be an array of 0 to 6 layer sizes, got an array of 7'],
    [{ activation: 'gelu' }, 'activation', 'activation must be one of relu, tanh, sigmoid, linear, leakyRelu, elu, swish, softplus, sine, gaussian, binaryStep, mish; got "gelu"'],
    [{ features: ['x1', 'x3'] }, 'features[1]', 'features[1] must be one of x1, x2, x1sq, x2sq, x1x2, sinx1, sinx2, cosx1, cosx2; got "x3"'],
    [{ features: ['x1', 'x1'] }, 'features', 'features lists "x1" twice'],
    [{ regularizationRate: 11 }, 'regularizationRate', 'regularizationRate must be a number from 0 to 10, got 11'],
    [{ seed: Number.NaN }, 'seed', 'seed must be a finite number, got NaN'],
    [{ layerActivations: ['tanh', 'nope'] }, 'layerActivations[1]', expect.stringContaining('layerActivations[1] must be one of relu')],
    [{ optimizer: { ...DEFAULT_CONFIG.optimizer, beta2: 1 } }, 'optimizer.beta2', 'optimizer.beta2 must be a number at least 0 and less than 1, got 1'],
    [{ optimizer: { ...DEFAULT_CONFIG.optimizer, kind: 'rmsprop' } }, 'optimizer.kind', 'optimizer.kind must be one of sgd, momentum, adam; got "rmsprop"'],
    [{ schedule: { kind: 'exponential', decayRate: 0, decayEpochs: 10 } }, 'schedule.decayRate', 'schedule.decayRate must be a number greater than 0 and at most 1, got 0'],
    [{ schedule: { kind: 'plateau', factor: 0.5, patience: 0, minLearningRate: 0 } }, 'schedule.patience', 'schedule.patience must be an integer from 1 to 10000, got 0'],
    [{ schedule: null }, 'schedule', 'schedule must be an object, got null'],
  ])('%j → names %s and the allowed range', (patch, field, message) => {
    expect(errorOf(withField(patch))).toEqual({ field, message });
  });

  it('refuses a non-object and missing fields', () => {
    expect(errorOf(42)).toEqual({ field: 'config', message: 'config must be an object, got 42' });
    const { learningRate: _, ...missing } = DEFAULT_CONFIG;
    expect(errorOf(missing)).toEqual({ field: 'learningRate', message: 'learningRate must be a number from 0 to 10, got undefined' });
  });

  it('checks that dataset, problem and output/loss fit together', () => {
    expect(errorOf(withField({ dataset: 'regress-plane' })).field).toBe('dataset');
    expect(errorOf(withField({ problem: 'multiclass', dataset: 'three-class' }))).toEqual({
      field: 'outputLoss',
      message: 'outputLoss must be one of softmax-xent for multiclass, got "tanh-square"',
    });
    expect(() => validateConfig(withField({ problem: 'multiclass', dataset: 'three-class', outputLoss: 'softmax-xent' }))).not.toThrow();
    expect(() => validateConfig(withField({ problem: 'regression', dataset: 'regress-gauss', outputLoss: 'linear-square' }))).not.toThrow();
    expect(() => validateConfig(withField({ outputLoss: 'sigmoid-xent' }))).not.toThrow();
  });

  it('checks custom points against the problem', () => {
    const custom = (customPoints: unknown): unknown => withField({ dataset: 'custom', customPoints });
    const good: TrainerConfig['customPoints'] = [{ x: 1, y: 2, label: 1 }, { x: -1, y: 0, label: -1 }];
    expect(validateConfig(custom(good)).customPoints).toEqual(good);
    expect(errorOf(custom([])).field).toBe('customPoints');
    expect(errorOf(custom([{ x: 1, y: 2, label: 3 }]))).toEqual({
      field: 'customPoints',
      message: 'customPoints[0].label must be 1 or -1 for classification',
    });
    expect(errorOf(custom('points')).field).toBe('customPoints');
  });

  it('keeps layerActivations with null entries', () => {
    expect(validateConfig(withField({ layerActivations: [null, 'relu'] })).layerActivations).toEqual([null, 'relu']);
  });
});

describe('problemDefaults', () => {
  it('gives each problem its first dataset and an output/loss that validates with it', () => {
    for (const problem of PROBLEM_TYPES) {
      const defaults = problemDefaults(problem);
      expect(defaults.dataset).toBe(datasetsForProblem(problem)[0]);
      expect(() => validateConfig({ ...DEFAULT_CONFIG, ...defaults })).not.toThrow();
    }
    expect(problemDefaults('regression')).toEqual({ problem: 'regression', dataset: 'regress-plane', outputLoss: 'linear-square' });
    expect(problemDefaults('multiclass')).toEqual({ problem: 'multiclass', dataset: 'three-class', outputLoss: 'softmax-xent' });
  });
});
