import { decodeSnapshot, encodeSnapshot, type SnapshotMessage } from '@playroom/protocol';
import { describe, expect, it } from 'vitest';
import type { EncodedSnapshot } from '../src/classroom/session-snapshots';
import { sessionIdentity } from '../src/classroom/session-identity.fixture';
import type { TrainingSession } from '../src/classroom/training-session';
import { command, liveSession, useServer, until, withClass } from './harness';
import { metricValue } from './memory';

/*
 * Issue 10: "snapshots come back as transferable buffers, already encoded".
 * A training worker encodes each session's snapshot with its round; the
 * main thread writes in only its clock (SNAP-3) and its loss tail
 * (STATE-3), and sends the worker's bytes only while the session is as it
 * adopted them (a command since, and the main thread encodes).
 */

const server = useServer({ trainingWorkers: 2 });
const pool = () => server.app.playroom.trainingPool!;
const sessionById = (id: string) => liveSession(server, id);


interface PumpedSnapshot {
  clock: number;
  sent: EncodedSnapshot;
  /** the main thread's own encoding of the session at the same moment, with the same loss tail */
  expected: Uint8Array;
  /** the session's loss history then */
  history: { epoch: number; trainLoss: number | null; testLoss: number | null }[];
}

/**
 * What the pump takes from `session` each round, and beside it the main
 * thread's encoding of an exact copy of the session at that moment
 * (`forkAs`: the trainer's state, bit for bit; its losses measured here).
 */
function recordPumped(session: TrainingSession): { pumped: PumpedSnapshot[]; stop: () => void } {
  const pumped: PumpedSnapshot[] = [];
  const next = session.nextSnapshot.bind(session);
  session.nextSnapshot = () => {
    const copy = session.forkAs(sessionIdentity('copy'));
    const sent = next();
    const { lossTail } = decodeSnapshot(sent.bytes);
    const input = { ...copy.nextSnapshotInput(), clock: session.clock, playing: session.playing, lossTail };
    pumped.push({ clock: session.clock, sent, expected: new Uint8Array(encodeSnapshot(input)), history: session.toState().lossHistory.points });
    return sent;
  };
  return { pumped, stop: () => (session.nextSnapshot = next) };
}

describe('snapshots encoded by the training workers', () => {
  it('a watcher gets the bytes encodeSnapshot gives for the session at that clock, encoded in a worker', async () => {
    await withClass(server, { students: ['Ana'] }, async ({ created, teacher, students }) => {
      await until('the workers', () => pool().ready);
      const session = sessionById(created.sessionId);
      const received = new Map<number, Uint8Array>();
      students[0].socket.on('snapshot', (message: SnapshotMessage) => {
        if (message.sessionId === created.sessionId) received.set(decodeSnapshot(message.bytes).clock, new Uint8Array(message.bytes));
      });
      const byWorkersBefore = await metricValue(server.url, 'playroom_snapshots_encoded_by_workers_total');
      const { pumped, stop } = recordPumped(session);
      try {
        expect((await command(teacher.socket, { type: 'play', sessionId: created.sessionId })).ok).toBe(true);
        await until('worker-encoded snapshots', () => pumped.filter((p) => p.sent.byWorker).length >= 10);
      } finally {
        stop();
      }
      await command(teacher.socket, { type: 'pause', sessionId: created.sessionId });
      const byWorker = pumped.filter((p) => p.sent.byWorker);
      // playing, rounds adopted between snapshot rounds: nearly every snapshot comes from a worker
      expect(byWorker.length).toBeGreaterThanOrEqual(pumped.length / 2);
      for (const p of pumped) {
        // byte for byte the main thread's encoding of the same state, with its clock (SNAP-3)
        expect(new Uint8Array(p.sent.bytes)).toEqual(p.expected);
        // the tail is the session's own history's newest points (STATE-3)
        const { lossTail, epoch } = decodeSnapshot(p.sent.bytes);
        const points = p.history.filter((point) => lossTail.some((t) => t.epoch === point.epoch));
        expect(lossTail.map((t) => t.epoch)).toEqual(points.map((point) => point.epoch));
        expect(lossTail.map((t) => t.trainLoss)).toEqual(points.map((point) => point.trainLoss === null ? null : Math.fround(point.trainLoss)));
        expect(lossTail.at(-1)?.epoch ?? epoch).toBeLessThanOrEqual(epoch);
      }
      // what the watcher received is what was pumped
      const delivered = byWorker.filter((p) => received.has(p.clock));
      expect(delivered.length).toBeGreaterThanOrEqual(5);
      for (const p of delivered) expect(received.get(p.clock)).toEqual(new Uint8Array(p.sent.bytes));
      const byWorkersAfter = await metricValue(server.url, 'playroom_snapshots_encoded_by_workers_total');
      expect(byWorkersAfter - byWorkersBefore).toBeGreaterThanOrEqual(byWorker.length);
    });
  });

  it('after a command the next snapshot carries its change, not the worker bytes of before', async () => {
    await withClass(server, { students: ['Ana'] }, async ({ created, teacher, students }) => {
      await until('the workers', () => pool().ready);
      const session = sessionById(created.sessionId);
      const snapshots: { clock: number; params: Float32Array }[] = [];
      students[0].socket.on('snapshot', (message: SnapshotMessage) => {
        if (message.sessionId !== created.sessionId) return;
        const { clock, params } = decodeSnapshot(message.bytes);
        snapshots.push({ clock, params });
      });
      const { pumped, stop } = recordPumped(session);
      try {
        expect((await command(teacher.socket, { type: 'play', sessionId: created.sessionId })).ok).toBe(true);
        await until('worker-encoded snapshots', () => pumped.filter((p) => p.sent.byWorker).length >= 5);
        const index = session.network.weightIndex(1, 0, 0);
        const before = session.params[index]!;
        const value = before > 0 ? before - 3 : before + 3;
        const ack = await command(teacher.socket, { type: 'setWeight', sessionId: created.sessionId, layer: 1, to: 0, from: 0, value });
        expect(ack.ok).toBe(true);
        const clock = ack.ok && 'clock' in ack ? ack.clock : Number.NaN;
        await until('a snapshot after the change', () => snapshots.some((s) => s.clock >= clock));
        const next = snapshots.find((s) => s.clock >= clock)!;
        // training since may have moved it a little; the weight of before is 3 away
        expect(Math.abs(next.params[index]! - value)).toBeLessThan(0.5);
        // the first snapshot after the command is the main thread's: the worker's bytes were of the session before it
        const firstAfter = pumped.find((p) => p.clock >= clock)!;
        expect(firstAfter.sent.byWorker).toBe(false);
        expect(new Uint8Array(firstAfter.sent.bytes)).toEqual(firstAfter.expected);
        // and the workers encode again once they trained from the change
        await until('worker-encoded snapshots after the change', () => pumped.some((p) => p.clock > clock && p.sent.byWorker));
      } finally {
        stop();
      }
      await command(teacher.socket, { type: 'pause', sessionId: created.sessionId });
    });
  });
});
