import { ErrorCode, ROOM_CODE_ALPHABET, type RoomLookupReply } from '@playroom/protocol';
import { describe, expect, it } from 'vitest';
import { connect, createClass, refusedHandshake, teacherAuth, useServer } from './harness';

/*
 * HS-8, HS-9: what people type for a room code. Case, separators and
 * full-width characters (a Chinese input method) are forgiven everywhere; a
 * look-alike the alphabet leaves out (O, 0, I, L, 1) is refused with a
 * `badRequest` on `/code` that names the characters, never a schema message
 * about another field.
 */

const server = useServer();

/** The code with its first character replaced by one the alphabet never uses. */
function withLookAlike(code: string, lookAlike: string): string {
  return `${lookAlike}${code.slice(1)}`;
}

describe('room codes as people type them', () => {
  it('HS-9: a student who types O, 0, I, L or 1 is told the code has none, on /code, and joins nobody', async () => {
    const created = await createClass(server.url);
    for (const lookAlike of ['O', '0', 'I', 'L', '1', 'o', 'l', 'i']) {
      expect(ROOM_CODE_ALPHABET).not.toContain(lookAlike.toUpperCase());
      const refusal = await refusedHandshake(server.url, { role: 'student', code: withLookAlike(created.code, lookAlike), name: 'Ann' });
      expect(refusal.code, lookAlike).toBe(ErrorCode.badRequest);
      expect(refusal.field, lookAlike).toBe('/code');
      expect(refusal.message, lookAlike).toContain(`“${lookAlike.toUpperCase()}”`);
      expect(refusal.message).toMatch(/never .*O, 0, I, L or 1/);
      expect(refusal.message).not.toMatch(/token/);
    }
    // a teacher's rejoin with a mistyped code too: the field, not the token
    const teacher = await refusedHandshake(server.url, { ...teacherAuth(created), code: withLookAlike(created.code, 'O') });
    expect(teacher).toMatchObject({ code: ErrorCode.badRequest, field: '/code' });
    expect(server.app.playroom.registry.byId(created.sessionId)!.roster.students()).toHaveLength(0);
  });

  it('HS-9: a code of the wrong length is refused on /code, whatever else the handshake holds', async () => {
    const created = await createClass(server.url);
    for (const code of [created.code.slice(0, 5), `${created.code}A`, '']) {
      expect(await refusedHandshake(server.url, { role: 'student', code, name: 'Ann' }), code).toMatchObject({ code: ErrorCode.badRequest, field: '/code' });
    }
    // the other fields of the handshake are still checked by the role's own schema
    expect(await refusedHandshake(server.url, { role: 'student', code: created.code, name: 'x'.repeat(40) })).toMatchObject({
      code: ErrorCode.badRequest,
      field: '/name',
    });
    expect(await refusedHandshake(server.url, { role: 'teacher', code: created.code })).toMatchObject({ code: ErrorCode.badRequest });
  });

  it('HS-8: lower case, separators and full-width characters join the class, in the handshake and the look-up', async () => {
    const created = await createClass(server.url);
    const fullWidth = [...created.code].map((ch) => String.fromCodePoint(ch.codePointAt(0)! + 0xfee0)).join('');
    for (const typed of [created.code.toLowerCase(), `${created.code.slice(0, 3)} - ${created.code.slice(3)}`.toLowerCase(), fullWidth]) {
      const student = await connect(server.url, { role: 'student', code: typed, name: `Ann ${typed.length}` });
      expect(student.welcome.code, typed).toBe(created.code);
      student.socket.close();
      const lookUp = (await (await fetch(`${server.url}/api/rooms/${encodeURIComponent(typed)}`)).json()) as RoomLookupReply;
      expect(lookUp, typed).toMatchObject({ exists: true, code: created.code });
    }
  });
});
