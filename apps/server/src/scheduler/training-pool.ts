import { Worker } from 'node:worker_threads';
import type { TrainedRound, TrainingFailure } from '../classroom/session-replica';
import type { TrainingSession } from '../classroom/training-session';
import type { FromTrainingWorker, ToTrainingWorker, TrainingWorkerData } from './pool-messages';
import type { Scheduler, TrainingObserver } from './scheduler';
import type { WorkerLoad } from '../metrics/server-metrics';
import { trainingWorkerUrl } from './training-worker-bundle';
import { TrainingScheduler } from './training-scheduler';

export interface TrainingPoolOptions {
  /** worker threads (≥ 1) */
  workers: number;
  /** the most time one of a worker's training slices takes */
  sliceBudgetMs: number;
  /** how often a worker sends what it trained (no slower than the snapshot rate) */
  roundMs: number;
  observer: TrainingObserver<TrainingSession>;
  /** a worker stopped by itself and was replaced; its sessions train again from the main thread's copy */
  workerReplaced(index: number, cause: unknown): void;
  /** the workers' code could not be built; tried again in a second */
  startFailed(cause: unknown): void;
}


interface Slot {
  worker: Worker;
  threadId: number | null;
  epochsPerSecond: number;
  busy: number;
  /** it stopped; a new worker takes its place */
  replacing: boolean;
}

interface Assignment {
  slot: number;
  /** the session revision its replica was sent at */
  revision: number;
  session: TrainingSession;
}

/** How often the main thread looks for sessions whose replica is missing or out of date. */
const SYNC_MS = 5;
const LOAD_SMOOTHING = 0.8;
/** a worker that stops before it is ready (it cannot start) is started again after this, not in a tight loop */
const RESPAWN_UNREADY_MS = 1000;

/**
 * Trains the sessions in worker threads (TRAINING_WORKERS): the main thread
 * keeps every session and stays the authority for what commands change;
 * each playing or stepping session has a training replica in one worker (a
 * class's sessions all in the same one, so LIM-9's class shares hold there;
 * a new class goes to the least loaded worker). A change to a session (any
 * command: its revision grows) sends the replica its whole state again, in
 * order; the worker's rounds come back with the revision they trained from
 * and the session adopts them in place (TrainingSession.adoptTraining)
 * unless it changed since. The observer hears what training did, as from
 * the main-thread TrainingScheduler. A worker that stops is replaced and its
 * sessions continue from the main thread's copy: the last round adopted.
 * Until the workers are first ready (their code is bundled once per
 * process, then each starts), the main thread trains as without workers.
 */
export class TrainingPool implements Scheduler {
  private readonly slots: Slot[] = [];
  private readonly assigned = new Map<string, Assignment>();
  private readonly classSlot = new Map<string, number>();
  private timer: NodeJS.Timeout | null = null;
  private running = false;
  /** training-worker.ts bundled (training-worker-bundle.ts), once built */
  private workerUrl: URL | null = null;
  /** trains on the main thread until every worker is ready the first time (a server just started trains at once) */
  private readonly untilReady: TrainingScheduler<TrainingSession>;
  private handedOver = false;
  private workerEpochs = 0;
  /** workers replaced after they stopped by themselves */
  workersReplaced = 0;

  constructor(
    private readonly source: () => Iterable<TrainingSession>,
    private readonly options: TrainingPoolOptions,
  ) {
    if (!Number.isInteger(options.workers) || options.workers < 1) throw new RangeError(`a training pool needs ≥ 1 worker, got ${options.workers}`);
    this.untilReady = new TrainingScheduler(source, { sliceBudgetMs: options.sliceBudgetMs, observer: options.observer });
  }

  get epochsTrained(): number {
    return this.workerEpochs + this.untilReady.epochsTrained;
  }

  /** Of those, the epochs the workers trained. */
  get epochsTrainedByWorkers(): number {
    return this.workerEpochs;
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.untilReady.start();
    this.timer = setInterval(() => this.sync(), SYNC_MS);
    this.startWorkers();
    // with --expose-gc only (the memory tests' gc-on-signal.cjs): SIGUSR2's full collection reaches the workers' heaps too
    if (typeof (globalThis as { gc?: unknown }).gc === 'function') process.on('SIGUSR2', this.collectGarbage);
  }

