import type { DivergenceKind, LossHistory as EngineLossHistory, LossPoint as EngineLossPoint } from '@playroom/engine';
import Type, { type Static } from 'typebox';
import { LessonControlsSchema } from '../lesson-controls';
import { TrainerConfigSchema } from './config-schema';
import { IdSchema, RoleSchema, SpeedSchema } from './common-schemas';
import { LessonStateSchema, PresetIdSchema } from './lesson-plan-schemas';

/*
 * What the server sends about sessions. These are documented as schemas so
 * the web app and tests can check what they receive; the server is the only
 * producer.
 */

/**
 * A loss, or null when it is not a finite number (JSON has no NaN). Null is
 * the one "missing" of every layer: the wire, the snapshot codec, the store
 * and the view.
 */
const Loss = Type.Union([Type.Number(), Type.Null()]);

export const SessionKindSchema = Type.Enum(['class', 'fork'] as const);
export type SessionKind = Static<typeof SessionKindSchema>;

/** How training failed (the engine's DivergenceKind), so a client can say it in its own language. */
export const DivergenceKindSchema = Type.Enum(['not-finite', 'exploded', 'saturated'] as const satisfies readonly DivergenceKind[]);

/** Why training stopped: `reason` in English; `kind` optional, as servers before it did not send it. */
export const DivergenceSchema = Type.Object({
  reason: Type.String(),
  epoch: Type.Number(),
  kind: Type.Optional(DivergenceKindSchema),
});

export const MetricsSchema = Type.Object({
  trainLoss: Loss,
  testLoss: Loss,
  trainAccuracy: Type.Union([Type.Number(), Type.Null()]),
  testAccuracy: Type.Union([Type.Number(), Type.Null()]),
  learningRate: Type.Number(),
  /** mean |dL/dw| per layer (index 0 = weights into the first hidden layer) */
  gradientNorms: Type.Array(Type.Number()),
  diverged: Type.Union([DivergenceSchema, Type.Null()]),
});
export type SessionMetrics = Static<typeof MetricsSchema>;

export const LossPointSchema = Type.Object({ epoch: Type.Number(), trainLoss: Loss, testLoss: Loss });
export type LossPoint = Static<typeof LossPointSchema>;

/** The engine's down-sampled loss curve (rule STATE-3): at most one point per `stride` epochs. */
export const LossHistorySchema = Type.Object({
  stride: Type.Integer({ minimum: 1 }),
  points: Type.Array(LossPointSchema),
});
export type LossHistory = Static<typeof LossHistorySchema>;

// the schemas describe the engine's own types: a change to either fails to compile here
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const lossShapesAgree: [Same<LossPoint, EngineLossPoint>, Same<LossHistory, EngineLossHistory>] = [true, true];
void lossShapesAgree;

/**
 * The full state of one session (class or fork): everything a late joiner or
 * a reconnecting client needs to draw it. The dataset is not included: build
 * it from `config` with the engine (rule STATE-2).
 */
export const SessionStateSchema = Type.Object({
  sessionId: IdSchema,
  classId: IdSchema,
  kind: SessionKindSchema,
  /** participant id of the owner (the teacher's participant id for the class session) */
  ownerId: IdSchema,
  ownerName: Type.String(),
  /** the session this one was forked from, null for the class session */
  parentId: Type.Union([IdSchema, Type.Null()]),
  forkedAtEpoch: Type.Union([Type.Number(), Type.Null()]),
  config: TrainerConfigSchema,
  /** [inputs, ...hidden, outputs] */
  layerSizes: Type.Array(Type.Integer()),
  /** every weight and bias, exact (Float64), in the engine's parameter layout */
  params: Type.Array(Type.Number()),
  epoch: Type.Integer(),
  /** monotonic per session; snapshots carry it too (rule SNAP-3) */
  clock: Type.Integer(),
  playing: Type.Boolean(),
  speed: SpeedSchema,
  /** a fork frozen by the teacher refuses its owner's commands */
  frozen: Type.Boolean(),
  metrics: MetricsSchema,
  /** down-sampled, oldest first, at most PROTOCOL_LIMITS.lossHistoryPoints points */
  lossHistory: LossHistorySchema,
  /** the preset "Show me" loaded last, until the config is changed otherwise (TEACH-1); null: none */
  preset: Type.Union([PresetIdSchema, Type.Null()]),
  /** the epochs of the session's checkpoints, oldest first: the stops of the timeline's scrubber (SCRUB-1) */
  timeline: Type.Array(Type.Integer({ minimum: 0 })),
  /** the checkpoint's epoch the session shows while someone looks back (SCRUB-2); null: now */
  scrubbedTo: Type.Union([Type.Integer({ minimum: 0 }), Type.Null()]),
});
export type SessionState = Static<typeof SessionStateSchema>;

/** One line of the teacher's fork dashboard (and of a student's own fork list). */
export const ForkSummarySchema = Type.Object({
  sessionId: IdSchema,
  ownerId: IdSchema,
  ownerName: Type.String(),
  parentId: Type.Union([IdSchema, Type.Null()]),
  epoch: Type.Integer(),
  clock: Type.Integer(),
  trainLoss: Loss,
  testLoss: Loss,
  playing: Type.Boolean(),
  frozen: Type.Boolean(),
  /** training diverged and stopped (TRAIN-3): the dashboard's "needs help" */
  diverged: Type.Boolean(),
  layerSizes: Type.Array(Type.Integer()),
  dataset: Type.String(),
});
export type ForkSummary = Static<typeof ForkSummarySchema>;

/** A participant's alias (NAMES-1): a number, not words, so every client says it in its own language. */
export const AliasSchema = Type.Integer({ minimum: 0 });

export const RosterEntrySchema = Type.Object({
  participantId: IdSchema,
  name: Type.String(),
  role: RoleSchema,
  /** the participant's alias (NAMES-1): unique in the class, kept for as long as they are in it; clients turn it into words */
  alias: AliasSchema,
  online: Type.Boolean(),
  forkCount: Type.Integer(),
});
export type RosterEntry = Static<typeof RosterEntrySchema>;

/** Whose fork is spotlighted: students may not see that fork's summary, so the status names its owner. */
export const SpotlightOwnerSchema = Type.Object({
  participantId: IdSchema,
  name: Type.String(),
  /** 'teacher' when the teacher shows one of their own forks */
  role: RoleSchema,
  /** the owner's alias, as in the roster (NAMES-1) */
  alias: AliasSchema,
});
export type SpotlightOwner = Static<typeof SpotlightOwnerSchema>;

export const ClassStatusSchema = Type.Object({
  /** the fork shown to the whole class, or null */
  spotlightId: Type.Union([IdSchema, Type.Null()]),
  /** the spotlighted fork's owner, null with no spotlight */
  spotlightOwner: Type.Union([SpotlightOwnerSchema, Type.Null()]),
  forksFrozen: Type.Boolean(),
  /** the teacher locked the class: new students are refused, rejoins pass (JOIN-3) */
  locked: Type.Boolean(),
  /** what students may change in their forks: only the controls that are not open (LESSON-1) */
  lessonControls: LessonControlsSchema,
  /** the teacher hides names: students get no name but their own and the teacher's, every class-facing screen shows aliases (NAMES-1) */
  namesHidden: Type.Boolean(),
  /** the lesson the teacher is moving the class through, or null (TEACH-3) */
  lesson: Type.Union([LessonStateSchema, Type.Null()]),
});
export type ClassStatus = Static<typeof ClassStatusSchema>;
