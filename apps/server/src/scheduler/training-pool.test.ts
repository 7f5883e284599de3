import { DEFAULT_CONFIG, type TrainerConfig } from '@playroom/engine';
import { afterEach, describe, expect, it } from 'vitest';
import { TrainingSession } from '../classroom/training-session';
import type { TrainingObserver } from './scheduler';
import { TrainingPool } from './training-pool';
import { sessionIdentity as identity } from '../classroom/session-identity.fixture';


/** What must be equal bit for bit: everything but the clock (which counts rounds, not epochs). */
const exact = (session: TrainingSession) => {
  const { clock: _clock, ...state } = session.toState();
  const { clock: _recordClock, ...record } = session.toRecord();
  return { state, record };
};

const until = async (what: string, done: () => boolean, timeoutMs = 20_000): Promise<void> => {
  const deadline = Date.now() + timeoutMs;
  while (!done()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
};

/** The same commands on the main thread, trained there: the reference. */
function stepOnMainThread(session: TrainingSession, epochs: number): void {
  session.queueSteps(epochs, 'p_teacher');
  while (session.pendingSteps > 0) session.trainSteps(session.pendingSteps);
}

let pool: TrainingPool | null = null;
afterEach(() => {
  pool?.stop();
  pool = null;
});

function startPool(sessions: TrainingSession[], workers: number, observer: TrainingObserver<TrainingSession> = {}) {
  const events = { stepsDone: 0, trained: 0, replaced: [] as unknown[] };
  pool = new TrainingPool(() => sessions, {
    workers,
    sliceBudgetMs: 6,
    roundMs: 30,
    observer: {
      ...observer,
      trained: (session, epochs) => {
        events.trained += epochs;
        observer.trained?.(session, epochs);
      },
      stepsDone: (session) => {
        events.stepsDone++;
        observer.stepsDone?.(session);
      },
    },
    workerReplaced: (_index, cause) => events.replaced.push(cause),
    startFailed: (cause) => {
      throw cause;
    },
  });
  pool.start();
  return events;
}

describe('TrainingPool', () => {
  it('trains in worker threads, bit for bit as the main thread: steps, then a weight, a kept config change and more steps', async () => {
    const configs: TrainerConfig[] = [
      DEFAULT_CONFIG,
      { ...DEFAULT_CONFIG, optimizer: { ...DEFAULT_CONFIG.optimizer, kind: 'adam' }, batchSize: 7, hiddenLayers: [5, 3] },
    ];
    for (const config of configs) {
      const viaPool = TrainingSession.create(identity('pooled'), config);
      const reference = TrainingSession.create(identity('pooled'), config);
      const events = startPool([viaPool], 2);
      await until('the workers', () => pool!.ready);
      const stepViaPool = async (epochs: number) => {
        const before = events.stepsDone;
        viaPool.queueSteps(epochs, 'p_teacher');
        pool!.wake();
        await until('the steps', () => events.stepsDone > before);
      };
      await stepViaPool(300);
      stepOnMainThread(reference, 300);
      expect(viaPool.epoch).toBe(300);
      expect(exact(viaPool)).toEqual(exact(reference));

      for (const session of [viaPool, reference]) {
        session.setWeight(1, 0, 0, 0.75);
        expect(session.applyConfig({ learningRate: 0.01 })).toBe('keep');
      }
      await stepViaPool(250);
      stepOnMainThread(reference, 250);
      expect(viaPool.epoch).toBe(550);
      expect(exact(viaPool)).toEqual(exact(reference));
      expect(viaPool.trainerState()).toEqual(reference.trainerState());
      expect(pool!.threadIds().every((id) => id !== null && id !== 0)).toBe(true);
      pool!.stop();
    }
  });

  it('playing sessions train on the main thread until the workers are ready, then a class in one worker; paused, they equal the main thread trained as many epochs', async () => {
    const sessions = [TrainingSession.create(identity('a', 'one'), DEFAULT_CONFIG), TrainingSession.create(identity('b', 'one'), DEFAULT_CONFIG)];
    const other = TrainingSession.create(identity('x', 'two'), { ...DEFAULT_CONFIG, seed: 9 });
    startPool([...sessions, other], 2);
    for (const session of [...sessions, other]) session.play();
    await until('the workers', () => pool!.ready);
    await until('training', () => [...sessions, other].every((s) => s.epoch >= 40));
    const load = pool!.load();
    expect(load.map((l) => l.sessions).sort()).toEqual([1, 2]); // a class stays in one worker, the other class in the other
    for (const session of [...sessions, other]) session.pause();
    for (const session of [...sessions, other]) {
      const reference = TrainingSession.create(session.identity, session.config);
      stepOnMainThread(reference, session.epoch);
      expect(exact(session).record).toEqual(exact(reference).record);
      expect(session.toState().timeline).toEqual(reference.toState().timeline);
    }
    const epochs = [...sessions, other].map((s) => s.epoch);
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect([...sessions, other].map((s) => s.epoch)).toEqual(epochs); // paused means paused: late rounds are dropped
  });

  it('a worker that dies is replaced; its sessions continue from the last round the main thread adopted', async () => {
    const session = TrainingSession.create(identity('s'), DEFAULT_CONFIG);
    const events = startPool([session], 1);
    await until('the workers', () => pool!.ready);
    session.play();
    await until('training', () => session.epoch >= 30);
    await pool!.terminateWorkerForTest(0);
    const atCrash = session.epoch;
    await until('the replacement', () => events.replaced.length === 1);
    await until('training again', () => session.epoch >= atCrash + 30);
    expect(pool!.workersReplaced).toBe(1);
    session.pause();
    const reference = TrainingSession.create(session.identity, session.config);
    stepOnMainThread(reference, session.epoch);
    expect(exact(session).record).toEqual(exact(reference).record);
  });
});
