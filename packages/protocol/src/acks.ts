import type { ProtocolError } from './error-codes';
import type { CommandType } from './schemas/command-schemas';
import type { SessionState } from './schemas/state-schemas';

/** What the engine's configChangeEffect decided about a config change. */
export type ConfigEffect = 'keep' | 'rebuild' | 'regenerate';

/** The payload of a successful ack, per command type (besides `ok: true`). */
export interface CommandResults {
  setConfig: { clock: number; effect: ConfigEffect };
  play: { clock: number };
  pause: { clock: number };
  /** the step is queued, not done: `epoch` is the epoch now, `pending` the epochs queued in all (rule CMD-8) */
  step: { clock: number; epoch: number; pending: number };
  reset: { clock: number };
  regenerateData: { clock: number; dataSeed: number };
  setWeight: { clock: number };
  setBias: { clock: number };
  setSpeed: { clock: number };
  fork: { session: SessionState };
  deleteFork: Record<never, never>;
  watch: { session: SessionState };
  unwatch: Record<never, never>;
  spotlight: Record<never, never>;
  freezeForks: Record<never, never>;
  endClass: Record<never, never>;
}

export type AckFailure = { ok: false; error: ProtocolError };
/** The acknowledgement of every command (rule ACK-1). */
export type CommandAck<T extends CommandType = CommandType> = ({ ok: true } & CommandResults[T]) | AckFailure;

/** Build a failed ack. */
export function ackFailure(error: ProtocolError): AckFailure {
  return { ok: false, error };
}
