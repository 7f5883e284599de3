import { fork, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { metric, quantile } from '../server/bench-client';
import { startServerProcess } from '../server/server-process';
import type { FromGenerator, GeneratorReport, ToGenerator } from './load-messages';

export const STUDENTS_PER_CLASS = 30;
export const FORKS_PER_CLASS = 10;
export const CHANGE_EVERY_MS = 5000;

/**
 * The per-address limits the server is started with: every generator
 * connects from 127.0.0.1, where a school's limits (one address, a class of
 * 30) would refuse the load. Printed with every run.
 */
export const RAISED_LIMITS: Record<string, string> = {
  MAX_SOCKETS_PER_ADDRESS: '100000',
  CONNECT_RATE_PER_SECOND: '100000',
  CONNECT_BURST: '100000',
  JOIN_RATE_PER_MINUTE: '1000000',
  JOIN_BURST: '100000',
  CREATE_RATE_PER_MINUTE: '1000000',
  CREATE_BURST: '100000',
  MAX_SESSIONS: '100000',
};

export interface RowOptions {
  classes: number;
  /** load before the measured window */
  warmUpSeconds: number;
  measureSeconds: number;
  config: object;
  generators: number;
  /** progress lines (stderr) */
  log: (line: string) => void;
}

/** One 1-s reading of the server from /metrics and /proc. */
export interface ServerSample {
  /** seconds since the load was complete */
  at: number;
  measuring: boolean;
  loopP99Ms: number;
  loopMaxMs: number;
  rssMb: number;
  sockets: number;
  sessions: number;
  trainingSessions: number;
}

export interface LoadRow {
  classes: number;
  sockets: number;
  sessions: number;
  warmUpSeconds: number;
  measuredSeconds: number;
  epochsPerSession: { median: number; p5: number; min: number };
  snapshotsPerClient: { median: number; p5: number; min: number };
  changeMs: { p50: number; p99: number; max: number; receipts: number; missed: number };
  /** median and worst of the 1-s windows' p99 */
  eventLoopP99Ms: { median: number; worst: number };
  eventLoopMaxMs: number;
  /** % of one core over the measured window */
  serverCpuPercent: number;
  /** all generator processes together, % of one core (they share the machine with the server) */
  generatorCpuPercent: number;
  /** the machine's 1-minute load average at the end (other work on a shared machine shows here) */
  loadAverage: number;
  rssMb: number;
  snapshotKilobytesPerStudentPerSecond: number;
  disconnects: number;
  meetsAll: boolean;
  /** the criteria not met, in the order of the goal */
  failing: string[];
}

const CLOCK_TICKS_PER_SECOND = 100;

/** utime + stime of a process, seconds (/proc/PID/stat fields 14 and 15). */
function cpuSeconds(pid: number): number {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS_PER_SECOND;
}

function rssMb(pid: number): number {
  const match = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
  return match ? Number(match[1]) / 1024 : NaN;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The row's goal, each criterion with its text (the first failing one is what limits the next step). */
export function failingCriteria(row: Omit<LoadRow, 'meetsAll' | 'failing'>): string[] {
  const failing: string[] = [];
  if (!(row.epochsPerSession.min >= 20)) failing.push(`a session trains ${row.epochsPerSession.min.toFixed(1)} epochs/s (< 20)`);
  if (!(row.snapshotsPerClient.min >= 10)) failing.push(`a client gets ${row.snapshotsPerClient.min.toFixed(1)} snapshots/s (< 10)`);
  if (!(row.changeMs.p99 <= 100)) failing.push(`change p99 ${row.changeMs.p99.toFixed(0)} ms (> 100)`);
  if (!(row.eventLoopP99Ms.median <= 20)) failing.push(`event-loop p99 ${row.eventLoopP99Ms.median.toFixed(1)} ms (> 20)`);
  return failing;
}

class GeneratorProcess {
  readonly child: ChildProcess;
  private waiting: ((message: FromGenerator) => void) | null = null;

  constructor() {
    this.child = fork(path.join(import.meta.dirname, 'generator.ts'), [], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    this.child.on('message', (message: FromGenerator) => this.waiting?.(message));
  }

  /** Send, and wait (at most `timeoutMs`) for its answer of `type`. */
  ask<T extends FromGenerator['type']>(message: ToGenerator, type: T, timeoutMs: number): Promise<Extract<FromGenerator, { type: T }>> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`a generator did not answer ${message.type} within ${timeoutMs / 1000} s`)), timeoutMs);
      this.waiting = (answer) => {
        clearTimeout(timer);
        this.waiting = null;
        if (answer.type === type) resolve(answer as Extract<FromGenerator, { type: T }>);
        else reject(new Error(`a generator failed: ${answer.type === 'failed' ? answer.message : answer.type}`));
      };
      this.child.send(message);
    });
  }

  tell(message: ToGenerator): void {
    this.child.send(message);
  }

  stop(): void {
    if (this.child.connected) this.child.disconnect();
    setTimeout(() => this.child.kill('SIGKILL'), 2000).unref();
  }
}

/**
 * One row on a fresh server process: the classes split over `generators`
 * processes, loaded for `warmUpSeconds`, then measured for `measureSeconds`.
 * `samples` has the server's 1-s readings over both.
 */
