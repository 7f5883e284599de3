import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TrainerConfig } from '@playroom/engine';
import { decodeSnapshot, type CommandAck, type SnapshotMessage } from '@playroom/protocol';
import type { Socket } from 'socket.io-client';
import { connect, createClass, metric, send } from './bench-client';
import { measureNoiseFloor, type NoiseFloor } from './noise-probe';
import { startServerProcess } from './server-process';

export interface Scenario {
  name: string;
  description: string;
  config: Partial<TrainerConfig>;
}

export const SCENARIOS: Scenario[] = [
  { name: 'default', description: 'playground default: circle, 2 features, [4, 2]', config: {} },
  {
    name: 'largest',
    description: 'largest network: spiral, 7 features, [8×6]',
    config: { dataset: 'spiral', features: ['x1', 'x2', 'x1sq', 'x2sq', 'x1x2', 'sinx1', 'sinx2'], hiddenLayers: [8, 8, 8, 8, 8, 8] },
  },
];

export interface LoadResult {
  scenario: string;
  scheduler: 'fair' | 'naive';
  students: number;
  sessions: number;
  seconds: number;
  /** server event-loop delay, ms: median and worst of the 1-second windows' percentiles */
  eventLoop: { p50: number; p99Median: number; p99Worst: number; maxWorst: number };
  targetEpochsPerSecond: number;
  achievedEpochsPerSecond: number;
  /** slowest and fastest session, epochs per second */
  slowestSession: number;
  fastestSession: number;
  snapshotsPerSecond: number;
  snapshotKilobytesPerSecond: number;
  /** frames the server skipped because a client socket was still writing (slow client) */
  droppedFramesPerSecond: number;
  /** an idle Node process's event-loop p99 over the same seconds (machine noise) */
  noiseFloor: NoiseFloor;
}

const SPEED = 60;

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

/**
 * One load run: a fresh server process, a class of `students` who each fork
 * and play their fork while the teacher plays the class session, all at the
 * default speed; measured for `seconds` after a warm-up.
 */
export async function runLoad(scenario: Scenario, scheduler: 'fair' | 'naive', students: number, seconds: number): Promise<LoadResult> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'playroom-bench-'));
  const server = await startServerProcess({
    DATA_DIR: dataDir,
    SCHEDULER: scheduler,
    METRICS_WINDOW_MS: '1000',
    JOIN_BURST: '100000',
    CREATE_BURST: '100000',
    WEB_DIST: path.join(dataDir, 'no-web'),
  });
  const sockets: Socket[] = [];
  try {
    const created = await createClass(server.url, 'Bench', { ...scenario.config });
    const teacher = await connect(server.url, { role: 'teacher', code: created.code, token: created.teacherToken });
    sockets.push(teacher.socket);
    const latestEpoch = new Map<string, number>();
    let snapshots = 0;
    let snapshotBytes = 0;
    const listen = (socket: Socket) =>
      socket.on('snapshot', (message: SnapshotMessage) => {
        snapshots++;
        snapshotBytes += message.bytes.byteLength;
        const { epoch } = decodeSnapshot(message.bytes);
        if (epoch > (latestEpoch.get(message.sessionId) ?? -1)) latestEpoch.set(message.sessionId, epoch);
      });
    listen(teacher.socket);
    for (let i = 0; i < students; i++) {
      const student = await connect(server.url, { role: 'student', code: created.code, name: `Student ${i + 1}` });
      sockets.push(student.socket);
      listen(student.socket);
      const fork = await send<CommandAck<'fork'> & { ok: true }>(student.socket, { type: 'fork', sessionId: created.sessionId });
      await send(student.socket, { type: 'play', sessionId: fork.session.sessionId });
    }
    await send(teacher.socket, { type: 'play', sessionId: created.sessionId });
    await new Promise((resolve) => setTimeout(resolve, 2500));

    const startEpochs = new Map(latestEpoch);
    const startSnapshots = snapshots;
    const startBytes = snapshotBytes;
    const started = performance.now();
    const dropped = async () => metric(await (await fetch(`${server.url}/metrics`)).text(), 'playroom_snapshot_frames_dropped_total').get('') ?? 0;
    const droppedAtStart = await dropped();
    const windows: { p50: number; p99: number; max: number }[] = [];
    const noise = measureNoiseFloor(seconds);
    for (let s = 0; s < seconds; s++) {
      await new Promise((resolve) => setTimeout(resolve, 1000));
      const text = await (await fetch(`${server.url}/metrics`)).text();
      const delay = metric(text, 'playroom_event_loop_delay_seconds');
      windows.push({
        p50: (delay.get('{quantile="0.5"}') ?? 0) * 1000,
        p99: (delay.get('{quantile="0.99"}') ?? 0) * 1000,
        max: (delay.get('{quantile="1"}') ?? 0) * 1000,
      });
    }
    const elapsed = (performance.now() - started) / 1000;
    const droppedFramesPerSecond = ((await dropped()) - droppedAtStart) / elapsed;
    const rates = [...latestEpoch.entries()].map(([id, epoch]) => (epoch - (startEpochs.get(id) ?? epoch)) / elapsed);
    const sessions = students + 1;
    return {
      scenario: scenario.name,
      scheduler,
      students,
      sessions,
      seconds: elapsed,
      eventLoop: {
        p50: median(windows.map((w) => w.p50)),
        p99Median: median(windows.map((w) => w.p99)),
        p99Worst: Math.max(...windows.map((w) => w.p99)),
        maxWorst: Math.max(...windows.map((w) => w.max)),
      },
      targetEpochsPerSecond: sessions * SPEED,
      achievedEpochsPerSecond: rates.reduce((a, b) => a + b, 0),
      slowestSession: Math.min(...rates),
      fastestSession: Math.max(...rates),
      snapshotsPerSecond: (snapshots - startSnapshots) / elapsed,
      snapshotKilobytesPerSecond: (snapshotBytes - startBytes) / 1024 / elapsed,
      droppedFramesPerSecond,
      noiseFloor: await noise,
    };
  } finally {
    for (const socket of sockets) socket.close();
    await server.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

