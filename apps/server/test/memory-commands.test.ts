import { describe, expect, it } from 'vitest';
import { checkedAck, command, fork, startClass, tempDataDir } from './harness';
import { GC_ENV, gcAndRssMb, sleep } from './memory';
import { spawnServer } from './server-process';

/*
 * Issue 8, finding 0(c): command traffic must not multiply memory. A student
 * sending ~19 setConfig a second (just under LIM-1's 20) on a fork with the
 * most custom points a config may hold (2,000) made every update a full state
 * of ~100 KB for each watcher, and socket.io's recovery buffer kept each one
 * for two minutes: RSS went from ~160 to ~491 MB in 20 s. Now the updates
 * of a session are coalesced per snapshot round (CMD-3) and the buffer keeps
 * only the newest state of a session (RecoveryAdapter).
 */
const POINTS = Array.from({ length: 2000 }, (_, i) => ({
  x: Math.round((((i * 37) % 200) / 20 - 5) * 1000) / 1000,
  y: Math.round((((i * 91) % 200) / 20 - 5) * 1000) / 1000,
  label: i % 2 === 0 ? 1 : -1,
}));
/**
 * Bound on RSS growth over the 20 s. What the server now keeps of the fork is
 * one state (~0.2 MB) in the replay buffer; the rest is garbage V8 collects
 * as it goes; both readings follow a full collection, and 25 MB is room
 * for the allocator's slack. (Without the collection, one CI run read +38 MB
 * of not-yet-collected garbage where a quiet machine read +3.) Before the fix this run grew by 58 MB (every state kept for two
 * minutes; the finding's heavier run: +330 MB); after it, +3 MB.
 */
const MAX_GROWTH_MB = 25;

describe('memory under command traffic', () => {
  it('CMD-3/SNAP-5: 19 setConfig a second for 20 s on a fork with 2,000 custom points does not grow RSS by more than 25 MB', async () => {
    const server = await spawnServer(tempDataDir(), GC_ENV);
    const room = await startClass({ url: server.url }, { students: ['Ana'] });
    try {
      const [ana] = room.students;
      const forkId = (await fork(ana!.socket, room.created.sessionId)).sessionId;
      const drawn = await command(ana!.socket, { type: 'setConfig', sessionId: forkId, patch: { dataset: 'custom', customPoints: POINTS } });
      expect(drawn.ok).toBe(true);
      expect((await command(room.teacher.socket, { type: 'watch', sessionId: forkId })).ok).toBe(true);
      await sleep(2000);
      const before = await gcAndRssMb(server.child.pid!);

      let sent = 0;
      let refused = 0;
      const started = Date.now();
      while (Date.now() - started < 20_000) {
        // drawing: every change sends the whole set of points, one of them moved
        const customPoints = POINTS.map((p, i) => (i === sent % POINTS.length ? { ...p, x: -p.x } : p));
        const payload = { type: 'setConfig', sessionId: forkId, patch: { customPoints } };
        ana!.socket.emit('command', payload, checkedAck('command', [payload], (ack: { ok: boolean }) => !ack.ok && refused++));
        sent++;
        await sleep(1000 / 19);
      }
      await command(ana!.socket, { type: 'pause', sessionId: forkId });
      // after a full collection in the server (gc-on-signal.cjs): what it keeps, not what V8 has not yet collected
      const after = await gcAndRssMb(server.child.pid!);
      console.log(`RSS under command traffic: ${before.toFixed(0)} → ${after.toFixed(0)} MB (+${(after - before).toFixed(0)}) after ${sent} setConfig, ${refused} refused`);
      expect(refused).toBe(0);
      expect(after - before).toBeLessThan(MAX_GROWTH_MB);
    } finally {
      room.close();
      server.child.kill('SIGTERM');
      await server.exited;
    }
  }, 60_000);
});
