import type { Classroom } from '../classroom/classroom';
import type { ClassroomEvents } from '../classroom/classroom-events';
import type { ClassroomRegistry, RegistryEvents } from '../classroom/classroom-registry';
import type { Participant } from '../classroom/roster';
import type { SessionRecord, TrainingSession } from '../classroom/training-session';
import type { StoredChange, WriteAhead } from '../classroom/write-ahead';
import type { Storage } from './storage';
import { WriteQueue, type WriteQueueOptions } from './write-queue';

export interface CheckpointerOptions extends WriteQueueOptions {
  /** how often sessions that changed (training) are written: at most 2 s of training is lost (rule PERSIST-1) */
  intervalMs: number;
  /** main-thread time one periodic write burst may take before yielding to socket I/O */
  budgetMs: number;
  /** how long flushAll (shutdown) keeps retrying failed writes before giving up on them (default 5 s) */
  shutdownRetryMs?: number;
}

/**
 * Keeps storage in step with the classrooms: every accepted command is
 * written at once (it arrives as an event), and sessions that trained are
 * written every `intervalMs`, in bursts small enough not to stall sockets.
 */
export class Checkpointer implements Partial<ClassroomEvents>, RegistryEvents, WriteAhead {
  /** the clock of each session as last written */
  private readonly savedClock = new Map<string, number>();
  private timer: NodeJS.Timeout | null = null;
  private flushing = false;
  /** every write, in the order things happened, retried through outages */
  private readonly queue: WriteQueue;
  /** main-thread time one session's periodic write takes (serialize + store), moving average */
  private costPerSessionMs = 0.5;
  /** sessions written, for metrics and tests */
  writes = 0;

  constructor(
    private readonly registry: ClassroomRegistry,
    private readonly storage: Storage,
    private readonly options: CheckpointerOptions,
    private readonly now: () => number = performance.now.bind(performance),
  ) {
    this.queue = new WriteQueue(() => storage.ping(), options);
  }

