/**
 * A refused config in the reader's language. The engine (locally) and the
 * server (invalidConfig, badRequest) name the offending field and explain in
 * English; we say the same thing from the field alone, with its allowed
 * range from LIMITS, so a Chinese screen shows no English.
 */
import { LIMITS } from '@playroom/engine';
import type { MessageKey, Translate } from '../i18n';

type Rule =
  /** a number in [min, max] (`open` makes one end exclusive), optionally whole */
  | { label: MessageKey; min: number; max: number; open?: 'min' | 'max'; integer?: boolean }
  /** a choice from a list the UI offers */
  | { label: MessageKey; choice: true }
  /** a field with its own sentence */
  | { sentence: MessageKey; params?: Record<string, number> };

const RULES: Record<string, Rule> = {
  noise: { label: 'pg.field.noise', ...LIMITS.noise },
  trainRatio: { label: 'pg.field.trainRatio', ...LIMITS.trainRatio },
  batchSize: { label: 'pg.field.batchSize', ...LIMITS.batchSize, integer: true },
  learningRate: { label: 'pg.learningRate', ...LIMITS.learningRate },
  regularizationRate: { label: 'pg.regularizationRate', ...LIMITS.regularizationRate },
  'schedule.decayRate': { label: 'pg.field.decayRate', ...LIMITS.decayRate, open: 'min' },
  'schedule.decayEpochs': { label: 'pg.field.decayEpochs', ...LIMITS.decayEpochs },
  'schedule.factor': { label: 'pg.field.plateauFactor', ...LIMITS.plateauFactor, open: 'min' },
  'schedule.patience': { label: 'pg.field.patience', ...LIMITS.patience, integer: true },
  'schedule.minLearningRate': { label: 'pg.field.minLearningRate', ...LIMITS.learningRate },
  'optimizer.momentum': { label: 'pg.field.momentum', ...LIMITS.momentum, open: 'max' },
  'optimizer.beta1': { label: 'pg.field.beta1', ...LIMITS.beta, open: 'max' },
  'optimizer.beta2': { label: 'pg.field.beta2', ...LIMITS.beta, open: 'max' },
  'optimizer.epsilon': { label: 'pg.field.epsilon', ...LIMITS.epsilon, open: 'min' },
  problem: { label: 'pg.problem', choice: true },
  activation: { label: 'pg.activation', choice: true },
  layerActivations: { label: 'pg.activation', choice: true },
  regularization: { label: 'pg.regularization', choice: true },
  optimizer: { label: 'pg.optimizer', choice: true },
  'optimizer.kind': { label: 'pg.optimizer', choice: true },
  schedule: { label: 'pg.schedule', choice: true },
  'schedule.kind': { label: 'pg.schedule', choice: true },
  initialization: { label: 'pg.field.initialization', choice: true },
  seed: { sentence: 'pg.configError.seed' },
  dataSeed: { sentence: 'pg.configError.seed' },
  dataset: { sentence: 'pg.configError.dataset' },
  outputLoss: { sentence: 'pg.configError.outputLoss' },
  features: { sentence: 'pg.configError.features' },
  hiddenLayers: {
    sentence: 'pg.configError.hiddenLayers',
    params: { layers: LIMITS.maxHiddenLayers, min: LIMITS.minNeurons, max: LIMITS.maxNeurons },
  },
  customPoints: { sentence: 'pg.configError.customPoints', params: { max: LIMITS.maxCustomPoints } },
};

/**
 * The engine's field path from any of the forms it reaches us in:
 * `schedule.decayRate`, `hiddenLayers[2]`, or a JSON pointer such as
 * `/patch/schedule/decayRate` (the protocol's schema check).
 */
export function configField(field: string): string {
  return field
    .replace(/^\/(patch|config)(\/|$)/, '')
    .replace(/\[\d+\]/g, '')
    .split('/')
    .filter((part) => part !== '' && !/^\d+$/.test(part))
    .join('.');
}

/** Why a config change was refused, from the field it names; null when we do not know the field. */
export function configErrorText(t: Translate, field: string | undefined): string | null {
  if (field === undefined) return null;
  const path = configField(field);
  // `customPoints.x` and friends belong to the list's own sentence
  const rule = RULES[path] ?? RULES[path.split('.')[0]!];
  if (!rule) return null;
  if ('sentence' in rule) return t(rule.sentence, rule.params);
  const name = t(rule.label);
  if ('choice' in rule) return t('pg.configError.choice', { field: name });
  const range = { field: name, min: rule.min, max: rule.max };
  if (rule.integer) return t('pg.configError.integer', range);
  if (rule.open === 'min') return t('pg.configError.aboveMin', range);
  if (rule.open === 'max') return t('pg.configError.belowMax', range);
  return t('pg.configError.range', range);
}
