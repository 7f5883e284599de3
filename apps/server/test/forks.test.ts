import {
  decodeSnapshot,
  ErrorCode,
  type CommandAck,
  type ForksUpdate,
  type SessionUpdate,
  type SnapshotMessage,
} from '@playroom/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeAll, command, connect, createClass, nextEvent, startServer, stepAndWait, teacherAuth, type TestServer } from './harness';

let server: TestServer;
beforeAll(async () => {
  server = await startServer({ maxForksPerParticipant: 2 });
});
afterAll(async () => {
  await server.close();
});

async function fork(socket: Parameters<typeof command>[0], sessionId: string) {
  const ack = await command<CommandAck<'fork'>>(socket, { type: 'fork', sessionId });
  if (!ack.ok) throw new Error(`fork refused: ${ack.error.code}`);
  return ack.session;
}

describe('forks', () => {
  it('FORK-1: a fork starts as an exact copy and then lives on its own', async () => {
    const created = await createClass(server.url);
    const teacher = await connect(server.url, teacherAuth(created));
    const ana = await connect(server.url, { role: 'student', code: created.code, name: 'Ana' });
    const ben = await connect(server.url, { role: 'student', code: created.code, name: 'Ben' });
    try {
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
    } finally {
      closeAll([teacher, ana, ben]);
    }
  });

  it('FORK-3: a fork’s updates and snapshots reach its owner and the teacher only', async () => {
    const created = await createClass(server.url);
    const teacher = await connect(server.url, teacherAuth(created));
    const ana = await connect(server.url, { role: 'student', code: created.code, name: 'Ana' });
    const ben = await connect(server.url, { role: 'student', code: created.code, name: 'Ben' });
    try {
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
    } finally {
      closeAll([teacher, ana, ben]);
    }
  });

  it('SUM-1: the teacher sees every fork’s summary (owner, epoch, losses, shape) while it trains', async () => {
    const created = await createClass(server.url);
    const teacher = await connect(server.url, teacherAuth(created));
    const ana = await connect(server.url, { role: 'student', code: created.code, name: 'Ana' });
    try {
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
      const late = await connect(server.url, teacherAuth(created));
      const ben = await connect(server.url, { role: 'student', code: created.code, name: 'Ben' });
      expect(late.welcome.forks.map((f) => f.sessionId)).toEqual([anaFork.sessionId]);
      expect(ben.welcome.forks).toEqual([]);
      closeAll([late, ben]);
    } finally {
      closeAll([teacher, ana]);
    }
  });

  it('FORK-2: fork and session limits refuse with a clear error', async () => {
    const created = await createClass(server.url);
    const ana = await connect(server.url, { role: 'student', code: created.code, name: 'Ana' });
    try {
      await fork(ana.socket, created.sessionId);
      await fork(ana.socket, created.sessionId);
      const third = await command(ana.socket, { type: 'fork', sessionId: created.sessionId });
      expect(third.ok ? null : third.error.code).toBe(ErrorCode.forkLimit);
    } finally {
      ana.socket.close();
    }
    const small = await startServer({ maxSessions: 2 });
    try {
      const one = await createClass(small.url);
      const student = await connect(small.url, { role: 'student', code: one.code, name: 'Ana' });
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
      student.socket.close();
    } finally {
      await small.close();
    }
  });

  it('FORK-4: frozen forks pause and refuse their owners until unfrozen', async () => {
    const created = await createClass(server.url);
    const teacher = await connect(server.url, teacherAuth(created));
    const ana = await connect(server.url, { role: 'student', code: created.code, name: 'Ana' });
    try {
      const anaFork = await fork(ana.socket, created.sessionId);
      await command(ana.socket, { type: 'play', sessionId: anaFork.sessionId });
      const frozenUpdate = nextEvent<SessionUpdate>(ana.socket, 'session', (u) => u.cause === 'frozen');
      expect((await command(teacher.socket, { type: 'freezeForks', frozen: true })).ok).toBe(true);
      const update = await frozenUpdate;
      expect(update.state).toMatchObject({ playing: false, frozen: true });
      const refused = await command(ana.socket, { type: 'play', sessionId: anaFork.sessionId });
      expect(refused.ok ? null : refused.error.code).toBe(ErrorCode.forksFrozen);
      expect((await command(teacher.socket, { type: 'freezeForks', frozen: false })).ok).toBe(true);
      expect((await command(ana.socket, { type: 'play', sessionId: anaFork.sessionId })).ok).toBe(true);
    } finally {
      closeAll([teacher, ana]);
    }
  });

  it("FORK-4: pausing the class leaves the teacher's own forks alone, so the teacher can demo while the class waits", async () => {
    const created = await createClass(server.url);
    const teacher = await connect(server.url, teacherAuth(created));
    const ana = await connect(server.url, { role: 'student', code: created.code, name: 'Ana' });
    try {
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
      const anaCopy = await fork(ana.socket, teachersFork.sessionId);
      expect(anaCopy.frozen).toBe(true);
      const refused = await command(ana.socket, { type: 'play', sessionId: anaCopy.sessionId });
      expect(refused.ok ? null : refused.error.code).toBe(ErrorCode.forksFrozen);
      // a fork the teacher makes while the class is paused is theirs to drive at once
      const later = await fork(teacher.socket, anaFork.sessionId);
      expect(later.frozen).toBe(false);
      expect((await command(teacher.socket, { type: 'play', sessionId: later.sessionId })).ok).toBe(true);
      expect(teacher.welcome.participantId).toBe(held.ownerId);
    } finally {
      closeAll([teacher, ana]);
    }
  });

  it('PERM-4: deleting a fork tells its owner and the teacher, and frees a fork slot', async () => {
    const created = await createClass(server.url);
    const teacher = await connect(server.url, teacherAuth(created));
    const ana = await connect(server.url, { role: 'student', code: created.code, name: 'Ana' });
    try {
      const first = await fork(ana.socket, created.sessionId);
      await fork(ana.socket, created.sessionId);
      const teacherHears = nextEvent<{ sessionId: string }>(teacher.socket, 'forkRemoved');
      expect((await command(ana.socket, { type: 'deleteFork', sessionId: first.sessionId })).ok).toBe(true);
      expect((await teacherHears).sessionId).toBe(first.sessionId);
      expect((await command(ana.socket, { type: 'watch', sessionId: first.sessionId })).ok).toBe(false);
      await fork(ana.socket, created.sessionId);
    } finally {
      closeAll([teacher, ana]);
    }
  });
});
