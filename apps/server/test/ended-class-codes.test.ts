import { ErrorCode, type ClassEnded, type RoomLookupReply } from '@playroom/protocol';
import { describe, expect, it } from 'vitest';
import { command, connect, createClass, nextEvent, refusedHandshake, startServer, teacherAuth, tempDataDir, useServer } from './harness';

/*
 * HS-3, REST-2: a class that ended (by its teacher, or archived idle) is
 * not "no such class": a late joiner, a student who reloads and the teacher
 * are told it ended, by a live server and after a restart (the codes come
 * back from storage). A code nobody used is still roomNotFound.
 */

const server = useServer();

const lookUp = async (url: string, code: string) => (await (await fetch(`${url}/api/rooms/${code}`)).json()) as RoomLookupReply;

describe('the code of a class that ended', () => {
  it('HS-3: after endClass, a new student, a reloading student and the teacher are told classEnded; the look-up says ended', async () => {
    const created = await createClass(server.url);
    const teacher = await connect(server.url, teacherAuth(created));
    const ann = await connect(server.url, { role: 'student', code: created.code, name: 'Ann' });
    const told = nextEvent<ClassEnded>(ann.socket, 'classEnded');
    expect((await command(teacher.socket, { type: 'endClass' })).ok).toBe(true);
    expect((await told).reason).toBe('endedByTeacher');
    teacher.socket.close();
    ann.socket.close();

    // before: roomNotFound, "There is no class with the code …"
    expect(await refusedHandshake(server.url, { role: 'student', code: created.code, name: 'Bo' })).toMatchObject({ code: ErrorCode.classEnded });
    expect(await refusedHandshake(server.url, { role: 'student', code: created.code.toLowerCase(), token: ann.welcome.participantToken! })).toMatchObject({
      code: ErrorCode.classEnded,
    });
    expect(await refusedHandshake(server.url, teacherAuth(created))).toMatchObject({ code: ErrorCode.classEnded });
    expect(await lookUp(server.url, created.code)).toEqual({ exists: false, code: created.code, ended: true });

    // a code nobody used is still unknown
    expect(await refusedHandshake(server.url, { role: 'student', code: 'ZZZZZZ', name: 'Bo' })).toMatchObject({ code: ErrorCode.roomNotFound });
    expect(await lookUp(server.url, 'ZZZZZZ')).toEqual({ exists: false, code: 'ZZZZZZ' });
  });

  it('HS-3: a class archived for being idle is said to have ended too', async () => {
    const idle = await startServer({ idleArchiveMs: 200 });
    try {
      const created = await createClass(idle.url);
      const deadline = Date.now() + 5000;
      while (idle.app.playroom.registry.byCode(created.code) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
      expect(idle.app.playroom.registry.byCode(created.code)).toBeUndefined();
      expect(await refusedHandshake(idle.url, { role: 'student', code: created.code, name: 'Ann' })).toMatchObject({ code: ErrorCode.classEnded });
      expect((await lookUp(idle.url, created.code)).ended).toBe(true);
    } finally {
      await idle.close();
    }
  });

  it('HS-3: after a restart the server still knows which codes ended (from storage)', async () => {
    const dataDir = tempDataDir();
    const first = await startServer({ dataDir });
    const ended = await createClass(first.url);
    const live = await createClass(first.url);
    const teacher = await connect(first.url, teacherAuth(ended));
    expect((await command(teacher.socket, { type: 'endClass' })).ok).toBe(true);
    teacher.socket.close();
    await first.close();

    const second = await startServer({ dataDir });
    try {
      expect(await refusedHandshake(second.url, { role: 'student', code: ended.code, name: 'Ann' })).toMatchObject({ code: ErrorCode.classEnded });
      expect((await lookUp(second.url, ended.code)).ended).toBe(true);
      const student = await connect(second.url, { role: 'student', code: live.code, name: 'Ann' });
      student.socket.close();
      expect(await refusedHandshake(second.url, { role: 'student', code: 'ZZZZZZ', name: 'Bo' })).toMatchObject({ code: ErrorCode.roomNotFound });
    } finally {
      await second.close();
    }
  });

  it('HS-6: students who were in the class reload its ended code without spending the join budget; a stranger spends it', async () => {
    const small = await startServer({ joinRate: { perMinute: 1, burst: 2 }, trustProxy: 1 });
    try {
      const created = await createClass(small.url);
      const teacher = await connect(small.url, teacherAuth(created));
      expect((await command(teacher.socket, { type: 'endClass' })).ok).toBe(true);
      teacher.socket.close();
      // this address created the class: its reloads are no guesses
      for (let i = 0; i < 5; i++) {
        expect(await refusedHandshake(small.url, { role: 'student', code: created.code, name: 'Ann' })).toMatchObject({ code: ErrorCode.classEnded });
      }
      expect(await refusedHandshake(small.url, { role: 'student', code: 'ZZZZZ2', name: 'Bo' })).toMatchObject({ code: ErrorCode.roomNotFound });
      expect(await refusedHandshake(small.url, { role: 'student', code: 'ZZZZZ3', name: 'Bo' })).toMatchObject({ code: ErrorCode.roomNotFound });
      expect(await refusedHandshake(small.url, { role: 'student', code: 'ZZZZZ4', name: 'Bo' })).toMatchObject({ code: ErrorCode.rateLimited });
      // another address (behind the proxy) asking for that code learns something: it spends, as a miss does
      const stranger = { headers: { 'x-forwarded-for': '198.51.100.7' } };
      const asked = [];
      for (let i = 0; i < 3; i++) asked.push((await fetch(`${small.url}/api/rooms/${created.code}`, stranger)).status);
      expect(asked).toEqual([200, 200, 429]);
    } finally {
      await small.close();
    }
  });
});
