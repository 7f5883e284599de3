import Type, { type Static } from 'typebox';
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
  type TrainerConfig,
} from '@playroom/engine';

/*
 * The engine's TrainerConfig as a schema. It checks shape, types and broad
 * ranges; the engine's `validateConfig` stays the judge of meaning (e.g. a
 * loss that fits the problem type), so the server runs both (rule CFG-1).
 */

const seed = Type.Integer({ minimum: 0, maximum: 0xffffffff });
const finite = (minimum: number, maximum: number) => Type.Number({ minimum, maximum });

export const LearningRateScheduleSchema = Type.Union([
  Type.Object({ kind: Type.Literal('constant') }, { additionalProperties: false }),
  Type.Object(
    {
      kind: Type.Literal('exponential'),
      decayRate: Type.Number({ exclusiveMinimum: 0, maximum: 1 }),
      decayEpochs: finite(1, 1e9),
    },
    { additionalProperties: false },
  ),
  Type.Object(
    {
      kind: Type.Literal('plateau'),
      factor: Type.Number({ exclusiveMinimum: 0, maximum: 1 }),
      patience: Type.Integer({ minimum: 1, maximum: 1e6 }),
      minLearningRate: finite(0, LIMITS.learningRate.max),
    },
    { additionalProperties: false },
  ),
]);

export const OptimizerConfigSchema = Type.Object(
  {
    kind: Type.Enum(OPTIMIZER_IDS),
    momentum: finite(0, 1),
    beta1: finite(0, 1),
    beta2: finite(0, 1),
    epsilon: Type.Number({ exclusiveMinimum: 0, maximum: 1 }),
  },
  { additionalProperties: false },
);

export const CustomPointSchema = Type.Object(
  { x: finite(-1e6, 1e6), y: finite(-1e6, 1e6), label: finite(-1e6, 1e6) },
  { additionalProperties: false },
);

const configProperties = {
  problem: Type.Enum(PROBLEM_TYPES),
  dataset: Type.Enum(DATASET_KINDS),
  noise: finite(LIMITS.noise.min, LIMITS.noise.max),
  trainRatio: finite(LIMITS.trainRatio.min, LIMITS.trainRatio.max),
  dataSeed: seed,
  customPoints: Type.Optional(Type.Array(CustomPointSchema, { maxItems: LIMITS.maxCustomPoints })),
  features: Type.Array(Type.Enum(FEATURE_IDS), { maxItems: FEATURE_IDS.length }),
  hiddenLayers: Type.Array(Type.Integer({ minimum: LIMITS.minNeurons, maximum: LIMITS.maxNeurons }), {
    maxItems: LIMITS.maxHiddenLayers,
  }),
  activation: Type.Enum(ACTIVATION_IDS),
  layerActivations: Type.Optional(
    Type.Array(Type.Union([Type.Enum(ACTIVATION_IDS), Type.Null()]), { maxItems: LIMITS.maxHiddenLayers }),
  ),
  outputLoss: Type.Enum(OUTPUT_LOSS_IDS),
  initialization: Type.Enum(INIT_IDS),
  biases: Type.Optional(Type.Boolean()),
  seed,
  learningRate: finite(LIMITS.learningRate.min, LIMITS.learningRate.max),
  schedule: LearningRateScheduleSchema,
  optimizer: OptimizerConfigSchema,
  regularization: Type.Enum(REGULARIZATION_IDS),
  regularizationRate: finite(LIMITS.regularizationRate.min, LIMITS.regularizationRate.max),
  batchSize: Type.Integer({ minimum: LIMITS.batchSize.min, maximum: LIMITS.batchSize.max }),
};

/** A whole TrainerConfig. */
export const TrainerConfigSchema = Type.Object(configProperties, { additionalProperties: false });

/** Any subset of a TrainerConfig's fields, possibly none (a new class's changes from the default). */
export const ConfigFieldsSchema = Type.Partial(Type.Object(configProperties), { additionalProperties: false });

/** Some fields of a TrainerConfig: what `setConfig` sends (at least one field). */
export const ConfigPatchSchema = Type.Partial(Type.Object(configProperties), {
  additionalProperties: false,
  minProperties: 1,
});
export type ConfigPatch = Static<typeof ConfigPatchSchema>;

// The schema and the engine's type must describe the same object.
type Equals<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
const schemaMatchesEngine: Equals<Static<typeof TrainerConfigSchema>, TrainerConfig> = true;
void schemaMatchesEngine;
