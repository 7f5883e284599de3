import { monitorEventLoopDelay, type IntervalHistogram } from 'node:perf_hooks';
import type { WorkerLoad } from '../scheduler/training-pool';

/** Numbers only the caller knows at scrape time. */
export interface MetricGauges {
  sockets: number;
  classes: number;
  sessions: number;
  trainingSessions: number;
}

export interface WindowStats {
  /** event-loop delay over the last window, milliseconds */
  eventLoopDelayMs: { p50: number; p99: number; max: number };
  epochsPerSecond: number;
  snapshotBytesPerSecond: number;
}

/**
 * Counters and the event-loop delay histogram behind `/metrics` (rule
 * REST-4). Rates and delay percentiles are over a rolling window
 * (`windowMs`), so a scrape shows the present, not the whole uptime.
 */
export class ServerMetrics {
  epochsTotal = 0;
  snapshotsTotal = 0;
  snapshotBytesTotal = 0;
  commandsTotal = 0;
  /** snapshot frames skipped because the socket was still writing (slow client) */
  framesDroppedTotal = 0;
  refusedTotal = 0;
  /** sampled every 1 ms; values include that 1 ms interval (an idle loop reads ~1.1 ms) */
  private readonly histogram: IntervalHistogram = monitorEventLoopDelay({ resolution: 1 });
  private window: WindowStats = {
    eventLoopDelayMs: { p50: 0, p99: 0, max: 0 },
    epochsPerSecond: 0,
    snapshotBytesPerSecond: 0,
  };
  private windowStart = { at: performance.now(), epochs: 0, snapshotBytes: 0 };
  private timer: NodeJS.Timeout | null = null;

  constructor(private readonly windowMs = 5000) {}

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

  recordEpochs(epochs: number): void {
    this.epochsTotal += epochs;
  }

  /** One snapshot of `bytes` sent to `recipients` sockets. */
  recordSnapshot(bytes: number, recipients: number): void {
    this.snapshotsTotal += recipients;
    this.snapshotBytesTotal += bytes * recipients;
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
      epochsPerSecond: (this.epochsTotal - this.windowStart.epochs) / seconds,
      snapshotBytesPerSecond: (this.snapshotBytesTotal - this.windowStart.snapshotBytes) / seconds,
    };
    this.histogram.reset();
    this.windowStart = { at: now, epochs: this.epochsTotal, snapshotBytes: this.snapshotBytesTotal };
    return this.lastWindow();
  }

  /** Prometheus text exposition format. */
  render(gauges: MetricGauges): string {
    const { eventLoopDelayMs: delay, epochsPerSecond } = this.window;
    const lines: string[] = [];
    const metric = (name: string, type: 'gauge' | 'counter', help: string, samples: [string, number][]) => {
      lines.push(`# HELP ${name} ${help}`, `# TYPE ${name} ${type}`);
      for (const [labels, value] of samples) lines.push(`${name}${labels} ${Number.isFinite(value) ? value : 0}`);
    };
    metric('playroom_sockets', 'gauge', 'Open socket.io connections.', [['', gauges.sockets]]);
    metric('playroom_classes', 'gauge', 'Live classes on this server.', [['', gauges.classes]]);
    metric('playroom_sessions', 'gauge', 'Live sessions (class sessions and forks).', [['', gauges.sessions]]);
    metric('playroom_training_sessions', 'gauge', 'Sessions playing right now.', [['', gauges.trainingSessions]]);
    metric('playroom_epochs_total', 'counter', 'Epochs trained since start.', [['', this.epochsTotal]]);
    metric('playroom_epochs_per_second', 'gauge', 'Epochs per second over the last window.', [['', epochsPerSecond]]);
    metric('playroom_event_loop_delay_seconds', 'gauge', 'Event-loop delay over the last window.', [
      ['{quantile="0.5"}', delay.p50 / 1000],
      ['{quantile="0.99"}', delay.p99 / 1000],
      ['{quantile="1"}', delay.max / 1000],
    ]);
    metric('playroom_snapshots_total', 'counter', 'Snapshots sent (one per recipient).', [['', this.snapshotsTotal]]);
    metric('playroom_snapshot_bytes_total', 'counter', 'Snapshot bytes sent (all recipients).', [['', this.snapshotBytesTotal]]);
    metric('playroom_snapshot_frames_dropped_total', 'counter', 'Snapshot frames skipped for sockets still writing.', [
      ['', this.framesDroppedTotal],
    ]);
    metric('playroom_commands_total', 'counter', 'Commands received.', [['', this.commandsTotal]]);
    metric('playroom_refused_total', 'counter', 'Commands and events refused.', [['', this.refusedTotal]]);
    const workers = this.trainingWorkerLoad();
    const perWorker = (value: (load: WorkerLoad) => number): [string, number][] => workers.map((load, i) => [`{worker="${i}"}`, value(load)]);
    metric('playroom_training_worker_sessions', 'gauge', 'Sessions each training worker trains.', perWorker((load) => load.sessions));
    metric('playroom_training_worker_epochs_per_second', 'gauge', 'Epochs per second of each training worker.', perWorker((load) => load.epochsPerSecond));
    metric('playroom_training_worker_busy_ratio', 'gauge', 'Fraction of its time each training worker works.', perWorker((load) => load.busy));
    metric('playroom_training_workers_replaced_total', 'counter', 'Training workers replaced after they stopped.', [['', this.trainingWorkersReplacedTotal]]);
    return `${lines.join('\n')}\n`;
  }

  /** training workers replaced after they stopped by themselves (TrainingPool) */
  trainingWorkersReplacedTotal = 0;
  /** the training pool's per-worker load, read at scrape time; none while the main thread trains */
  private trainingWorkerLoad: () => readonly WorkerLoad[] = () => [];

  recordTrainingWorkerReplaced(): void {
    this.trainingWorkersReplacedTotal++;
  }

  /** Where the per-worker load comes from (TrainingPool.load). */
  watchTrainingWorkers(load: () => readonly WorkerLoad[]): void {
    this.trainingWorkerLoad = load;
  }
}
