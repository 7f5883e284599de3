import { ErrorCode, protocolError, type ProtocolError } from './error-codes';
import { PROTOCOL_LIMITS } from './limits';

/** Room codes use no look-alike characters: no 0/O, no 1/I/L. */
export const ROOM_CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

/**
 * What the alphabet leaves out because it looks like another character. No
 * code holds one, and none maps to one character of the alphabet (an O may
 * have been a D or a Q, an I a J, a T or a 7), so a typed one is named back
 * to the person, not guessed.
 */
export const ROOM_CODE_LOOK_ALIKES = ['O', '0', 'I', 'L', '1'] as const;

/**
 * What a person typed, as a room code: compatibility forms folded (full-width
 * letters and digits of an East Asian input method), upper case, without the
 * spaces, dashes or dots people put in. One rule for REST, handshake and the
 * web app (HS-8).
 */
export function normalizeRoomCode(typed: string): string {
  return typed.normalize('NFKC').toUpperCase().replace(/[^A-Z0-9]/g, '');
}

/** Why a (normalized) code cannot be a room code: none typed, the wrong length, or look-alikes the alphabet never uses. */
export type RoomCodeProblem =
  | { kind: 'empty' }
  | { kind: 'length'; length: number }
  | { kind: 'lookAlike'; characters: string[] }
  | { kind: 'alphabet' };

/** The problem of a code, or null when it has the shape of a room code (HS-9). */
export function roomCodeProblem(code: string): RoomCodeProblem | null {
  const lookAlikes = [...new Set([...code].filter((ch) => (ROOM_CODE_LOOK_ALIKES as readonly string[]).includes(ch)))];
  // the look-alike first: "ABCDE0" is mistyped, not too short, and "O" is worth naming whatever the length
  if (lookAlikes.length > 0) return { kind: 'lookAlike', characters: lookAlikes };
  if (code.length === 0) return { kind: 'empty' };
  if (code.length !== PROTOCOL_LIMITS.roomCodeLength) return { kind: 'length', length: code.length };
  if ([...code].some((ch) => !ROOM_CODE_ALPHABET.includes(ch))) return { kind: 'alphabet' };
  return null;
}

/** A handshake's refusal for a code that cannot be one: `badRequest` on `/code`, in words a person can act on (HS-9). */
export function roomCodeRefusal(code: string): ProtocolError | null {
  const problem = roomCodeProblem(code);
  if (problem === null) return null;
  const shape = `a room code is ${PROTOCOL_LIMITS.roomCodeLength} characters of ${ROOM_CODE_ALPHABET}`;
  switch (problem.kind) {
    case 'lookAlike': {
      const typed = problem.characters.map((ch) => `“${ch}”`).join(', ');
      return protocolError(ErrorCode.badRequest, `room codes never use O, 0, I, L or 1 (they look too alike): ${typed} is in no code`, '/code');
    }
    case 'empty':
    case 'length':
    case 'alphabet':
      return protocolError(ErrorCode.badRequest, shape, '/code');
  }
}
