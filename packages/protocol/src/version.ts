/**
 * The wire protocol version. The client sends it in the socket handshake; the
 * server refuses an older client with `clientTooOld` and a newer one with
 * `serverTooOld` (rule HS-2), so a stale browser tab says "reload" instead of
 * misreading messages.
 */
/** 2: `lossHistory` is `{stride, points}` (STATE-3), snapshot losses decode missing as null. */
export const PROTOCOL_VERSION = 2;

/** The oldest client protocol version this build still understands. */
export const MIN_CLIENT_PROTOCOL_VERSION = 2;

export type VersionVerdict = 'ok' | 'clientTooOld' | 'serverTooOld';

/** Compare a client's protocol version with this build's (rule HS-2). */
export function checkProtocolVersion(clientVersion: number): VersionVerdict {
  if (clientVersion < MIN_CLIENT_PROTOCOL_VERSION) return 'clientTooOld';
  if (clientVersion > PROTOCOL_VERSION) return 'serverTooOld';
  return 'ok';
}
