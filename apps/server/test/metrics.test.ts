import { describe, expect, it } from 'vitest';
import { command, nextEvent, startServer, useServer, withClass } from './harness';
import { metricValue, sleep } from './memory';

const server = useServer();

/** The /metrics text of a server. */
async function metricsText(url: string): Promise<string> {
  return (await fetch(`${url}/metrics`)).text();
}

describe('/metrics through prom-client', () => {
  it('REST-4: default process metrics, change-latency and snapshot-size histograms, and a registry per app', async () => {
    const other = await startServer();
    try {
      await withClass(server, { students: ['Ann'] }, async (room) => {
        const sessionId = room.created.sessionId;
        const update = nextEvent(room.students[0].socket, 'session');
        expect((await command(room.teacher.socket, { type: 'setConfig', sessionId, patch: { learningRate: 0.3 } })).ok).toBe(true);
        await update;
        expect((await command(room.teacher.socket, { type: 'play', sessionId })).ok).toBe(true);
        await sleep(500);
        const text = await metricsText(server.url);
        expect(text).toMatch(/^process_cpu_user_seconds_total \S+$/m);
        expect(text).toMatch(/^nodejs_heap_size_used_bytes \S+$/m);
        expect(text).toContain('# TYPE playroom_change_latency_seconds histogram');
        expect(await metricValue(server.url, 'playroom_change_latency_seconds_count')).toBeGreaterThanOrEqual(2);
        expect(await metricValue(server.url, 'playroom_snapshot_size_bytes_count')).toBeGreaterThan(0);
        expect(await metricValue(server.url, 'playroom_epochs_total')).toBeGreaterThan(0);
        expect(await metricValue(server.url, 'playroom_commands_total')).toBe(2);
      });
      // the other app in this process counts only its own (no global registry)
      expect(await metricValue(other.url, 'playroom_commands_total')).toBe(0);
      expect(await metricValue(other.url, 'playroom_epochs_total')).toBe(0);
    } finally {
      await other.close();
    }
  }, 30_000);

  it('REST-4: per-worker gauges come from the source the composition root gives, read at each scrape', async () => {
    // the composition root gave the training pool's (TRAINING_WORKERS): replaced here, an empty list shows no samples
    server.app.playroom.metrics.readWorkerLoadFrom(() => []);
    expect(await metricsText(server.url)).not.toMatch(/^playroom_training_worker_sessions\{/m);
    let sessions = 3;
    server.app.playroom.metrics.readWorkerLoadFrom(() => [
      { worker: '0', sessions, epochsPerSecond: 120, busyRatio: 0.5 },
      { worker: '1', sessions: 1, epochsPerSecond: 60, busyRatio: 0.25 },
    ]);
    try {
      expect(await metricsText(server.url)).toContain('playroom_training_worker_sessions{worker="0"} 3');
      sessions = 4;
      const text = await metricsText(server.url);
      expect(text).toContain('playroom_training_worker_sessions{worker="0"} 4');
      expect(text).toContain('playroom_training_worker_busy_ratio{worker="1"} 0.25');
    } finally {
      server.app.playroom.metrics.readWorkerLoadFrom(() => server.app.playroom.trainingPool?.load() ?? []);
    }
  });
});
