import { PROTOCOL_LIMITS, ROOM_CODE_ALPHABET } from '@playroom/protocol';
import { describe, expect, it } from 'vitest';
import { hashToken, newId, newRoomCode, newToken, sameHash } from './secrets';

describe('secrets', () => {
  it('room codes have 6 characters from the alphabet without look-alikes', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 500; i++) {
      const code = newRoomCode();
      expect(code).toHaveLength(PROTOCOL_LIMITS.roomCodeLength);
      for (const ch of code) expect(ROOM_CODE_ALPHABET).toContain(ch);
      expect(code).not.toMatch(/[01OIL]/);
      seen.add(code);
    }
    expect(seen.size).toBeGreaterThan(495);
  });

  it('tokens carry at least 128 bits and match the protocol pattern', () => {
    const token = newToken();
    expect(Buffer.from(token, 'base64url').length * 8).toBeGreaterThanOrEqual(PROTOCOL_LIMITS.tokenMinBits);
    expect(token).toMatch(/^[A-Za-z0-9_-]{22,64}$/);
    expect(newToken()).not.toBe(token);
    expect(newId('s')).toMatch(/^s_[A-Za-z0-9_-]{16}$/);
  });

  it('hashes compare equal only for the same token', () => {
    const token = newToken();
    expect(sameHash(hashToken(token), hashToken(token))).toBe(true);
    expect(sameHash(hashToken(token), hashToken(newToken()))).toBe(false);
    expect(hashToken(token)).not.toContain(token);
  });
});
