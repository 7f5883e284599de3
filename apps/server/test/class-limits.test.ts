import { ErrorCode, type ClassEnded, type ClassStatus, type ForkRemoved, type SessionUpdate } from '@playroom/protocol';
import { describe, expect, it } from 'vitest';
import {
  command,
  connect,
  fork,
  nextEvent,
  refusedHandshake,
  startServer,
  tempDataDir,
  useServer,
  withClass,
  type Client,
} from './harness';

/*
 * What one person can take from a class, and what the teacher can do about
 * it (rules JOIN-3, CMD-9, LIM-5, LIM-6, LIM-7): seats left by people who
 * are gone go to real students, one class cannot fill the server with
 * sessions, a teacher locks the class and removes a student, and nobody
 * trains for an empty chair.
 */

const server = useServer({
  maxParticipantsPerClass: 12,
  maxSessions: 40,
  maxSessionsPerClass: 15,
  vacantSeatAfterMs: 300,
  absentForkPauseMs: 400,
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const studentAuth = (code: string, name: string) => ({ role: 'student', code, name });

describe('class limits', () => {
  it('LIM-6 (finding 4): a class filled by joins that left takes a real student once their seats are empty', async () => {
    await withClass(server, {}, async ({ created, join }) => {
      const fakes: Client[] = [];
      for (let i = 0; i < 12; i++) fakes.push(await join(`fake ${i}`));
      expect((await refusedHandshake(server.url, studentAuth(created.code, 'Real'))).code).toBe(ErrorCode.classFull);
      for (const fake of fakes) fake.socket.close();
      await sleep(400);
      const real = await join('Real');
      expect(real.welcome.name).toBe('Real');
      const classroom = server.app.playroom.registry.byId(created.sessionId)!;
      expect(classroom.roster.students()).toHaveLength(12);
      // the seat that went was an empty one: its token no longer opens the class
      const gone = fakes.find((f) => !classroom.roster.get(f.welcome.participantId))!;
      expect((await refusedHandshake(server.url, { role: 'student', code: created.code, token: gone.welcome.participantToken })).code).toBe(ErrorCode.badToken);
    });
  });

  it('LIM-6: a seat is kept while its student is online, or away with a fork', async () => {
    await withClass(server, {}, async ({ created, join }) => {
      const keepers: Client[] = [];
      for (let i = 0; i < 12; i++) keepers.push(await join(`student ${i}`));
      // half stay online; the other half leave but each has a fork
      for (const away of keepers.slice(6)) {
        await fork(away.socket, created.sessionId);
        away.socket.close();
      }
      await sleep(400);
      expect((await refusedHandshake(server.url, studentAuth(created.code, 'Late'))).code).toBe(ErrorCode.classFull);
    });
  });

  it('LIM-5 (finding 3): forks from one class stop at its share, and other classes still fork and start', async () => {
    await withClass(server, { students: ['Ada', 'Bo', 'Cy'] }, async ({ created, students }) => {
      const refusals: string[] = [];
      for (let round = 0; round < 5; round++) {
        for (const student of students) {
          const ack = await command(student.socket, { type: 'fork', sessionId: created.sessionId });
          if (!ack.ok) refusals.push(ack.error.code);
        }
      }
      const classroom = server.app.playroom.registry.byId(created.sessionId)!;
      expect(classroom.sessions()).toHaveLength(15);
      expect(new Set(refusals)).toEqual(new Set([ErrorCode.sessionLimit]));
      await withClass(server, { students: ['Other'] }, async (other) => {
        const [student] = other.students;
        expect((await command(student.socket, { type: 'fork', sessionId: other.created.sessionId })).ok).toBe(true);
      });
    });
  });

  it('LIM-5/LIM-7 (finding 3): forks of students who left rest and stop counting against the server limit, so other classes start again', async () => {
    const small = await startServer({ maxSessions: 8, maxSessionsPerClass: 8, maxForksPerParticipant: 10, absentForkPauseMs: 400 });
    try {
      await withClass(small, { students: ['Ada', 'Bo'] }, async ({ created, students: [ada, bo] }) => {
        for (let i = 0; i < 4; i++) await fork(ada.socket, created.sessionId);
        for (let i = 0; i < 3; i++) await fork(bo.socket, created.sessionId);
        const full = await fetch(`${small.url}/api/sessions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"teacherName":"Ms Next"}' });
        expect(full.status).toBe(503);
        ada.socket.close();
        bo.socket.close();
        // before: still 503 after they left, until that class ended
        let status = 0;
        for (let tries = 0; tries < 40 && status !== 201; tries++) {
          await sleep(100);
          status = (await fetch(`${small.url}/api/sessions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"teacherName":"Ms Next"}' })).status;
        }
        expect(status).toBe(201);
        // a student who comes back finds her forks and trains them again
        const back = await connect(small.url, { role: 'student', code: created.code, token: ada.welcome.participantToken });
        expect(back.welcome.forks).toHaveLength(4);
        expect((await command(back.socket, { type: 'play', sessionId: back.welcome.forks[0]!.sessionId })).ok).toBe(true);
        back.socket.close();
      });
    } finally {
      await small.close();
    }
  });

  it('JOIN-3: a locked class refuses new students, lets a student with a token back in, and opens again', async () => {
    await withClass(server, { students: ['Ada'] }, async ({ created, teacher, students: [ada] }) => {
      const heard = nextEvent<ClassStatus>(ada.socket, 'classStatus', (s) => s.locked);
      expect((await command(teacher.socket, { type: 'lockClass', locked: true })).ok).toBe(true);
      expect((await heard).locked).toBe(true);
      expect((await refusedHandshake(server.url, studentAuth(created.code, 'Eve'))).code).toBe(ErrorCode.classLocked);
      ada.socket.close();
      const back = await connect(server.url, { role: 'student', code: created.code, token: ada.welcome.participantToken });
      expect(back.welcome.participantId).toBe(ada.welcome.participantId);
      expect(back.welcome.classStatus.locked).toBe(true);
      back.socket.close();
      expect((await command(teacher.socket, { type: 'lockClass', locked: false })).ok).toBe(true);
      const eve = await connect(server.url, studentAuth(created.code, 'Eve'));
      eve.socket.close();
    });
  });

  it('CMD-9: the teacher removes a student: told, disconnected, forks gone, token refused, after a restart too', async () => {
    const dataDir = tempDataDir();
    const first = await startServer({ dataDir });
    let code = '';
    let token = '';
    try {
      await withClass(first, { students: ['Ada', 'Bo'] }, async ({ created, teacher, students: [ada, bo] }) => {
        code = created.code;
        token = ada.welcome.participantToken!;
        const adaFork = await fork(ada.socket, created.sessionId);
        const told = nextEvent<ClassEnded>(ada.socket, 'classEnded');
        const disconnected = new Promise<string>((resolve) => ada.socket.once('disconnect', resolve));
        const forkGone = nextEvent<ForkRemoved>(teacher.socket, 'forkRemoved', (r) => r.sessionId === adaFork.sessionId);
        expect((await command(teacher.socket, { type: 'removeParticipant', participantId: ada.welcome.participantId })).ok).toBe(true);
        expect(await told).toEqual({ reason: 'removed' });
        expect(await disconnected).toBe('io server disconnect');
        await forkGone;
        const classroom = first.app.playroom.registry.byId(created.sessionId)!;
        expect(classroom.roster.get(ada.welcome.participantId)).toBeUndefined();
        expect(classroom.session(adaFork.sessionId)).toBeUndefined();
        expect((await refusedHandshake(first.url, { role: 'student', code, token })).code).toBe(ErrorCode.badToken);
        // the class goes on; the teacher cannot be removed, nor someone unknown
        expect((await command(bo.socket, { type: 'removeParticipant', participantId: ada.welcome.participantId })).ok).toBe(false);
        const own = await command(teacher.socket, { type: 'removeParticipant', participantId: teacher.welcome.participantId });
        expect(own.ok ? null : own.error.code).toBe(ErrorCode.participantNotFound);
        await first.app.playroom.checkpointer.settled();
      });
    } finally {
      await first.close();
    }
    const second = await startServer({ dataDir });
    try {
      expect((await refusedHandshake(second.url, { role: 'student', code, token })).code).toBe(ErrorCode.badToken);
    } finally {
      await second.close();
    }
  });

  it('LIM-7: the forks of a student who left stop training, and the class hears it', async () => {
    await withClass(server, { students: ['Ada'] }, async ({ created, teacher, students: [ada] }) => {
      const adaFork = await fork(ada.socket, created.sessionId);
      expect((await command(ada.socket, { type: 'play', sessionId: adaFork.sessionId })).ok).toBe(true);
      expect((await command(teacher.socket, { type: 'watch', sessionId: adaFork.sessionId })).ok).toBe(true);
      const paused = nextEvent<SessionUpdate>(teacher.socket, 'session', (u) => u.state.sessionId === adaFork.sessionId && !u.state.playing, 15_000);
      ada.socket.close();
      const update = await paused;
      expect(update).toMatchObject({ cause: 'pause', by: null });
      expect(server.app.playroom.registry.byId(created.sessionId)!.session(adaFork.sessionId)!.playing).toBe(false);
    });
  });
});
