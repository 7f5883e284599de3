import Type, { type Static } from 'typebox';
import { ErrorSchema, IdSchema, JoinUrlSchema, NameSchema, RoomCodeSchema, TokenSchema } from './common-schemas';
import { SavedSessionSchema } from '../playground-file';
import { ConfigFieldsSchema } from './config-schema';
import { ExactSessionStateSchema } from './trainer-state-schema';
import { ClassStatusSchema, RosterEntrySchema, SessionStateSchema } from './state-schemas';

/** POST /api/sessions (rule REST-1). */
export const CreateSessionBodySchema = Type.Object(
  {
    teacherName: NameSchema,
    /** fields to change from the engine's DEFAULT_CONFIG */
    config: Type.Optional(ConfigFieldsSchema),
    /** one session of a playground file to start the class session from, exactly (FILE-2); not with `config` */
    from: Type.Optional(SavedSessionSchema),
  },
  { additionalProperties: false },
);
export type CreateSessionBody = Static<typeof CreateSessionBodySchema>;

export const CreateSessionReplySchema = Type.Object({
  sessionId: IdSchema,
  code: RoomCodeSchema,
  /** the teacher's identity: keep it secret, send it in the handshake and as `Authorization: Bearer` */
  teacherToken: TokenSchema,
  /** where students join: the server's public URL (PUBLIC_URL, or an address other devices reach), never the page's own `localhost` */
  joinUrl: JoinUrlSchema,
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
  /** with `exists: false`: a class had this code and ended (by its teacher, or archived idle), HS-3 */
  ended: Type.Optional(Type.Literal(true)),
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
  /** the class session first, then every fork, each with its exact trainer state (FILE-2) */
  sessions: Type.Array(ExactSessionStateSchema),
});
export type SessionExport = Static<typeof SessionExportSchema>;

/** The body of every REST error. */
export const ErrorReplySchema = Type.Object({ error: ErrorSchema });
export type ErrorReply = Static<typeof ErrorReplySchema>;

/** GET /healthz: the process answers. */
export const HealthReplySchema = Type.Object({ status: Type.Literal('ok') });
/** GET /readyz: every stored class is restored and the server accepts (503 with an error body while starting or stopping). */
export const ReadyReplySchema = Type.Object({ status: Type.Literal('ready') });
/** GET /api/rooms/:code/qr.svg: the class's join link as a QR code, an SVG document (rule REST-8). */
export const RoomQrReplySchema = Type.String();
/** GET /metrics: Prometheus text (rule REST-4). */
export const MetricsReplySchema = Type.String();

const ERROR_REPLIES = { '4xx': ErrorReplySchema, '5xx': ErrorReplySchema } as const;

/**
 * What each REST route answers, by HTTP status ('4xx' and '5xx' for every
 * error): the server declares these as its fastify response schemas, so
 * what it sends is serialized by them, and a client may check a reply with
 * the schema of its status.
 */
export const REST_REPLY_SCHEMAS = {
  createSession: { 201: CreateSessionReplySchema, ...ERROR_REPLIES },
  lookUpRoom: { 200: RoomLookupReplySchema, ...ERROR_REPLIES },
  roomQr: { 200: RoomQrReplySchema, ...ERROR_REPLIES },
  exportSession: { 200: SessionExportSchema, ...ERROR_REPLIES },
  health: { 200: HealthReplySchema, ...ERROR_REPLIES },
  ready: { 200: ReadyReplySchema, ...ERROR_REPLIES },
  metrics: { 200: MetricsReplySchema, ...ERROR_REPLIES },
} as const;

