import { createTrainer, DEFAULT_CONFIG, type TrainerConfig } from '@playroom/engine';
import { decodeSnapshot, type CommandAck, type SessionUpdate, type SnapshotMessage } from '@playroom/protocol';
import { describe, expect, it } from 'vitest';
import { command, nextEvent, useServer, withClass } from './harness';

/*
 * Rule CMD-8: a `step` is acked when queued and trained by the scheduler in
 * slices, so a 1,000-epoch step on the largest network never holds the
 * event loop: the same socket's next commands are answered while it runs.
 */

const LARGEST: Partial<TrainerConfig> = {
  dataset: 'spiral',
  features: ['x1', 'x2', 'x1sq', 'x2sq', 'x1x2', 'sinx1', 'sinx2'],
  hiddenLayers: [8, 8, 8, 8, 8, 8],
};

const server = useServer();

describe('step', () => {
  it('CMD-8: commands sent during a 1,000-epoch step on the largest network are answered before it is done', async () => {
    await withClass(server, { config: LARGEST, students: ['Ana'] }, async ({ created, teacher, students: [student] }) => {
      const done = nextEvent<SessionUpdate>(teacher.socket, 'session', (u) => u.cause === 'step', 60_000);
      let finished = false;
      void done.then(() => (finished = true));
      const ack = await command<CommandAck<'step'>>(teacher.socket, { type: 'step', sessionId: created.sessionId, epochs: 1000 });
      expect(ack).toMatchObject({ ok: true, epoch: 0, pending: 1000 });

      // training has visibly started (a snapshot mid-step), then the loop keeps answering
      await nextEvent<SnapshotMessage>(student.socket, 'snapshot', (s) => decodeSnapshot(s.bytes).epoch > 0, 30_000);
      const answeredMidStep: number[] = [];
      while (!finished) {
        const watched = await command<CommandAck<'watch'>>(teacher.socket, { type: 'watch', sessionId: created.sessionId });
        if (!watched.ok) throw new Error('watch refused');
        if (!finished && watched.session.epoch < 1000) answeredMidStep.push(watched.session.epoch);
        await new Promise((resolve) => setTimeout(resolve, 30)); // within the per-socket command budget (LIM-1)
      }
      // acks arrived in order with the step's progress, from several points inside it
      expect(answeredMidStep.length).toBeGreaterThanOrEqual(2);
      expect(answeredMidStep).toEqual([...answeredMidStep].sort((a, b) => a - b));
      expect(answeredMidStep[0]!).toBeGreaterThan(0);

      const update = await done;
      expect(update.by).toBe(teacher.welcome.participantId);
      expect(update.state.epoch).toBe(1000);
      expect(update.state.playing).toBe(false);
      // sliced or not, the step is the engine's 1,000 epochs, bit for bit
      const trainer = createTrainer({ ...DEFAULT_CONFIG, ...LARGEST } as TrainerConfig);
      for (let i = 0; i < 1000; i++) trainer.trainEpoch();
      expect(update.state.params).toEqual(Array.from(trainer.network.params));
    });
  });

  it('CMD-8: pause drops what is left of a step; steps add up to at most 1,000 pending', async () => {
    await withClass(server, { config: LARGEST }, async ({ created, teacher }) => {
      const first = await command<CommandAck<'step'>>(teacher.socket, { type: 'step', sessionId: created.sessionId, epochs: 700 });
      const second = await command<CommandAck<'step'>>(teacher.socket, { type: 'step', sessionId: created.sessionId, epochs: 700 });
      expect(first.ok && second.ok).toBe(true);
      if (first.ok && second.ok) {
        expect(first.pending).toBe(700);
        // whatever ran in between, the second step adds up to the cap
        expect(second.pending).toBe(1000);
      }
      const paused = await command(teacher.socket, { type: 'pause', sessionId: created.sessionId });
      expect(paused.ok).toBe(true);
      const session = server.app.playroom.registry.byId(created.sessionId)!.classSession;
      expect(session.pendingSteps).toBe(0);
      const epochAtPause = session.epoch;
      expect(epochAtPause).toBeLessThan(1000);
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(session.epoch).toBe(epochAtPause);
    });
  });
});