  start(): void {
    this.timer ??= setInterval(() => void this.flushChanged(), this.options.intervalMs);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  /** Note sessions as already stored (after a restore). */
  markSaved(sessions: Iterable<TrainingSession>): void {
    for (const session of sessions) this.savedClock.set(session.id, session.clock);
  }

  /**
   * Write every session whose clock moved since it was last written. With a
   * budget, in bursts: each burst is as many sessions as the measured cost
   * per session says fit in `budgetMs`, written in one transaction, and the
   * next burst waits for socket I/O, so 31 training sessions never become
   * one long synchronous block.
   */
  async flushChanged(withBudget = true): Promise<void> {
    if (this.flushing) return;
    this.flushing = true;
    try {
      const due = [...this.registry.allSessions()].filter((s) => this.savedClock.get(s.id) !== s.clock);
      if (!withBudget) {
        await this.write(due);
        return;
      }
      for (let next = 0; next < due.length; ) {
        if (next > 0) await new Promise((resolve) => setImmediate(resolve));
        const size = Math.max(1, Math.floor(this.options.budgetMs / this.costPerSessionMs));
        // a session removed while we waited (deleted fork, ended class) is not written back
        const burst = due.slice(next, next + size).filter((s) => this.registry.byId(s.identity.classId)?.session(s.id) === s);
        next += size;
        const mainThreadMs = await this.write(burst);
        if (burst.length > 0) this.costPerSessionMs = this.costPerSessionMs * 0.7 + (mainThreadMs / burst.length) * 0.3;
      }
    } catch (error) {
      this.options.onError(error);
    } finally {
      this.flushing = false;
    }
  }

  /** Write everything now and wait for every write queued before (shutdown, rule PERSIST-1). */
  async flushAll(): Promise<void> {
    this.queue.retryFor(this.options.shutdownRetryMs ?? 5000);
    while (this.flushing) await new Promise((resolve) => setTimeout(resolve, 5));
    await this.flushChanged(false);
    for (const classroom of this.registry.classrooms()) this.guard(() => this.storage.saveClass(classroom.toRecord()));
    await this.settled();
  }

  /** Resolves once everything queued so far has reached storage (or failed and been reported). */
  settled(): Promise<void> {
    return this.queue.settled();
  }

  /** Whether everything queued so far is committed (PERSIST-5): see WriteQueue.committed. */
  committed(): Promise<boolean> {
    return this.queue.committed();
  }

  /** Commit a change before it is made (PERSIST-5): one try, after everything queued before it (WriteQueue.commitOnce). */
  commitFirst(change: StoredChange): Promise<void> {
    return this.queue.commitOnce(() => this.writeChange(change));
  }

  /** The storage writes of a change made write-first. */
  private async writeChange(change: StoredChange): Promise<void> {
    switch (change.type) {
      case 'endClass':
        // the class row first: its sessions' rows need it (PERSIST-4)
        await this.storage.saveClass(change.classroom.toRecord());
        await this.storage.archiveClass(change.classroom.id, change.classroom.sessions().map((s) => s.toRecord()));
        return;
      case 'deleteFork':
        await this.storage.archiveSession(change.fork.id);
        return;
      case 'removeParticipant':
        for (const fork of change.forks) await this.storage.archiveSession(fork.id);
        await this.storage.removeParticipant(change.participantId);
        return;
      case 'classSwitches': {
        const record = change.classroom.toRecord();
        await this.storage.saveClass({ ...record, status: { ...record.status, ...change.switches } });
        return;
      }
      default: {
        const unknown: never = change;
        throw new Error(`no write for ${JSON.stringify(unknown)}`);
      }
    }
  }

  /**
   * Write sessions as they are when the write's turn comes; resolves with the
   * main-thread time it took (serializing and, for SQLite, storing), which
   * sizes the periodic bursts.
   */
  private write(sessions: TrainingSession[]): Promise<number> {
    return this.queue.enqueue(() => this.store(sessions));
  }

  // only from inside queued work (queuing a write there would wait for itself)
  private async store(sessions: TrainingSession[]): Promise<number> {
    if (sessions.length === 0) return 0;
    const started = this.now();
    const records = sessions.map((session) => session.toRecord());
    const stored = this.storage.saveSessions(records);
    const mainThreadMs = this.now() - started;
    try {
      await stored;
    } catch (error) {
      this.queue.failed();
      // one bad row must not take the batch with it: write the rows one by one, so the good ones land
      if (records.length === 1) throw error;
      const failures: unknown[] = [];
      for (const record of records) {
        try {
          await this.storage.saveSessions([record]);
          this.noteSaved([record]);
        } catch (rowError) {
          failures.push(rowError);
        }
      }
      if (failures.length > 0) throw failures[0];
      return mainThreadMs;
    }
    this.noteSaved(records);
    return mainThreadMs;
  }

  private noteSaved(records: SessionRecord[]): void {
    this.queue.landed();
    for (const record of records) this.savedClock.set(record.id, record.clock);
    this.writes += records.length;
  }

  private guard(work: () => Promise<unknown>): void {
    this.queue.guard(work);
  }

  // A class or student taken back because storage failed (PERSIST-5) is not written after all.
  classCreated(classroom: Classroom): void {
    this.guard(async () => {
      if (this.registry.byId(classroom.id) !== classroom) return;
      await this.storage.saveClass(classroom.toRecord());
      for (const participant of classroom.roster.all()) await this.storage.saveParticipant(participant);
      await this.store([classroom.classSession]);
    });
  }

  participantJoined(classroom: Classroom, participant: Participant): void {
    this.guard(async () => {
      if (classroom.roster.get(participant.id) !== participant) return;
      await this.storage.saveParticipant(participant);
      await this.storage.saveClass(classroom.toRecord());
    });
  }

  participantRemoved(_classroom: Classroom, participant: Participant): void {
    this.guard(() => this.storage.removeParticipant(participant.id));
  }

  sessionChanged(_classroom: Classroom, session: TrainingSession): void {
    this.guard(() => this.store([session]));
  }

  forkCreated(_classroom: Classroom, fork: TrainingSession): void {
    this.guard(() => this.store([fork]));
  }

  forkRemoved(_classroom: Classroom, fork: TrainingSession): void {
    this.savedClock.delete(fork.id);
    this.guard(() => this.storage.archiveSession(fork.id));
  }

  classStatusChanged(classroom: Classroom): void {
    this.guard(() => this.storage.saveClass(classroom.toRecord()));
  }

  challengeChanged(classroom: Classroom): void {
    this.guard(() => this.storage.saveClass(classroom.toRecord()));
  }

  classEnded(classroom: Classroom): void {
    this.guard(async () => {
      // the class row first: a class taken back before it was stored has none yet (PERSIST-5)
      await this.storage.saveClass(classroom.toRecord());
      // as it ended: what its participants were sent (CMD-7) and its teacher exports (REST-3). An `endClass`
      // was written before it was done and forks may have trained while that write ran; nothing trains now
      await this.storage.archiveClass(classroom.id, classroom.sessions().map((s) => s.toRecord()));
      for (const session of classroom.sessions()) this.savedClock.delete(session.id);
    });
  }
}
