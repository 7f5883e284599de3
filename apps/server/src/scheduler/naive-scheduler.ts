import type { SchedulerOptions, Trainable } from './training-scheduler';

const TICK_MS = 10;

/**
 * The obvious loop: every 10 ms, train every playing session its
 * `speed × 10 ms` worth of epochs, all at once, with no time budget. It is
 * here as the load benchmark's peer (`SCHEDULER=naive`), to show what the
 * time-sliced TrainingScheduler buys; the server never uses it by default.
 */
export class NaiveScheduler {
  private timer: NodeJS.Timeout | null = null;
  private readonly carry = new Map<string, number>();
  epochsTrained = 0;

  constructor(
    private readonly source: () => Iterable<Trainable>,
    private readonly options: Pick<SchedulerOptions, 'onTrained' | 'onStopped' | 'onStepsDone'>,
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

  private tick(): void {
    for (const session of this.source()) {
      if (session.pendingSteps > 0) {
        // a whole step at once, however long it takes: what the time-sliced scheduler avoids
        const ran = session.trainSteps(session.pendingSteps);
        this.epochsTrained += ran;
        if (ran > 0) this.options.onTrained?.(session, ran);
        this.options.onStepsDone?.(session);
      }
      if (!session.playing) continue;
      const speed = session.speed === 'max' ? 1000 : session.speed;
      const due = (this.carry.get(session.id) ?? 0) + (speed * TICK_MS) / 1000;
      const ran = session.train(Math.floor(due));
      this.carry.set(session.id, due - Math.floor(due));
      this.epochsTrained += ran;
      if (ran > 0) this.options.onTrained?.(session, ran);
      if (!session.playing) this.options.onStopped?.(session);
    }
  }
}
