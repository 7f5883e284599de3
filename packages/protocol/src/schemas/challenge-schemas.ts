import { DATASET_KINDS, FEATURE_IDS, LIMITS } from '@playroom/engine';
import Type, { type Static } from 'typebox';
import { AliasSchema } from './state-schemas';
import { IdSchema, RoleSchema } from './common-schemas';

/*
 * Challenges (rules CHAL-1…CHAL-8): the teacher sets a goal, the server scores
 * every student fork on a held-out set of its own and ranks them.
 */

const strict = { additionalProperties: false } as const;

/** The bounds of a goal (CHAL-1): what the teacher's panel offers and the server accepts. */
export const CHALLENGE_LIMITS = {
  /** the largest network the engine builds: 6 hidden layers of 8 neurons */
  maxNeurons: LIMITS.maxHiddenLayers * LIMITS.maxNeurons,
  /** 9 features → 8 → … → 8 → 1: 9·8 + 5·8·8 + 8 weights */
  maxWeights: FEATURE_IDS.length * LIMITS.maxNeurons + (LIMITS.maxHiddenLayers - 1) * LIMITS.maxNeurons * LIMITS.maxNeurons + LIMITS.maxNeurons,
  targetTestLoss: { min: 0.001, max: 1 },
  timeLimitSec: { min: 30, max: 3 * 60 * 60 },
} as const;

/** The datasets a challenge can use: every generated one (a drawn set has no held-out points). */
export const CHALLENGE_DATASETS = DATASET_KINDS.filter((kind): kind is Exclude<typeof kind, 'custom'> => kind !== 'custom');

export const ChallengeBudgetSchema = Type.Union([
  Type.Object({ kind: Type.Literal('neurons'), max: Type.Integer({ minimum: 1, maximum: CHALLENGE_LIMITS.maxNeurons }) }, strict),
  Type.Object({ kind: Type.Literal('weights'), max: Type.Integer({ minimum: 1, maximum: CHALLENGE_LIMITS.maxWeights }) }, strict),
]);
export type ChallengeBudget = Static<typeof ChallengeBudgetSchema>;

/** What the teacher asks for (CHAL-1). */
export const ChallengeGoalSchema = Type.Object(
  {
    dataset: Type.Enum(CHALLENGE_DATASETS),
    noise: Type.Integer({ minimum: LIMITS.noise.min, maximum: LIMITS.noise.max }),
    /** the features a fork may use (it may use fewer) */
    features: Type.Array(Type.Enum(FEATURE_IDS), { minItems: 1, maxItems: FEATURE_IDS.length, uniqueItems: true }),
    budget: ChallengeBudgetSchema,
    /** the test loss to reach, on the server's held-out set */
    targetTestLoss: Type.Number({ minimum: CHALLENGE_LIMITS.targetTestLoss.min, maximum: CHALLENGE_LIMITS.targetTestLoss.max }),
    /** null: until the teacher ends it */
    timeLimitSec: Type.Union([Type.Integer({ minimum: CHALLENGE_LIMITS.timeLimitSec.min, maximum: CHALLENGE_LIMITS.timeLimitSec.max }), Type.Null()]),
  },
  strict,
);
export type ChallengeGoal = Static<typeof ChallengeGoalSchema>;

/** Why a fork is not ranked (CHAL-3); clients put it in words, in their language. */
export const DisqualificationSchema = Type.Union([
  Type.Object({ code: Type.Literal('dataset') }),
  Type.Object({ code: Type.Literal('noise'), noise: Type.Integer() }),
  Type.Object({ code: Type.Literal('feature'), feature: Type.Enum(FEATURE_IDS) }),
  Type.Object({ code: Type.Literal('neurons'), count: Type.Integer(), max: Type.Integer() }),
  Type.Object({ code: Type.Literal('weights'), count: Type.Integer(), max: Type.Integer() }),
  Type.Object({ code: Type.Literal('diverged') }),
]);
export type Disqualification = Static<typeof DisqualificationSchema>;
export type DisqualificationCode = Disqualification['code'];

/** One fork on the leaderboard (CHAL-4). */
export const LeaderboardEntrySchema = Type.Object({
  forkId: IdSchema,
  owner: Type.Object({
    participantId: IdSchema,
    /** as NAMES-2 allows the recipient: '' for another student while names are hidden */
    name: Type.String(),
    alias: AliasSchema,
    role: RoleSchema,
  }),
  /** the loss on the server's held-out set; null before its first evaluation */
  testLoss: Type.Union([Type.Number(), Type.Null()]),
  neurons: Type.Integer({ minimum: 0 }),
  weights: Type.Integer({ minimum: 0 }),
  /** ms from the challenge's start until the server first measured the target reached, or null */
  timeToTargetMs: Type.Union([Type.Integer({ minimum: 0 }), Type.Null()]),
  /** 1-based; null when disqualified or not evaluated yet */
  rank: Type.Union([Type.Integer({ minimum: 1 }), Type.Null()]),
  disqualified: Type.Array(DisqualificationSchema),
});
export type LeaderboardEntry = Static<typeof LeaderboardEntrySchema>;

/** The class's challenge as the `leaderboard` event carries it (CHAL-5). */
export const ChallengeViewSchema = Type.Object({
  goal: ChallengeGoalSchema,
  startedAt: Type.Integer(),
  /** startedAt + the time limit, or null */
  endsAt: Type.Union([Type.Integer(), Type.Null()]),
  /** null while it runs; then `entries` are the final standings */
  endedAt: Type.Union([Type.Integer(), Type.Null()]),
  /** ranked entries first, by rank; then forks that do not qualify */
  entries: Type.Array(LeaderboardEntrySchema),
});
export type ChallengeView = Static<typeof ChallengeViewSchema>;

/** The `leaderboard` event: on connect, at a start or an end, and at most once a second while entries change (CHAL-5). */
export const LeaderboardUpdateSchema = Type.Object({ challenge: Type.Union([ChallengeViewSchema, Type.Null()]) });
export type LeaderboardUpdate = Static<typeof LeaderboardUpdateSchema>;
