/**
 * `npx tsx bench/server/snapshot-encode-cost.ts`: the main thread's cost of
 * one snapshot of the largest network (bench:server's 'largest' scenario),
 * before and after training workers encode snapshots (issue 10): encoding
 * it on the main thread (metrics, then encodeSnapshot, as the pump did for
 * every session with watchers) against completing a worker's body with the
 * clock and loss tail (withLossTail). The worker's cost is not the main
 * thread's. What it does not cover: socket writes, GC under load, the round
 * message's structured clone (unchanged).
 */
import { createTrainer, DEFAULT_CONFIG, type TrainerConfig } from '@playroom/engine';
import { encodeSnapshot, encodeSnapshotBody, sessionMetricsOf, withLossTail, type SnapshotInput } from '@playroom/protocol';
import { SCENARIOS } from './load-run';

const ITERATIONS = 20_000;
const trainer = createTrainer({ ...DEFAULT_CONFIG, ...SCENARIOS.find((s) => s.name === 'largest')!.config } as TrainerConfig);
for (let i = 0; i < 50; i++) trainer.trainEpoch();
const snapshotInput = (clock: number): SnapshotInput => {
  const m = sessionMetricsOf(trainer.evaluate());
  const { layerSizes, params } = trainer.network;
  return { ...m, clock, epoch: trainer.epoch, playing: true, diverged: m.diverged !== null, layerSizes, params, lossTail: [] };
};
const body = new Uint8Array(encodeSnapshotBody(snapshotInput(0)));

function microsPer(work: (i: number) => void): number {
  for (let i = 0; i < ITERATIONS / 10; i++) work(i);
  const start = performance.now();
  for (let i = 0; i < ITERATIONS; i++) work(i);
  return ((performance.now() - start) * 1000) / ITERATIONS;
}

console.log(`largest network: ${trainer.network.params.length} parameters, snapshot ${body.byteLength} bytes; µs of main thread per snapshot (3 runs)`);
for (let run = 0; run < 3; run++) {
  const before = microsPer((i) => encodeSnapshot(snapshotInput(i + 1)));
  const after = microsPer((i) => withLossTail(body, i + 1, []));
  console.log(`encoded on the main thread ${before.toFixed(1)} µs   completed from a worker's body ${after.toFixed(1)} µs`);
}
