/**
 * A playground file: sessions saved to disk to carry on in practice mode
 * (rule FILE-1). Its unit is the wire's SessionState, exact (Float64 weights,
 * config, epoch, loss history), so what the server sends at the end of a
 * class (CMD-7), what practice mode saves and the teacher's export (REST-3)
 * are one thing: practice mode opens all of them.
 */
import Type, { type Static } from 'typebox';
import { PROTOCOL_VERSION } from './version';
import { RoomCodeSchema } from './schemas/common-schemas';
import { SessionStateSchema, type SessionState } from './schemas/state-schemas';
import { createValidator } from './validation';

export const PLAYGROUND_FILE_FORMAT = 'playroom-playground';

/** Files bigger than this are not read (a teacher's export of 100 forks of 2,000 custom points is ~12 MB). */
export const PLAYGROUND_FILE_MAX_BYTES = 32 * 1024 * 1024;

/** A saved session: the wire's SessionState, of which files written before "Show me" (TEACH-1) lack `preset`, and before the timeline (SCRUB-1) `timeline` and `scrubbedTo`. */
const SavedSessionSchema = Type.Object({
  ...SessionStateSchema.properties,
  preset: Type.Optional(SessionStateSchema.properties.preset),
  timeline: Type.Optional(SessionStateSchema.properties.timeline),
  scrubbedTo: Type.Optional(SessionStateSchema.properties.scrubbedTo),
});

export const PlaygroundFileSchema = Type.Object({
  format: Type.Literal(PLAYGROUND_FILE_FORMAT),
  protocolVersion: Type.Integer(),
  savedAt: Type.String(),
  /** the room code of the class the sessions came from; null: made in practice mode */
  fromClass: Type.Union([RoomCodeSchema, Type.Null()]),
  sessions: Type.Array(SavedSessionSchema, { minItems: 1 }),
});
export type PlaygroundFile = Static<typeof PlaygroundFileSchema>;

/** A file of `sessions` as this version writes it. */
export function playgroundFileOf(sessions: SessionState[], fromClass: string | null, savedAt = new Date()): PlaygroundFile {
  return { format: PLAYGROUND_FILE_FORMAT, protocolVersion: PROTOCOL_VERSION, savedAt: savedAt.toISOString(), fromClass, sessions };
}

/** What a file held: its sessions and the class they came from, or why it cannot be opened. */
export type PlaygroundFileContents =
  | { ok: true; sessions: SessionState[]; fromClass: string | null }
  | { ok: false; reason: 'notJson' | 'notPlayground' | 'invalid'; detail: string };

const checkPlaygroundFile = createValidator(PlaygroundFileSchema);
/**
 * What practice mode reads of a teacher's export (REST-3): its code and sessions. Its roster and
 * class status are not checked, so an export from an older server (before aliases, NAMES-4) opens.
 */
const SessionExportSessionsSchema = Type.Object({ format: Type.Literal('playroom-session'), code: RoomCodeSchema, sessions: Type.Array(SavedSessionSchema) });

/** A saved session as this version's SessionState (an older file's has no preset); checkpoints stay on the server, so an opened session has no timeline and shows its own epoch. */
function sessionStateOf(saved: Static<typeof SavedSessionSchema>): SessionState {
  return { ...saved, preset: saved.preset ?? null, timeline: [], scrubbedTo: null };
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
    if (!file.ok) return { ok: false, reason: 'invalid', detail: file.error.message };
    return { ok: true, sessions: file.value.sessions.map(sessionStateOf), fromClass: file.value.fromClass };
  }
  if (format === 'playroom-session') {
    const exported = checkSessionExport(json);
    if (!exported.ok) return { ok: false, reason: 'invalid', detail: exported.error.message };
    return { ok: true, sessions: exported.value.sessions.map(sessionStateOf), fromClass: exported.value.code };
  }
  return { ok: false, reason: 'notPlayground', detail: `format ${JSON.stringify(format)}` };
}
