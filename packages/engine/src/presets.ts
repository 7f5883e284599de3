/**
 * Teaching presets: each one a config (over DEFAULT_CONFIG), an epoch count
 * and what to watch, chosen so that its lesson shows clearly on fixed seeds.
 * presets.test.ts proves each claim through the engine; the CLI runs them
 * (`playroom-train --preset ID`) and the web app will localize `watch.kind`.
 */
import { DEFAULT_CONFIG, type CustomPoint, type TrainerConfig } from './config';
import { PLAYGROUND_FEATURES } from './features';

/** What a preset demonstrates: the effect to look for, for a UI to name and a test to check. */
export const PRESET_WATCH_KINDS = [
  /** the loss stays high: this network cannot separate the data */
  'notLearnable',
  /** the loss falls close to zero */
  'learns',
  /** the gradient norms fade towards the input layer */
  'vanishingGradients',
  /** the loss jumps and training stops with a divergence */
  'explodingGradients',
  /** the loss jumps around instead of settling: steps too long */
  'overshoot',
  /** the loss falls, but very slowly: steps too short */
  'crawl',
  /** the test loss rises while the training loss keeps falling */
  'overfitting',
  /** regularization keeps the test loss near its minimum */
  'regularized',
  /** the schedule lowers the learning rate when the test loss stops improving */
  'plateauCut',
  /** without biases every boundary passes through the origin, so data off the origin is not learned */
  'biasNeeded',
] as const;
export type PresetWatchKind = (typeof PRESET_WATCH_KINDS)[number];

export interface Preset {
  id: string;
  /** changes to DEFAULT_CONFIG */
  config: Partial<TrainerConfig>;
  /** epochs after which the effect shows */
  epochs: number;
  watch: { kind: PresetWatchKind };
  /** one English line for the CLI (the web app has its own translated text) */
  summary: string;
}

const XOR: Partial<TrainerConfig> = { dataset: 'xor', features: ['x1', 'x2'], hiddenLayers: [4, 4], learningRate: 0.03 };
const CIRCLE: Partial<TrainerConfig> = { dataset: 'circle', hiddenLayers: [], learningRate: 0.03 };
const RATE: Partial<TrainerConfig> = { dataset: 'circle', hiddenLayers: [4, 2], activation: 'tanh' };
/** the playground's seven inputs: x1, x2, their squares, x1·x2, sin x1, sin x2 */
const SEVEN_FEATURES: TrainerConfig['features'] = [...PLAYGROUND_FEATURES];
const OVERFIT: Partial<TrainerConfig> = {
  dataset: 'circle',
  noise: 30,
  trainRatio: 20,
  features: SEVEN_FEATURES,
  hiddenLayers: [8, 8, 8],
  learningRate: 0.03,
};

/** A 10 × 10 grid right of the origin (x 1 … 5.5, y −4.5 … 4.5), split by the vertical line x = 3.25. */
const OFF_CENTRE_POINTS: CustomPoint[] = Array.from({ length: 100 }, (_, k) => {
  const x = 1 + 0.5 * Math.floor(k / 10);
  return { x, y: -4.5 + (k % 10), label: x > 3.25 ? 1 : -1 };
});
const OFF_CENTRE: Partial<TrainerConfig> = {
  dataset: 'custom',
  customPoints: OFF_CENTRE_POINTS,
  hiddenLayers: [],
  learningRate: 0.3,
};

/** circle, the default network: only the batch size differs between the two batch presets */
const BATCH: Partial<TrainerConfig> = { dataset: 'circle', hiddenLayers: [4, 2], activation: 'tanh' };

