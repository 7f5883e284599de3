/**
 * The one check of a config from outside (a teacher's edit, a stored session,
 * a message): every field, its type and its allowed range, with an error that
 * names the field. Returns a clean copy holding only the known fields.
 */
import {
  ACTIVATION_IDS,
  DATASET_KINDS,
  FEATURE_IDS,
  INIT_IDS,
  LIMITS,
  OPTIMIZER_IDS,
  OUTPUT_LOSS_IDS,
  PROBLEM_TYPES,
  REGULARIZATION_IDS,
  type ActivationId,
  type LearningRateSchedule,
  type OptimizerConfig,
  type OutputLossId,
  type ProblemType,
  type TrainerConfig,
} from './config';
import { customPointsError, datasetFitsProblem, datasetProblem, datasetsForProblem } from './datasets';

/** A config field that is missing, of the wrong type or out of range. */
export class ConfigError extends Error {
  /** the field's path, e.g. `hiddenLayers[2]` or `optimizer.beta1` */
  readonly field: string;

  constructor(field: string, message: string) {
    super(message);
    this.name = 'ConfigError';
    this.field = field;
  }
}

/** The output/loss pairs that make sense for each problem. */
export const OUTPUT_LOSSES_FOR_PROBLEM: Record<ProblemType, readonly OutputLossId[]> = {
  classification: ['tanh-square', 'sigmoid-xent', 'linear-square'],
  regression: ['linear-square', 'tanh-square'],
  multiclass: ['softmax-xent'],
};

/** What switching to a problem type sets: its first dataset and its first (the playground's) output/loss pair. */
export function problemDefaults(problem: ProblemType): Pick<TrainerConfig, 'problem' | 'dataset' | 'outputLoss'> {
  return { problem, dataset: datasetsForProblem(problem)[0]!, outputLoss: OUTPUT_LOSSES_FOR_PROBLEM[problem][0]! };
}

/** Checks `input` and returns it as a `TrainerConfig`, or throws a `ConfigError`. */
export function validateConfig(input: unknown): TrainerConfig {
  const c = record(input, 'config');
  const problem = oneOf(c.problem, 'problem', PROBLEM_TYPES);
  const dataset = oneOf(c.dataset, 'dataset', DATASET_KINDS);
  if (!datasetFitsProblem(dataset, problem)) {
    throw new ConfigError('dataset', `dataset "${dataset}" is a ${datasetProblem(dataset)} dataset; problem is ${problem}`);
  }
  const config: TrainerConfig = {
    problem,
    dataset,
    noise: numberIn(c.noise, 'noise', LIMITS.noise.min, LIMITS.noise.max),
    trainRatio: numberIn(c.trainRatio, 'trainRatio', LIMITS.trainRatio.min, LIMITS.trainRatio.max),
    dataSeed: seed(c.dataSeed, 'dataSeed'),
    features: features(c.features),
    hiddenLayers: hiddenLayers(c.hiddenLayers),
    activation: oneOf(c.activation, 'activation', ACTIVATION_IDS),
    outputLoss: oneOf(c.outputLoss, 'outputLoss', OUTPUT_LOSS_IDS),
    initialization: oneOf(c.initialization, 'initialization', INIT_IDS),
    seed: seed(c.seed, 'seed'),
    learningRate: numberIn(c.learningRate, 'learningRate', LIMITS.learningRate.min, LIMITS.learningRate.max),
    schedule: schedule(c.schedule),
    optimizer: optimizer(c.optimizer),
    regularization: oneOf(c.regularization, 'regularization', REGULARIZATION_IDS),
    regularizationRate: numberIn(
      c.regularizationRate,
      'regularizationRate',
      LIMITS.regularizationRate.min,
      LIMITS.regularizationRate.max,
    ),
    batchSize: integerIn(c.batchSize, 'batchSize', LIMITS.batchSize.min, LIMITS.batchSize.max),
  };
  const allowedLosses = OUTPUT_LOSSES_FOR_PROBLEM[problem];
  if (!allowedLosses.includes(config.outputLoss)) {
    throw new ConfigError(
      'outputLoss',
      `outputLoss must be one of ${allowedLosses.join(', ')} for ${problem}, got "${config.outputLoss}"`,
    );
  }
  if (c.layerActivations !== undefined && c.layerActivations !== null) {
    config.layerActivations = layerActivations(c.layerActivations);
  }
  if (c.biases !== undefined && c.biases !== null) {
    if (typeof c.biases !== 'boolean') throw new ConfigError('biases', `biases must be true or false, got ${describe(c.biases)}`);
    config.biases = c.biases;
  }
  if (c.customPoints !== undefined && c.customPoints !== null) {
    if (!Array.isArray(c.customPoints)) throw new ConfigError('customPoints', 'customPoints must be an array of {x, y, label}');
    config.customPoints = c.customPoints.map((point: unknown, i) => {
      const p = record(point, `customPoints[${i}]`);
      return { x: p.x as number, y: p.y as number, label: p.label as number };
    });
  }
  if (dataset === 'custom') {
    const error = customPointsError(config.customPoints, problem);
    if (error !== null) throw new ConfigError('customPoints', error);
  }
  return config;
}

function record(value: unknown, field: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new ConfigError(field, `${field} must be an object, got ${describe(value)}`);
  }
  return value as Record<string, unknown>;
}

