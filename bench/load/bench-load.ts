/**
 * `npm run bench:load [-- --json] [-- --classes N] [-- --seconds S] [-- --measure M] [-- --largest] [-- --soak S] [-- --generators G]`:
 * simulated classrooms (a teacher + 30 students each; the class session and
 * 10 students' forks training at 60 epochs/s; the teacher changing the
 * learning rate every 5 s) on real socket.io-client connections from
 * separate generator processes, against one server process, fresh for every
 * row. Each row is measured after S seconds of load (default 180), over M
 * seconds (default 60).
 */
import { ALL_FEATURES } from '@playroom/engine';
import { CHANGE_EVERY_MS, FORKS_PER_CLASS, RAISED_LIMITS, STUDENTS_PER_CLASS, runRow, type LoadRow, type ServerSample } from './load-row';

const FULL_RUN_CLASSES = [5, 10, 20, 30, 40];
const LARGEST_NETWORK = { dataset: 'spiral', features: [...ALL_FEATURES], hiddenLayers: [8, 8, 8, 8, 8, 8] };
const LARGEST_AT_CLASSES = 10;
const SNAPSHOT_KB_PER_STUDENT_GOAL = 8;
const SOAK_CLASSES = 10;

interface Args {
  json: boolean;
  classes: number | null;
  seconds: number;
  measure: number;
  largest: boolean;
  soak: number | null;
  generators: number;
}

function parseArgs(argv: readonly string[]): Args {
  const args: Args = { json: false, classes: null, seconds: 180, measure: 60, largest: false, soak: null, generators: 2 };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const number = (min: number, max: number) => {
      const value = Number(argv[++i]);
      if (!Number.isInteger(value) || value < min || value > max) throw new Error(`${arg} needs a whole number in [${min}, ${max}]`);
      return value;
    };
    if (arg === '--json') args.json = true;
    else if (arg === '--classes') args.classes = number(1, 100);
    else if (arg === '--seconds') args.seconds = number(0, 3600);
    else if (arg === '--measure') args.measure = number(5, 3600);
    else if (arg === '--largest') args.largest = true;
    else if (arg === '--soak') args.soak = number(60, 7200);
    else if (arg === '--generators') args.generators = number(2, 16);
    else throw new Error(`unknown argument ${arg}`);
  }
  return args;
}

const f = (value: number, digits = 0) => (Number.isFinite(value) ? value.toFixed(digits) : '–');

function table(rows: { network: string; row: LoadRow }[]): string {
  const headers = ['network', 'classes', 'sockets', 'sessions', 'epochs/s med/p5', 'snaps/s med/p5', 'change p50/p99 ms', 'loop p99 ms med/worst', 'CPU %', 'gen CPU %', 'load avg', 'RSS MB', 'snap KB/s/student', 'drops', 'meets all'];
  const cells = rows.map(({ network, row: r }) => [
    network,
    String(r.classes),
    String(r.sockets),
    String(r.sessions),
    `${f(r.epochsPerSession.median, 1)}/${f(r.epochsPerSession.p5, 1)}`,
    `${f(r.snapshotsPerClient.median, 1)}/${f(r.snapshotsPerClient.p5, 1)}`,
    `${f(r.changeMs.p50)}/${f(r.changeMs.p99)}`,
    `${f(r.eventLoopP99Ms.median, 1)}/${f(r.eventLoopP99Ms.worst, 1)}`,
    f(r.serverCpuPercent),
    f(r.generatorCpuPercent),
    f(r.loadAverage, 1),
    f(r.rssMb),
    f(r.snapshotKilobytesPerStudentPerSecond, 2),
    String(r.disconnects),
    r.meetsAll ? 'yes' : 'no',
  ]);
  const widths = headers.map((h, c) => Math.max(h.length, ...cells.map((row) => row[c]!.length)));
  const line = (row: string[]) => row.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join('  ');
  return [line(headers), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.map(line)].join('\n');
}

interface SoakCheck {
  check: string;
  pass: boolean;
  detail: string;
}

