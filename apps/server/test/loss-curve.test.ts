import { mergeLossTail, type LossHistory } from '@playroom/engine';
import {
  decodeSnapshot,
  sessionViewFromState,
  withSnapshot,
  type SessionUpdate,
  type SessionView,
  type SnapshotMessage,
} from '@playroom/protocol';
import type { Socket } from 'socket.io-client';
import { describe, expect, it } from 'vitest';
import { command, nextEvent, useServer, withClass } from './harness';

const server = useServer();

/** What a browser holds of the class session: its welcome, then every snapshot folded in the web store's way. */
function follow(socket: Socket, initial: SessionView): { beforeUpdate: Promise<SessionView> } {
  let view = initial;
  socket.on('snapshot', (message: SnapshotMessage) => {
    if (message.sessionId === view.sessionId) view = withSnapshot(view, decodeSnapshot(message.bytes));
  });
  // the copy as it was when the teacher's pause arrived (a `session` update replaces it, STATE-1)
  const beforeUpdate = new Promise<SessionView>((resolve) =>
    socket.on('session', (update: SessionUpdate) => {
      if (update.cause === 'pause') resolve(view);
    }),
  );
  return { beforeUpdate };
}

/** A curve as it travels in snapshots: losses as Float32. */
const asFloat32 = (history: LossHistory): LossHistory => ({
  stride: history.stride,
  points: history.points.map((p) => ({
    epoch: p.epoch,
    trainLoss: p.trainLoss === null ? null : Math.fround(p.trainLoss),
    testLoss: p.testLoss === null ? null : Math.fround(p.testLoss),
  })),
});

describe('one loss history (STATE-3)', () => {
  it('a watcher since the start and a late joiner hold the server\'s own curve, point for point', async () => {
    await withClass(server, { students: ['Early'] }, async ({ created, teacher, students: [early], join }) => {
      const earlyCopy = follow(early.socket, sessionViewFromState(early.welcome.classSession));
      await command(teacher.socket, { type: 'setSpeed', sessionId: created.sessionId, speed: 300 });
      await command(teacher.socket, { type: 'play', sessionId: created.sessionId });
      // long enough that the server's stride has doubled several times (256 points at most)
      await nextEvent(teacher.socket, 'snapshot', (m: SnapshotMessage) => decodeSnapshot(m.bytes).epoch >= 1500, 30_000);
      const late = await join('Late');
      const lateCopy = follow(late.socket, sessionViewFromState(late.welcome.classSession));
      await nextEvent(teacher.socket, 'snapshot', (m: SnapshotMessage) => decodeSnapshot(m.bytes).epoch >= 2500, 30_000);
      const [paused] = await Promise.all([
        nextEvent<SessionUpdate>(early.socket, 'session', (u) => u.cause === 'pause'),
        command(teacher.socket, { type: 'pause', sessionId: created.sessionId }),
      ]);
      const serverCurve = paused.state.lossHistory;
      expect(serverCurve.stride).toBeGreaterThanOrEqual(8);
      for (const copy of [await earlyCopy.beforeUpdate, await lateCopy.beforeUpdate]) {
        expect(copy.epoch).toBeGreaterThan(2000);
        // what the copy lacks is only what the server recorded after its last snapshot
        expect(copy.lossHistory.stride).toBeGreaterThanOrEqual(serverCurve.stride / 2);
        expect(asFloat32(mergeLossTail(copy.lossHistory, serverCurve.points))).toEqual(asFloat32(serverCurve));
      }
    });
  });
});
