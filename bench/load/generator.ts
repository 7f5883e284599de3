/**
 * A bench:load generator process: simulated classes on real socket.io-client
 * connections, driven over IPC by bench-load.ts (load-messages.ts). A class's
 * teacher and students all live in one generator, so a change's latency is
 * measured on one clock (performance.now()).
 */
import type { CommandAck, SessionUpdate, SnapshotMessage } from '@playroom/protocol';
import type { Socket } from 'socket.io-client';
import { connect, createClass, send } from '../server/bench-client';
import type { FromGenerator, GeneratorReport, GeneratorSetup, ToGenerator } from './load-messages';

/** the two learning rates a teacher alternates between */
const LEARNING_RATES = [0.03, 0.1] as const;
/** students of a class connect this many at a time */
const CONNECT_BATCH = 10;

interface Watcher {
  socket: Socket;
  student: boolean;
  /** snapshots received per session id watched */
  counts: Map<string, number>;
  bytes: number;
}

interface PendingChange {
  learningRate: number;
  sentAt: number;
  waiting: Set<Watcher>;
}

class Generator {
  private readonly watchers: Watcher[] = [];
  /** newest epoch seen per session */
  private readonly epochs = new Map<string, number>();
  private readonly timers: NodeJS.Timeout[] = [];
  private mark = { at: performance.now(), epochs: new Map<string, number>(), counts: new Map<Watcher, Map<string, number>>(), bytes: new Map<Watcher, number>() };
  private measuring = false;
  private latencies: number[] = [];
  private changesMissed = 0;
  private disconnects = 0;
  private closing = false;

  async setUp(setup: GeneratorSetup): Promise<{ sockets: number; sessions: number }> {
    let sessions = 0;
    for (const number of setup.classes) sessions += await this.setUpClass(setup, number);
    return { sockets: this.watchers.length, sessions };
  }

  private watch(socket: Socket, student: boolean, sessions: string[]): Watcher {
    const watcher: Watcher = { socket, student, counts: new Map(sessions.map((id) => [id, 0])), bytes: 0 };
    this.watchers.push(watcher);
    socket.on('snapshot', (message: SnapshotMessage) => {
      const bytes = message.bytes as Buffer;
      watcher.counts.set(message.sessionId, (watcher.counts.get(message.sessionId) ?? 0) + 1);
      watcher.bytes += bytes.byteLength;
      // the epoch is the header's u32 at byte 8 (snapshot-codec.ts): no full decode, so the generator stays cheap
      const epoch = bytes.readUInt32LE(8);
      if (epoch > (this.epochs.get(message.sessionId) ?? -1)) this.epochs.set(message.sessionId, epoch);
    });
    socket.on('disconnect', () => {
      if (!this.closing) this.disconnects++;
    });
    return watcher;
  }

  /** One class: teacher, students (the first `forks` fork and play), the class session playing, the teacher's changes. */
  private async setUpClass(setup: GeneratorSetup, number: number): Promise<number> {
    const created = await createClass(setup.url, `Teacher ${number}`, setup.config);
    const classId = created.sessionId;
    const teacher = await connect(setup.url, { role: 'teacher', code: created.code, token: created.teacherToken });
    this.watch(teacher.socket, false, [classId]);
    const students: Watcher[] = [];
    for (let first = 0; first < setup.students; first += CONNECT_BATCH) {
      const batch = Array.from({ length: Math.min(CONNECT_BATCH, setup.students - first) }, (_, i) => first + i);
      await Promise.all(
        batch.map(async (i) => {
          const { socket } = await connect(setup.url, { role: 'student', code: created.code, name: `S${number}-${i}` });
          const watched = [classId];
          if (i < setup.forks) {
            const fork = await send<CommandAck<'fork'> & { ok: true }>(socket, { type: 'fork', sessionId: classId });
            await send(socket, { type: 'play', sessionId: fork.session.sessionId });
            watched.push(fork.session.sessionId);
          }
          students.push(this.watch(socket, true, watched));
        }),
      );
    }
    await send(teacher.socket, { type: 'play', sessionId: classId });
    let pending: PendingChange | null = null;
    for (const student of students) {
      student.socket.on('session', (update: SessionUpdate) => {
        if (!pending || update.state.sessionId !== classId || update.state.config.learningRate !== pending.learningRate) return;
        if (!pending.waiting.delete(student)) return;
        if (this.measuring) this.latencies.push(performance.now() - pending.sentAt);
      });
    }
    let changes = 0;
    const change = () => {
      if (pending && this.measuring) this.changesMissed += pending.waiting.size;
      const learningRate = LEARNING_RATES[++changes % LEARNING_RATES.length]!;
      pending = { learningRate, sentAt: performance.now(), waiting: new Set(students) };
      // a refused or lost change shows as students who never got it (changesMissed)
      send(teacher.socket, { type: 'setConfig', sessionId: classId, patch: { learningRate } }).catch(() => {});
    };
    // classes change at different moments of the period, as real teachers would
    const offset = (number * 997) % setup.changeEveryMs;
    this.timers.push(
      setTimeout(() => {
        change();
        this.timers.push(setInterval(change, setup.changeEveryMs));
      }, offset),
    );
    return 1 + setup.forks;
  }

  startMeasuring(): void {
    this.measuring = true;
    this.latencies = [];
    this.changesMissed = 0;
    this.mark = {
      at: performance.now(),
      epochs: new Map(this.epochs),
      counts: new Map(this.watchers.map((w) => [w, new Map(w.counts)])),
      bytes: new Map(this.watchers.map((w) => [w, w.bytes])),
    };
  }

  report(): GeneratorReport {
    const seconds = (performance.now() - this.mark.at) / 1000;
    const sessionEpochsPerSecond = [...this.epochs].map(([id, epoch]) => (epoch - (this.mark.epochs.get(id) ?? 0)) / seconds);
    const clientSnapshotsPerSecond = this.watchers.map((w) => {
      const before = this.mark.counts.get(w) ?? new Map<string, number>();
      return Math.min(...[...w.counts].map(([id, count]) => (count - (before.get(id) ?? 0)) / seconds));
    });
    const studentSnapshotBytesPerSecond = this.watchers.filter((w) => w.student).map((w) => (w.bytes - (this.mark.bytes.get(w) ?? 0)) / seconds);
    return {
      seconds,
      sessionEpochsPerSecond,
      clientSnapshotsPerSecond,
      changeLatenciesMs: this.latencies,
      changesMissed: this.changesMissed,
      studentSnapshotBytesPerSecond,
      disconnects: this.disconnects,
    };
  }

  close(): void {
    this.closing = true;
    for (const timer of this.timers) clearTimeout(timer);
    for (const watcher of this.watchers) watcher.socket.close();
  }
}

const reply = (message: FromGenerator) => process.send!(message);
const generator = new Generator();
process.on('message', (message: ToGenerator) => {
  switch (message.type) {
    case 'setup':
      generator.setUp(message).then(
        (ready) => reply({ type: 'ready', ...ready }),
        (error: unknown) => reply({ type: 'failed', message: error instanceof Error ? error.message : String(error) }),
      );
      return;
    case 'mark':
      generator.startMeasuring();
      return;
    case 'report':
      reply({ type: 'report', report: generator.report() });
      return;
    default: {
      const unknown: never = message;
      throw new Error(`unknown message ${JSON.stringify(unknown)}`);
    }
  }
});
// the coordinator gone (finished or killed): close everything and leave
process.on('disconnect', () => {
  generator.close();
  setTimeout(() => process.exit(0), 200).unref();
});
