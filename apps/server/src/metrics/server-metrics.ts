import { monitorEventLoopDelay, type IntervalHistogram } from 'node:perf_hooks';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/** Numbers only the caller knows at scrape time. */
export interface MetricGauges {
  sockets: number;
  classes: number;
  sessions: number;
  trainingSessions: number;
}

/**
 * One training worker's load at scrape time (TRAINING_WORKERS): the
 * composition root hands ServerMetrics a `() => WorkerLoad[]` (see
 * `workerLoad`), read on every scrape. No source, or an empty list (training
 * on the main thread), means no per-worker samples.
 */
export interface WorkerLoad {
  /** the worker's label value, e.g. its index "0" */
  worker: string;
  /** sessions this worker trains */
  sessions: number;
  epochsPerSecond: number;
  /** share of wall time the worker was busy training, 0..1, over its own recent window */
  busyRatio: number;
}

export interface WindowStats {
  /** event-loop delay over the last window, milliseconds */
  eventLoopDelayMs: { p50: number; p99: number; max: number };
  epochsPerSecond: number;
  snapshotBytesPerSecond: number;
}

/** seconds: from a change's command to its `session` update leaving the server (CMD-3 coalesces to the next round) */
const CHANGE_LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5];
/** bytes of one encoded snapshot */
const SNAPSHOT_SIZE_BUCKETS = [256, 512, 1024, 2048, 4096, 8192, 16_384, 65_536];

/**
 * Counters, gauges and histograms behind `/metrics` (rule REST-4), through
 * prom-client, in a registry of this app instance's own (tests build several
 * apps in one process; prom-client's global registry is never used), with
 * prom-client's default process metrics. Rates and event-loop delay
 * percentiles are over a rolling window (`windowMs`), so a scrape shows the
 * present, not the whole uptime.
 */
export class ServerMetrics {
  readonly registry = new Registry();
  /** sampled every 1 ms; values include that 1 ms interval (an idle loop reads ~1.1 ms) */
  private readonly histogram: IntervalHistogram = monitorEventLoopDelay({ resolution: 1 });
  private window: WindowStats = {
    eventLoopDelayMs: { p50: 0, p99: 0, max: 0 },
    epochsPerSecond: 0,
    snapshotBytesPerSecond: 0,
  };
  private epochCount = 0;
  private snapshotBytesTotal = 0;
  private windowStart = { at: performance.now(), epochs: 0, snapshotBytes: 0 };
  private timer: NodeJS.Timeout | null = null;
  private gauges: MetricGauges = { sockets: 0, classes: 0, sessions: 0, trainingSessions: 0 };
  private workerLoad: () => WorkerLoad[] = () => [];

  private readonly epochs: Counter;
  private readonly snapshots: Counter;
  private readonly snapshotBytes: Counter;
  private readonly snapshotSize: Histogram;
  private readonly framesDropped: Counter;
  private readonly roundsMissed: Counter;
  private readonly commands: Counter;
  private readonly refused: Counter;
  private readonly changeLatency: Histogram;
  private readonly workersReplaced: Counter;
  private readonly snapshotsByWorkers: Counter;

  constructor(private readonly windowMs = 5000) {
    const registers = [this.registry];
    collectDefaultMetrics({ register: this.registry });
    const scraped = (name: string, help: string, read: (gauges: MetricGauges) => number) => {
      const gauges = () => this.gauges;
      new Gauge({ name, help, registers, collect() { this.set(read(gauges())); } });
    };
    scraped('playroom_sockets', 'Open socket.io connections.', (g) => g.sockets);
    scraped('playroom_classes', 'Live classes on this server.', (g) => g.classes);
    scraped('playroom_sessions', 'Live sessions (class sessions and forks).', (g) => g.sessions);
    scraped('playroom_training_sessions', 'Sessions playing right now.', (g) => g.trainingSessions);
    const counter = (name: string, help: string) => new Counter({ name, help, registers });
    this.epochs = counter('playroom_epochs_total', 'Epochs trained since start.');
    const window = () => this.window;
    new Gauge({ name: 'playroom_epochs_per_second', help: 'Epochs per second over the last window.', registers, collect() { this.set(window().epochsPerSecond); } });
    new Gauge({
      name: 'playroom_event_loop_delay_seconds',
      help: 'Event-loop delay over the last window (quantile 1 is the maximum).',
      labelNames: ['quantile'],
      registers,
      collect() {
        const delay = window().eventLoopDelayMs;
        this.set({ quantile: '0.5' }, delay.p50 / 1000);
        this.set({ quantile: '0.99' }, delay.p99 / 1000);
        this.set({ quantile: '1' }, delay.max / 1000);
      },
    });
    this.snapshots = counter('playroom_snapshots_total', 'Snapshots sent (one per recipient).');
    this.snapshotBytes = counter('playroom_snapshot_bytes_total', 'Snapshot bytes sent (all recipients).');
    this.framesDropped = counter(
      'playroom_snapshot_frames_dropped_total',
      'Snapshot frames a watcher did not get: its socket was still writing, or the pump missed the round (a stalled loop).',
    );
    this.commands = counter('playroom_commands_total', 'Commands received.');
    this.refused = counter('playroom_refused_total', 'Commands and events refused.');
    this.roundsMissed = counter(
      'playroom_snapshot_rounds_missed_total',
      'Snapshot rounds the pump missed because the event loop was busy past a whole round period.',
    );
    this.snapshotSize = new Histogram({ name: 'playroom_snapshot_size_bytes', help: 'Size of one encoded snapshot.', buckets: SNAPSHOT_SIZE_BUCKETS, registers });
    this.changeLatency = new Histogram({
      name: 'playroom_change_latency_seconds',
      help: "From a change's command to its session update leaving the server.",
      buckets: CHANGE_LATENCY_BUCKETS,
      registers,
    });
    const workers = () => this.workerLoad();
    const perWorker = (name: string, help: string, read: (load: WorkerLoad) => number) =>
      new Gauge({
        name,
        help,
        labelNames: ['worker'],
        registers,
        collect() {
          this.reset();
          for (const load of workers()) this.set({ worker: load.worker }, read(load));
        },
      });
    perWorker('playroom_training_worker_sessions', 'Sessions each training worker trains.', (load) => load.sessions);
    perWorker('playroom_training_worker_epochs_per_second', 'Epochs per second of each training worker.', (load) => load.epochsPerSecond);
    perWorker('playroom_training_worker_busy_ratio', 'Share of wall time each training worker was busy training (0..1).', (load) => load.busyRatio);
    this.workersReplaced = new Counter({
      name: 'playroom_training_workers_replaced_total',
      help: 'Training workers replaced after they stopped by themselves.',
      registers,
    });
    this.snapshotsByWorkers = counter(
      'playroom_snapshots_encoded_by_workers_total',
      'Snapshots (one per session per round, not per recipient) a training worker encoded; the main thread added only the clock and the loss tail.',
    );
  }

