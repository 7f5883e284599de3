import { describe, expect, it } from 'vitest';
import { PROTOCOL_VERSION, validateHandshake } from '@playroom/protocol';
import { handshakeFor, isTransientRefusal } from './handshake';

describe('handshakeFor', () => {
  it('joins a student by name the first time and by token afterwards', () => {
    const first = handshakeFor({ code: 'ABC234', role: 'student', token: null, name: '  Ann ' });
    expect(first).toEqual({ protocolVersion: PROTOCOL_VERSION, role: 'student', code: 'ABC234', name: 'Ann' });
    const again = handshakeFor({ code: 'ABC234', role: 'student', token: 'tok_ann_0123456789abcdefghij', name: 'Ann' });
    expect(again).toEqual({ protocolVersion: PROTOCOL_VERSION, role: 'student', code: 'ABC234', token: 'tok_ann_0123456789abcdefghij' });
    expect(validateHandshake(first).ok).toBe(true);
    expect(validateHandshake(again).ok).toBe(true);
  });

  it('always sends the teacher token', () => {
    const auth = handshakeFor({ code: 'ABC234', role: 'teacher', token: 'teacher-token-0123456789ab', name: 'Ms Chen' });
    expect(auth).toEqual({ protocolVersion: PROTOCOL_VERSION, role: 'teacher', code: 'ABC234', token: 'teacher-token-0123456789ab' });
    expect(validateHandshake(auth).ok).toBe(true);
  });
});

describe('isTransientRefusal', () => {
  it('retries a busy or restarting server, not a wrong code', () => {
    expect(isTransientRefusal('unavailable')).toBe(true);
    expect(isTransientRefusal('storageUnavailable')).toBe(true);
    expect(isTransientRefusal('roomNotFound')).toBe(false);
    expect(isTransientRefusal('clientTooOld')).toBe(false);
  });
});
