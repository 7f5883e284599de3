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
  it(`SNAP-5: RSS stays within ±10 % over 3 minutes of a class training with ${WATCHERS} watchers`, async () => {
    const server = await spawnServer(tempDataDir(), GC_ENV);
    const room = await startClass({ url: server.url }, { config: { hiddenLayers: [8, 8, 8] }, students: Array.from({ length: WATCHERS - 1 }, (_, i) => `S${i}`) });
    try {
      let snapshots = 0;
      for (const client of [room.teacher, ...room.students]) client.socket.on('snapshot', () => snapshots++);
      expect((await command(room.teacher.socket, { type: 'play', sessionId: room.created.sessionId })).ok).toBe(true);
      await sleep(WARM_UP_MS);
      // the first collected reading still gives back warm-up pages: the baseline is the second, one sample later
      await gcAndRssMb(server.child.pid!);
      const samples: number[] = [];
      const started = Date.now();
      while (Date.now() - started < SOAK_MS) {
        await sleep(SAMPLE_MS);
        samples.push(await gcAndRssMb(server.child.pid!));
      }
      const dropped = await metricValue(server.url, 'playroom_snapshot_frames_dropped_total');
      const baseline = samples.shift()!;
      const highest = Math.max(...samples);
      console.log(
        `RSS soak: baseline ${baseline.toFixed(0)} MB, samples ${samples.map((s) => s.toFixed(0)).join(' ')} MB, ` +
          `highest ${((highest / baseline - 1) * 100).toFixed(1)} %; ${snapshots} snapshots received, ${dropped} dropped`,
      );
      expect(snapshots).toBeGreaterThan(WATCHERS * 10 * (SOAK_MS / 1000));
      for (const sample of samples) expect(Math.abs(sample / baseline - 1)).toBeLessThan(0.1);
    } finally {
      room.close();
      server.child.kill('SIGTERM');
      await server.exited;
    }
  }, 240_000);
});
