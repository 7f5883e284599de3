import type { Speed } from '@playroom/protocol';
import { describe, expect, it } from 'vitest';
import { NaiveScheduler } from './naive-scheduler';
import type { Scheduler, Trainable, TrainingResult } from './scheduler';
import { TrainingScheduler } from './training-scheduler';

/** A session whose epochs cost `costMs` of the fake clock each. */
class FakeSession implements Trainable {
  epochs = 0;
  pendingSteps = 0;
  /** a class of its own unless a test groups sessions */
  classId: string;
  constructor(
    readonly id: string,
    public speed: Speed,
    private readonly clock: { t: number },
    private readonly costMs: number,
    public playing = true,
    private readonly stopAt = Infinity,
  ) {
    this.classId = `class of ${id}`;
  }
  train(epochs: number): TrainingResult {
    let ran = 0;
    while (ran < epochs && this.epochs < this.stopAt) {
      this.epochs++;
      ran++;
      this.clock.t += this.costMs;
    }
    if (this.epochs < this.stopAt) return { ran, stopped: null };
    this.playing = false;
    this.pendingSteps = 0;
    return { ran, stopped: { reason: 'loss is NaN', epoch: this.epochs, kind: 'not-finite' } };
  }
  trainSteps(epochs: number): TrainingResult {
    const result = this.train(Math.min(epochs, this.pendingSteps));
    if (!result.stopped) this.pendingSteps -= result.ran;
    return result;
  }
}

/** Run the scheduler on a fake clock for `seconds`, honouring the waits it asks for. */
function simulate(scheduler: TrainingScheduler, clock: { t: number }, seconds: number): void {
  const end = clock.t + seconds * 1000;
  while (clock.t < end) {
    const wait = scheduler.tick();
    clock.t += Math.max(wait, 0.5); // I/O between slices takes a little time too
  }
}

