import type { Scheduler, Trainable, TrainingObserver, TrainingResult } from './scheduler';

export interface SchedulerOptions<S extends Trainable = Trainable> {
  /** the most main-thread time one tick may spend training */
  sliceBudgetMs: number;
  /** told what training did (epochs, divergence, finished steps, failures) */
  observer?: TrainingObserver<S>;
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
 * epochs of credit and spend it least-served first (a fair-share virtual
 * time: epochs ÷ speed), each due session at most an equal share of its
 * class's part of the slice, classes least served first (LIM-9), so under
 * overload all slow down evenly and a class's share does not grow with its
 * number of forks; sessions at 'max' share
 * whatever budget is left. Credit carries over (capped), so 60 epochs per
 * second come out as 60 whatever the tick rate. Epochs queued by `step`
 * commands are trained first, each stepping session with the same share of
 * a slice as a due paced one, so a 1,000-epoch step on the largest network
 * takes many slices and never holds the event loop (rule CMD-8).
 */
export class TrainingScheduler<S extends Trainable = Trainable> implements Scheduler {
  private readonly credit = new Map<string, number>();
  /** milliseconds per epoch, moving average per session, to size each call */
  private readonly costMs = new Map<string, number>();
  /** epochs trained divided by speed: how much service each paced session got (for ordering) */
  private readonly virtualTime = new Map<string, number>();
  /** training time each class with a playing session got, in ms: the least served class goes first (LIM-9) */
  private readonly classServedMs = new Map<string, number>();
  private lastTick = 0;
  private rotation = 0;
  private timer: NodeJS.Timeout | NodeJS.Immediate | null = null;
  /** whether `timer` is a timeout (an idle or pacing wait that `wake` may cut short) */
  private sleeping = false;
  private running = false;
  epochsTrained = 0;

  private readonly observer: TrainingObserver<S>;

  constructor(
    private readonly source: () => Iterable<S>,
    private readonly options: SchedulerOptions<S>,
    private readonly now: () => number = performance.now.bind(performance),
  ) {
    this.observer = options.observer ?? {};
  }

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
    this.sleeping = false;
  }

  /** Trains on this thread: every snapshot round sees what it trained. */
  roundDue(): void {}

  /** Work was queued (a step): run a slice right after the current I/O instead of at the end of an idle wait. */
  wake(): void {
    if (!this.running || !this.sleeping) return;
    clearTimeout(this.timer as NodeJS.Timeout);
    this.schedule(0);
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
    const playing: S[] = [];
    const stepping: S[] = [];
    for (const session of this.source()) {
      if (session.playing) playing.push(session);
      if (session.pendingSteps > 0) stepping.push(session);
    }
    this.forgetStopped(playing, stepping);
    if (playing.length === 0 && stepping.length === 0) return IDLE_POLL_MS;

    const rotation = this.rotation++;
    const rotate = (list: S[]) => {
      const offset = rotation % Math.max(1, list.length);
      return [...list.slice(offset), ...list.slice(0, offset)];
    };
    const ordered = rotate(playing);
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
    const served = (s: S) => this.virtualTime.get(s.id)!;
    // classes first (LIM-9): a class that joins starts level with the least served one
    const classFloor = Math.min(...[...this.classServedMs.values()], Infinity);
    for (const session of ordered) if (!this.classServedMs.has(session.classId)) this.classServedMs.set(session.classId, classFloor === Infinity ? 0 : classFloor);
    const classServed = (s: S) => this.classServedMs.get(s.classId) ?? 0;
    paced.sort((a, b) => classServed(a) - classServed(b) || served(a) - served(b));
    unlimited.sort((a, b) => classServed(a) - classServed(b));
    // each class with a due session gets an equal part of the slice, split evenly among its due
    // sessions (LIM-9): under load many sessions move a little every slice (smooth snapshots)
    // instead of one moving a lot every few hundred ms, and a class of 100 forks gets no more than one of 1
    const shareOf = classShares([...paced.filter((s) => this.credit.get(s.id)! >= 1), ...stepping], this.options.sliceBudgetMs);
    // queued steps first: someone pressed a button and is waiting; a big step takes many slices (rule CMD-8)
    for (const session of rotate(stepping)) {
      const remaining = deadline - this.now();
      if (remaining <= 0) break;
      const affordable = Math.max(1, Math.floor(Math.min(remaining, shareOf(session)) / this.costOf(session) + 1e-6));
      this.runSteps(session, Math.min(session.pendingSteps, affordable));
    }
    for (const session of paced) {
      const credit = this.credit.get(session.id)!;
      if (credit < 1) continue;
      const remaining = deadline - this.now();
      if (remaining <= 0) break;
      const affordable = Math.max(1, Math.floor(Math.min(remaining, shareOf(session)) / this.costOf(session) + 1e-6));
      const ran = this.run(session, Math.min(Math.floor(credit), affordable));
      this.credit.set(session.id, credit - ran);
    }
    // what is left goes to the 'max' sessions, in the same class-first proportions
    const weightOf = classShares(unlimited, 1);
    let weightLeft = unlimited.length > 0 ? 1 : 0;
    for (const session of unlimited) {
      const remaining = deadline - this.now();
      if (remaining <= 0) break;
      const share = (remaining * weightOf(session)) / weightLeft;
      weightLeft -= weightOf(session);
      this.run(session, Math.max(1, Math.floor(share / this.costOf(session))));
    }
    return this.nextWait(paced, unlimited.length > 0 || stepping.some((s) => s.pendingSteps > 0));
  }

