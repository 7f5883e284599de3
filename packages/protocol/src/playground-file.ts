/**
 * A playground file: sessions saved to disk to carry on in practice mode
 * (rule FILE-1). Its unit is the wire's SessionState, exact (Float64 weights,
 * config, epoch, loss history), so what the server sends at the end of a
 * class (CMD-7), what practice mode saves and the teacher's export (REST-3)
 * are one thing: practice mode opens all of them.
 */
import { Trainer, type TrainerState } from '@playroom/engine';
import Type, { type Static } from 'typebox';
import { PROTOCOL_LIMITS } from './limits';
import { PROTOCOL_VERSION } from './version';
import { RoomCodeSchema } from './schemas/common-schemas';
import { SessionStateSchema, type SessionState } from './schemas/state-schemas';
import { TrainerStateSchema } from './schemas/trainer-state-schema';
import { createValidator } from './validation';

export const PLAYGROUND_FILE_FORMAT = 'playroom-playground';

/** Files bigger than this are not read (a teacher's export of 100 forks of 2,000 custom points is ~12 MB). */
export const PLAYGROUND_FILE_MAX_BYTES = 32 * 1024 * 1024;
/** A class holds at most 100 sessions (LIM-5); a file a little more, never an unbounded list. */
export const PLAYGROUND_FILE_MAX_SESSIONS = 200;

/**
 * A saved session: the wire's SessionState, of which files written before "Show me" (TEACH-1) lack `preset`,
 * and before the timeline (SCRUB-1) `timeline` and `scrubbedTo`; and the engine's exact state (`trainer`:
 * optimizer moments, random-number state, the batch cursor), so it continues bit for bit. Files written
 * before it lack `trainer` and continue from the same weights only.
 */
export const SavedSessionSchema = Type.Object({
  ...SessionStateSchema.properties,
  preset: Type.Optional(SessionStateSchema.properties.preset),
  timeline: Type.Optional(SessionStateSchema.properties.timeline),
  scrubbedTo: Type.Optional(SessionStateSchema.properties.scrubbedTo),
  trainer: Type.Optional(TrainerStateSchema),
});

/** A session as a file holds it: its state, and its trainer's exact state when the file has it. */
export type SavedSession = SessionState & { trainer?: TrainerState };

export const PlaygroundFileSchema = Type.Object({
  format: Type.Literal(PLAYGROUND_FILE_FORMAT),
  protocolVersion: Type.Integer(),
  savedAt: Type.String(),
  /** the room code of the class the sessions came from; null: made in practice mode */
  fromClass: Type.Union([RoomCodeSchema, Type.Null()]),
  sessions: Type.Array(SavedSessionSchema, { minItems: 1, maxItems: PLAYGROUND_FILE_MAX_SESSIONS }),
});
export type PlaygroundFile = Static<typeof PlaygroundFileSchema>;

/** A file of `sessions` as this version writes it. */
export function playgroundFileOf(sessions: SavedSession[], fromClass: string | null, savedAt = new Date()): PlaygroundFile {
  return { format: PLAYGROUND_FILE_FORMAT, protocolVersion: PROTOCOL_VERSION, savedAt: savedAt.toISOString(), fromClass, sessions };
}

/** What a file held: its sessions and the class they came from, or why it cannot be opened. */
export type PlaygroundFileContents =
  | { ok: true; sessions: SavedSession[]; fromClass: string | null }
  | { ok: false; reason: 'notJson' | 'notPlayground' | 'invalid'; detail: string }
  /** `session` (0-based) carries a trainer state the engine refuses, or one that is not this session's */
  | { ok: false; reason: 'badTrainerState'; session: number; detail: string };

const checkPlaygroundFile = createValidator(PlaygroundFileSchema);
/**
 * What practice mode reads of a teacher's export (REST-3): its code and sessions. Its roster and
 * class status are not checked, so an export from an older server (before aliases, NAMES-4) opens.
 */
const SessionExportSessionsSchema = Type.Object({
  format: Type.Literal('playroom-session'),
  code: RoomCodeSchema,
  sessions: Type.Array(SavedSessionSchema, { maxItems: PLAYGROUND_FILE_MAX_SESSIONS }),
});

/**
 * A saved session as this version's (an older file's has no preset); checkpoints stay on the server, so an
 * opened session has no timeline and shows its own epoch.
 */
export function savedSessionOf(saved: Static<typeof SavedSessionSchema>): SavedSession {
  return { ...saved, preset: saved.preset ?? null, timeline: [], scrubbedTo: null };
}

/**
 * Why a schema-valid session cannot be continued, or null: a loss curve longer than the engine keeps,
 * or a trainer state that is not this session's (same config and epoch) or that the engine does not
 * load (sizes that fit the config's network, a cursor inside the data, a non-zero random state).
 * The engine's check is bounded: the config limits the data.
 */
export function savedSessionRefusal(session: SavedSession): string | null {
  const points = session.lossHistory.points.length;
  if (points > PROTOCOL_LIMITS.lossHistoryPoints) return `lossHistory has ${points} points, at most ${PROTOCOL_LIMITS.lossHistoryPoints}`;
  const { trainer } = session;
  if (trainer === undefined) return null;
  if (JSON.stringify(trainer.config) !== JSON.stringify(session.config)) return "trainer.config is not the session's config";
  if (trainer.epoch !== session.epoch) return `trainer.epoch ${trainer.epoch} is not the session's epoch ${session.epoch}`;
  try {
    const restored = Trainer.fromState(trainer);
    if (restored.network.params.length !== session.params.length) return "trainer.params do not fit the session's params";
  } catch (error) {
    return `trainer: ${error instanceof Error ? error.message : String(error)}`;
  }
  return null;
}

/** A schema's message for a person: a key a strict object does not have reads "schema is false". */
function readableDetail(message: string): string {
  return message.replace(/: schema is false$/, ': no such field');
}

function contentsOf(saved: Static<typeof SavedSessionSchema>[], fromClass: string | null): PlaygroundFileContents {
  const sessions = saved.map(savedSessionOf);
  for (const [index, session] of sessions.entries()) {
    const refusal = savedSessionRefusal(session);
    if (refusal !== null) return { ok: false, reason: 'badTrainerState', session: index, detail: refusal };
  }
  return { ok: true, sessions, fromClass };
}
const checkSessionExport = createValidator(SessionExportSessionsSchema);

/**
 * Reads a file's text: a playground file, or a teacher's class export
 * (`playroom-session`, REST-3), whose sessions open the same way. Never throws.
 */
export function readPlaygroundFile(text: string): PlaygroundFileContents {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { ok: false, reason: 'notJson', detail: error instanceof Error ? error.message : String(error) };
  }
  const format = typeof json === 'object' && json !== null ? (json as { format?: unknown }).format : undefined;
  if (format === PLAYGROUND_FILE_FORMAT) {
    const file = checkPlaygroundFile(json);
    if (!file.ok) return { ok: false, reason: 'invalid', detail: readableDetail(file.error.message) };
    return contentsOf(file.value.sessions, file.value.fromClass);
  }
  if (format === 'playroom-session') {
    const exported = checkSessionExport(json);
    if (!exported.ok) return { ok: false, reason: 'invalid', detail: readableDetail(exported.error.message) };
    return contentsOf(exported.value.sessions, exported.value.code);
  }
  return { ok: false, reason: 'notPlayground', detail: `format ${JSON.stringify(format)}` };
}
