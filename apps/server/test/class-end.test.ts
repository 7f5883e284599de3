import { PROTOCOL_LIMITS, type ClassEnded, type SessionExport, type SessionState } from '@playroom/protocol';
import { describe, expect, it } from 'vitest';
import { command, connect, createClass, fork, nextEvent, startServer, stepAndWait, teacherAuth, useServer, withClass } from './harness';

/*
 * Ending a class (CMD-7, REST-3): every participant is told and gets the
 * full state of their own forks at that moment, never anyone else's; the
 * teacher can still export the class once it is archived, also after a
 * restart, with the forks as they were when it ended.
 */

const server = useServer();

const exportOf = (url: string, sessionId: string, token: string) =>
  fetch(`${url}/api/sessions/${sessionId}/export`, { headers: { authorization: `Bearer ${token}` } });

describe('ending a class', () => {
  it('CMD-7: each participant gets their own forks with classEnded, exactly as the server held them, and nobody else’s', async () => {
    await withClass(server, { students: ['Ana', 'Ben', 'Cai'] }, async ({ created, teacher, students: [ana, ben, cai] }) => {
      const anaFirst = await fork(ana.socket, created.sessionId);
      const anaSecond = await fork(ana.socket, created.sessionId);
      const benFork = await fork(ben.socket, created.sessionId);
      const teacherFork = await fork(teacher.socket, created.sessionId);
      await stepAndWait(ana.socket, anaFirst.sessionId, 25);
      await command(ben.socket, { type: 'setConfig', sessionId: benFork.sessionId, patch: { learningRate: 0.1 } });
      // Ben's fork is still training when the class ends
      expect((await command(ben.socket, { type: 'play', sessionId: benFork.sessionId })).ok).toBe(true);
      await new Promise((resolve) => setTimeout(resolve, 300));

      const told = [ana, ben, cai, teacher].map((c) => nextEvent<ClassEnded>(c.socket, 'classEnded'));
      expect((await command(teacher.socket, { type: 'endClass' })).ok).toBe(true);
      const [toAna, toBen, toCai, toTeacher] = await Promise.all(told);

      const ids = (ended: ClassEnded) => (ended.forks ?? []).map((f) => f.sessionId).sort();
      expect(toAna!.reason).toBe('endedByTeacher');
      expect(ids(toAna!)).toEqual([anaFirst.sessionId, anaSecond.sessionId].sort());
      expect(ids(toBen!)).toEqual([benFork.sessionId]);
      expect(ids(toCai!)).toEqual([]);
      expect(ids(toTeacher!)).toEqual([teacherFork.sessionId]);
      // only their own: no other participant's fork id or name travels to a student
      const anaText = JSON.stringify(toAna);
      for (const other of [benFork.sessionId, teacherFork.sessionId, 'Ben', 'Cai']) expect(anaText).not.toContain(other);
      expect(JSON.stringify(toCai)).not.toContain('Ana');

      const anaTrained = toAna!.forks!.find((f) => f.sessionId === anaFirst.sessionId)!;
      expect(anaTrained.epoch).toBe(25);
      expect(anaTrained.params).not.toEqual(anaFirst.params);
      expect(toBen!.forks![0]!.config.learningRate).toBe(0.1);
      expect(toBen!.forks![0]!.epoch).toBeGreaterThan(0);

      // the archived class, as its teacher exports it: the same forks, bit for bit (a fork trained up to the end included)
      await server.app.playroom.checkpointer.settled();
      const response = await exportOf(server.url, created.sessionId, created.teacherToken);
      expect(response.status).toBe(200);
      const exported = (await response.json()) as SessionExport;
      const stored = (id: string) => exported.sessions.find((s) => s.sessionId === id)!;
      const sameWork = (a: SessionState, b: SessionState) => {
        expect(b.epoch).toBe(a.epoch);
        expect(b.params).toEqual(a.params);
        expect(b.config).toEqual(a.config);
        expect(b.lossHistory).toEqual(a.lossHistory);
      };
      for (const sent of [...toAna!.forks!, ...toBen!.forks!, ...toTeacher!.forks!]) sameWork(sent, stored(sent.sessionId));
    });
  });

  it('CMD-7: a student with five forks of 2,000 custom points each gets them all, past the 256 KiB a client may send', async () => {
    const customPoints = Array.from({ length: 2000 }, (_, i) => ({ x: Math.sin(i) * 5.123456789, y: Math.cos(i * 1.7) * 4.987654321, label: i % 2 ? 1 : -1 }));
    await withClass(server, { config: { dataset: 'custom', customPoints }, students: ['Ana'] }, async ({ created, teacher, students: [ana] }) => {
      for (let i = 0; i < 5; i++) await fork(ana.socket, created.sessionId);
      const told = nextEvent<ClassEnded>(ana.socket, 'classEnded');
      expect((await command(teacher.socket, { type: 'endClass' })).ok).toBe(true);
      const ended = await told;
      expect(ended.forks).toHaveLength(5);
      expect(JSON.stringify(ended).length).toBeGreaterThan(PROTOCOL_LIMITS.maxMessageBytes);
      for (const f of ended.forks!) expect(f.config.customPoints).toEqual(customPoints);
    });
  });

  it('REST-3: the teacher exports an ended class: the sessions it had at the end, not a deleted fork or a removed student’s', async () => {
    await withClass(server, { students: ['Ana', 'Ben'] }, async ({ created, teacher, students: [ana, ben] }) => {
      const kept = await fork(ana.socket, created.sessionId);
      const deleted = await fork(ana.socket, created.sessionId);
      const removed = await fork(ben.socket, created.sessionId);
      expect((await command(ana.socket, { type: 'deleteFork', sessionId: deleted.sessionId })).ok).toBe(true);
      expect((await command(teacher.socket, { type: 'removeParticipant', participantId: ben.welcome.participantId })).ok).toBe(true);
      const ended = nextEvent<ClassEnded>(ana.socket, 'classEnded');
      expect((await command(teacher.socket, { type: 'endClass' })).ok).toBe(true);
      await ended;
      await server.app.playroom.checkpointer.settled();

      const response = await exportOf(server.url, created.sessionId, created.teacherToken);
      expect(response.status).toBe(200);
      const exported = (await response.json()) as SessionExport;
      expect(exported.format).toBe('playroom-session');
      expect(exported.code).toBe(created.code);
      expect(exported.sessions.map((s) => s.sessionId)).toEqual([created.sessionId, kept.sessionId]);
      expect(exported.roster.map((p) => p.name).sort()).toEqual(['Ana', 'Ms Li']);
      expect(exported.roster.every((p) => !p.online)).toBe(true);
      expect(JSON.stringify(exported)).not.toContain(removed.sessionId);
      expect(JSON.stringify(exported)).not.toContain(created.teacherToken);

      // only its teacher: a student's token, another class's teacher, no token
      const other = await withClass(server, { teacher: false }, async (c) => c.created);
      expect((await exportOf(server.url, created.sessionId, other.teacherToken)).status).toBe(403);
      expect((await exportOf(server.url, created.sessionId, ana.welcome.participantToken!)).status).toBe(403);
      expect((await fetch(`${server.url}/api/sessions/${created.sessionId}/export`)).status).toBe(401);
    });
  });

  it('REST-3: an archived class stays exportable by its teacher after a restart, and an idle-archived one too', async () => {
    const first = await startServer({ idleArchiveMs: 400 });
    const dataDir = first.dataDir;
    let ended: { sessionId: string; teacherToken: string; forkId: string };
    let idle: { sessionId: string; teacherToken: string };
    try {
      idle = await createClass(first.url, 'Mr Idle');
      const created = await createClass(first.url);
      const teacherClient = await connect(first.url, teacherAuth(created));
      const student = await connect(first.url, { role: 'student', code: created.code, name: 'Ana' });
      const forked = await fork(student.socket, created.sessionId);
      await stepAndWait(student.socket, forked.sessionId, 10);
      expect((await command(teacherClient.socket, { type: 'endClass' })).ok).toBe(true);
      teacherClient.socket.close();
      student.socket.close();
      ended = { sessionId: created.sessionId, teacherToken: created.teacherToken, forkId: forked.sessionId };
      const deadline = Date.now() + 5000;
      while (first.app.playroom.registry.byId(idle.sessionId) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
      expect(first.app.playroom.registry.byId(idle.sessionId)).toBeUndefined();
    } finally {
      await first.close();
    }

    const second = await startServer({ dataDir });
    try {
      const response = await exportOf(second.url, ended.sessionId, ended.teacherToken);
      expect(response.status).toBe(200);
      const exported = (await response.json()) as SessionExport;
      expect(exported.sessions.map((s) => s.sessionId)).toEqual([ended.sessionId, ended.forkId]);
      expect(exported.sessions[1]!.epoch).toBe(10);
      expect(exported.sessions.every((s) => !s.playing)).toBe(true);

      const idleExport = await exportOf(second.url, idle.sessionId, idle.teacherToken);
      expect(idleExport.status).toBe(200);
      expect(((await idleExport.json()) as SessionExport).teacherName).toBe('Mr Idle');
      expect((await exportOf(second.url, idle.sessionId, ended.teacherToken)).status).toBe(403);
    } finally {
      await second.close();
    }
  });
});
