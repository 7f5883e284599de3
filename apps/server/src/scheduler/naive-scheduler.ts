import type { Scheduler, Trainable, TrainingObserver, TrainingResult } from './scheduler';

const TICK_MS = 10;

/**
 * The obvious loop: every 10 ms, train every playing session its
 * `speed × 10 ms` worth of epochs, all at once, with no time budget. It is
 * here as the load benchmark's peer (`SCHEDULER=naive`), to show what the
 * time-sliced TrainingScheduler buys; the server never uses it by default.
 * It reports to the same observer, so the class sees the same events.
 */
export class NaiveScheduler<S extends Trainable = Trainable> implements Scheduler {
  private timer: NodeJS.Timeout | null = null;
  private readonly carry = new Map<string, number>();
  epochsTrained = 0;

  constructor(
    private readonly source: () => Iterable<S>,
    private readonly observer: TrainingObserver<S> = {},
  ) {}

  start(): void {
    this.timer ??= setInterval(() => this.tick(), TICK_MS);
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  /** Nothing to do: this loop runs every 10 ms whatever happens. */
  wake(): void {}

  /** trains on this thread: every round sees what it trained */
  roundDue(): void {}

  private tick(): void {
    for (const session of this.source()) {
      if (session.pendingSteps > 0) {
        // a whole step at once, however long it takes: what the time-sliced scheduler avoids
        const result = this.train(session, () => session.trainSteps(session.pendingSteps));
        if (result && !result.stopped) this.observer.stepsDone?.(session);
      }
      if (!session.playing) continue;
      const speed = session.speed === 'max' ? 1000 : session.speed;
      const due = (this.carry.get(session.id) ?? 0) + (speed * TICK_MS) / 1000;
      this.carry.set(session.id, due - Math.floor(due));
      this.train(session, () => session.train(Math.floor(due)));
    }
  }

  private train(session: S, run: () => TrainingResult): TrainingResult | null {
    let result: TrainingResult;
    try {
      result = run();
    } catch (error) {
      this.observer.failed?.(session, error);
      return null;
    }
    this.epochsTrained += result.ran;
    if (result.ran > 0) this.observer.trained?.(session, result.ran);
    if (result.stopped) this.observer.stopped?.(session, result.stopped);
    return result;
  }
}