  /** A full collection in every worker (each thread has a heap of its own). */
  private readonly collectGarbage = (): void => {
    for (let slot = 0; slot < this.slots.length; slot++) this.send(slot, { type: 'collectGarbage' });
  };

  private startWorkers(): void {
    trainingWorkerUrl().then(
      (url) => {
        if (!this.running) return;
        this.workerUrl = url;
        for (let i = 0; i < this.options.workers; i++) this.slots.push(this.spawn(i));
        this.sync();
      },
      (error: unknown) => {
        this.options.startFailed(error);
        if (this.running) setTimeout(() => this.running && this.startWorkers(), RESPAWN_UNREADY_MS).unref();
      },
    );
  }

  stop(): void {
    this.running = false;
    process.off('SIGUSR2', this.collectGarbage);
    this.untilReady.stop();
    this.handedOver = false;
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    for (const slot of this.slots) void slot.worker.terminate();
    this.slots.length = 0;
    this.assigned.clear();
    this.classSlot.clear();
  }

  /** A step was queued: send it now rather than at the next sync. */
  wake(): void {
    if (!this.running) return;
    if (this.handedOver) this.sync();
    else this.untilReady.wake();
  }

  /** Per worker: sessions, epochs per second, busy fraction. */
  load(): WorkerLoad[] {
    return this.slots.map((slot, index) => ({
      worker: String(index),
      sessions: [...this.assigned.values()].filter((a) => a.slot === index).length,
      epochsPerSecond: slot.epochsPerSecond,
      // its event-loop utilization
      busyRatio: slot.busy,
    }));
  }

  /** The worker threads' ids, once each said it is ready (a test checks training is off the main thread). */
  threadIds(): (number | null)[] {
    return this.slots.map((slot) => slot.threadId);
  }

  /** A snapshot round went out: every worker sends what it trained since its last round, for the next one (Scheduler). */
  roundDue(): void {
    if (!this.handedOver) return;
    for (let slot = 0; slot < this.slots.length; slot++) this.send(slot, { type: 'sendRound' });
  }

  /** Whether every worker said it is ready. */
  get ready(): boolean {
    return this.slots.length === this.options.workers && this.slots.every((slot) => slot.threadId !== null);
  }

  /** Tests: stop worker `index` as a crash would. */
  async terminateWorkerForTest(index: number): Promise<void> {
    await this.slots[index]?.worker.terminate();
  }

  private spawn(index: number): Slot {
    const workerData: TrainingWorkerData = { sliceBudgetMs: this.options.sliceBudgetMs, roundMs: this.options.roundMs };
    // not this thread's flags: the bundle needs no loader (tsx's would only slow the start)
    const worker = new Worker(this.workerUrl!, { workerData, execArgv: [] });
    const slot: Slot = { worker, threadId: null, epochsPerSecond: 0, busy: 0, replacing: false };
    worker.on('message', (message: FromTrainingWorker) => this.received(index, slot, message));
    worker.on('error', (error) => this.replace(index, worker, error));
    worker.on('exit', (code) => this.replace(index, worker, new Error(`training worker exited with code ${code}`)));
    return slot;
  }

  private replace(index: number, worker: Worker, cause: unknown): void {
    const slot = this.slots[index];
    if (!this.running || slot?.worker !== worker || slot.replacing) return;
    slot.replacing = true;
    this.workersReplaced++;
    this.options.workerReplaced(index, cause);
    void worker.terminate();
    const respawn = () => {
      if (!this.running || this.slots[index] !== slot) return;
      this.slots[index] = this.spawn(index);
      // the next sync sends them again, as the main thread has them (the last round adopted)
      for (const [id, assignment] of this.assigned) if (assignment.slot === index) this.assigned.delete(id);
    };
    if (slot.threadId === null) setTimeout(respawn, RESPAWN_UNREADY_MS).unref();
    else respawn();
  }

  private send(slot: number, message: ToTrainingWorker): void {
    const { worker, replacing } = this.slots[slot]!;
    // to a stopped worker it is lost; the replacement is sent everything again
    if (!replacing) worker.postMessage(message);
  }