function oneOf<T extends string>(value: unknown, field: string, allowed: readonly T[]): T {
  if (typeof value !== 'string' || !allowed.includes(value as T)) {
    throw new ConfigError(field, `${field} must be one of ${allowed.join(', ')}; got ${describe(value)}`);
  }
  return value as T;
}

function numberIn(value: unknown, field: string, min: number, max: number): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < min || value > max) {
    throw new ConfigError(field, `${field} must be a number from ${min} to ${max}, got ${describe(value)}`);
  }
  return value;
}

// For β, momentum and friends: the open end keeps the math finite (1 − β^t ≠ 0, factor ≠ 1).
function numberInHalfOpen(value: unknown, field: string, min: number, max: number, open: 'min' | 'max'): number {
  const ok =
    typeof value === 'number' &&
    Number.isFinite(value) &&
    (open === 'min' ? value > min && value <= max : value >= min && value < max);
  if (!ok) {
    const range = open === 'min' ? `greater than ${min} and at most ${max}` : `at least ${min} and less than ${max}`;
    throw new ConfigError(field, `${field} must be a number ${range}, got ${describe(value)}`);
  }
  return value as number;
}

function integerIn(value: unknown, field: string, min: number, max: number): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw new ConfigError(field, `${field} must be an integer from ${min} to ${max}, got ${describe(value)}`);
  }
  return value;
}

function seed(value: unknown, field: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new ConfigError(field, `${field} must be a finite number, got ${describe(value)}`);
  }
  return value;
}

function features(value: unknown): TrainerConfig['features'] {
  if (!Array.isArray(value)) throw new ConfigError('features', `features must be an array of feature ids, got ${describe(value)}`);
  const result = value.map((id, i) => oneOf(id, `features[${i}]`, FEATURE_IDS));
  const duplicate = result.find((id, i) => result.indexOf(id) !== i);
  if (duplicate !== undefined) throw new ConfigError('features', `features lists "${duplicate}" twice`);
  return result;
}

function hiddenLayers(value: unknown): number[] {
  if (!Array.isArray(value) || value.length > LIMITS.maxHiddenLayers) {
    throw new ConfigError(
      'hiddenLayers',
      `hiddenLayers must be an array of 0 to ${LIMITS.maxHiddenLayers} layer sizes, got ${describe(value)}`,
    );
  }
  return value.map((size, i) => integerIn(size, `hiddenLayers[${i}]`, LIMITS.minNeurons, LIMITS.maxNeurons));
}

function layerActivations(value: unknown): (ActivationId | null)[] {
  if (!Array.isArray(value) || value.length > LIMITS.maxHiddenLayers) {
    throw new ConfigError(
      'layerActivations',
      `layerActivations must be an array of at most ${LIMITS.maxHiddenLayers} activation ids or nulls, got ${describe(value)}`,
    );
  }
  return value.map((id, i) => (id === null || id === undefined ? null : oneOf(id, `layerActivations[${i}]`, ACTIVATION_IDS)));
}

function schedule(value: unknown): LearningRateSchedule {
  const s = record(value, 'schedule');
  const kind = oneOf(s.kind, 'schedule.kind', ['constant', 'exponential', 'plateau'] as const);
  switch (kind) {
    case 'constant':
      return { kind };
    case 'exponential':
      return {
        kind,
        decayRate: numberInHalfOpen(s.decayRate, 'schedule.decayRate', LIMITS.decayRate.min, LIMITS.decayRate.max, 'min'),
        decayEpochs: numberIn(s.decayEpochs, 'schedule.decayEpochs', LIMITS.decayEpochs.min, LIMITS.decayEpochs.max),
      };
    case 'plateau':
      return {
        kind,
        factor: numberInHalfOpen(s.factor, 'schedule.factor', LIMITS.plateauFactor.min, LIMITS.plateauFactor.max, 'min'),
        patience: integerIn(s.patience, 'schedule.patience', LIMITS.patience.min, LIMITS.patience.max),
        minLearningRate: numberIn(
          s.minLearningRate,
          'schedule.minLearningRate',
          LIMITS.learningRate.min,
          LIMITS.learningRate.max,
        ),
      };
  }
}

function optimizer(value: unknown): OptimizerConfig {
  const o = record(value, 'optimizer');
  return {
    kind: oneOf(o.kind, 'optimizer.kind', OPTIMIZER_IDS),
    momentum: numberInHalfOpen(o.momentum, 'optimizer.momentum', LIMITS.momentum.min, LIMITS.momentum.max, 'max'),
    beta1: numberInHalfOpen(o.beta1, 'optimizer.beta1', LIMITS.beta.min, LIMITS.beta.max, 'max'),
    beta2: numberInHalfOpen(o.beta2, 'optimizer.beta2', LIMITS.beta.min, LIMITS.beta.max, 'max'),
    epsilon: numberInHalfOpen(o.epsilon, 'optimizer.epsilon', LIMITS.epsilon.min, LIMITS.epsilon.max, 'min'),
  };
}

function describe(value: unknown): string {
  if (typeof value === 'string') return `"${value.length > 40 ? `${value.slice(0, 40)}…` : value}"`;
  if (Array.isArray(value)) return `an array of ${value.length}`;
  if (value === null) return 'null';
  if (typeof value === 'object') return 'an object';
  return String(value);
}
