import { describe, expect, it } from 'vitest';
import { command, startClass, tempDataDir } from './harness';
import { GC_ENV, gcAndRssMb, metricValue, sleep } from './memory';
import { spawnServer } from './server-process';

/*
 * Issue 8, finding 0(b): a class training with 30 watchers for three minutes
 * keeps the server's RSS flat. socket.io's connection state recovery used to
 * keep every snapshot sent to every socket for its two-minute window (RSS
 * +57 % in 5 minutes for 5 small classes); snapshots are volatile (SNAP-5)
 * and no longer enter that buffer (RecoveryAdapter). Each reading follows a
 * full GC in the server (gc-on-signal.cjs), so it is what the server keeps.
 * About 3.5 minutes.
 */
const WATCHERS = 30;
const WARM_UP_MS = 25_000;
const SOAK_MS = 180_000;
const SAMPLE_MS = 10_000;

describe('memory soak', () => {
  it(`SNAP-5: RSS does not climb by 10 % over 3 minutes of a class training with ${WATCHERS} watchers`, async () => {
    const server = await spawnServer(tempDataDir(), GC_ENV);
    const room = await startClass({ url: server.url }, { config: { hiddenLayers: [8, 8, 8] }, students: Array.from({ length: WATCHERS - 1 }, (_, i) => `S${i}`) });
    try {
      let snapshots = 0;
      for (const client of [room.teacher, ...room.students]) client.socket.on('snapshot', () => snapshots++);
      expect((await command(room.teacher.socket, { type: 'play', sessionId: room.created.sessionId })).ok).toBe(true);
      await sleep(WARM_UP_MS);
      // a first collected reading, so the samples start from what the server keeps
      await gcAndRssMb(server.child.pid!);
      const samples: number[] = [];
      const started = Date.now();
      while (Date.now() - started < SOAK_MS) {
        await sleep(SAMPLE_MS);
        samples.push(await gcAndRssMb(server.child.pid!));
      }
      const dropped = await metricValue(server.url, 'playroom_snapshot_frames_dropped_total');
      // A leak climbs; giving pages back to the OS only lowers RSS. So the
      // lowest reading of the first half is the floor, and no reading of the
      // second half may stand 10 % above it (before the fix: +19 %).
      const half = Math.floor(samples.length / 2);
      const floor = Math.min(...samples.slice(0, half));
      const highestLater = Math.max(...samples.slice(half));
      const growth = highestLater / floor - 1;
      console.log(
        `RSS soak: samples ${samples.map((s) => s.toFixed(0)).join(' ')} MB; floor of the first half ${floor.toFixed(0)} MB, ` +
          `highest of the second half ${highestLater.toFixed(0)} MB (${(growth * 100).toFixed(1)} %); ${snapshots} snapshots received, ${dropped} dropped`,
      );
      expect(snapshots).toBeGreaterThan(WATCHERS * 10 * (SOAK_MS / 1000));
      expect(growth).toBeLessThan(0.1);
    } finally {
      room.close();
      server.child.kill('SIGTERM');
      await server.exited;
    }
  }, 240_000);
});
