import { createHash, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';
import { PROTOCOL_LIMITS, ROOM_CODE_ALPHABET } from '@playroom/protocol';

/** A room code: 6 characters without look-alikes, drawn with a CSPRNG. */
export function newRoomCode(): string {
  let code = '';
  for (let i = 0; i < PROTOCOL_LIMITS.roomCodeLength; i++) code += ROOM_CODE_ALPHABET[randomInt(ROOM_CODE_ALPHABET.length)];
  return code;
}

/** A bearer token: 192 random bits as 32 base64url characters. */
export function newToken(): string {
  return randomBytes(24).toString('base64url');
}

/** An opaque id for sessions and participants (96 random bits). */
export function newId(prefix: 's' | 'p'): string {
  return `${prefix}_${randomBytes(12).toString('base64url')}`;
}

/** What storage keeps instead of a token: its SHA-256, so a leaked database leaks no identity. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** Constant-time comparison of two token hashes. */
export function sameHash(a: string, b: string): boolean {
  const left = Buffer.from(a, 'utf8');
  const right = Buffer.from(b, 'utf8');
  return left.length === right.length && timingSafeEqual(left, right);
}
