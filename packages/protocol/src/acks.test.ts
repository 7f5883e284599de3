import { describe, expect, it } from 'vitest';
import { COMMAND_ACK_SCHEMAS, validateCommandAck } from './acks';
import { ERROR_CODES } from './error-codes';
import { COMMAND_TYPES } from './schemas/command-schemas';

describe('ack schemas (rule ACK-1)', () => {
  it('every command type has one', () => {
    expect(Object.keys(COMMAND_ACK_SCHEMAS).sort()).toEqual([...COMMAND_TYPES].sort());
  });

  it('accepts each command its success and any refusal with a known code', () => {
    expect(validateCommandAck('setConfig', { ok: true, clock: 4, effect: 'rebuild' }).ok).toBe(true);
    expect(validateCommandAck('step', { ok: true, clock: 4, epoch: 2, pending: 10 }).ok).toBe(true);
    expect(validateCommandAck('regenerateData', { ok: true, clock: 4, dataSeed: 77 }).ok).toBe(true);
    expect(validateCommandAck('endClass', { ok: true }).ok).toBe(true);
    for (const type of [...COMMAND_TYPES, null]) {
      for (const code of ERROR_CODES) {
        expect(validateCommandAck(type, { ok: false, error: { code, message: 'no', field: '/x' } }).ok).toBe(true);
      }
    }
  });

  it('refuses a success without its fields, an unknown code, and any success where only a refusal fits', () => {
    const failure = (type: Parameters<typeof validateCommandAck>[0], ack: unknown) => {
      const result = validateCommandAck(type, ack);
      return result.ok ? null : result.error.field ?? result.error.message;
    };
    expect(failure('setConfig', { ok: true, clock: 4 })).toMatch(/effect/);
    expect(failure('setConfig', { ok: true, clock: 4, effect: 'repaint' })).toBe('/effect');
    expect(failure('play', { ok: true, clock: -1 })).toBe('/clock');
    expect(failure('fork', { ok: true, session: { sessionId: 's_1' } })).toMatch(/^\/session/);
    expect(failure('play', { ok: false, error: { code: 'nope', message: 'no' } })).toBe('/error/code');
    expect(failure('play', { ok: false })).toMatch(/error/);
    expect(failure('play', { ok: 'yes', clock: 1 })).not.toBeNull();
    expect(failure('play', null)).not.toBeNull();
    expect(failure(null, { ok: true })).not.toBeNull();
  });
});
