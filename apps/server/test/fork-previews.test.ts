import { Network, PLAYGROUND_FEATURES, decisionGrids, hiddenActivations } from '@playroom/engine';
import { PROTOCOL_LIMITS, decodeForkPreviews, type CommandAck, type ForkPreview, type ForkPreviewsMessage } from '@playroom/protocol';
import type { Socket } from 'socket.io-client';
import { describe, expect, it } from 'vitest';
import { command, fork, nextEvent, teacherAuth, useServer, withClass } from './harness';

const server = useServer({ maxForksPerParticipant: 2 });

/** Every byte of every websocket packet a client receives (engine.io packets, as they arrived). */
function countBytes(socket: Socket): { bytes(): number; reset(): void } {
  let total = 0;
  socket.io.engine.on('packet', (packet: { data?: unknown }) => {
    const data = packet.data;
    if (typeof data === 'string') total += Buffer.byteLength(data);
    else if (data instanceof ArrayBuffer || ArrayBuffer.isView(data)) total += data.byteLength;
  });
  return { bytes: () => total, reset: () => (total = 0) };
}

function previewsOf(message: ForkPreviewsMessage): ForkPreview[] {
  return decodeForkPreviews(message.bytes);
}

describe('fork previews (SUM-2)', () => {
  it('SUM-2: the teacher gets each changed fork’s weights, quantized, at most every 2 s; students never', async () => {
    await withClass(server, { students: ['Ana', 'Ben'] }, async ({ created, teacher, students: [ana, ben], connect }) => {
      const leaked: string[] = [];
      for (const student of [ana, ben]) student.socket.on('forkPreviews', () => leaked.push(student.welcome.name));
      const anaFork = await fork(ana.socket, created.sessionId);
      const benFork = await fork(ben.socket, created.sessionId);
      // a student watching the spotlighted fork is still no teacher
      expect((await command(teacher.socket, { type: 'spotlight', sessionId: anaFork.sessionId })).ok).toBe(true);
      expect((await command(ben.socket, { type: 'watch', sessionId: anaFork.sessionId })).ok).toBe(true);

      // first round: every fork (the socket has seen none)
      const first = previewsOf(await nextEvent<ForkPreviewsMessage>(teacher.socket, 'forkPreviews'));
      expect(first.map((p) => p.sessionId).sort()).toEqual([anaFork.sessionId, benFork.sessionId].sort());
      const ana0 = first.find((p) => p.sessionId === anaFork.sessionId)!;
      expect(ana0.shape).toEqual({ layerSizes: anaFork.layerSizes, hiddenActivations: hiddenActivations(anaFork.config), outputLoss: anaFork.config.outputLoss });
      expect(ana0.features).toEqual(anaFork.config.features);
      // 8 bits per layer: every weight within half a step of its layer's largest
      expect(ana0.params).toHaveLength(anaFork.params.length);
      const offsets = [0, ...anaFork.layerSizes.slice(1).map((_, i) => anaFork.layerSizes[i + 1]! * (anaFork.layerSizes[i]! + 1))];
      let start = 0;
      for (const length of offsets.slice(1)) {
        const layer = anaFork.params.slice(start, start + length);
        const scale = Math.max(...layer.map(Math.abs));
        layer.forEach((w, i) => expect(Math.abs(ana0.params[start + i]! - w)).toBeLessThanOrEqual(scale / 254 + 1e-6));
        start += length;
      }

      // only Ana trains: the next batches hold her fork only, one batch per interval at most
      const times: number[] = [];
      const batches: string[][] = [];
      const listener = (message: ForkPreviewsMessage) => {
        times.push(Date.now());
        batches.push(previewsOf(message).map((p) => p.sessionId));
      };
      const summarized: string[][] = [];
      const summaries = (update: { forks: { sessionId: string }[] }) => summarized.push(update.forks.map((f) => f.sessionId));
      teacher.socket.on('forkPreviews', listener);
      await command(ana.socket, { type: 'play', sessionId: anaFork.sessionId });
      teacher.socket.on('forks', summaries);
      await new Promise((r) => setTimeout(r, 5_000));
      teacher.socket.off('forkPreviews', listener);
      teacher.socket.off('forks', summaries);
      // SUM-1: the summaries too are of the forks that moved only
      expect(summarized.length).toBeGreaterThanOrEqual(4);
      for (const ids of summarized) expect(ids).toEqual([anaFork.sessionId]);
      expect(batches.length).toBeGreaterThanOrEqual(2);
      expect(batches.length).toBeLessThanOrEqual(3);
      for (const batch of batches) expect(batch).toEqual([anaFork.sessionId]);
      for (let i = 1; i < times.length; i++) expect(times[i]! - times[i - 1]!).toBeGreaterThan(PROTOCOL_LIMITS.forkPreviewIntervalMs * 0.7);
      // previews never wait in the connection-recovery buffer (as snapshots, SNAP-5)
      const adapter = server.app.gateway.io.sockets.adapter as unknown as { packets: { data: unknown[] | null }[] };
      expect(adapter.packets.some((packet) => packet.data?.[0] === 'forks')).toBe(true);
      expect(adapter.packets.some((packet) => packet.data?.[0] === 'forkPreviews')).toBe(false);

      // the preview is the fork's decision boundary: its heatmap agrees with the exact weights' heatmap
      await command(ana.socket, { type: 'pause', sessionId: anaFork.sessionId });
      const paused = (await command<CommandAck<'watch'> & { ok: true }>(teacher.socket, { type: 'watch', sessionId: anaFork.sessionId })).session;
      const latest = await nextEvent<ForkPreviewsMessage>(teacher.socket, 'forkPreviews', (m) => previewsOf(m).some((p) => p.clock === paused.clock));
      const preview = previewsOf(latest).find((p) => p.sessionId === anaFork.sessionId)!;
      const exact = new Network({ layerSizes: paused.layerSizes, hiddenActivations: hiddenActivations(paused.config), outputLoss: paused.config.outputLoss });
      exact.params.set(paused.params);
      const approx = new Network(preview.shape);
      approx.params.set(preview.params);
      const size = 24;
      const last = (n: Network) => (n.neuronOffsets[n.layerSizes.length - 1]! * size * size);
      const a = decisionGrids(exact, paused.config.features, { size }).slice(last(exact), last(exact) + size * size);
      const b = decisionGrids(approx, preview.features, { size }).slice(last(approx), last(approx) + size * size);
      let agree = 0;
      for (let i = 0; i < a.length; i++) if (Math.sign(a[i]!) === Math.sign(b[i]!)) agree++;
      expect(agree / a.length).toBeGreaterThan(0.97);

      // a second teacher device gets every fork at its first round
      const tablet = await connect(teacherAuth(created));
      const all = previewsOf(await nextEvent<ForkPreviewsMessage>(tablet.socket, 'forkPreviews'));
      expect(all.map((p) => p.sessionId).sort()).toEqual([anaFork.sessionId, benFork.sessionId].sort());
      expect(leaked).toEqual([]);
    });
  });
});