export async function runRow(options: RowOptions): Promise<{ row: LoadRow; samples: ServerSample[] }> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'playroom-bench-load-'));
  const server = await startServerProcess({ DATA_DIR: dataDir, METRICS_WINDOW_MS: '1000', WEB_DIST: path.join(dataDir, 'no-web'), ...RAISED_LIMITS });
  const generators = Array.from({ length: Math.min(options.generators, options.classes) }, () => new GeneratorProcess());
  try {
    options.log(`  ${options.classes} classes over ${generators.length} generator processes: connecting…`);
    const readies = await Promise.all(
      generators.map((generator, g) =>
        generator.ask(
          {
            type: 'setup',
            url: server.url,
            classes: Array.from({ length: options.classes }, (_, c) => c).filter((c) => c % generators.length === g),
            config: options.config,
            students: STUDENTS_PER_CLASS,
            forks: FORKS_PER_CLASS,
            changeEveryMs: CHANGE_EVERY_MS,
          },
          'ready',
          60_000 + 3000 * options.classes,
        ),
      ),
    );
    const sockets = readies.reduce((sum, r) => sum + r.sockets, 0);
    const sessions = readies.reduce((sum, r) => sum + r.sessions, 0);
    options.log(`  ${sockets} sockets, ${sessions} sessions training; warming up ${options.warmUpSeconds} s, then measuring ${options.measureSeconds} s`);
    const samples: ServerSample[] = [];
    const loadedAt = performance.now();
    const sample = async (measuring: boolean) => {
      const text = await (await fetch(`${server.url}/metrics`)).text();
      const delay = metric(text, 'playroom_event_loop_delay_seconds');
      samples.push({
        at: (performance.now() - loadedAt) / 1000,
        measuring,
        loopP99Ms: (delay.get('{quantile="0.99"}') ?? NaN) * 1000,
        loopMaxMs: (delay.get('{quantile="1"}') ?? NaN) * 1000,
        rssMb: rssMb(server.pid),
        sockets: metric(text, 'playroom_sockets').get('') ?? NaN,
        sessions: metric(text, 'playroom_sessions').get('') ?? NaN,
        trainingSessions: metric(text, 'playroom_training_sessions').get('') ?? NaN,
      });
    };
    const runFor = async (seconds: number, measuring: boolean) => {
      const until = performance.now() + seconds * 1000;
      let lastLog = performance.now();
      while (performance.now() < until) {
        await sleep(1000);
        await sample(measuring);
        if (performance.now() - lastLog > 30_000) {
          lastLog = performance.now();
          const last = samples[samples.length - 1]!;
          options.log(`  ${last.at.toFixed(0)} s: loop p99 ${last.loopP99Ms.toFixed(1)} ms, RSS ${last.rssMb.toFixed(0)} MB, ${last.sockets} sockets`);
        }
      }
    };
    await runFor(options.warmUpSeconds, false);
    for (const generator of generators) generator.tell({ type: 'mark' });
    const cpuAtMark = cpuSeconds(server.pid);
    const generatorCpu = () => generators.reduce((sum, g) => sum + cpuSeconds(g.child.pid!), 0);
    const generatorCpuAtMark = generatorCpu();
    const markedAt = performance.now();
    await runFor(options.measureSeconds, true);
    const cpu = cpuSeconds(server.pid) - cpuAtMark;
    const cpuOfGenerators = generatorCpu() - generatorCpuAtMark;
    const measuredSeconds = (performance.now() - markedAt) / 1000;
    const reports: GeneratorReport[] = (await Promise.all(generators.map((g) => g.ask({ type: 'report' }, 'report', 30_000)))).map((r) => r.report);
    const all = <K extends keyof GeneratorReport>(key: K) => reports.flatMap((r) => r[key] as number[]);
    const epochs = all('sessionEpochsPerSecond');
    const snapshots = all('clientSnapshotsPerSecond');
    const latencies = all('changeLatenciesMs');
    const measured = samples.filter((s) => s.measuring);
    const loopP99s = measured.map((s) => s.loopP99Ms);
    const row: Omit<LoadRow, 'meetsAll' | 'failing'> = {
      classes: options.classes,
      sockets,
      sessions,
      warmUpSeconds: options.warmUpSeconds,
      measuredSeconds,
      epochsPerSession: { median: quantile(epochs, 0.5), p5: quantile(epochs, 0.05), min: Math.min(...epochs) },
      snapshotsPerClient: { median: quantile(snapshots, 0.5), p5: quantile(snapshots, 0.05), min: Math.min(...snapshots) },
      changeMs: {
        p50: quantile(latencies, 0.5),
        p99: quantile(latencies, 0.99),
        max: Math.max(...latencies),
        receipts: latencies.length,
        missed: reports.reduce((sum, r) => sum + r.changesMissed, 0),
      },
      eventLoopP99Ms: { median: quantile(loopP99s, 0.5), worst: Math.max(...loopP99s) },
      eventLoopMaxMs: Math.max(...measured.map((s) => s.loopMaxMs)),
      serverCpuPercent: (cpu / measuredSeconds) * 100,
      generatorCpuPercent: (cpuOfGenerators / measuredSeconds) * 100,
      loadAverage: os.loadavg()[0]!,
      rssMb: rssMb(server.pid),
      snapshotKilobytesPerStudentPerSecond: quantile(all('studentSnapshotBytesPerSecond'), 0.5) / 1024,
      disconnects: reports.reduce((sum, r) => sum + r.disconnects, 0),
    };
    const failing = failingCriteria(row);
    return { row: { ...row, meetsAll: failing.length === 0, failing }, samples };
  } finally {
    for (const generator of generators) generator.stop();
    await server.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}
