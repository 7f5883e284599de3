import Type, { type Static, type TSchema } from 'typebox';
import { LessonControlsSchema } from '../lesson-controls';
import { LessonPlanSchema, PresetIdSchema } from './lesson-plan-schemas';
import { PROTOCOL_LIMITS } from '../limits';
import { IdSchema, SpeedSchema } from './common-schemas';
import { ConfigPatchSchema } from './config-schema';
import { ChallengeGoalSchema } from './challenge-schemas';

/*
 * Every client command travels on the one `command` event as a union keyed
 * on `type`, with an ack callback. Commands on a session name it with
 * `sessionId` (the class session or a fork).
 */

const sessionId = IdSchema;
const strict = { additionalProperties: false } as const;
const layerIndex = Type.Integer({ minimum: 1, maximum: PROTOCOL_LIMITS.maxLayers });
const neuronIndex = Type.Integer({ minimum: 0, maximum: PROTOCOL_LIMITS.maxLayerSize });
const paramValue = Type.Number({ minimum: -1e6, maximum: 1e6 });

/** Where `reset` starts again: new initial weights (a new seed) or the same ones (rule CMD-4). */
export const ResetStartSchema = Type.Enum(['new', 'same'] as const);
export type ResetStart = Static<typeof ResetStartSchema>;

export const COMMAND_SCHEMAS = {
  /** change config fields; keeps or rebuilds the network as the engine's configChangeEffect says */
  setConfig: Type.Object({ type: Type.Literal('setConfig'), sessionId, patch: ConfigPatchSchema }, strict),
  play: Type.Object({ type: Type.Literal('play'), sessionId }, strict),
  pause: Type.Object({ type: Type.Literal('pause'), sessionId }, strict),
  /** train `epochs` (default 1) right now, playing or not */
  step: Type.Object(
    {
      type: Type.Literal('step'),
      sessionId,
      epochs: Type.Optional(Type.Integer({ minimum: 1, maximum: PROTOCOL_LIMITS.maxStepEpochs })),
    },
    strict,
  ),
  /**
   * back to epoch 0 and a pause: `start: 'new'` draws new initial weights (the server picks a new
   * config.seed, as the playground's reset does), `'same'` (the default) starts again from config.seed (rule CMD-4)
   */
  reset: Type.Object({ type: Type.Literal('reset'), sessionId, start: Type.Optional(ResetStartSchema) }, strict),
  /** new data: the server picks a new config.dataSeed; the network is rebuilt */
  regenerateData: Type.Object({ type: Type.Literal('regenerateData'), sessionId }, strict),
  /** weight from neuron `from` of layer `layer-1` into neuron `to` of layer `layer` */
  setWeight: Type.Object(
    {
      type: Type.Literal('setWeight'),
      sessionId,
      layer: layerIndex,
      to: neuronIndex,
      from: neuronIndex,
      value: paramValue,
    },
    strict,
  ),
  setBias: Type.Object(
    { type: Type.Literal('setBias'), sessionId, layer: layerIndex, to: neuronIndex, value: paramValue },
    strict,
  ),
  setSpeed: Type.Object({ type: Type.Literal('setSpeed'), sessionId, speed: SpeedSchema }, strict),
  /** copy a session (config, weights, optimizer and RNG state) into a new fork owned by the sender */
  fork: Type.Object({ type: Type.Literal('fork'), sessionId }, strict),
  deleteFork: Type.Object({ type: Type.Literal('deleteFork'), sessionId }, strict),
  /** receive this session's snapshots and `session` updates; the ack carries its full state */
  watch: Type.Object({ type: Type.Literal('watch'), sessionId }, strict),
  unwatch: Type.Object({ type: Type.Literal('unwatch'), sessionId }, strict),
  /** the session as a playground file with its exact trainer state, to download (CMD-11); whoever may watch it */
  exportSession: Type.Object({ type: Type.Literal('exportSession'), sessionId }, strict),
  /** teacher: show one fork to the whole class (null: stop) */
  spotlight: Type.Object({ type: Type.Literal('spotlight'), sessionId: Type.Union([sessionId, Type.Null()]) }, strict),
  /** teacher: pause every fork and refuse their owners' commands until unfrozen */
  freezeForks: Type.Object({ type: Type.Literal('freezeForks'), frozen: Type.Boolean() }, strict),
  /** teacher: end the class; everyone is disconnected and the class is archived */
  endClass: Type.Object({ type: Type.Literal('endClass') }, strict),
  /** teacher: refuse new students (rejoins with a token still pass), or open the class again (JOIN-3) */
  lockClass: Type.Object({ type: Type.Literal('lockClass'), locked: Type.Boolean() }, strict),
  /** teacher: take a student out of the class with their forks; their token stops working (CMD-9) */
  removeParticipant: Type.Object({ type: Type.Literal('removeParticipant'), participantId: IdSchema }, strict),
  /** teacher: which controls students may change in their forks, see or neither; the whole setting, an absent control is open (LESSON-1) */
  setLessonControls: Type.Object({ type: Type.Literal('setLessonControls'), controls: LessonControlsSchema }, strict),
  /** teacher: show the class aliases instead of students' names, or names again (NAMES-1) */
  hideNames: Type.Object({ type: Type.Literal('hideNames'), hidden: Type.Boolean() }, strict),
  /** "Show me": the preset's whole config, back to epoch 0 on the preset's seeds, playing (TEACH-1) */
  loadPreset: Type.Object({ type: Type.Literal('loadPreset'), sessionId, presetId: PresetIdSchema }, strict),
  /** teacher: start a lesson (its first step is loaded into the class session) or end it with null (TEACH-3) */
  setLesson: Type.Object({ type: Type.Literal('setLesson'), lesson: Type.Union([LessonPlanSchema, Type.Null()]) }, strict),
  /** teacher: move the class to step `step` of the lesson: its preset is loaded into the class session (TEACH-4) */
  lessonStep: Type.Object(
    { type: Type.Literal('lessonStep'), step: Type.Integer({ minimum: 0, maximum: PROTOCOL_LIMITS.maxLessonSteps - 1 }) },
    strict,
  ),
  /** look back at the checkpoint of `epoch` (paused), or back to now with null (SCRUB-2) */
  scrub: Type.Object({ type: Type.Literal('scrub'), sessionId, epoch: Type.Union([Type.Integer({ minimum: 0 }), Type.Null()]) }, strict),
  /** continue from the checkpoint looked at: the timeline after it is dropped (SCRUB-3) */
  resumeFrom: Type.Object({ type: Type.Literal('resumeFrom'), sessionId }, strict),
  /** teacher: start a challenge with this goal; one that runs is replaced (CHAL-1) */
  startChallenge: Type.Object({ type: Type.Literal('startChallenge'), goal: ChallengeGoalSchema }, strict),
  /** teacher: end the running challenge; its standings become final (CHAL-6) */
  endChallenge: Type.Object({ type: Type.Literal('endChallenge') }, strict),
} as const satisfies Record<string, TSchema>;