  /** Every playing or stepping session has an up-to-date replica; the others none. */
  private sync(): void {
    // until the workers are ready the main thread trains (no replica may train beside it)
    if (!this.handedOver) return;
    const active = new Set<string>();
    for (const session of this.source()) {
      if (!session.playing && session.pendingSteps === 0) continue;
      active.add(session.id);
      const assignment = this.assigned.get(session.id);
      if (assignment?.session === session && assignment.revision === session.revision) continue;
      const slot = assignment?.slot ?? this.slotFor(session.classId);
      this.send(slot, { type: 'adopt', replica: session.replicaState() });
      this.assigned.set(session.id, { slot, revision: session.revision, session });
    }
    for (const [id, assignment] of this.assigned) {
      if (active.has(id)) continue;
      this.send(assignment.slot, { type: 'drop', sessionId: id });
      this.assigned.delete(id);
    }
    if (this.classSlot.size > 0) {
      const classes = new Set([...this.assigned.values()].map((a) => a.session.classId));
      for (const id of this.classSlot.keys()) if (!classes.has(id)) this.classSlot.delete(id);
    }
  }

  /** A class's worker: the one it has, else the one training the fewest sessions. */
  private slotFor(classId: string): number {
    const known = this.classSlot.get(classId);
    if (known !== undefined) return known;
    const load = this.load();
    let best = 0;
    for (let i = 1; i < load.length; i++) if (load[i]!.sessions < load[best]!.sessions) best = i;
    this.classSlot.set(classId, best);
    return best;
  }

  private received(index: number, slot: Slot, message: FromTrainingWorker): void {
    if (this.slots[index] !== slot) return;
    switch (message.type) {
      case 'ready':
        slot.threadId = message.threadId;
        if (!this.handedOver && this.ready) {
          this.untilReady.stop();
          this.handedOver = true;
          this.sync();
        }
        return;
      case 'round': {
        const perSecond = message.epochs / Math.max(message.seconds, 1e-3);
        slot.epochsPerSecond = LOAD_SMOOTHING * slot.epochsPerSecond + (1 - LOAD_SMOOTHING) * perSecond;
        slot.busy = LOAD_SMOOTHING * slot.busy + (1 - LOAD_SMOOTHING) * message.busy;
        message.rounds.forEach((round, i) => {
          const start = i === 0 ? 0 : message.snapshotEnds[i - 1]!;
          const end = message.snapshotEnds[i] ?? start;
          // a copy of its own: a view would keep the whole round's buffer for as long as one session keeps its body
          this.adopt(index, round, end > start ? new Uint8Array(message.snapshots.slice(start, end)) : undefined);
        });
        for (const failure of message.failures) this.fail(index, failure);
        return;
      }
      default: {
        const unknown: never = message;
        throw new Error(`unknown worker message ${JSON.stringify(unknown)}`);
      }
    }
  }

  /** The session this slot trains at this revision, or null (it changed since, or moved: the result is stale). */
  private current(index: number, sessionId: string, revision: number): TrainingSession | null {
    const assignment = this.assigned.get(sessionId);
    if (!assignment || assignment.slot !== index || assignment.session.revision !== revision) return null;
    return assignment.session;
  }

  /** `snapshotBody`: the worker's snapshot of the round (TrainingSession.snapshotBody), when it encoded one. */
  private adopt(index: number, round: TrainedRound, snapshotBody: Uint8Array | undefined): void {
    const session = this.current(index, round.sessionId, round.revision);
    if (!session) return;
    const { observer } = this.options;
    try {
      session.adoptTraining(round, snapshotBody);
    } catch (error) {
      observer.failed?.(session, error);
      return;
    }
    if (round.ran > 0) {
      this.workerEpochs += round.ran;
      observer.trained?.(session, round.ran);
    }
    if (round.stopped) observer.stopped?.(session, round.stopped);
    else if (round.stepsDone) observer.stepsDone?.(session);
  }

  private fail(index: number, failure: TrainingFailure): void {
    const session = this.current(index, failure.sessionId, failure.revision);
    if (session) this.options.observer.failed?.(session, new Error(failure.message));
  }
}
