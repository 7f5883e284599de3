import Type, { type Static } from 'typebox';
import { ErrorSchema, IdSchema, NameSchema, RoomCodeSchema, TokenSchema } from './common-schemas';
import { ConfigFieldsSchema } from './config-schema';
import { ClassStatusSchema, RosterEntrySchema, SessionStateSchema } from './state-schemas';

/** POST /api/sessions (rule REST-1). */
export const CreateSessionBodySchema = Type.Object(
  {
    teacherName: NameSchema,
    /** fields to change from the engine's DEFAULT_CONFIG */
    config: Type.Optional(ConfigFieldsSchema),
  },
  { additionalProperties: false },
);
export type CreateSessionBody = Static<typeof CreateSessionBodySchema>;

export const CreateSessionReplySchema = Type.Object({
  sessionId: IdSchema,
  code: RoomCodeSchema,
  /** the teacher's identity: keep it secret, send it in the handshake and as `Authorization: Bearer` */
  teacherToken: TokenSchema,
});
export type CreateSessionReply = Static<typeof CreateSessionReplySchema>;

/** GET /api/rooms/:code params (rule REST-2). */
export const RoomParamsSchema = Type.Object({ code: Type.String({ maxLength: 32 }) });

export const RoomLookupReplySchema = Type.Object({
  exists: Type.Boolean(),
  code: Type.String(),
  teacherName: Type.Optional(Type.String()),
  /** students who have joined (online or not) */
  joined: Type.Optional(Type.Integer()),
  online: Type.Optional(Type.Integer()),
});
export type RoomLookupReply = Static<typeof RoomLookupReplySchema>;

/** GET /api/sessions/:sessionId/export params (rule REST-3). */
export const SessionParamsSchema = Type.Object({ sessionId: Type.String({ maxLength: 128 }) });

export const SessionExportSchema = Type.Object({
  format: Type.Literal('playroom-session'),
  protocolVersion: Type.Integer(),
  exportedAt: Type.String(),
  classId: IdSchema,
  code: RoomCodeSchema,
  teacherName: Type.String(),
  createdAt: Type.String(),
  classStatus: ClassStatusSchema,
  roster: Type.Array(RosterEntrySchema),
  /** the class session first, then every fork */
  sessions: Type.Array(SessionStateSchema),
});
export type SessionExport = Static<typeof SessionExportSchema>;

/** The body of every REST error. */
export const ErrorReplySchema = Type.Object({ error: ErrorSchema });
export type ErrorReply = Static<typeof ErrorReplySchema>;

