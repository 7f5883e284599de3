import { describe, expect, it } from 'vitest';
import { normalizeRoomCode, ROOM_CODE_ALPHABET, ROOM_CODE_LOOK_ALIKES, roomCodeProblem, roomCodeRefusal } from './room-code';
import { RoomCodeSchema } from './schemas/common-schemas';
import { createValidator } from './validation';

describe('normalizeRoomCode (HS-8)', () => {
  it('upper-cases and drops the spaces, dashes and dots people type', () => {
    expect(normalizeRoomCode(' ab-12 cd ')).toBe('AB12CD');
    expect(normalizeRoomCode('abc.234')).toBe('ABC234');
  });

  it('folds full-width letters and digits, as a Chinese input method types them', () => {
    expect(normalizeRoomCode('ＡＢＣ２３４')).toBe('ABC234');
    expect(normalizeRoomCode('ａｂｃ－２３４')).toBe('ABC234');
  });

  it('turns a code typed in lower case into one the handshake schema accepts', () => {
    const valid = createValidator(RoomCodeSchema);
    expect(valid('abc234').ok).toBe(false);
    expect(valid(normalizeRoomCode('abc 234')).ok).toBe(true);
  });

  it('keeps a look-alike, so it can be named back instead of silently dropped', () => {
    expect(normalizeRoomCode('abcde0')).toBe('ABCDE0');
    expect(normalizeRoomCode('lo1i')).toBe('LO1I');
  });
});

describe('roomCodeProblem (HS-9)', () => {
  it('the alphabet and the look-alikes have nothing in common', () => {
    for (const ch of ROOM_CODE_LOOK_ALIKES) expect(ROOM_CODE_ALPHABET).not.toContain(ch);
  });

  it('names the look-alikes typed, once each, whatever the length', () => {
    expect(roomCodeProblem('ABCDE0')).toEqual({ kind: 'lookAlike', characters: ['0'] });
    expect(roomCodeProblem('OOIL1')).toEqual({ kind: 'lookAlike', characters: ['O', 'I', 'L', '1'] });
  });

  it('tells an empty code, a wrong length and a real shape apart', () => {
    expect(roomCodeProblem('')).toEqual({ kind: 'empty' });
    expect(roomCodeProblem('ABC23')).toEqual({ kind: 'length', length: 5 });
    expect(roomCodeProblem('ABC234')).toBeNull();
    expect(roomCodeProblem('abc234')).toEqual({ kind: 'alphabet' });
  });

  it('refuses on /code in words, never about another field', () => {
    expect(roomCodeRefusal('ABC234')).toBeNull();
    expect(roomCodeRefusal('ABCDEO')).toEqual({
      code: 'badRequest',
      message: 'room codes never use O, 0, I, L or 1 (they look too alike): “O” is in no code',
      field: '/code',
    });
    expect(roomCodeRefusal('ABC')).toMatchObject({ code: 'badRequest', field: '/code', message: `a room code is 6 characters of ${ROOM_CODE_ALPHABET}` });
  });
});
