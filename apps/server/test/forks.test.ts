import {
  decodeSnapshot,
  ErrorCode,
  type CommandAck,
  type ForksUpdate,
  type SessionUpdate,
  type SnapshotMessage,
} from '@playroom/protocol';
import { describe, expect, it } from 'vitest';
import { command, fork, nextEvent, startServer, stepAndWait, teacherAuth, useServer, withClass } from './harness';

const server = useServer({ maxForksPerParticipant: 2 });

describe('forks', () => {
  it('FORK-1: a fork starts as an exact copy and then lives on its own', async () => {
    await withClass(server, { students: ['Ana', 'Ben'] }, async ({ created, teacher, students: [ana, ben] }) => {
      const registry = server.app.playroom.registry;
      const classroom = registry.byId(created.sessionId)!;
      await stepAndWait(teacher.socket, created.sessionId, 10);
      const anaFork = await fork(ana.socket, created.sessionId);
      expect(anaFork.params).toEqual(Array.from(classroom.classSession.params));
      expect(anaFork).toMatchObject({ kind: 'fork', parentId: created.sessionId, forkedAtEpoch: 10, epoch: 10, playing: false });
      const benFork = await fork(ben.socket, created.sessionId);
      const anaOwnFork = await fork(ana.socket, anaFork.sessionId); // a fork of a fork
      expect(anaOwnFork.parentId).toBe(anaFork.sessionId);

      // Ana changes and trains her fork: nothing else moves
      const frozen = () =>
        [classroom.classSession, classroom.session(benFork.sessionId)!, classroom.session(anaOwnFork.sessionId)!].map((s) => ({
          clock: s.clock,
          params: Array.from(s.params),
          config: structuredClone(s.config),
        }));
      const before = frozen();
      expect((await command(ana.socket, { type: 'setConfig', sessionId: anaFork.sessionId, patch: { hiddenLayers: [6], learningRate: 0.3 } })).ok).toBe(true);
      await stepAndWait(ana.socket, anaFork.sessionId, 20);
      expect((await command(ana.socket, { type: 'play', sessionId: anaFork.sessionId })).ok).toBe(true);
      await nextEvent<SnapshotMessage>(ana.socket, 'snapshot', (s) => s.sessionId === anaFork.sessionId && decodeSnapshot(s.bytes).epoch > 25);
      expect((await command(ana.socket, { type: 'pause', sessionId: anaFork.sessionId })).ok).toBe(true);
      expect(frozen()).toEqual(before);

      // the teacher's class changes do not reach the forks either
      const anaForkParams = Array.from(classroom.session(anaFork.sessionId)!.params);
      await command(teacher.socket, { type: 'setConfig', sessionId: created.sessionId, patch: { activation: 'relu' } });
      await stepAndWait(teacher.socket, created.sessionId, 5);
      expect(Array.from(classroom.session(anaFork.sessionId)!.params)).toEqual(anaForkParams);
      expect(classroom.session(anaFork.sessionId)!.config.activation).toBe('tanh');
    });
  });

  it('FORK-3: a fork’s updates and snapshots reach its owner and the teacher only', async () => {
    await withClass(server, { students: ['Ana', 'Ben'] }, async ({ created, teacher, students: [ana, ben] }) => {
      const anaFork = await fork(ana.socket, created.sessionId);
      expect((await command(teacher.socket, { type: 'watch', sessionId: anaFork.sessionId })).ok).toBe(true);
      const leaked: string[] = [];
      ben.socket.on('session', (u: SessionUpdate) => {
        if (u.state.sessionId === anaFork.sessionId) leaked.push('session');
      });
      ben.socket.on('snapshot', (s: SnapshotMessage) => {
        if (s.sessionId === anaFork.sessionId) leaked.push('snapshot');
      });
      const teacherSees = nextEvent<SnapshotMessage>(teacher.socket, 'snapshot', (s) => s.sessionId === anaFork.sessionId);
      const ownerSees = nextEvent<SessionUpdate>(ana.socket, 'session', (u) => u.state.sessionId === anaFork.sessionId && u.cause === 'play');
      await command(ana.socket, { type: 'play', sessionId: anaFork.sessionId });
      await Promise.all([teacherSees, ownerSees]);
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(leaked).toEqual([]);
    });
  });

  it('SUM-1: the teacher sees every fork’s summary (owner, epoch, losses, shape) while it trains', async () => {
    await withClass(server, { students: ['Ana'] }, async ({ created, teacher, students: [ana], connect, join }) => {
      const anaFork = await fork(ana.socket, created.sessionId);
      await command(ana.socket, { type: 'setConfig', sessionId: anaFork.sessionId, patch: { hiddenLayers: [3, 3] } });
      await command(ana.socket, { type: 'play', sessionId: anaFork.sessionId });
      const started = Date.now();
      const first = await nextEvent<ForksUpdate>(teacher.socket, 'forks', (f) => (f.forks[0]?.epoch ?? 0) > 0);
      const second = await nextEvent<ForksUpdate>(teacher.socket, 'forks', (f) => f.forks[0]!.epoch > first.forks[0]!.epoch);
      expect(Date.now() - started).toBeLessThan(5000);
      const summary = second.forks[0]!;
      expect(summary).toMatchObject({ sessionId: anaFork.sessionId, ownerName: 'Ana', playing: true, layerSizes: [2, 3, 3, 1] });
      expect(summary.trainLoss).toBeTypeOf('number');
      expect(summary.testLoss).toBeTypeOf('number');
      // the teacher's welcome lists every fork; a student's only their own
      const late = await connect(teacherAuth(created));
      const ben = await join('Ben');
      expect(late.welcome.forks.map((f) => f.sessionId)).toEqual([anaFork.sessionId]);
      expect(ben.welcome.forks).toEqual([]);
    });
  });

  it('FORK-2: fork and session limits refuse with a clear error', async () => {
    await withClass(server, { teacher: false, students: ['Ana'] }, async ({ created, students: [ana] }) => {
      await fork(ana.socket, created.sessionId);
      await fork(ana.socket, created.sessionId);
      const third = await command(ana.socket, { type: 'fork', sessionId: created.sessionId });
      expect(third.ok ? null : third.error.code).toBe(ErrorCode.forkLimit);
    });
    const small = await startServer({ maxSessions: 2 });
    try {
      await withClass(small, { teacher: false, students: ['Ana'] }, async ({ created: one, students: [student] }) => {
        await fork(student.socket, one.sessionId);
        const refused = await command(student.socket, { type: 'fork', sessionId: one.sessionId });
        expect(refused.ok ? null : refused.error.code).toBe(ErrorCode.sessionLimit);
        const response = await fetch(`${small.url}/api/sessions`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: '{"teacherName":"T"}',
        });
        expect(response.status).toBe(503);
        expect(((await response.json()) as { error: { code: string } }).error.code).toBe(ErrorCode.sessionLimit);
      });
    } finally {
      await small.close();
    }
  });

  it('FORK-4: frozen forks pause and refuse their owners until unfrozen', async () => {
    await withClass(server, { students: ['Ana'] }, async ({ created, teacher, students: [ana] }) => {
      const anaFork = await fork(ana.socket, created.sessionId);
      await command(ana.socket, { type: 'play', sessionId: anaFork.sessionId });
      const frozenUpdate = nextEvent<SessionUpdate>(ana.socket, 'session', (u) => u.cause === 'frozen');
      expect((await command(teacher.socket, { type: 'freezeForks', frozen: true })).ok).toBe(true);
      const update = await frozenUpdate;
      expect(update.state).toMatchObject({ playing: false, frozen: true });
      const refused = await command(ana.socket, { type: 'play', sessionId: anaFork.sessionId });
      expect(refused.ok ? null : refused.error.code).toBe(ErrorCode.forksFrozen);
      // resumed, the fork that was playing plays again by itself: nobody has to find out it waits
      const resumed = nextEvent<SessionUpdate>(ana.socket, 'session', (u) => u.cause === 'unfrozen');
      expect((await command(teacher.socket, { type: 'freezeForks', frozen: false })).ok).toBe(true);
      expect((await resumed).state).toMatchObject({ sessionId: anaFork.sessionId, playing: true, frozen: false });
      expect((await command(ana.socket, { type: 'pause', sessionId: anaFork.sessionId })).ok).toBe(true);
    });
  });

  it('FORK-4: on resume only the forks that were playing play again, and not those whose owner left', async () => {
    await withClass(server, { students: ['Ana', 'Ben'] }, async ({ created, teacher, students: [ana, ben] }) => {
      const classroom = server.app.playroom.registry.byId(created.sessionId)!;
      const playing = await fork(ana.socket, created.sessionId);
      const paused = await fork(ana.socket, created.sessionId);
      const bens = await fork(ben.socket, created.sessionId);
      await command(ana.socket, { type: 'play', sessionId: playing.sessionId });
      await command(ben.socket, { type: 'play', sessionId: bens.sessionId });
      expect((await command(teacher.socket, { type: 'freezeForks', frozen: true })).ok).toBe(true);
      const benLeft = nextEvent(teacher.socket, 'roster', (r: { participants: { name: string; online: boolean }[] }) =>
        r.participants.some((p) => p.name === 'Ben' && !p.online),
      );
      ben.socket.disconnect();
      await benLeft;
      expect((await command(teacher.socket, { type: 'freezeForks', frozen: false })).ok).toBe(true);
      const state = (id: string) => ({ playing: classroom.session(id)!.playing, frozen: classroom.session(id)!.frozen });
      expect([state(playing.sessionId), state(paused.sessionId), state(bens.sessionId)]).toEqual([
        { playing: true, frozen: false },
        { playing: false, frozen: false },
        { playing: false, frozen: false },
      ]);
      await command(ana.socket, { type: 'pause', sessionId: playing.sessionId });
    });
  });

  it('FORK-4: a student cannot fork while the class is paused, and nothing is made; after resume they can', async () => {
    await withClass(server, { students: ['Ana'] }, async ({ created, teacher, students: [ana] }) => {
      const registry = server.app.playroom.registry;
      const classroom = registry.byId(created.sessionId)!;
      const own = await fork(ana.socket, created.sessionId);
      expect((await command(teacher.socket, { type: 'freezeForks', frozen: true })).ok).toBe(true);
      const before = { forks: classroom.allForks().length, sessions: registry.countedSessionCount() };
      for (const source of [created.sessionId, own.sessionId]) {
        const refused = await command(ana.socket, { type: 'fork', sessionId: source });
        expect(refused.ok ? null : refused.error).toMatchObject({ code: ErrorCode.forksFrozen, message: expect.stringMatching(/paused/) });
      }
      expect({ forks: classroom.allForks().length, sessions: registry.countedSessionCount() }).toEqual(before);
      expect((await command(teacher.socket, { type: 'freezeForks', frozen: false })).ok).toBe(true);
      expect((await fork(ana.socket, created.sessionId)).frozen).toBe(false);
    });
  });

  it("FORK-4: pausing the class leaves the teacher's own forks alone, so the teacher can demo while the class waits", async () => {
    await withClass(server, { students: ['Ana'] }, async ({ created, teacher, students: [ana] }) => {
      const classroom = server.app.playroom.registry.byId(created.sessionId)!;
      const teachersFork = await fork(teacher.socket, created.sessionId);
      await command(teacher.socket, { type: 'play', sessionId: teachersFork.sessionId });
      const anaFork = await fork(ana.socket, created.sessionId);
      expect((await command(teacher.socket, { type: 'freezeForks', frozen: true })).ok).toBe(true);
      const held = classroom.session(teachersFork.sessionId)!;
      expect({ playing: held.playing, frozen: held.frozen }).toEqual({ playing: true, frozen: false });
      expect(classroom.session(anaFork.sessionId)!.frozen).toBe(true);
      // the teacher drives their fork; Ana's own fork and her fork of the teacher's wait
      const changed = await command<CommandAck<'setConfig'>>(teacher.socket, {
        type: 'setConfig',
        sessionId: teachersFork.sessionId,
        patch: { learningRate: 0.1 },
      });
      expect(changed.ok).toBe(true);
      expect((await command(teacher.socket, { type: 'spotlight', sessionId: teachersFork.sessionId })).ok).toBe(true);
      const refused = await command(ana.socket, { type: 'play', sessionId: anaFork.sessionId });
      expect(refused.ok ? null : refused.error.code).toBe(ErrorCode.forksFrozen);
      // a fork the teacher makes while the class is paused is theirs to drive at once
      const later = await fork(teacher.socket, anaFork.sessionId);
      expect(later.frozen).toBe(false);
      expect((await command(teacher.socket, { type: 'play', sessionId: later.sessionId })).ok).toBe(true);
      expect(teacher.welcome.participantId).toBe(held.ownerId);
    });
  });

  it('PERM-4: deleting a fork tells its owner and the teacher, and frees a fork slot', async () => {
    await withClass(server, { students: ['Ana'] }, async ({ created, teacher, students: [ana] }) => {
      const first = await fork(ana.socket, created.sessionId);
      await fork(ana.socket, created.sessionId);
      const teacherHears = nextEvent<{ sessionId: string }>(teacher.socket, 'forkRemoved');
      expect((await command(ana.socket, { type: 'deleteFork', sessionId: first.sessionId })).ok).toBe(true);
      expect((await teacherHears).sessionId).toBe(first.sessionId);
      expect((await command(ana.socket, { type: 'watch', sessionId: first.sessionId })).ok).toBe(false);
      await fork(ana.socket, created.sessionId);
    });
  });
});