describe('TrainingScheduler', () => {
  it('TRAIN-1: trains a paced session at its speed', () => {
    const clock = { t: 0 };
    const sessions = [new FakeSession('a', 60, clock, 0.01), new FakeSession('b', 200, clock, 0.01)];
    const scheduler = new TrainingScheduler(() => sessions, { sliceBudgetMs: 6 }, () => clock.t);
    simulate(scheduler, clock, 10);
    expect(sessions[0]!.epochs).toBeGreaterThanOrEqual(595);
    expect(sessions[0]!.epochs).toBeLessThanOrEqual(601);
    expect(sessions[1]!.epochs).toBeGreaterThanOrEqual(1990);
    expect(sessions[1]!.epochs).toBeLessThanOrEqual(2001);
  });

  it('TRAIN-2: under overload, equal sessions get equal shares and no slice exceeds the budget by more than one epoch', () => {
    const clock = { t: 0 };
    // 20 sessions × 60 epochs/s × 2 ms = 2.4 s of work per second: impossible, so all slow down
    const sessions = Array.from({ length: 20 }, (_, i) => new FakeSession(`s${i}`, 60, clock, 2));
    let longestSlice = 0;
    const scheduler = new TrainingScheduler(() => sessions, { sliceBudgetMs: 6 }, () => clock.t);
    const end = clock.t + 10_000;
    while (clock.t < end) {
      const before = clock.t;
      const wait = scheduler.tick();
      longestSlice = Math.max(longestSlice, clock.t - before);
      clock.t += Math.max(wait, 0.5);
    }
    const counts = sessions.map((s) => s.epochs);
    expect(Math.max(...counts) - Math.min(...counts)).toBeLessThanOrEqual(Math.max(...counts) * 0.05 + 2);
    expect(longestSlice).toBeLessThanOrEqual(6 + 2);
    expect(Math.min(...counts)).toBeGreaterThan(100);
  });

  it('LIM-9: under overload a class of 20 forks gets the same training time as a class of one session, paced and at max', () => {
    for (const speed of [1000, 'max'] as const) {
      const clock = { t: 0 };
      const crowd = Array.from({ length: 20 }, (_, i) => Object.assign(new FakeSession(`a${i}`, speed, clock, 0.5), { classId: 'crowded' }));
      const alone = Object.assign(new FakeSession('b', speed, clock, 0.5), { classId: 'quiet' });
      const scheduler = new TrainingScheduler(() => [...crowd, alone], { sliceBudgetMs: 6 }, () => clock.t);
      simulate(scheduler, clock, 10);
      const crowdEpochs = crowd.reduce((sum, s) => sum + s.epochs, 0);
      // before (a share per session): the quiet class got 1/21 of the time
      expect(alone.epochs / crowdEpochs).toBeGreaterThan(0.8);
      expect(alone.epochs / crowdEpochs).toBeLessThan(1.25);
      // and within the crowded class its forks still share evenly
      const perFork = crowd.map((s) => s.epochs);
      expect(Math.min(...perFork)).toBeGreaterThan(0.7 * Math.max(...perFork));
    }
  });

  it("TRAIN-1: 'max' sessions use leftover time without starving paced ones", () => {
    const clock = { t: 0 };
    const paced = new FakeSession('paced', 60, clock, 0.5);
    const greedy = new FakeSession('greedy', 'max', clock, 0.5);
    const scheduler = new TrainingScheduler(() => [greedy, paced], { sliceBudgetMs: 6 }, () => clock.t);
    simulate(scheduler, clock, 5);
    expect(paced.epochs).toBeGreaterThanOrEqual(290);
    expect(greedy.epochs).toBeGreaterThan(paced.epochs * 5);
  });

  it('skips paused sessions and reports a session that stopped itself', () => {
    const clock = { t: 0 };
    const paused = new FakeSession('paused', 60, clock, 0.01, false);
    const diverging = new FakeSession('diverging', 60, clock, 0.01, true, 10);
    const stopped: string[] = [];
    const scheduler = new TrainingScheduler(
      () => [paused, diverging],
      { sliceBudgetMs: 6, observer: { stopped: (s, reason) => stopped.push(`${s.id}@${reason.epoch}`) } },
      () => clock.t,
    );
    simulate(scheduler, clock, 1);
    expect(paused.epochs).toBe(0);
    expect(diverging.epochs).toBe(10);
    expect(stopped).toEqual(['diverging@10']);
  });

  it('CMD-8: a 1,000-epoch step runs across many slices, each within the budget, while the playing sessions keep their pace', () => {
    const clock = { t: 0 };
    // the largest network: ~0.8 ms an epoch, so the whole step is ~800 ms of work
    const stepped = new FakeSession('stepped', 60, clock, 0.8, false);
    const players = Array.from({ length: 3 }, (_, i) => new FakeSession(`p${i}`, 60, clock, 0.1));
    const done: string[] = [];
    const scheduler = new TrainingScheduler(
      () => [stepped, ...players],
      { sliceBudgetMs: 6, observer: { stepsDone: (s) => done.push(`${s.id}@${s.epochs}`) } },
      () => clock.t,
    );
    stepped.pendingSteps = 1000;
    scheduler.wake(); // not started: nothing to cut short, and no throw
    let slices = 0;
    let longestSlice = 0;
    const end = clock.t + 5000;
    while (clock.t < end) {
      const before = clock.t;
      const wait = scheduler.tick();
      if (clock.t > before) slices++;
      longestSlice = Math.max(longestSlice, clock.t - before);
      clock.t += Math.max(wait, 0.5);
    }
    expect(stepped.epochs).toBe(1000);
    expect(stepped.pendingSteps).toBe(0);
    expect(done).toEqual(['stepped@1000']);
    expect(slices).toBeGreaterThan(100);
    expect(longestSlice).toBeLessThanOrEqual(6 + 0.8);
    for (const player of players) expect(player.epochs).toBeGreaterThanOrEqual(295);
  });

  it('CMD-8: a step that diverges drops the rest and is reported stopped once, not done', () => {
    const clock = { t: 0 };
    const diverging = new FakeSession('d', 60, clock, 0.5, false, 30);
    const heard: string[] = [];
    const scheduler = new TrainingScheduler(
      () => [diverging],
      { sliceBudgetMs: 6, observer: { stepsDone: (s) => heard.push(`done ${s.id}`), stopped: (s) => heard.push(`stopped ${s.id}`) } },
      () => clock.t,
    );
    diverging.pendingSteps = 500;
    simulate(scheduler, clock, 2);
    expect(diverging.epochs).toBe(30);
    expect(diverging.pendingSteps).toBe(0);
    expect(heard).toEqual(['stopped d']);
  });

  it('a session that throws is reported and keeps the scheduler going; a throwing step is not reported as done', () => {
    const clock = { t: 0 };
    class Broken extends FakeSession {
      override train(): TrainingResult {
        throw new Error('broken weights');
      }
      override trainSteps(): TrainingResult {
        this.pendingSteps = 0; // even with nothing left queued, a step that threw is not done
        throw new Error('broken weights');
      }
    }
    const broken = new Broken('broken', 60, clock, 0.01);
    broken.pendingSteps = 5;
    const healthy = new FakeSession('healthy', 60, clock, 0.01);
    const errors: string[] = [];
    const stepsDone: string[] = [];
    const scheduler = new TrainingScheduler(() => [broken, healthy], {
      sliceBudgetMs: 6,
      observer: {
        failed: (session, error) => errors.push(`${session.id}: ${(error as Error).message}`),
        stepsDone: (session) => stepsDone.push(session.id),
      },
    }, () => clock.t);
    simulate(scheduler, clock, 1);
    expect(errors.length).toBeGreaterThan(0);
    expect(new Set(errors)).toEqual(new Set(['broken: broken weights']));
    expect(stepsDone).toEqual([]);
    expect(healthy.epochs).toBeGreaterThanOrEqual(55);
    expect(scheduler.epochsTrained).toBe(healthy.epochs);
  });
});

describe('NaiveScheduler (the benchmark peer)', () => {
  it('implements the same Scheduler and tells its observer the same outcomes', async () => {
    const clock = { t: 0 };
    const stepping = new FakeSession('s', 60, clock, 0, false);
    stepping.pendingSteps = 5;
    const diverging = new FakeSession('d', 1000, clock, 0, true, 3);
    const broken = new (class extends FakeSession {
      override train(): TrainingResult {
        throw new Error('broken');
      }
    })('b', 60, clock, 0);
    const heard: string[] = [];
    const scheduler: Scheduler = new NaiveScheduler(() => [stepping, diverging, broken], {
      stepsDone: (s) => heard.push(`done ${s.id}@${s.epochs}`),
      stopped: (s, reason) => heard.push(`stopped ${s.id}@${reason.epoch}`),
      failed: (s) => heard.push(`failed ${s.id}`),
    });
    scheduler.start();
    try {
      await new Promise((resolve) => setTimeout(resolve, 60));
    } finally {
      scheduler.stop();
    }
    expect(heard.slice(0, 3)).toEqual(['done s@5', 'stopped d@3', 'failed b']);
    expect(scheduler.epochsTrained).toBe(8);
  });
});
