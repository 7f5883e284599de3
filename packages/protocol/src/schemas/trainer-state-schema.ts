import {
  FEATURE_IDS,
  LIMITS,
  OPTIMIZER_IDS,
  TRAINER_STATE_VERSION,
  parameterCount,
  type TrainerState,
} from '@playroom/engine';
import Type, { type Static } from 'typebox';
import { TrainerConfigSchema } from './config-schema';
import { DivergenceKindSchema, SessionStateSchema } from './state-schemas';

/*
 * The engine's TrainerState (exportState) as a schema, for files that carry
 * a session's exact state (FILE-1, REST-1 `from`). The schema bounds every
 * array by the largest network the config limits allow; whether the sizes fit
 * *this* config's network is the engine's `Trainer.fromState` to judge.
 */

/** The most outputs a network has: one per class of a multiclass dataset. */
const MAX_CLASSES = LIMITS.maxClasses;

/** Weights and biases of the largest network a config may ask for: every feature, the widest hidden layers, one output per class. */
export const MAX_TRAINER_PARAMS = parameterCount([
  FEATURE_IDS.length,
  ...new Array<number>(LIMITS.maxHiddenLayers).fill(LIMITS.maxNeurons),
  MAX_CLASSES,
]);

/** Any finite double (JSON.parse never yields NaN or Infinity, but a hand-built object may). */
const Finite = Type.Number({ minimum: -Number.MAX_VALUE, maximum: Number.MAX_VALUE });
const Count = Type.Integer({ minimum: 0, maximum: Number.MAX_SAFE_INTEGER });
const Params = Type.Array(Finite, { maxItems: MAX_TRAINER_PARAMS });
const PerWeightLayer = Type.Array(Finite, { maxItems: LIMITS.maxHiddenLayers + 1 });
const Uint32 = Type.Integer({ minimum: 0, maximum: 0xffffffff });
const strict = { additionalProperties: false } as const;

export const TrainerStateSchema = Type.Object(
  {
    version: Type.Literal(TRAINER_STATE_VERSION),
    config: TrainerConfigSchema,
    epoch: Count,
    cursor: Count,
    params: Params,
    pendingExamples: Count,
    pendingGrads: Type.Optional(Params),
    optimizer: Type.Object(
      { kind: Type.Enum(OPTIMIZER_IDS), m: Type.Optional(Params), v: Type.Optional(Params), step: Count },
      strict,
    ),
    rng: Type.Tuple([Uint32, Uint32, Uint32, Uint32]),
    learningRate: Finite,
    schedule: Type.Object({ bestLoss: Type.Union([Finite, Type.Null()]), badEpochs: Count }, strict),
    bestTestLoss: Type.Union([Finite, Type.Null()]),
    gradientStats: Type.Object({ sums: PerWeightLayer, updates: Count, norms: PerWeightLayer }, strict),
    diverged: Type.Union([
      Type.Object({ kind: DivergenceKindSchema, reason: Type.String({ maxLength: 500 }), epoch: Count }, strict),
      Type.Null(),
    ]),
    handSet: Type.Optional(
      Type.Array(
        Type.Object(
          {
            layer: Type.Integer({ minimum: 1, maximum: LIMITS.maxHiddenLayers + 1 }),
            to: Type.Integer({ minimum: 0, maximum: MAX_CLASSES }),
            from: Type.Union([Type.Integer({ minimum: 0, maximum: FEATURE_IDS.length }), Type.Null()]),
            value: Finite,
          },
          strict,
        ),
        { maxItems: MAX_TRAINER_PARAMS },
      ),
    ),
  },
  strict,
);

/** A session's full state with its trainer's exact state (FILE-2): the teacher's export (REST-3), the forks of `classEnded` (CMD-7). */
export const ExactSessionStateSchema = Type.Object({ ...SessionStateSchema.properties, trainer: Type.Optional(TrainerStateSchema) });
export type ExactSessionState = Static<typeof ExactSessionStateSchema>;

// the schema describes the engine's own type: a change to either fails to compile here
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type SchemaState = Static<typeof TrainerStateSchema>;
const trainerStateShapesAgree: Same<Omit<SchemaState, 'config'>, Omit<TrainerState, 'config'>> = true;
void trainerStateShapesAgree;
