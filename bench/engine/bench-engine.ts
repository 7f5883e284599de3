/**
 * `npm run bench:engine [-- --json] [-- --samples N]`: our engine against
 * convnetjs, brain.js and TensorFlow.js (CPU) on the same data, the same
 * networks and the same epochs, in one run. A library that fails to load or
 * to run is reported and skipped.
 */
import { benchCases, type BenchCase } from './bench-cases';
import {
  OURS,
  TARGET_RATIO,
  formatReport,
  targetRatio,
  type BenchResults,
  type GridResult,
} from './bench-report';
import { loadBrain } from './peers/brain-peer';
import { loadConvnetjs } from './peers/convnetjs-peer';
import { loadOurs } from './peers/ours-peer';
import type { Peer, PeerLoader, PeerRun } from './peers/peer';
import { loadTfjs } from './peers/tfjs-peer';
import { timeInterleaved } from './timing';

const LOADERS: readonly [string, PeerLoader][] = [
  [OURS, loadOurs],
  ['convnetjs', loadConvnetjs],
  ['brain.js', loadBrain],
  ['@tensorflow/tfjs', loadTfjs],
];

interface Args {
  json: boolean;
  samples: number;
}

function parseBenchArgs(argv: readonly string[]): Args {
  const args: Args = { json: false, samples: 7 };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--json') args.json = true;
    else if (arg === '--samples') {
      const n = Number(argv[++i]);
      if (!Number.isInteger(n) || n < 1) throw new Error('--samples needs a whole number ≥ 1');
      args.samples = n;
    } else throw new Error(`unknown flag ${arg} (use --json, --samples N)`);
  }
  return args;
}

function message(error: unknown): string {
  return error instanceof Error ? error.message.split('\n')[0]! : String(error);
}

async function main(): Promise<void> {
  const args = parseBenchArgs(process.argv.slice(2));
  // Libraries greet on the console (tfjs suggests tfjs-node); keep stdout for the report.
  console.log = console.error;
  console.info = console.error;
  const progress = (text: string): void => {
    if (!args.json) process.stderr.write(`${text}\n`);
  };

  const results: BenchResults = {
    node: process.version,
    samples: args.samples,
    epochs: [],
    grids: [],
    targets: [],
    failures: [],
  };
  const peers: Peer[] = [];
  for (const [library, load] of LOADERS) {
    try {
      peers.push(await load());
    } catch (error) {
      results.failures.push({ library, stage: 'load', error: message(error) });
      progress(`${library} failed to load: ${message(error)}`);
    }
  }

  const cases = benchCases();
  const oursEpoch = new Map<string, number>();
  let oursGrid: number | undefined;
  const gridPeers: { library: string; what: string; ms: number }[] = [];
  for (const benchCase of cases) {
    progress(`${benchCase.label}: ${peers.map((p) => p.name).join(', ')}…`);
    await measureCase(peers, benchCase, args.samples, results, gridPeers);
  }
  for (const r of results.epochs) if (r.library.startsWith(OURS)) oursEpoch.set(r.caseId, r.msPerEpoch);
  for (const r of results.epochs) r.timesOurs = r.msPerEpoch / (oursEpoch.get(r.caseId) ?? Number.NaN);
  oursGrid = gridPeers.find((g) => g.library.startsWith(OURS))?.ms;
  const largest = cases.find((c) => c.id === 'largest')!;
  results.grids = gridPeers.map<GridResult>((g) => ({
    network: largest.label,
    ...g,
    timesOurs: g.ms / (oursGrid ?? Number.NaN),
  }));

  const convnet = (caseId: string): number | undefined =>
    results.epochs.find((r) => r.caseId === caseId && r.library.startsWith('convnetjs'))?.msPerEpoch;
  const convnetGrid = gridPeers.find((g) => g.library.startsWith('convnetjs'))?.ms;
  const targets: [string, number | null][] = cases.map((c) => [
    `epoch time ours/convnetjs, ${c.label}`,
    targetRatio(oursEpoch.get(c.id), convnet(c.id)),
  ]);
  targets.push(['all grids (ours) / 10,000 forwards (convnetjs), largest network', targetRatio(oursGrid, convnetGrid)]);
  results.targets = targets.map(([name, ratio]) => ({
    name,
    ratio,
    threshold: TARGET_RATIO,
    met: ratio !== null && ratio <= TARGET_RATIO,
  }));

  process.stdout.write(args.json ? `${JSON.stringify(results, null, 2)}\n` : `${formatReport(results)}\n`);
}

/** Sets every library up on a case, then times their epochs (and grids) with interleaved samples. */
async function measureCase(
  peers: readonly Peer[],
  benchCase: BenchCase,
  samples: number,
  results: BenchResults,
  grids: { library: string; what: string; ms: number }[],
): Promise<void> {
  const ready: { peer: Peer; run: PeerRun }[] = [];
  for (const peer of peers) {
    try {
      const run = await peer.setUp(benchCase);
      // One trial epoch and grid here, so a library that breaks is skipped alone, not the whole case.
      await run.epoch();
      if (benchCase.id === 'largest') await run.grid?.();
      ready.push({ peer, run });
    } catch (error) {
      results.failures.push({ library: peer.name, stage: benchCase.label, error: message(error) });
    }
  }
  try {
    const timings = await timeInterleaved(
      ready.map(({ run }) => () => run.epoch()),
      { warmupCalls: 10, samples, sampleMs: 150 },
    );
    ready.forEach(({ peer, run }, i) => {
      const timing = timings[i]!;
      results.epochs.push({
        caseId: benchCase.id,
        network: benchCase.label,
        library: peer.name,
        msPerEpoch: timing.medianMs,
        minMs: timing.minMs,
        maxMs: timing.maxMs,
        timesOurs: Number.NaN,
        ...run.losses(),
        notes: peer.notes,
      });
    });
    if (benchCase.id !== 'largest') return;
    const withGrid = ready.filter(({ run }) => run.grid !== undefined);
    const gridTimings = await timeInterleaved(
      withGrid.map(({ run }) => () => run.grid!()),
      { warmupCalls: 3, samples, sampleMs: 150 },
    );
    withGrid.forEach(({ peer, run }, i) => {
      grids.push({ library: peer.name, what: run.gridLabel ?? 'grid', ms: gridTimings[i]!.medianMs });
    });
  } finally {
    for (const { run } of ready) run.dispose?.();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`bench:engine failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
