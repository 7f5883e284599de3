import { createTrainer, DEFAULT_CONFIG, type TrainerConfig } from '@playroom/engine';
import { decodeSnapshot, type CommandAck, type SessionState, type SessionUpdate, type SnapshotMessage } from '@playroom/protocol';
import { describe, expect, it } from 'vitest';
import { command, fork, nextEvent, stepAndWait, useServer, withClass } from './harness';

/*
 * Rules SCRUB-1…SCRUB-4 over real sockets: the teacher looks back through the
 * class session's training, the class sees the checkpoint, and the session
 * goes on from there bit for bit, or back to now exactly.
 */

const CONFIG: Partial<TrainerConfig> = { dataset: 'xor', hiddenLayers: [4, 4], optimizer: { ...DEFAULT_CONFIG.optimizer, kind: 'adam' } };

/** The engine's own trainer after `epochs` epochs straight from the start. */
function straightParams(epochs: number): number[] {
  const trainer = createTrainer({ ...DEFAULT_CONFIG, ...CONFIG } as TrainerConfig);
  for (let i = 0; i < epochs; i++) trainer.trainEpoch();
  return Array.from(trainer.network.params);
}

const server = useServer();

describe('timeline', () => {
  it('SCRUB-2: every watcher sees the checkpoint exactly (state and snapshot); back to now restores exactly', async () => {
    await withClass(server, { config: CONFIG, students: ['Ana', 'Ben'] }, async ({ created, teacher, students }) => {
      const sessionId = created.sessionId;
      const trained = await stepAndWait(teacher.socket, sessionId, 80);
      expect(trained.state.timeline).toContain(40);
      expect(trained.state.scrubbedTo).toBeNull();

      const seen = students.map((s) => nextEvent<SessionUpdate>(s.socket, 'session', (u) => u.cause === 'scrub'));
      const snapshot = nextEvent<SnapshotMessage>(students[1]!.socket, 'snapshot', (m) => decodeSnapshot(m.bytes).epoch === 40);
      const ack = await command<CommandAck<'scrub'>>(teacher.socket, { type: 'scrub', sessionId, epoch: 40 });
      expect(ack.ok).toBe(true);
      const at40 = straightParams(40);
      for (const update of await Promise.all(seen)) {
        expect(update.state).toMatchObject({ epoch: 40, scrubbedTo: 40, playing: false, params: at40 });
        expect(update.state.lossHistory.points.at(-1)!.epoch).toBeLessThanOrEqual(40);
      }
      expect(Array.from(decodeSnapshot((await snapshot).bytes).params)).toEqual(at40.map(Math.fround));

      // a late watch sees the same, and storage still holds now
      const watched = await command<CommandAck<'watch'>>(students[0]!.socket, { type: 'watch', sessionId });
      expect(watched.ok && watched.session.scrubbedTo).toBe(40);

      const back = nextEvent<SessionUpdate>(students[0]!.socket, 'session', (u) => u.cause === 'scrub');
      expect((await command(teacher.socket, { type: 'scrub', sessionId, epoch: null })).ok).toBe(true);
      const now = (await back).state;
      expect({ ...now, clock: 0 }).toEqual({ ...trained.state, clock: 0 });
    });
  });

  it('SCRUB-3: resume from epoch E then K epochs equals E + K epochs straight, bit for bit', async () => {
    await withClass(server, { config: CONFIG }, async ({ created, teacher }) => {
      const sessionId = created.sessionId;
      await stepAndWait(teacher.socket, sessionId, 60);
      expect((await command(teacher.socket, { type: 'scrub', sessionId, epoch: 50 })).ok).toBe(true);
      expect((await command(teacher.socket, { type: 'scrub', sessionId, epoch: 30 })).ok).toBe(true);
      const resumed = nextEvent<SessionUpdate>(teacher.socket, 'session', (u) => u.cause === 'resumeFrom');
      expect((await command(teacher.socket, { type: 'resumeFrom', sessionId })).ok).toBe(true);
      expect((await resumed).state).toMatchObject({ epoch: 30, scrubbedTo: null, playing: false });
      expect((await resumed).state.timeline.at(-1)).toBe(30);
      const after = await stepAndWait(teacher.socket, sessionId, 25);
      expect(after.state.epoch).toBe(55);
      expect(after.state.params).toEqual(straightParams(55));
    });
  });

  it('SCRUB-2/3: an epoch that is no checkpoint and a resume at now are bad requests; play while looking back returns to now first (SCRUB-4)', async () => {
    await withClass(server, { config: CONFIG }, async ({ created, teacher }) => {
      const sessionId = created.sessionId;
      await stepAndWait(teacher.socket, sessionId, 20);
      expect(await command(teacher.socket, { type: 'scrub', sessionId, epoch: 21 })).toMatchObject({ ok: false, error: { code: 'badRequest', field: '/epoch' } });
      expect(await command(teacher.socket, { type: 'resumeFrom', sessionId })).toMatchObject({ ok: false, error: { code: 'badRequest' } });
      await command(teacher.socket, { type: 'scrub', sessionId, epoch: 5 });
      const played = nextEvent<SessionUpdate>(teacher.socket, 'session', (u) => u.cause === 'play');
      await command(teacher.socket, { type: 'play', sessionId });
      expect((await played).state.scrubbedTo).toBeNull();
      expect((await played).state.epoch).toBeGreaterThanOrEqual(20);
    });
  });

  it('PERM-1: a student cannot scrub the class session or another student\'s fork, and scrubs her own', async () => {
    await withClass(server, { config: CONFIG, students: ['Ana', 'Ben'] }, async ({ created, teacher, students: [ana, ben] }) => {
      await stepAndWait(teacher.socket, created.sessionId, 10);
      const anaFork = await fork(ana!.socket, created.sessionId);
      expect(await command(ana!.socket, { type: 'scrub', sessionId: created.sessionId, epoch: 5 })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
      expect(await command(ben!.socket, { type: 'scrub', sessionId: anaFork.sessionId, epoch: 10 })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
      expect(await command(ben!.socket, { type: 'resumeFrom', sessionId: anaFork.sessionId })).toMatchObject({ ok: false, error: { code: 'forbidden' } });

      const trained = await stepAndWait(ana!.socket, anaFork.sessionId, 30);
      expect(trained.state.timeline).toContain(25);
      const seen = nextEvent<SessionUpdate>(ana!.socket, 'session', (u) => u.cause === 'scrub');
      expect((await command(ana!.socket, { type: 'scrub', sessionId: anaFork.sessionId, epoch: 25 })).ok).toBe(true);
      expect((await seen).state).toMatchObject({ epoch: 25, scrubbedTo: 25, params: straightParams(25) });
      expect((await command(ana!.socket, { type: 'resumeFrom', sessionId: anaFork.sessionId })).ok).toBe(true);
      // the class session was not touched
      const cls = await command<CommandAck<'watch'>>(teacher.socket, { type: 'watch', sessionId: created.sessionId });
      expect(cls.ok && cls.session).toMatchObject({ epoch: 10, scrubbedTo: null });

      // a class that ends while a fork looks back ends with it at now (SCRUB-4, CMD-7)
      expect((await command(ana!.socket, { type: 'scrub', sessionId: anaFork.sessionId, epoch: 12 })).ok).toBe(true);
      const ended = nextEvent<{ forks?: SessionState[] }>(ana!.socket, 'classEnded');
      expect((await command(teacher.socket, { type: 'endClass' })).ok).toBe(true);
      expect((await ended).forks).toMatchObject([{ sessionId: anaFork.sessionId, epoch: 25, scrubbedTo: null }]);
    });
  });
});
