import { DEFAULT_CONFIG, PLAYGROUND_FEATURES, type TrainerConfig } from '@playroom/engine';

/** The benchmark's network: the playground's largest (7 features, six hidden layers of 8). */
export const LARGEST: TrainerConfig = {
  ...DEFAULT_CONFIG,
  dataset: 'spiral',
  features: [...PLAYGROUND_FEATURES],
  hiddenLayers: [8, 8, 8, 8, 8, 8],
};

const PRESETS: Record<string, TrainerConfig> = {
  large: LARGEST,
  multiclass: { ...DEFAULT_CONFIG, problem: 'multiclass', dataset: 'four-class', outputLoss: 'softmax-xent', hiddenLayers: [6, 4] },
  regression: { ...DEFAULT_CONFIG, problem: 'regression', dataset: 'regress-gauss', outputLoss: 'linear-square' },
  diverge: { ...DEFAULT_CONFIG, dataset: 'xor', activation: 'relu', learningRate: 10, hiddenLayers: [8, 8, 8] },
};

/** A named preset, or the playground's default. */
export function presetConfig(name: string | null): TrainerConfig {
  return (name && PRESETS[name]) || DEFAULT_CONFIG;
}
