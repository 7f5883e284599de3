import Type, { type Static } from 'typebox';
import { ERROR_CODES } from '../error-codes';
import { PROTOCOL_LIMITS } from '../limits';
import { ROOM_CODE_ALPHABET } from '../room-code';

/** A room code as typed by people: 6 characters of ROOM_CODE_ALPHABET. */
export const RoomCodeSchema = Type.String({
  pattern: `^[${ROOM_CODE_ALPHABET}]{${PROTOCOL_LIMITS.roomCodeLength}}$`,
});

/** A class's join link: the server's public origin and the web app's /join/CODE page (`joinUrlOf`). */
export const JoinUrlSchema = Type.String({
  pattern: `^https?://[^\\s/?#]+/join/[${ROOM_CODE_ALPHABET}]{${PROTOCOL_LIMITS.roomCodeLength}}$`,
});

/** A teacher or participant token (base64url, ≥128 bits). */
export const TokenSchema = Type.String({
  pattern: `^[A-Za-z0-9_-]{${PROTOCOL_LIMITS.tokenMinLength},${PROTOCOL_LIMITS.tokenMaxLength}}$`,
});

/** A session or participant id. */
export const IdSchema = Type.String({ pattern: `^[A-Za-z0-9_-]{1,${PROTOCOL_LIMITS.idMaxLength}}$` });

/** A display name; the server trims it and refuses one that is blank afterwards. */
export const NameSchema = Type.String({
  minLength: PROTOCOL_LIMITS.nameMinLength,
  maxLength: PROTOCOL_LIMITS.nameMaxLength,
});

/** Training speed: epochs per second, or as fast as the scheduler's fair share allows. */
export const SpeedSchema = Type.Union([
  Type.Number({ minimum: PROTOCOL_LIMITS.speed.min, maximum: PROTOCOL_LIMITS.speed.max }),
  Type.Literal('max'),
]);
export type Speed = Static<typeof SpeedSchema>;

export const RoleSchema = Type.Enum(['teacher', 'student'] as const);
export type Role = Static<typeof RoleSchema>;

/** A ProtocolError: of every refused ack, REST error body and handshake refusal; `code` one of ERROR_CODES. */
export const ErrorSchema = Type.Object({
  code: Type.Enum(ERROR_CODES),
  message: Type.String(),
  field: Type.Optional(Type.String()),
});
