import { PROTOCOL_VERSION, type HandshakeAuth } from '@playroom/protocol';
import type { Identity } from '../store/identity-storage';

/** The socket.io `auth` for an identity: a token when we have one, else (a student's first join) the name. */
export function handshakeFor(identity: Identity): HandshakeAuth {
  if (identity.role === 'teacher') {
    return { protocolVersion: PROTOCOL_VERSION, role: 'teacher', code: identity.code, token: identity.token ?? '' };
  }
  if (identity.token) return { protocolVersion: PROTOCOL_VERSION, role: 'student', code: identity.code, token: identity.token };
  return { protocolVersion: PROTOCOL_VERSION, role: 'student', code: identity.code, name: identity.name.trim() };
}

/** Handshake refusals worth retrying by themselves: the server is busy or restarting, or its database is not answering. */
export function isTransientRefusal(code: string): boolean {
  return code === 'unavailable' || code === 'storageUnavailable' || code === 'rateLimited' || code === 'internal';
}
