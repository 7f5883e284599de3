import {
  SessionUpdateSchema,
  createValidator,
  decodeSnapshot,
  type CommandAck,
  type SessionUpdate,
  type Snapshot,
  type SnapshotMessage,
} from '@playroom/protocol';
import { describe, expect, it } from 'vitest';
import { command, nextEvent, stepAndWait, useServer, withClass } from './harness';

const server = useServer();

describe('a class of 30', () => {
  it('CMD-2/CMD-3/SNAP-2: every student receives the teacher’s changes, and snapshots decode to the server’s weights', async () => {
    const names = Array.from({ length: 30 }, (_, i) => `Student ${i + 1}`);
    await withClass(server, { students: names }, async ({ created, teacher, students }) => {
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
    });
  });

  it('JOIN-1: a late joiner gets the full state, equal to what the server holds', async () => {
    await withClass(server, {}, async ({ created, teacher, join }) => {
      await stepAndWait(teacher.socket, created.sessionId, 25);
      await command(teacher.socket, { type: 'setBias', sessionId: created.sessionId, layer: 1, to: 0, value: 0.75 });
      const late = await join('Late');
      const session = server.app.playroom.registry.byId(created.sessionId)!.classSession;
      const state = late.welcome.classSession;
      expect(state.epoch).toBe(25);
      expect(state.params).toEqual(Array.from(session.params));
      expect(state.config).toEqual(session.config);
      expect(state.lossHistory.points.length).toBe(25);
      expect(late.welcome.roster.map((p) => p.name)).toEqual(['Ms Li', 'Late']);
    });
  });

  it('TRAIN-3: a student watching the class hears which way training diverged (kind), in a payload the schema accepts', async () => {
    const diverging = { activation: 'tanh', learningRate: 10 };
    await withClass(server, { config: diverging, students: ['Ana'] }, async ({ created, teacher, students: [student] }) => {
      const heard = nextEvent<SessionUpdate>(student.socket, 'session', (u) => u.cause === 'diverged');
      await command(teacher.socket, { type: 'step', sessionId: created.sessionId, epochs: 200 });
      const update = await heard;
      expect(update.state.metrics.diverged).toMatchObject({ kind: 'saturated' });
      expect(createValidator(SessionUpdateSchema)(update)).toMatchObject({ ok: true });
    });
  });

  it('SNAP-2: a network without input features still trains and streams', async () => {
    await withClass(server, { config: { features: [] } }, async ({ created, teacher }) => {
      expect(teacher.welcome.classSession.layerSizes[0]).toBe(0);
      await command(teacher.socket, { type: 'play', sessionId: created.sessionId });
      const message = await nextEvent<SnapshotMessage>(teacher.socket, 'snapshot', (s) => decodeSnapshot(s.bytes).epoch > 0);
      expect(decodeSnapshot(message.bytes).layerSizes).toEqual([0, 4, 2, 1]);
    });
  });
});
