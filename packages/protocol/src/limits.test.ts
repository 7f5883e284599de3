import { describe, expect, it } from 'vitest';
import { normalizeRoomCode } from './limits';
import { RoomCodeSchema } from './schemas/common-schemas';
import { createValidator } from './validation';

describe('normalizeRoomCode', () => {
  it('upper-cases and drops the spaces, dashes and dots people type', () => {
    expect(normalizeRoomCode(' ab-12 cd ')).toBe('AB12CD');
    expect(normalizeRoomCode('abc.234')).toBe('ABC234');
  });

  it('turns a code typed in lower case into one the handshake schema accepts', () => {
    const valid = createValidator(RoomCodeSchema);
    expect(valid('abc234').ok).toBe(false);
    expect(valid(normalizeRoomCode('abc 234')).ok).toBe(true);
  });
});
