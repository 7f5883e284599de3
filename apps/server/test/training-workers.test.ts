import { createTrainer, DEFAULT_CONFIG, type TrainerConfig } from '@playroom/engine';
import type { CommandAck, SessionUpdate } from '@playroom/protocol';
import { describe, expect, it } from 'vitest';
import { command, liveSession, fork, nextEvent, useServer, until, withClass } from './harness';

/*
 * TRAINING_WORKERS: worker threads train the sessions; the main thread
 * keeps the sessions, answers commands in order, and sends snapshots.
 */

const server = useServer({ trainingWorkers: 2 });
const pool = () => server.app.playroom.trainingPool!;

const sessionById = (id: string) => liveSession(server, id);


describe('training workers', () => {
  it('a class session and its forks are trained by the workers, not the main thread', async () => {
    await withClass(server, { students: ['Ana', 'Ben'] }, async ({ created, teacher, students }) => {
      await until('the workers', () => pool().ready);
      const { metrics } = server.app.playroom;
      const before = { all: metrics.epochsTotal, byWorkers: pool().epochsTrainedByWorkers };
      const forks = [];
      for (const student of students) forks.push(await fork(student.socket, created.sessionId));
      for (const [i, student] of students.entries()) expect((await command(student.socket, { type: 'play', sessionId: forks[i]!.sessionId })).ok).toBe(true);
      expect((await command(teacher.socket, { type: 'play', sessionId: created.sessionId })).ok).toBe(true);
      const sessions = [created.sessionId, ...forks.map((f) => f.sessionId)].map(sessionById);
      await until('every session training', () => sessions.every((s) => s.epoch >= 30));
      // every epoch counted since the workers were ready came from a worker's round; they are threads other than the main one
      expect(metrics.epochsTotal - before.all).toBe(pool().epochsTrainedByWorkers - before.byWorkers);
      expect(metrics.epochsTotal - before.all).toBeGreaterThanOrEqual(90);
      expect(pool().threadIds().every((id) => id !== null && id !== 0)).toBe(true);
      // one class: all its sessions in one worker (LIM-9 shares hold there)
      expect(pool().load().map((l) => l.sessions).sort()).toEqual([0, 3]);
      const text = await (await fetch(`${server.url}/metrics`)).text();
      expect(text).toMatch(/playroom_training_worker_sessions\{worker="\d"\} 3/);
      for (const [i, student] of students.entries()) await command(student.socket, { type: 'pause', sessionId: forks[i]!.sessionId });
      await command(teacher.socket, { type: 'pause', sessionId: created.sessionId });
    });
  });

  it('commands keep their order and acks while a worker steps; the step is the engine’s epochs bit for bit', async () => {
    await withClass(server, {}, async ({ created, teacher }) => {
      const sessionId = created.sessionId;
      const acks = await Promise.all([
        command(teacher.socket, { type: 'setConfig', sessionId, patch: { learningRate: 0.1 } }),
        command<CommandAck<'step'>>(teacher.socket, { type: 'step', sessionId, epochs: 100 }),
        command(teacher.socket, { type: 'setSpeed', sessionId, speed: 30 }),
      ]);
      expect(acks.map((a) => a.ok)).toEqual([true, true, true]);
      const clocks = acks.map((a) => (a.ok && 'clock' in a ? a.clock : 0));
      expect(clocks).toEqual([...clocks].sort((a, b) => a - b));
      const done = await nextEvent<SessionUpdate>(teacher.socket, 'session', (u) => u.cause === 'step', 30_000);
      expect(done.state.epoch).toBe(100);
      const trainer = createTrainer({ ...DEFAULT_CONFIG, learningRate: 0.1 } as TrainerConfig);
      for (let i = 0; i < 100; i++) trainer.trainEpoch();
      expect(done.state.params).toEqual(Array.from(trainer.network.params));
    });
  });

  it('a worker that dies is replaced, logged and counted; the class trains on from its last round', async () => {
    await withClass(server, {}, async ({ created, teacher }) => {
      expect((await command(teacher.socket, { type: 'play', sessionId: created.sessionId })).ok).toBe(true);
      const session = sessionById(created.sessionId);
      await until('training', () => session.epoch >= 20);
      const worker = pool().load().findIndex((l) => l.sessions === 1);
      await pool().terminateWorkerForTest(worker);
      const atCrash = session.epoch;
      await until('training again', () => session.epoch >= atCrash + 30);
      expect(pool().workersReplaced).toBe(1);
      expect(await (await fetch(`${server.url}/metrics`)).text()).toMatch(/playroom_training_workers_replaced_total 1/);
      const watched = await command<CommandAck<'watch'>>(teacher.socket, { type: 'watch', sessionId: created.sessionId });
      expect(watched.ok).toBe(true);
      await command(teacher.socket, { type: 'pause', sessionId: created.sessionId });
    });
  });
});
