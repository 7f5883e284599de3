import type { Speed } from '@playroom/protocol';

/** What the scheduler trains (a TrainingSession). */
export interface Trainable {
  readonly id: string;
  readonly playing: boolean;
  readonly speed: Speed;
  /** train up to `epochs` epochs now; returns how many ran (fewer when training stopped) */
  train(epochs: number): number;
}

export interface SchedulerOptions {
  /** the most main-thread time one tick may spend training */
  sliceBudgetMs: number;
  /** called after a session trained (epochs > 0) */
  onTrained?: (session: Trainable, epochs: number) => void;
  /** called when a playing session stopped by itself (divergence) */
  onStopped?: (session: Trainable) => void;
  onError?: (session: Trainable, error: unknown) => void;
}

/** Credit (in epochs) a session may bank while the server is busy, in seconds of its speed. */
const MAX_BACKLOG_SECONDS = 0.25;
/** A stalled event loop does not turn into a burst of catch-up training. */
const MAX_TICK_GAP_MS = 250;
const IDLE_POLL_MS = 20;
/** Waking for every single due epoch costs more than it buys; a few ms of batching keeps timers calm. */
const MIN_WAIT_MS = 4;

/**
 * Trains every playing session at its target speed on the main thread, in
 * slices of at most `sliceBudgetMs`, yielding to socket I/O between slices
 * (rules TRAIN-1, TRAIN-2). Each tick, paced sessions earn `speed × dt`
 * epochs of credit and spend it in round-robin order starting one further
 * each tick, so under overload all slow down evenly; sessions at 'max' share
 * whatever budget is left. Credit carries over (capped), so 60 epochs per
 * second come out as 60 whatever the tick rate.
 */
export class TrainingScheduler {
  private readonly credit = new Map<string, number>();
  /** milliseconds per epoch, moving average per session, to size each call */
  private readonly costMs = new Map<string, number>();
  /** epochs trained divided by speed: how much service each paced session got (for ordering) */
  private readonly virtualTime = new Map<string, number>();
  private lastTick = 0;
  private rotation = 0;
  private timer: NodeJS.Timeout | NodeJS.Immediate | null = null;
  private running = false;
  epochsTrained = 0;

  constructor(
    private readonly source: () => Iterable<Trainable>,
    private readonly options: SchedulerOptions,
    private readonly now: () => number = performance.now.bind(performance),
  ) {}

  start(): void {
    if (this.running) return;
    this.running = true;
    this.lastTick = this.now();
    this.schedule(0);
  }

  stop(): void {
    this.running = false;
    if (this.timer) {
      clearTimeout(this.timer as NodeJS.Timeout);
      clearImmediate(this.timer as NodeJS.Immediate);
    }
    this.timer = null;
  }

  /**
   * One slice: train what is due within the budget. Returns how long to wait
   * before the next slice (0: work is pending, continue after I/O).
   */
  tick(): number {
    const start = this.now();
    const dtSeconds = Math.min(start - this.lastTick, MAX_TICK_GAP_MS) / 1000;
    this.lastTick = start;
    const deadline = start + this.options.sliceBudgetMs;
    const playing: Trainable[] = [];
    for (const session of this.source()) if (session.playing) playing.push(session);
    this.forgetStopped(playing);
    if (playing.length === 0) return IDLE_POLL_MS;

    const offset = this.rotation++ % playing.length;
    const ordered = [...playing.slice(offset), ...playing.slice(0, offset)];
    const paced = ordered.filter((s) => s.speed !== 'max');
    const unlimited = ordered.filter((s) => s.speed === 'max');

    for (const session of paced) {
      const speed = session.speed as number;
      const cap = Math.max(1, speed * MAX_BACKLOG_SECONDS);
      this.credit.set(session.id, Math.min(cap, (this.credit.get(session.id) ?? 0) + speed * dtSeconds));
    }
    // the least served (in seconds of its own speed) goes first, so shortfalls even out
    const floor = Math.min(...[...this.virtualTime.values()], Infinity);
    for (const session of paced) if (!this.virtualTime.has(session.id)) this.virtualTime.set(session.id, floor === Infinity ? 0 : floor);
    const served = (s: Trainable) => this.virtualTime.get(s.id)!;
    paced.sort((a, b) => served(a) - served(b));
    // each due session gets an equal share of the slice, so under load many sessions move a little
    // every slice (smooth snapshots) instead of one session moving a lot every few hundred ms
    const dueCount = paced.filter((s) => this.credit.get(s.id)! >= 1).length;
    const share = this.options.sliceBudgetMs / Math.max(1, dueCount);
    for (const session of paced) {
      const credit = this.credit.get(session.id)!;
      if (credit < 1) continue;
      const remaining = deadline - this.now();
      if (remaining <= 0) break;
      const affordable = Math.max(1, Math.floor(Math.min(remaining, share) / this.costOf(session) + 1e-6));
      const ran = this.run(session, Math.min(Math.floor(credit), affordable));
      this.credit.set(session.id, credit - ran);
    }
    for (let i = 0; i < unlimited.length; i++) {
      const remaining = deadline - this.now();
      if (remaining <= 0) break;
      const share = remaining / (unlimited.length - i);
      const session = unlimited[i]!;
      this.run(session, Math.max(1, Math.floor(share / this.costOf(session))));
    }
    return this.nextWait(paced, unlimited.length > 0);
  }

  private run(session: Trainable, epochs: number): number {
    const started = this.now();
    let ran = 0;
    try {
      ran = session.train(epochs);
    } catch (error) {
      this.options.onError?.(session, error);
    }
    if (ran > 0) {
      const perEpoch = (this.now() - started) / ran;
      const previous = this.costMs.get(session.id);
      this.costMs.set(session.id, previous === undefined ? perEpoch : previous * 0.8 + perEpoch * 0.2);
      this.epochsTrained += ran;
      if (typeof session.speed === 'number') {
        this.virtualTime.set(session.id, (this.virtualTime.get(session.id) ?? 0) + ran / session.speed);
      }
      this.options.onTrained?.(session, ran);
    }
    if (!session.playing) this.options.onStopped?.(session);
    return ran;
  }

  /** Estimated ms per epoch; an unmeasured session runs one epoch first. */
  private costOf(session: Trainable): number {
    return this.costMs.get(session.id) ?? this.options.sliceBudgetMs;
  }

  private nextWait(paced: Trainable[], hasUnlimited: boolean): number {
    if (hasUnlimited) return 0;
    let wait = IDLE_POLL_MS;
    for (const session of paced) {
      if (!session.playing) continue;
      const missing = 1 - (this.credit.get(session.id) ?? 0);
      if (missing <= 0) return 0;
      wait = Math.min(wait, (missing / (session.speed as number)) * 1000);
    }
    return Math.max(MIN_WAIT_MS, wait);
  }

  private forgetStopped(playing: Trainable[]): void {
    if (this.credit.size <= playing.length) return;
    const live = new Set(playing.map((s) => s.id));
    for (const id of this.credit.keys()) if (!live.has(id)) this.credit.delete(id);
    for (const id of this.costMs.keys()) if (!live.has(id)) this.costMs.delete(id);
    for (const id of this.virtualTime.keys()) if (!live.has(id)) this.virtualTime.delete(id);
  }

  private schedule(waitMs: number): void {
    if (!this.running) return;
    const next = () => {
      if (!this.running) return;
      this.schedule(this.tick());
    };
    this.timer = waitMs <= 0 ? setImmediate(next) : setTimeout(next, waitMs);
  }
}
