import { ErrorCode, type ClassEnded, type ProtocolError } from '@playroom/protocol';
import { describe, expect, it } from 'vitest';
import { command, nextEvent, openSocket, startClass, startServer, useServer } from './harness';

/*
 * The teacher on any device (JOIN-5): the teacher link carries the teacher
 * token in its fragment, and the device that opens it connects with
 * `{role: 'teacher', code, token}`, as the first device did. Two teacher
 * devices are the same participant; either may end the class. A wrong token
 * is a guess (HS-4, HS-6): refused `badToken`, it spends the address's join
 * budget, and once that is spent the address gets `rateLimited`, for a right
 * token too, before any token is checked.
 */

const server = useServer();

describe('the teacher on a second device', () => {
  it('JOIN-5: the teacher token opens the class as teacher again; both devices see the same state and either ends the class', async () => {
    const c = await startClass(server, { students: ['Ana'] as const });
    try {
      const second = await c.connect({ role: 'teacher', code: c.created.code, token: c.created.teacherToken });
      expect(second.welcome.role).toBe('teacher');
      expect(second.welcome.participantId).toBe(c.teacher.welcome.participantId);
      expect(second.welcome.classSession.sessionId).toBe(c.teacher.welcome.classSession.sessionId);

      // a change from one teacher device reaches the other
      const seen = nextEvent<{ state: { speed: unknown } }>(c.teacher.socket, 'session', (u) => u.state.speed === 200);
      expect(await command(second.socket, { type: 'setSpeed', sessionId: second.welcome.classSession.sessionId, speed: 200 })).toMatchObject({ ok: true });
      await seen;

      const told = [c.teacher, c.students[0], second].map((client) => nextEvent<ClassEnded>(client.socket, 'classEnded'));
      expect(await command(second.socket, { type: 'endClass' })).toMatchObject({ ok: true });
      expect((await Promise.all(told)).map((ended) => ended.reason)).toEqual(['endedByTeacher', 'endedByTeacher', 'endedByTeacher']);
    } finally {
      c.close();
    }
  });
});

describe('wrong teacher tokens', () => {
  it('HS-4/HS-6: refused badToken and spending the join budget, then rateLimited from that address', async () => {
    const strict = await startServer({ trustProxy: 1, joinRate: { perMinute: 1, burst: 3 } });
    try {
      const c = await startClass(strict, { teacher: false });
      const { code, teacherToken } = c.created;
      c.close();
      // another machine (behind a trusted proxy, so it has an address of its own) that has never used this code
      const attempt = (token: string) => teacherHandshake(strict.url, code, token, { 'x-forwarded-for': '198.51.100.20' });
      const wrong = () => attempt(`${'B'.repeat(31)}${Math.floor(Math.random() * 10)}`);
      const answers: string[] = [];
      for (let i = 0; i < 5; i++) answers.push(await wrong());
      expect(answers).toEqual([ErrorCode.badToken, ErrorCode.badToken, ErrorCode.badToken, ErrorCode.rateLimited, ErrorCode.rateLimited]);
      // the same answer for the right token: the budget is checked before any token is
      expect(await attempt(teacherToken)).toBe(ErrorCode.rateLimited);
      // the machine that created the class still gets in (HS-6: the codes an address uses still pass)
      expect(await teacherHandshake(strict.url, code, teacherToken)).toBe('welcome');
    } finally {
      await strict.close();
    }
  });
});

/** A teacher handshake; resolves 'welcome' or the refusal's code. */
function teacherHandshake(url: string, code: string, token: string, extraHeaders: Record<string, string> = {}): Promise<string> {
  return new Promise((resolve) => {
    const socket = openSocket(url, { role: 'teacher', code, token }, { extraHeaders });
    socket.once('connect_error', (error: Error & { data?: ProtocolError }) => {
      socket.close();
      resolve(error.data?.code ?? error.message);
    });
    socket.once('welcome', () => {
      socket.close();
      resolve('welcome');
    });
  });
}
