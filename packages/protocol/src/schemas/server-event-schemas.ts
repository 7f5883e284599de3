import { ExactSessionStateSchema } from './trainer-state-schema';
import Type, { type Static } from 'typebox';
import { SESSION_MUTATIONS } from './command-schemas';
import { IdSchema, JoinUrlSchema, RoleSchema, RoomCodeSchema, TokenSchema } from './common-schemas';
import {
  ClassStatusSchema,
  ForkSummarySchema,
  RosterEntrySchema,
  SessionStateSchema,
} from './state-schemas';

/** Sent once after every successful connection (also after a recovered one): the full picture (rule JOIN-2). */
export const WelcomeSchema = Type.Object({
  protocolVersion: Type.Integer(),
  classId: IdSchema,
  code: RoomCodeSchema,
  /** where students join this class, as in `POST /api/sessions` (JOIN-4) */
  joinUrl: JoinUrlSchema,
  role: RoleSchema,
  participantId: IdSchema,
  name: Type.String(),
  /** students: keep it (localStorage) and hand it back in the handshake to rejoin as the same person */
  participantToken: Type.Optional(TokenSchema),
  classSession: SessionStateSchema,
  /** the teacher: every fork in the class; a student: their own forks */
  forks: Type.Array(ForkSummarySchema),
  roster: Type.Array(RosterEntrySchema),
  classStatus: ClassStatusSchema,
  limits: Type.Object({
    maxForksPerParticipant: Type.Integer(),
    snapshotHz: Type.Number(),
  }),
});
export type Welcome = Static<typeof WelcomeSchema>;

/** What caused a `session` update: the session-mutating command itself, or the server (divergence, freezing). */
export const SESSION_UPDATE_CAUSES = [...SESSION_MUTATIONS, 'diverged', 'frozen', 'unfrozen'] as const;
export type SessionUpdateCause = (typeof SESSION_UPDATE_CAUSES)[number];

/** Every accepted change to a session, at once, to everyone watching it (rule CMD-3). */
export const SessionUpdateSchema = Type.Object({
  cause: Type.Enum(SESSION_UPDATE_CAUSES),
  /** participant id of who caused it; null for the server (divergence) */
  by: Type.Union([IdSchema, Type.Null()]),
  state: SessionStateSchema,
});
export type SessionUpdate = Static<typeof SessionUpdateSchema>;

export const RosterUpdateSchema = Type.Object({ participants: Type.Array(RosterEntrySchema) });
export type RosterUpdate = Static<typeof RosterUpdateSchema>;

export const ForksUpdateSchema = Type.Object({ forks: Type.Array(ForkSummarySchema) });
export type ForksUpdate = Static<typeof ForksUpdateSchema>;

export const ForkRemovedSchema = Type.Object({ sessionId: IdSchema });
export type ForkRemoved = Static<typeof ForkRemovedSchema>;

/**
 * The class is over for this participant (CMD-7). `removed`: the teacher took
 * them out (CMD-9); the class goes on without them.
 */
export const ClassEndedSchema = Type.Object({
  reason: Type.Enum(['endedByTeacher', 'archived', 'removed'] as const),
  /**
   * the recipient's own forks, full state, as they were when the class ended
   * (never anyone else's): what they continue in practice mode. Absent for
   * `removed` (their forks went with them) and from servers before it.
   */
  forks: Type.Optional(Type.Array(ExactSessionStateSchema)),
});
export type ClassEnded = Static<typeof ClassEndedSchema>;

/** A binary snapshot of one session; decode `bytes` with `decodeSnapshot`. */
export interface SnapshotMessage {
  sessionId: string;
  /** ArrayBuffer in the browser, Buffer (a Uint8Array) in Node */
  bytes: ArrayBuffer | Uint8Array;
}

export const ProtocolErrorEventSchema = Type.Object({
  code: Type.String(),
  message: Type.String(),
  /** the event that was refused */
  event: Type.Optional(Type.String()),
});
export type ProtocolErrorEvent = Static<typeof ProtocolErrorEventSchema>;