export const PRESETS: readonly Preset[] = [
  { id: 'xor-linear', config: { ...XOR, activation: 'linear' }, epochs: 300, watch: { kind: 'notLearnable' },
    summary: 'XOR with linear activations: any stack of linear layers is one line, so the loss stays high' },
  { id: 'xor-tanh', config: { ...XOR, activation: 'tanh' }, epochs: 300, watch: { kind: 'learns' },
    summary: 'the same XOR network with tanh: the non-linearity bends the boundary and the loss falls' },
  { id: 'xor-product', config: { ...XOR, activation: 'linear', features: ['x1', 'x2', 'x1x2'], hiddenLayers: [] },
    epochs: 200, watch: { kind: 'learns' },
    summary: 'XOR, no hidden layer, but the x1·x2 feature: the data becomes linearly separable' },
  { id: 'circle-linear', config: { ...CIRCLE, features: ['x1', 'x2'] }, epochs: 200, watch: { kind: 'notLearnable' },
    summary: 'circle with only x1 and x2 and no hidden layer: a single line cannot enclose a disc' },
  { id: 'circle-squares', config: { ...CIRCLE, features: ['x1', 'x2', 'x1sq', 'x2sq'] }, epochs: 200,
    watch: { kind: 'learns' },
    summary: 'circle with x1² and x2² added: the disc is linear in the squares and is learned' },
  { id: 'vanishing-gradients', config: { dataset: 'circle', hiddenLayers: [6, 6, 6, 6, 6, 6], activation: 'sigmoid' },
    epochs: 50, watch: { kind: 'vanishingGradients' },
    summary: 'six sigmoid layers: each layer shrinks the gradient, the first layers barely learn' },
  { id: 'exploding-gradients',
    config: { dataset: 'circle', features: SEVEN_FEATURES, hiddenLayers: [8, 8, 8, 8, 8, 8], activation: 'relu',
      outputLoss: 'linear-square', learningRate: 1, batchSize: 3 },
    epochs: 100, watch: { kind: 'explodingGradients' },
    summary: 'a deep ReLU network with rate 1: within the first epoch the loss jumps by orders of magnitude and training stops' },
  { id: 'rate-too-high', config: { ...RATE, learningRate: 3 }, epochs: 200, watch: { kind: 'overshoot' },
    summary: 'learning rate 3: every step overshoots the valley, the loss jumps instead of settling' },
  { id: 'rate-too-low', config: { ...RATE, learningRate: 0.0001 }, epochs: 200, watch: { kind: 'crawl' },
    summary: 'learning rate 0.0001: every step is tiny, the loss barely moves' },
  { id: 'overfitting', config: OVERFIT, epochs: 300, watch: { kind: 'overfitting' },
    summary: 'a noisy circle, few training points and a big network: training loss falls, test loss rises' },
  { id: 'overfitting-l2', config: { ...OVERFIT, regularization: 'l2', regularizationRate: 0.03 }, epochs: 300,
    watch: { kind: 'regularized' },
    summary: 'the same with L2: small weights keep the boundary smooth and the test loss near its minimum' },
  { id: 'plateau',
    config: { dataset: 'spiral', features: SEVEN_FEATURES, hiddenLayers: [8, 8], learningRate: 0.1,
      schedule: { kind: 'plateau', factor: 0.5, patience: 10, minLearningRate: 0.00001 } },
    epochs: 200, watch: { kind: 'plateauCut' },
    summary: 'reduce-on-plateau: when the test loss stops improving the rate is halved' },
  { id: 'off-centre-no-bias', config: { ...OFF_CENTRE, biases: false }, epochs: 200, watch: { kind: 'biasNeeded' },
    summary: 'data right of the origin, one neuron without a bias: its line must pass through (0, 0) and cannot split them' },
  { id: 'off-centre-bias', config: OFF_CENTRE, epochs: 200, watch: { kind: 'learns' },
    summary: 'the same neuron with its bias: the line moves off the origin and the loss falls' },
  { id: 'regression-gauss',
    config: { problem: 'regression', dataset: 'regress-gauss', outputLoss: 'linear-square', hiddenLayers: [6, 4] },
    epochs: 200, watch: { kind: 'learns' },
    summary: 'regression: the output is a number, not a class, and the square loss measures how far off it is' },
  { id: 'multiclass-four',
    config: { problem: 'multiclass', dataset: 'four-class', outputLoss: 'softmax-xent', hiddenLayers: [4] },
    epochs: 200, watch: { kind: 'learns' },
    summary: 'four classes: one output per class, softmax turns them into probabilities, cross-entropy is the loss' },
  { id: 'batch-one', config: { ...BATCH, batchSize: 1 }, epochs: 50, watch: { kind: 'learns' },
    summary: 'batch size 1: every point is one step, so one epoch takes many small steps and the loss falls fast' },
  { id: 'batch-full', config: { ...BATCH, batchSize: 100 }, epochs: 50, watch: { kind: 'crawl' },
    summary: 'batch size 100, the largest: the 250 training points make only two or three steps an epoch, so the loss crawls' },
];

export const PRESET_IDS: readonly string[] = PRESETS.map((preset) => preset.id);

/** The preset with this id, or undefined. */
export function findPreset(id: string): Preset | undefined {
  return PRESETS.find((preset) => preset.id === id);
}

/** The full config a preset trains: DEFAULT_CONFIG with the preset's changes. */
export function presetConfig(preset: Preset): TrainerConfig {
  return { ...structuredClone(DEFAULT_CONFIG), ...structuredClone(preset.config) };
}