describe('the teacher’s summary stream at class size (SUM-1, SUM-2)', () => {
  const big = useServer({ maxForksPerParticipant: 2 });
  it.each([
    ['the default network', undefined],
    ['the largest network', { dataset: 'spiral', features: [...PLAYGROUND_FEATURES], hiddenLayers: [8, 8, 8, 8, 8, 8] }],
  ])('SUM-2: 40 students × 2 forks of %s, all training: fork summaries and previews cost the teacher ≤ 50 KB/s', async (network, config) => {
    const names = Array.from({ length: 40 }, (_, i) => `Student ${i + 1}`);
    await withClass(big, { students: names, config }, async ({ created, teacher, students }) => {
      for (const student of students) {
        for (let n = 0; n < 2; n++) {
          const mine = await fork(student.socket, created.sessionId);
          await command(student.socket, { type: 'play', sessionId: mine.sessionId });
        }
      }
      const previewBytes: number[] = [];
      const summaryCounts: number[] = [];
      teacher.socket.on('forkPreviews', (m: ForkPreviewsMessage) => previewBytes.push(m.bytes.byteLength));
      teacher.socket.on('forks', (f: { forks: unknown[] }) => summaryCounts.push(f.forks.length));
      // warm-up: the first preview round carries every fork once
      await nextEvent(teacher.socket, 'forkPreviews');
      await nextEvent(teacher.socket, 'forkPreviews');
      const counter = countBytes(teacher.socket);
      previewBytes.length = 0;
      summaryCounts.length = 0;
      const seconds = 8;
      await new Promise((r) => setTimeout(r, seconds * 1000));
      const perSecond = counter.bytes() / seconds;
      // (a loaded machine trains each fork a little less often than every round)
      expect(Math.max(...summaryCounts)).toBeGreaterThanOrEqual(60);
      expect(previewBytes.length).toBeGreaterThanOrEqual(3);
      // the preview budget: one batch of at most forkPreviewBytesPerRound per interval
      for (const bytes of previewBytes) expect(bytes).toBeLessThanOrEqual(PROTOCOL_LIMITS.forkPreviewBytesPerRound + 4);
      expect(previewBytes.reduce((s, b) => s + b, 0) / seconds).toBeLessThan(10_000);
      expect(perSecond).toBeLessThan(50_000);
      console.log(`teacher receives ${(perSecond / 1000).toFixed(1)} KB/s with 80 training forks of ${network} (previews ${(previewBytes.reduce((s, b) => s + b, 0) / seconds / 1000).toFixed(1)} KB/s)`);
    });
  }, 90_000);
});
