import { describe, expect, it } from 'vitest';
import { ConfigError, DEFAULT_CONFIG, validateConfig, type TrainerConfig } from '@playroom/engine';
import { errorText } from '../app/error-text';
import { translate, type MessageKey } from '../i18n';
import { configErrorText, configField } from './configErrorText';

const en = (key: MessageKey, params?: Record<string, string | number>) => translate('en', key, params);
const zh = (key: MessageKey, params?: Record<string, string | number>) => translate('zh-CN', key, params);

/** One broken config per field the engine checks (each must be refused). */
const BROKEN: Record<string, Partial<Record<keyof TrainerConfig, unknown>>> = {
  noise: { noise: 60 },
  trainRatio: { trainRatio: 5 },
  batchSize: { batchSize: 0.5 },
  learningRate: { learningRate: 11 },
  regularizationRate: { regularizationRate: -1 },
  decayRate: { schedule: { kind: 'exponential', decayRate: 0, decayEpochs: 10 } },
  decayEpochs: { schedule: { kind: 'exponential', decayRate: 0.5, decayEpochs: 0 } },
  factor: { schedule: { kind: 'plateau', factor: 0, patience: 5, minLearningRate: 0 } },
  patience: { schedule: { kind: 'plateau', factor: 0.5, patience: 0.5, minLearningRate: 0 } },
  minLearningRate: { schedule: { kind: 'plateau', factor: 0.5, patience: 5, minLearningRate: -1 } },
  scheduleKind: { schedule: { kind: 'cosine' } },
  momentum: { optimizer: { ...DEFAULT_CONFIG.optimizer, momentum: 1 } },
  beta1: { optimizer: { ...DEFAULT_CONFIG.optimizer, beta1: 1 } },
  beta2: { optimizer: { ...DEFAULT_CONFIG.optimizer, beta2: -0.1 } },
  epsilon: { optimizer: { ...DEFAULT_CONFIG.optimizer, epsilon: 0 } },
  optimizerKind: { optimizer: { ...DEFAULT_CONFIG.optimizer, kind: 'rmsprop' } },
  problem: { problem: 'clustering' },
  activation: { activation: 'gelu' },
  layerActivations: { layerActivations: ['gelu'] },
  regularization: { regularization: 'l3' },
  initialization: { initialization: 'he' },
  seed: { seed: Number.NaN },
  dataSeed: { dataSeed: Number.POSITIVE_INFINITY },
  dataset: { dataset: 'three-class' },
  outputLoss: { outputLoss: 'softmax-xent' },
  featureUnknown: { features: ['x3'] },
  featureTwice: { features: ['x1', 'x1'] },
  neurons: { hiddenLayers: [9] },
  layers: { hiddenLayers: [1, 1, 1, 1, 1, 1, 1] },
  customPoints: { dataset: 'custom', customPoints: [{ x: 99, y: 0, label: 1 }] },
};

function refusal(patch: Partial<Record<keyof TrainerConfig, unknown>>): ConfigError {
  try {
    validateConfig({ ...DEFAULT_CONFIG, ...patch });
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error(`not refused: ${JSON.stringify(patch)}`);
}

describe('configErrorText', () => {
  it('explains every field the engine refuses, in Chinese without English words', () => {
    for (const [name, patch] of Object.entries(BROKEN)) {
      const error = refusal(patch);
      const text = errorText(zh, { code: 'invalidConfig', message: error.message, field: error.field });
      // Latin letters allowed only in the names of things (Adam, β) — never the engine's sentence
      expect(text, `${name} (${error.field})`).not.toContain(error.message);
      expect(text, `${name} (${error.field})`).toMatch(/[\u4e00-\u9fff]/);
      expect(text.replace(/Adam/g, ''), `${name} (${error.field})`).not.toMatch(/[A-Za-z]{3,}/);
    }
  });

  it('names the allowed range from LIMITS, in both languages', () => {
    expect(configErrorText(en, 'learningRate')).toBe('Learning rate must be from 0 to 10.');
    expect(configErrorText(zh, 'learningRate')).toBe('学习率必须在 0 到 10 之间。');
    expect(configErrorText(en, 'schedule.decayRate')).toBe('Decay rate must be above 0 and at most 1.');
    expect(configErrorText(en, 'optimizer.beta2')).toBe('Adam β2 must be at least 0 and below 1.');
    expect(configErrorText(zh, 'batchSize')).toBe('批大小必须是 1 到 100 之间的整数。');
    expect(configErrorText(en, 'hiddenLayers[3]')).toBe('A network has at most 6 hidden layers of 1 to 8 neurons.');
  });

  it('reads the protocol’s JSON pointers as well as the engine’s paths', () => {
    expect(configField('/patch/schedule/decayRate')).toBe('schedule.decayRate');
    expect(configField('/patch/hiddenLayers/2')).toBe('hiddenLayers');
    expect(configField('customPoints[4].label')).toBe('customPoints.label');
    expect(errorText(zh, { code: 'badRequest', message: 'must be <= 10', field: '/patch/learningRate' })).toBe('学习率必须在 0 到 10 之间。');
  });

  it('falls back to the English detail only for a field it does not know', () => {
    expect(configErrorText(en, 'wormholes')).toBeNull();
    expect(errorText(zh, { code: 'invalidConfig', message: 'wormholes must be closed', field: 'wormholes' })).toBe(
      '这个设置不被允许：wormholes must be closed',
    );
    expect(errorText(zh, { code: 'invalidParameter', message: 'no weight 3/0/0' })).not.toContain('no weight');
  });
});
