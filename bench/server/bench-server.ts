/**
 * `npm run bench:server [-- --json] [-- --students N] [-- --seconds S] [-- --scenario default|largest] [-- --scheduler fair|naive]`:
 * the server under a class load (1 class session + N students each playing
 * their own fork, all at 60 epochs/s), run with the time-sliced scheduler
 * and with a naive fixed-step loop as the peer, in one run. The goal:
 * event-loop delay p99 under 20 ms.
 */
import { runLoad, SCENARIOS, type LoadResult } from './load-run';

const GOAL_P99_MS = 20;

interface Args {
  json: boolean;
  students: number;
  seconds: number;
  scenarios: string[];
  schedulers: ('fair' | 'naive')[];
}

function parseArgs(argv: readonly string[]): Args {
  const args: Args = { json: false, students: 30, seconds: 8, scenarios: SCENARIOS.map((s) => s.name), schedulers: ['fair', 'naive'] };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = () => {
      const next = argv[++i];
      if (next === undefined) throw new Error(`${arg} needs a value`);
      return next;
    };
    if (arg === '--json') args.json = true;
    else if (arg === '--students') args.students = Number(value());
    else if (arg === '--seconds') args.seconds = Number(value());
    else if (arg === '--scenario') args.scenarios = [value()];
    else if (arg === '--scheduler') {
      const scheduler = value();
      if (scheduler !== 'fair' && scheduler !== 'naive') throw new Error('--scheduler is fair or naive');
      args.schedulers = [scheduler];
    }
    else throw new Error(`unknown argument ${arg}`);
  }
  return args;
}

function table(results: LoadResult[]): string {
  const headers = ['scenario', 'scheduler', 'loop p50 ms', 'p99 (median 1s)', 'p99 (worst 1s)', 'max ms', 'epochs/s', 'target', 'slowest/fastest', 'snapshots/s', 'KiB/s', 'dropped/s', 'idle p99 (median/worst)', `p99 < ${GOAL_P99_MS} ms`];
  const rows = results.map((r) => [
    r.scenario,
    r.scheduler,
    r.eventLoop.p50.toFixed(1),
    r.eventLoop.p99Median.toFixed(1),
    r.eventLoop.p99Worst.toFixed(1),
    r.eventLoop.maxWorst.toFixed(1),
    r.achievedEpochsPerSecond.toFixed(0),
    String(r.targetEpochsPerSecond),
    `${r.slowestSession.toFixed(0)}/${r.fastestSession.toFixed(0)}`,
    r.snapshotsPerSecond.toFixed(0),
    r.snapshotKilobytesPerSecond.toFixed(0),
    r.droppedFramesPerSecond.toFixed(0),
    `${r.noiseFloor.p99Median.toFixed(1)}/${r.noiseFloor.p99Worst.toFixed(1)}`,
    r.eventLoop.p99Worst < GOAL_P99_MS ? 'MET' : 'NOT MET',
  ]);
  const widths = headers.map((h, c) => Math.max(h.length, ...rows.map((row) => row[c]!.length)));
  const line = (cells: string[]) => cells.map((cell, c) => (c < 2 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join('  ');
  return [line(headers), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const results: LoadResult[] = [];
  for (const name of args.scenarios) {
    const scenario = SCENARIOS.find((s) => s.name === name);
    if (!scenario) throw new Error(`unknown scenario ${name}`);
    for (const scheduler of args.schedulers) {
      if (!args.json) process.stderr.write(`running ${scenario.name} (${scenario.description}) with the ${scheduler} scheduler…\n`);
      results.push(await runLoad(scenario, scheduler, args.students, args.seconds));
    }
  }
  if (args.json) {
    console.log(JSON.stringify({ node: process.version, goalP99Ms: GOAL_P99_MS, results }, null, 2));
    return;
  }
  console.log(`\nServer load: 1 class session + ${args.students} students each playing a fork at 60 epochs/s (node ${process.version})\n`);
  console.log(table(results));
  console.log(
    [
      '',
      "loop = the server process's event-loop delay (monitorEventLoopDelay, 1 ms sampling) per 1-s window;",
      "idle = an idle Node process's p99 over the same seconds: the machine's own noise, which no server can beat;",
      "epochs/s from the clients' snapshots; naive = every session's due epochs every 10 ms, no time budget.",
      '',
      `What this does not cover: one class only, ${args.seconds} s of load on a fresh server (memory growth and the stalls`,
      'that appear after minutes do not show), clients in this same process, no reconnects, no teacher changes, one server',
      'process (no Redis, no multi-process). For many classes over minutes run `npm run bench:load`.',
    ].join('\n'),
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
