/**
 * Every error the server can answer with, as `{ code, message }`. Clients
 * translate the code; the message is English for logs and developers.
 */
export const ErrorCode = {
  /** the payload does not match the schema (rule VAL-1) */
  badRequest: 'badRequest',
  /** `command.type` is not a known command (rule VAL-2) */
  unknownCommand: 'unknownCommand',
  /** an event name the server does not handle (rule VAL-3) */
  unknownEvent: 'unknownEvent',
  /** a command was sent without an acknowledgement callback (rule VAL-4) */
  ackRequired: 'ackRequired',
  /** the role may not do this to this session (rules PERM-*) */
  forbidden: 'forbidden',
  /** REST: no or malformed teacher token */
  unauthorized: 'unauthorized',
  /** handshake: the token does not belong to this room and role */
  badToken: 'badToken',
  /** handshake: a student needs a name (first join) or a token (rejoin) */
  nameRequired: 'nameRequired',
  roomNotFound: 'roomNotFound',
  sessionNotFound: 'sessionNotFound',
  /** REST: no such route */
  notFound: 'notFound',
  /** the client speaks an older protocol: reload the page (rule HS-2) */
  clientTooOld: 'clientTooOld',
  /** the client speaks a newer protocol than this server (rule HS-2) */
  serverTooOld: 'serverTooOld',
  /** too many commands, joins or creations from this socket or address (rules LIM-*) */
  rateLimited: 'rateLimited',
  classFull: 'classFull',
  /** the teacher locked the class: no new students (rule JOIN-3) */
  classLocked: 'classLocked',
  /** `removeParticipant` names nobody of this class */
  participantNotFound: 'participantNotFound',
  forkLimit: 'forkLimit',
  sessionLimit: 'sessionLimit',
  /** the class was ended by its teacher or archived */
  classEnded: 'classEnded',
  /** the teacher froze every fork */
  forksFrozen: 'forksFrozen',
  /** the teacher locked or hid this control for the class's students (`field` names the lesson control, rule LESSON-2) */
  controlLocked: 'controlLocked',
  /** the merged config fails the engine's `validateConfig` (`field` names it) */
  invalidConfig: 'invalidConfig',
  /** `setWeight`/`setBias` points outside the network */
  invalidParameter: 'invalidParameter',
  /** the server is starting or shutting down */
  unavailable: 'unavailable',
  /** the database did not commit what this answer would promise: nothing changed, try again (rule PERSIST-5) */
  storageUnavailable: 'storageUnavailable',
  internal: 'internal',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

export const ERROR_CODES = Object.values(ErrorCode) as readonly ErrorCode[];

/** The error object of every refused ack, REST error body and handshake refusal. */
export interface ProtocolError {
  code: ErrorCode;
  message: string;
  /** the offending field, as a JSON pointer or config field name, when known */
  field?: string;
}

/** Build a ProtocolError. */
export function protocolError(code: ErrorCode, message: string, field?: string): ProtocolError {
  return field === undefined ? { code, message } : { code, message, field };
}

/** Whether a string is one of the protocol's error codes. */
export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && (ERROR_CODES as readonly string[]).includes(value);
}
