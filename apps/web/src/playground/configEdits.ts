/**
 * The config patches the playground's controls send. Some controls change
 * more than one field (a problem type needs its own datasets and output
 * loss), so the rules live here, apart from the components, and are tested.
 */
import {
  FEATURE_IDS,
  LIMITS,
  datasetsForProblem,
  problemDefaults,
  type DatasetKind,
  type FeatureId,
  type LearningRateSchedule,
  type OptimizerId,
  type ProblemType,
  type TrainerConfig,
} from '@playroom/engine';

/** Datasets to show as thumbnails: the problem's own (the engine's order), plus "custom" while it is the current one. */
export function datasetsFor(config: TrainerConfig): readonly DatasetKind[] {
  const own = datasetsForProblem(config.problem).filter((kind) => kind !== 'custom');
  return config.dataset === 'custom' ? [...own, 'custom'] : own;
}

/** Switching problem type: the engine's defaults for it (first dataset, fitting output/loss); nothing when unchanged. */
export function problemPatch(config: TrainerConfig, problem: ProblemType): Partial<TrainerConfig> {
  return problem === config.problem ? {} : problemDefaults(problem);
}

export type ScheduleKind = LearningRateSchedule['kind'];

/** A schedule of the chosen kind with settings that show their effect within a few hundred epochs. */
export function scheduleFor(kind: ScheduleKind): LearningRateSchedule {
  switch (kind) {
    case 'constant':
      return { kind };
    case 'exponential':
      return { kind, decayRate: 0.5, decayEpochs: 200 };
    case 'plateau':
      return { kind, factor: 0.5, patience: 20, minLearningRate: 0.00001 };
  }
}

/** Changing only the optimizer kind keeps its coefficients. */
export function optimizerPatch(config: TrainerConfig, kind: OptimizerId): Partial<TrainerConfig> {
  return { optimizer: { ...config.optimizer, kind } };
}

/** Per-layer activation overrides follow the layer list when it grows or shrinks. */
function withLayers(config: TrainerConfig, hiddenLayers: number[]): Partial<TrainerConfig> {
  if (!config.layerActivations) return { hiddenLayers };
  const layerActivations = hiddenLayers.map((_, i) => config.layerActivations![i] ?? null);
  return { hiddenLayers, layerActivations };
}

/** One more hidden layer of two neurons (like the playground), or nothing at the limit. */
export function addLayerPatch(config: TrainerConfig): Partial<TrainerConfig> | null {
  if (config.hiddenLayers.length >= LIMITS.maxHiddenLayers) return null;
  return withLayers(config, [...config.hiddenLayers, 2]);
}

/** Drops the last hidden layer, or nothing when there is none. */
export function removeLayerPatch(config: TrainerConfig): Partial<TrainerConfig> | null {
  if (config.hiddenLayers.length === 0) return null;
  return withLayers(config, config.hiddenLayers.slice(0, -1));
}

/** Adds (+1) or removes (−1) a neuron of hidden layer `layer` (0-based), or nothing outside LIMITS. */
export function neuronPatch(config: TrainerConfig, layer: number, delta: 1 | -1): Partial<TrainerConfig> | null {
  const current = config.hiddenLayers[layer];
  if (current === undefined) return null;
  const next = current + delta;
  if (next < LIMITS.minNeurons || next > LIMITS.maxNeurons) return null;
  const hiddenLayers = [...config.hiddenLayers];
  hiddenLayers[layer] = next;
  return { hiddenLayers };
}

/** Turns a feature on or off, keeping the canonical order; never removes the last one. */
export function toggleFeaturePatch(config: TrainerConfig, feature: FeatureId): Partial<TrainerConfig> | null {
  const active = new Set(config.features);
  if (active.has(feature)) {
    if (active.size === 1) return null;
    active.delete(feature);
  } else {
    active.add(feature);
  }
  return { features: FEATURE_IDS.filter((id) => active.has(id)) };
}