  private run(session: S, epochs: number): number {
    const result = this.timedTraining(session, () => session.train(epochs));
    if (!result) return 0;
    if (result.ran > 0 && typeof session.speed === 'number') {
      this.virtualTime.set(session.id, (this.virtualTime.get(session.id) ?? 0) + result.ran / session.speed);
    }
    if (result.stopped) this.observer.stopped?.(session, result.stopped);
    return result.ran;
  }

  private runSteps(session: S, epochs: number): void {
    const result = this.timedTraining(session, () => session.trainSteps(epochs));
    if (!result) return;
    if (result.stopped) this.observer.stopped?.(session, result.stopped);
    else if (session.pendingSteps === 0) this.observer.stepsDone?.(session);
  }

  /** Runs `train` and accounts the epochs it ran and their time; null if it threw (reported to the observer). */
  private timedTraining(session: S, train: () => TrainingResult): TrainingResult | null {
    const started = this.now();
    let result: TrainingResult;
    try {
      result = train();
    } catch (error) {
      this.observer.failed?.(session, error);
      return null;
    }
    if (result.ran > 0) this.account(session, result.ran, this.now() - started);
    return result;
  }

  private account(session: S, ran: number, elapsedMs: number): void {
    const perEpoch = elapsedMs / ran;
    const previous = this.costMs.get(session.id);
    this.costMs.set(session.id, previous === undefined ? perEpoch : previous * 0.8 + perEpoch * 0.2);
    const classServed = this.classServedMs.get(session.classId);
    if (classServed !== undefined) this.classServedMs.set(session.classId, classServed + elapsedMs);
    this.epochsTrained += ran;
    this.observer.trained?.(session, ran);
  }

  /** Estimated ms per epoch; an unmeasured session runs one epoch first. */
  private costOf(session: S): number {
    return this.costMs.get(session.id) ?? this.options.sliceBudgetMs;
  }

  private nextWait(paced: S[], workLeftNow: boolean): number {
    if (workLeftNow) return 0;
    let wait = IDLE_POLL_MS;
    for (const session of paced) {
      if (!session.playing) continue;
      const missing = 1 - (this.credit.get(session.id) ?? 0);
      if (missing <= 0) return 0;
      wait = Math.min(wait, (missing / (session.speed as number)) * 1000);
    }
    return Math.max(MIN_WAIT_MS, wait);
  }

  private forgetStopped(playing: S[], stepping: S[]): void {
    if (this.credit.size <= playing.length && this.costMs.size <= playing.length + stepping.length) return;
    const isPlaying = new Set(playing.map((s) => s.id));
    const isActive = new Set([...isPlaying, ...stepping.map((s) => s.id)]);
    for (const id of this.credit.keys()) if (!isPlaying.has(id)) this.credit.delete(id);
    for (const id of this.costMs.keys()) if (!isActive.has(id)) this.costMs.delete(id);
    for (const id of this.virtualTime.keys()) if (!isPlaying.has(id)) this.virtualTime.delete(id);
    const playingClasses = new Set(playing.map((s) => s.classId));
    for (const id of this.classServedMs.keys()) if (!playingClasses.has(id)) this.classServedMs.delete(id);
  }

  private schedule(waitMs: number): void {
    if (!this.running) return;
    const next = () => {
      if (!this.running) return;
      this.schedule(this.tick());
    };
    this.sleeping = waitMs > 0;
    this.timer = waitMs <= 0 ? setImmediate(next) : setTimeout(next, waitMs);
  }
}

/**
 * Split `total` among `sessions` class first (LIM-9): each class present an
 * equal part, each of its sessions an equal part of that. Returns each
 * session's part (0 for one not in the list).
 */
function classShares<S extends Trainable>(sessions: readonly S[], total: number): (session: S) => number {
  const perClass = new Map<string, number>();
  for (const session of sessions) perClass.set(session.classId, (perClass.get(session.classId) ?? 0) + 1);
  return (session) => {
    const inClass = perClass.get(session.classId);
    return inClass === undefined ? 0 : total / perClass.size / inClass;
  };
}
