/**
 * The training configuration: everything a teacher can set on a playground,
 * as plain JSON-serializable data. The server stores it, the wire carries it,
 * and `createTrainer(config)` turns it into a running network.
 */

export const DATASET_KINDS = [
  // classification, labels ±1 (TensorFlow Playground's four, then ours)
  'circle',
  'xor',
  'gauss',
  'spiral',
  'sine',
  'moons',
  // multi-class, labels 0..k-1
  'three-class',
  'four-class',
  // regression, labels in [-1, 1]
  'regress-plane',
  'regress-gauss',
  // user-supplied points (config.customPoints)
  'custom',
] as const;
export type DatasetKind = (typeof DATASET_KINDS)[number];

export const PROBLEM_TYPES = ['classification', 'regression', 'multiclass'] as const;
export type ProblemType = (typeof PROBLEM_TYPES)[number];

export const FEATURE_IDS = ['x1', 'x2', 'x1sq', 'x2sq', 'x1x2', 'sinx1', 'sinx2', 'cosx1', 'cosx2'] as const;
export type FeatureId = (typeof FEATURE_IDS)[number];

export const ACTIVATION_IDS = [
  'relu',
  'tanh',
  'sigmoid',
  'linear',
  'leakyRelu',
  'elu',
  'swish',
  'softplus',
  'sine',
  'gaussian',
  'binaryStep',
  'mish',
] as const;
export type ActivationId = (typeof ACTIVATION_IDS)[number];

/**
 * Output unit and loss together, since they only make sense in pairs:
 * - `tanh-square`: playground classification (tanh output, ½(o−y)², labels ±1)
 * - `linear-square`: playground regression
 * - `sigmoid-xent`: sigmoid output, binary cross-entropy (labels ±1 mapped to 1/0)
 * - `softmax-xent`: one output per class, softmax + cross-entropy (multiclass)
 */
export const OUTPUT_LOSS_IDS = ['tanh-square', 'linear-square', 'sigmoid-xent', 'softmax-xent'] as const;
export type OutputLossId = (typeof OUTPUT_LOSS_IDS)[number];

export const REGULARIZATION_IDS = ['none', 'l1', 'l2'] as const;
export type RegularizationId = (typeof REGULARIZATION_IDS)[number];

export const OPTIMIZER_IDS = ['sgd', 'momentum', 'adam'] as const;
export type OptimizerId = (typeof OPTIMIZER_IDS)[number];

export const INIT_IDS = ['uniform', 'zero'] as const;
export type InitId = (typeof INIT_IDS)[number];

export type LearningRateSchedule =
  | { kind: 'constant' }
  /** rate = base · decayRate^(epoch / decayEpochs) */
  | { kind: 'exponential'; decayRate: number; decayEpochs: number }
  /** multiply the rate by `factor` when test loss has not improved for `patience` epochs */
  | { kind: 'plateau'; factor: number; patience: number; minLearningRate: number };

export interface OptimizerConfig {
  kind: OptimizerId;
  /** momentum coefficient (momentum only) */
  momentum: number;
  /** Adam's β1, β2, ε */
  beta1: number;
  beta2: number;
  epsilon: number;
}

/** A user-supplied training point; label ±1 (classification), class index (multiclass) or value (regression). */
export interface CustomPoint {
  x: number;
  y: number;
  label: number;
}

export interface TrainerConfig {
  problem: ProblemType;
  dataset: DatasetKind;
  /** percent, 0–50 (playground's slider) */
  noise: number;
  /** percent of points used for training, 10–90 */
  trainRatio: number;
  /** seed of the dataset generator and the train/test shuffle */
  dataSeed: number;
  /** only for dataset 'custom' */
  customPoints?: CustomPoint[];
  features: FeatureId[];
  /** neurons per hidden layer, 0–6 layers of 1–8 neurons */
  hiddenLayers: number[];
  activation: ActivationId;
  /** optional per-hidden-layer override; null/undefined entries use `activation` */
  layerActivations?: (ActivationId | null)[];
  outputLoss: OutputLossId;
  initialization: InitId;
  /** false: a network without biases, every bias held at 0 (the lesson on why they are needed); absent means true */
  biases?: boolean;
  /** seed of weight initialization and of training randomness */
  seed: number;
  learningRate: number;
  schedule: LearningRateSchedule;
  optimizer: OptimizerConfig;
  regularization: RegularizationId;
  regularizationRate: number;
  batchSize: number;
}

/** Every numeric limit of a config, in one place (the protocol and the UI read them from here). */
export const LIMITS = {
  maxHiddenLayers: 6,
  minNeurons: 1,
  maxNeurons: 8,
  noise: { min: 0, max: 50 },
  trainRatio: { min: 10, max: 90 },
  batchSize: { min: 1, max: 100 },
  learningRate: { min: 0, max: 10 },
  regularizationRate: { min: 0, max: 10 },
  maxCustomPoints: 2000,
  maxClasses: 4,
  /** the playground's learning-rate menu */
  learningRates: [0.00001, 0.0001, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1, 3, 10],
  regularizationRates: [0, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1, 3, 10],
  /** input domain of every dataset and grid: [-6, 6]² */
  domain: 6,
  /** optimizer settings: momentum and Adam's β1, β2 in [min, max), ε in (min, max] */
  momentum: { min: 0, max: 1 },
  beta: { min: 0, max: 1 },
  epsilon: { min: 0, max: 1 },
  /** schedules: exponential decayRate in (0, 1], decayEpochs ≥ 1; plateau factor in (0, 1), patience ≥ 1 */
  decayRate: { min: 0, max: 1 },
  decayEpochs: { min: 1, max: 1_000_000 },
  plateauFactor: { min: 0, max: 1 },
  patience: { min: 1, max: 10_000 },
} as const;

export const DEFAULT_OPTIMIZER: OptimizerConfig = {
  kind: 'sgd',
  momentum: 0.9,
  beta1: 0.9,
  beta2: 0.999,
  epsilon: 1e-8,
};

/** The playground's defaults: circle, x1 and x2, [4, 2] tanh, rate 0.03, batch 10, 50 % split. */
export const DEFAULT_CONFIG: TrainerConfig = {
  problem: 'classification',
  dataset: 'circle',
  noise: 0,
  trainRatio: 50,
  dataSeed: 1,
  features: ['x1', 'x2'],
  hiddenLayers: [4, 2],
  activation: 'tanh',
  outputLoss: 'tanh-square',
  initialization: 'uniform',
  seed: 1,
  learningRate: 0.03,
  schedule: { kind: 'constant' },
  optimizer: DEFAULT_OPTIMIZER,
  regularization: 'none',
  regularizationRate: 0,
  batchSize: 10,
};