  start(): void {
    this.histogram.enable();
    this.timer = setInterval(() => this.rotate(), this.windowMs);
    this.timer.unref();
  }

  stop(): void {
    this.histogram.disable();
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  /** Where per-worker gauges come from (the worker pool's composition root calls this once). */
  readWorkerLoadFrom(source: () => WorkerLoad[]): void {
    this.workerLoad = source;
  }

  /** A training worker stopped by itself and was replaced (TrainingPool). */
  recordTrainingWorkerReplaced(): void {
    this.workersReplaced.inc();
  }

  /** epochs trained since start, by whichever thread */
  get epochsTotal(): number {
    return this.epochCount;
  }

  recordEpochs(epochs: number): void {
    this.epochCount += epochs;
    this.epochs.inc(epochs);
  }

  /** One snapshot of `bytes` sent to `recipients` sockets. */
  recordSnapshot(bytes: number, recipients: number): void {
    this.snapshotBytesTotal += bytes * recipients;
    this.snapshotSize.observe(bytes);
    if (recipients === 0) return;
    this.snapshots.inc(recipients);
    this.snapshotBytes.inc(bytes * recipients);
  }

  countCommand(): void {
    this.commands.inc();
  }

  countRefused(): void {
    this.refused.inc();
  }

  /** Snapshot frames some watchers did not get. */
  countDroppedFrames(frames: number): void {
    if (frames > 0) this.framesDropped.inc(frames);
  }

  /** One snapshot (of one session, one round) came encoded from a training worker. */
  countSnapshotEncodedByWorker(): void {
    this.snapshotsByWorkers.inc();
  }

  /** Snapshot rounds the pump's timer missed. */
  countMissedRounds(rounds: number): void {
    if (rounds > 0) this.roundsMissed.inc(rounds);
  }

  /** A `session` update left the server `ms` after its change. */
  observeChangeLatency(ms: number): void {
    this.changeLatency.observe(ms / 1000);
  }

  /** The last complete window. */
  lastWindow(): WindowStats {
    return structuredClone(this.window);
  }

  /** Close the current window now (the benchmark calls this to measure an exact interval). */
  rotate(): WindowStats {
    const now = performance.now();
    const seconds = Math.max((now - this.windowStart.at) / 1000, 1e-3);
    const ms = (ns: number) => (Number.isFinite(ns) ? ns / 1e6 : 0);
    const count = this.histogram.count;
    this.window = {
      eventLoopDelayMs: {
        p50: count > 0 ? ms(this.histogram.percentile(50)) : 0,
        p99: count > 0 ? ms(this.histogram.percentile(99)) : 0,
        max: count > 0 ? ms(this.histogram.max) : 0,
      },
      epochsPerSecond: (this.epochCount - this.windowStart.epochs) / seconds,
      snapshotBytesPerSecond: (this.snapshotBytesTotal - this.windowStart.snapshotBytes) / seconds,
    };
    this.histogram.reset();
    this.windowStart = { at: now, epochs: this.epochCount, snapshotBytes: this.snapshotBytesTotal };
    return this.lastWindow();
  }

  /** Prometheus text exposition format, with the caller's scrape-time numbers. */
  render(gauges: MetricGauges): Promise<string> {
    this.gauges = gauges;
    return this.registry.metrics();
  }
}