/** The soak's four checks over its samples (warm-up samples count for stalls only). */
function soakChecks(row: LoadRow, samples: ServerSample[]): SoakCheck[] {
  const measured = samples.filter((s) => s.measuring);
  // the floor: the lowest reading of the first 30 s after warm-up (a leak climbs; returning pages only lowers)
  const early = measured.filter((s) => s.at <= row.warmUpSeconds + 30);
  const floor = Math.min(...early.map((s) => s.rssMb));
  const highest = Math.max(...measured.map((s) => s.rssMb));
  const growth = highest / floor - 1;
  const stall = Math.max(...samples.map((s) => s.loopMaxMs));
  const sessionsLow = Math.min(...measured.map((s) => s.trainingSessions));
  const socketsLow = Math.min(...measured.map((s) => s.sockets));
  return [
    { check: 'RSS growth after warm-up < 10 %', pass: growth < 0.1, detail: `${f(floor)} → highest ${f(highest)} MB (${f(growth * 100, 1)} %)` },
    { check: 'no event-loop stall over 200 ms', pass: stall <= 200, detail: `longest delay ${f(stall)} ms` },
    {
      check: 'no session lost',
      pass: sessionsLow >= row.sessions && row.epochsPerSession.min > 0,
      detail: `fewest training ${sessionsLow} of ${row.sessions}; slowest session ${f(row.epochsPerSession.min, 1)} epochs/s`,
    },
    { check: 'no socket dropped', pass: row.disconnects === 0 && socketsLow >= row.sockets, detail: `${row.disconnects} disconnects; fewest open ${socketsLow} of ${row.sockets}` },
  ];
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const log = (line: string) => process.stderr.write(`${line}\n`);
  const limits = Object.entries(RAISED_LIMITS).map(([name, value]) => `${name}=${value}`).join(' ');
  log(`bench:load: server per-address limits raised for the generators (all on 127.0.0.1): ${limits}`);
  const run = (classes: number, network: 'default' | 'largest', warmUpSeconds: number, measureSeconds: number) => {
    log(`${network} network, ${classes} classes:`);
    return runRow({ classes, warmUpSeconds, measureSeconds, config: network === 'largest' ? LARGEST_NETWORK : {}, generators: args.generators, log });
  };

  if (args.soak !== null) {
    const warmUp = Math.min(120, Math.round(args.soak / 5));
    const { row, samples } = await run(SOAK_CLASSES, 'default', warmUp, args.soak - warmUp);
    const checks = soakChecks(row, samples);
    if (args.json) return void console.log(JSON.stringify({ soak: args.soak, warmUpSeconds: warmUp, row, checks, pass: checks.every((c) => c.pass) }, null, 2));
    console.log(`\nSoak: ${SOAK_CLASSES} classes for ${args.soak} s (the first ${warmUp} s are warm-up)\n`);
    console.log(table([{ network: 'default', row }]));
    for (const c of checks) console.log(`${c.pass ? 'PASS' : 'FAIL'}  ${c.check}: ${c.detail}`);
    return;
  }

  const plan: { network: 'default' | 'largest'; classes: number }[] =
    args.largest ? [{ network: 'largest', classes: args.classes ?? LARGEST_AT_CLASSES }]
    : args.classes !== null ? [{ network: 'default', classes: args.classes }]
    : [...FULL_RUN_CLASSES.map((classes) => ({ network: 'default' as const, classes })), { network: 'largest', classes: LARGEST_AT_CLASSES }];
  const rows: { network: string; row: LoadRow }[] = [];
  for (const step of plan) rows.push({ network: step.network, row: (await run(step.classes, step.network, args.seconds, args.measure)).row });
  // the goal is about the default network; a run of the largest alone reads its own rows
  const defaults = rows.some((r) => r.network === 'default') ? rows.filter((r) => r.network === 'default') : rows;
  const largestMeeting = Math.max(0, ...defaults.filter((r) => r.row.meetsAll).map((r) => r.row.classes));
  const nextStep = defaults.find((r) => r.row.classes > largestMeeting && !r.row.meetsAll);
  const limitsNext = nextStep
    ? `${nextStep.row.classes} classes: ${nextStep.row.failing.join('; ')}`
    : `every row run meets all four: run more classes (--classes ${Math.max(...defaults.map((r) => r.row.classes)) + 10}) to find the limit`;
  if (args.json) {
    for (const { network, row } of rows) console.log(JSON.stringify({ network, ...row }));
    return void console.log(JSON.stringify({ largestClassesMeetingAll: largestMeeting, limitsNextStep: limitsNext }));
  }
  console.log(
    `\nLoad: classes of 1 teacher + ${STUDENTS_PER_CLASS} students; the class session and ${FORKS_PER_CLASS} forks at 60 epochs/s; ` +
      `the teacher changes the learning rate every ${CHANGE_EVERY_MS / 1000} s. Each row: a fresh server, ${args.seconds} s of load, then measured over ${args.measure} s ` +
      `(node ${process.version}, ${args.generators} generator processes)\n`,
  );
  console.log(table(rows));
  console.log(
    [
      '',
      'epochs/s: per session, from the epochs in the snapshots its watchers got; snaps/s: per client, of the session it gets fewest of;',
      "change: the teacher's setConfig emit → a student's `session` update carrying it (both in one generator process, one clock);",
      'loop p99: the server\'s event-loop delay p99 per 1-s window (METRICS_WINDOW_MS=1000), median and worst; CPU: the server\'s % of one core (/proc/PID/stat);',
      'gen CPU: the generator processes together (same machine); load avg: the 1-minute load average at the end (other work on the machine);',
      `RSS under load; snap KB/s/student: median student (goal for the largest network ≤ ${SNAPSHOT_KB_PER_STUDENT_GOAL}); drops: sockets the server closed or lost.`,
      'meets all: every session ≥ 20 epochs/s, every client ≥ 10 snapshots/s, change p99 ≤ 100 ms, event-loop p99 (median window) ≤ 20 ms.',
      '',
      `largest number of classes meeting all four: ${largestMeeting}`,
      `what limits the next step: ${limitsNext}`,
    ].join('\n'),
  );
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
