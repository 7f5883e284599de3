import Type, { type Static } from 'typebox';
import { NameSchema, RoomCodeSchema, TokenSchema } from './common-schemas';

/*
 * The socket.io handshake: `io(url, { auth: HandshakeAuth })`. A refusal
 * arrives as `connect_error` whose `message` is an ErrorCode and whose `data`
 * is a ProtocolError (rule HS-1).
 */

const protocolVersion = Type.Integer({ minimum: 0, maximum: 1_000_000 });

export const TeacherHandshakeSchema = Type.Object(
  { protocolVersion, role: Type.Literal('teacher'), code: RoomCodeSchema, token: TokenSchema },
  { additionalProperties: false },
);

/** First join: `name`. Rejoin (refresh, new tab, dropped Wi-Fi): `token` from `welcome.participantToken`. */
export const StudentHandshakeSchema = Type.Object(
  {
    protocolVersion,
    role: Type.Literal('student'),
    code: RoomCodeSchema,
    name: Type.Optional(NameSchema),
    token: Type.Optional(TokenSchema),
  },
  { additionalProperties: false },
);

export const HandshakeAuthSchema = Type.Union([TeacherHandshakeSchema, StudentHandshakeSchema]);
export type TeacherHandshake = Static<typeof TeacherHandshakeSchema>;
export type StudentHandshake = Static<typeof StudentHandshakeSchema>;
export type HandshakeAuth = Static<typeof HandshakeAuthSchema>;
