import Type, { type Static, type TProperties } from 'typebox';
import type { ProtocolError } from './error-codes';
import { COMMAND_TYPES, type CommandType } from './schemas/command-schemas';
import { ErrorSchema } from './schemas/common-schemas';
import { PlaygroundFileSchema } from './playground-file';
import { SessionStateSchema } from './schemas/state-schemas';
import { createValidator, type Validation } from './validation';

/*
 * The acknowledgement of every command (rule ACK-1), as schemas: the server
 * is the only producer; clients and tests check what they receive.
 */

/** What the engine's configChangeEffect decided about a config change. */
export const ConfigEffectSchema = Type.Enum(['keep', 'rebuild', 'regenerate'] as const);
export type ConfigEffect = Static<typeof ConfigEffectSchema>;

const clock = Type.Integer({ minimum: 0 });

/** The fields of a successful ack besides `ok: true`, per command type. */
const COMMAND_RESULT_FIELDS = {
  setConfig: { clock, effect: ConfigEffectSchema },
  play: { clock },
  pause: { clock },
  /** the step is queued, not done: `epoch` is the epoch now, `pending` the epochs queued in all (rule CMD-8) */
  step: { clock, epoch: Type.Integer({ minimum: 0 }), pending: Type.Integer({ minimum: 0 }) },
  /** `seed`: the config.seed the network starts from now (new with `start: 'new'`) */
  reset: { clock, seed: Type.Integer({ minimum: 0 }) },
  regenerateData: { clock, dataSeed: Type.Integer({ minimum: 0 }) },
  setWeight: { clock },
  setBias: { clock },
  setSpeed: { clock },
  fork: { session: SessionStateSchema },
  deleteFork: {},
  watch: { session: SessionStateSchema },
  unwatch: {},
  /** one session, exact (FILE-2): `fromClass` is the class's code */
  exportSession: { file: PlaygroundFileSchema },
  spotlight: {},
  freezeForks: {},
  endClass: {},
  lockClass: {},
  removeParticipant: {},
  setLessonControls: {},
  hideNames: {},
  loadPreset: { clock },
  setLesson: {},
  lessonStep: {},
  scrub: { clock },
  resumeFrom: { clock },
  startChallenge: {},
  endChallenge: {},
} as const satisfies Record<CommandType, TProperties>;

/** A refused command (or an unknown event that came with an ack, rule VAL-3). */
export const AckFailureSchema = Type.Object({ ok: Type.Literal(false), error: ErrorSchema });
export type AckFailure = { ok: false; error: ProtocolError };

function successSchema<T extends CommandType>(type: T) {
  return Type.Object({ ok: Type.Literal(true), ...COMMAND_RESULT_FIELDS[type] });
}
function ackSchema<T extends CommandType>(type: T) {
  return Type.Union([successSchema(type), AckFailureSchema]);
}
type AckSchemas = { [T in CommandType]: ReturnType<typeof ackSchema<T>> };

/** The ack schema of each command type: its success, or a failure. */
export const COMMAND_ACK_SCHEMAS = Object.fromEntries(COMMAND_TYPES.map((type) => [type, ackSchema(type)])) as AckSchemas;

/** The payload of a successful ack, per command type (besides `ok: true`). */
export type CommandResults = { [T in CommandType]: Static<ReturnType<typeof Type.Object<(typeof COMMAND_RESULT_FIELDS)[T]>>> };

/** The acknowledgement of every command (rule ACK-1). */
export type CommandAck<T extends CommandType = CommandType> = ({ ok: true } & CommandResults[T]) | AckFailure;

/** Build a failed ack. */
export function ackFailure(error: ProtocolError): AckFailure {
  return { ok: false, error };
}

const successValidators = Object.fromEntries(COMMAND_TYPES.map((type) => [type, createValidator(successSchema(type))])) as {
  [T in CommandType]: (input: unknown) => Validation<CommandAck<T>>;
};
const failureValidator = createValidator(AckFailureSchema);

/**
 * Check an ack against its command's schema (`ok` says which side, so the
 * error names the field that is wrong). `type` null (what was sent is no
 * command, or another event): only a failure is a valid answer.
 */
export function validateCommandAck<T extends CommandType>(type: T | null, ack: unknown): Validation<CommandAck<T>> {
  const ok = typeof ack === 'object' && ack !== null && (ack as { ok?: unknown }).ok === true;
  return type !== null && ok ? successValidators[type](ack) : failureValidator(ack);
}
