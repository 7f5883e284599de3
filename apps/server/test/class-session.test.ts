import {
  SessionUpdateSchema,
  createValidator,
  decodeSnapshot,
  type CommandAck,
  type SessionUpdate,
  type Snapshot,
  type SnapshotMessage,
} from '@playroom/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeAll, command, connect, createClass, nextEvent, startServer, stepAndWait, teacherAuth, type Client, type TestServer } from './harness';

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => {
  await server.close();
});

describe('a class of 30', () => {
  it('CMD-2/CMD-3/SNAP-2: every student receives the teacher’s changes, and snapshots decode to the server’s weights', async () => {
    const created = await createClass(server.url);
    const teacher = await connect(server.url, teacherAuth(created));
    const students: Client[] = [];
    for (let i = 0; i < 30; i++) {
      students.push(await connect(server.url, { role: 'student', code: created.code, name: `Student ${i + 1}` }));
    }
    try {
      const classId = created.sessionId;
      for (const student of students) {
        expect(student.welcome.classSession.sessionId).toBe(classId);
        expect(student.welcome.participantToken).toMatch(/^[A-Za-z0-9_-]{32}$/);
      }
      const lastStudent = students[students.length - 1]!;
      expect(lastStudent.welcome.roster.filter((p) => p.role === 'student')).toHaveLength(30);

      // learning rate: keeps the weights (rule CMD-2)
      const before = teacher.welcome.classSession.params;
      const rateUpdates = students.map(({ socket }) =>
        nextEvent<SessionUpdate>(socket, 'session', (u) => u.cause === 'setConfig' && u.state.config.learningRate === 0.1),
      );
      const rateAck = await command(teacher.socket, { type: 'setConfig', sessionId: classId, patch: { learningRate: 0.1 } });
      expect(rateAck).toMatchObject({ ok: true, effect: 'keep' });
      for (const update of await Promise.all(rateUpdates)) {
        expect(update.state.params).toEqual(before);
        expect(update.by).toBe(teacher.welcome.participantId);
      }

      // network shape: rebuilds it
      const shapeUpdates = students.map(({ socket }) =>
        nextEvent<SessionUpdate>(socket, 'session', (u) => u.cause === 'setConfig' && u.state.config.hiddenLayers.length === 3),
      );
      const shapeAck = await command(teacher.socket, {
        type: 'setConfig',
        sessionId: classId,
        patch: { hiddenLayers: [5, 4, 3] },
      });
      expect(shapeAck).toMatchObject({ ok: true, effect: 'rebuild' });
      for (const update of await Promise.all(shapeUpdates)) {
        expect(update.state.layerSizes).toEqual([2, 5, 4, 3, 1]);
        expect(update.state.epoch).toBe(0);
        expect(update.state.config.learningRate).toBe(0.1);
      }

      // play: every student's snapshots advance
      const firstSnapshots = students.map(({ socket }) =>
        nextEvent<SnapshotMessage>(socket, 'snapshot', (s) => s.sessionId === classId && decodeSnapshot(s.bytes).epoch > 0),
      );
      expect((await command(teacher.socket, { type: 'play', sessionId: classId })).ok).toBe(true);
      const first = (await Promise.all(firstSnapshots)).map((s) => decodeSnapshot(s.bytes));
      const later = (
        await Promise.all(
          students.map(({ socket }, i) =>
            nextEvent<SnapshotMessage>(socket, 'snapshot', (s) => decodeSnapshot(s.bytes).epoch > first[i]!.epoch),
          ),
        )
      ).map((s) => decodeSnapshot(s.bytes));
      for (let i = 0; i < later.length; i++) expect(later[i]!.clock).toBeGreaterThan(first[i]!.clock);

      // pause, then the last snapshot everyone holds equals Math.fround of the server's Float64 weights
      const paused = students.map(({ socket }) => nextEvent<SessionUpdate>(socket, 'session', (u) => u.cause === 'pause'));
      const pauseAck = (await command(teacher.socket, { type: 'pause', sessionId: classId })) as CommandAck<'pause'>;
      expect(pauseAck.ok).toBe(true);
      await Promise.all(paused);
      const session = server.app.playroom.registry.byId(classId)!.classSession;
      const expected = Array.from(session.params, Math.fround);
      await stepAndWait(teacher.socket, classId);
      const stepped = Array.from(session.params, Math.fround);
      expect(stepped).not.toEqual(expected);
      const snapshots: Snapshot[] = (
        await Promise.all(
          students.map(({ socket }) =>
            nextEvent<SnapshotMessage>(socket, 'snapshot', (s) => decodeSnapshot(s.bytes).epoch === session.epoch),
          ),
        )
      ).map((s) => decodeSnapshot(s.bytes));
      for (const snapshot of snapshots) {
        expect(Array.from(snapshot.params)).toEqual(stepped);
        expect(snapshot.layerSizes).toEqual([2, 5, 4, 3, 1]);
        expect(snapshot.playing).toBe(false);
      }
    } finally {
      closeAll([teacher, ...students]);
    }
  });

  it('JOIN-1: a late joiner gets the full state, equal to what the server holds', async () => {
    const created = await createClass(server.url);
    const teacher = await connect(server.url, teacherAuth(created));
    try {
      await stepAndWait(teacher.socket, created.sessionId, 25);
      await command(teacher.socket, { type: 'setBias', sessionId: created.sessionId, layer: 1, to: 0, value: 0.75 });
      const late = await connect(server.url, { role: 'student', code: created.code, name: 'Late' });
      const session = server.app.playroom.registry.byId(created.sessionId)!.classSession;
      const state = late.welcome.classSession;
      expect(state.epoch).toBe(25);
      expect(state.params).toEqual(Array.from(session.params));
      expect(state.config).toEqual(session.config);
      expect(state.lossHistory.points.length).toBe(25);
      expect(late.welcome.roster.map((p) => p.name)).toEqual(['Ms Li', 'Late']);
      late.socket.close();
    } finally {
      teacher.socket.close();
    }
  });

  it('TRAIN-3: a student watching the class hears which way training diverged (kind), in a payload the schema accepts', async () => {
    const created = await createClass(server.url, 'Ms Li', { activation: 'tanh', learningRate: 10 });
    const teacher = await connect(server.url, teacherAuth(created));
    const student = await connect(server.url, { role: 'student', code: created.code, name: 'Ana' });
    try {
      const heard = nextEvent<SessionUpdate>(student.socket, 'session', (u) => u.cause === 'diverged');
      await command(teacher.socket, { type: 'step', sessionId: created.sessionId, epochs: 200 });
      const update = await heard;
      expect(update.state.metrics.diverged).toMatchObject({ kind: 'saturated' });
      expect(createValidator(SessionUpdateSchema)(update)).toMatchObject({ ok: true });
    } finally {
      closeAll([teacher, student]);
    }
  });

  it('SNAP-2: a network without input features still trains and streams', async () => {
    const created = await createClass(server.url, 'Ms Li', { features: [] });
    const teacher = await connect(server.url, teacherAuth(created));
    try {
      expect(teacher.welcome.classSession.layerSizes[0]).toBe(0);
      await command(teacher.socket, { type: 'play', sessionId: created.sessionId });
      const message = await nextEvent<SnapshotMessage>(teacher.socket, 'snapshot', (s) => decodeSnapshot(s.bytes).epoch > 0);
      expect(decodeSnapshot(message.bytes).layerSizes).toEqual([0, 4, 2, 1]);
    } finally {
      teacher.socket.close();
    }
  });
});