export type CommandType = keyof typeof COMMAND_SCHEMAS;
export const COMMAND_TYPES = Object.keys(COMMAND_SCHEMAS) as CommandType[];

/** A command of a given type. */
export type CommandOf<T extends CommandType> = Static<(typeof COMMAND_SCHEMAS)[T]>;
/** Any command. */
export type Command = { [T in CommandType]: CommandOf<T> }[CommandType];

export const CommandSchema = Type.Union(Object.values(COMMAND_SCHEMAS));

/** Commands that change a session's training state (the class session's belong to the teacher, a fork's to its owner). */
export const SESSION_MUTATIONS = [
  'setConfig',
  'play',
  'pause',
  'step',
  'reset',
  'regenerateData',
  'setWeight',
  'setBias',
  'setSpeed',
  'loadPreset',
  'scrub',
  'resumeFrom',
] as const satisfies readonly CommandType[];
export type SessionMutation = (typeof SESSION_MUTATIONS)[number];

/** Commands only the teacher may send. */
export const TEACHER_COMMANDS = ['spotlight', 'freezeForks', 'endClass', 'lockClass', 'removeParticipant', 'setLessonControls', 'hideNames', 'setLesson', 'lessonStep', 'startChallenge', 'endChallenge'] as const satisfies readonly CommandType[];

/** Whether a command type changes a session's training state. */
export function isSessionMutation(type: CommandType): type is SessionMutation {
  return (SESSION_MUTATIONS as readonly string[]).includes(type);
}
