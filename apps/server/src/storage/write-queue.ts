import { StorageUnavailableError } from '../classroom/write-ahead';

export interface WriteQueueOptions {
  onError: (error: unknown) => void;
  /** first wait before a failed write is tried again; doubles per failure (default 100 ms) */
  retryBaseMs?: number;
  /** longest wait between tries of a failed write (default 5 s) */
  retryMaxMs?: number;
  /** how long an answer that promises storage waits for its write before it says `storageUnavailable` (default 5 s, PERSIST-5) */
  commitWaitMs?: number;
}

/** While storage is failing, a promised write first asks the database whether it answers again, this long at most. */
const PING_WAIT_MS = 1000;
/** A write the database refuses while it answers pings is given up after this many tries: the row is bad, not the database (PERSIST-4). */
const TRIES_WHILE_ANSWERING = 3;

/**
 * The one queue of storage work, run in the order things happened, and
 * what it knows of the database's health: a write failed and none has
 * landed since means storage is failing (PERSIST-4, PERSIST-5). With a
 * networked database two writes of one session could otherwise commit out
 * of order and leave the older state stored.
 */
export class WriteQueue {
  /** the end of the queue: each piece of work starts when the one before it is done */
  private tail: Promise<void> = Promise.resolve();
  /** once set (shutdown), failed writes are retried only until then, so closing is bounded */
  private giveUpAt = Infinity;
  private failing = false;
  /** told at every failed write: answers waiting for a commit stop waiting */
  private readonly failureWatchers = new Set<() => void>();
  /** cut short the backoff of writes being retried (the database answers again) */
  private readonly retryWakers = new Set<() => void>();

  constructor(
    private readonly ping: () => Promise<void>,
    private readonly options: WriteQueueOptions,
  ) {}

  /** Run `work` after everything queued before it. */
  enqueue<T>(work: () => Promise<T>): Promise<T> {
    const run = this.tail.then(work);
    this.tail = run.then(
      () => {},
      () => this.failed(),
    );
    return run;
  }

  /**
   * Queue work that is tried again, with capped backoff, until it lands
   * (event handlers cannot wait for storage, and a write counted as done
   * while the database was down would be lost). Later work waits behind it,
   * so a class row is always stored before its sessions and participants.
   * Work the database keeps refusing while it answers pings is reported and
   * dropped, so one bad row cannot stop all saving.
   */
  guard(work: () => Promise<unknown>): void {
    this.enqueue(() => this.untilStored(work)).catch(this.options.onError);
  }

  /** Resolves once everything queued so far has reached storage (or failed and been reported). */
  settled(): Promise<void> {
    return this.tail;
  }

  /** From now on failed writes are retried for `ms` at most (shutdown); a second call never extends the first deadline. */
  retryFor(ms: number): void {
    this.giveUpAt = Math.min(this.giveUpAt, Date.now() + ms);
  }

  /** A write landed: storage is not failing. */
  landed(): void {
    this.failing = false;
  }

  /** A write failed: storage is failing until one lands; answers waiting for a commit stop waiting. */
  failed(): void {
    this.failing = true;
    for (const watcher of [...this.failureWatchers]) watcher();
  }

  /**
   * Whether everything queued so far is committed: true once it is, false
   * at once while storage is failing, as soon as a write fails, or after
   * `commitWaitMs`. For answers that promise what was just queued is stored
   * (a new class, a new student: PERSIST-5); on false the caller takes the
   * change back.
   */
  async committed(): Promise<boolean> {
    const tail = this.tail;
    if (!(await this.answering())) return false;
    return new Promise<boolean>((resolve) => {
      const finish = (stored: boolean) => {
        clearTimeout(timer);
        this.failureWatchers.delete(failed);
        resolve(stored);
      };
      const failed = () => finish(false);
      const timer = setTimeout(failed, this.options.commitWaitMs ?? 5000);
      this.failureWatchers.add(failed);
      void tail.then(() => finish(!this.failing));
    });
  }

  /**
   * Run `write` once, after everything queued before it, and resolve once it
   * committed (PERSIST-5). Refused (StorageUnavailableError, nothing
   * written) while storage is failing, when the write fails, or when its
   * turn has not come within `commitWaitMs`; a write already running is
   * waited for, so a refusal never hides a change that landed.
   */
  async commitOnce(write: () => Promise<void>): Promise<void> {
    if (!(await this.answering())) throw new StorageUnavailableError();
    const turn = { started: false, cancelled: false };
    const run = this.enqueue(async () => {
      if (turn.cancelled) return;
      turn.started = true;
      await write();
      this.landed();
    });
    let giveUp = () => {};
    const notYet = new Promise<'gave up'>((resolve) => (giveUp = () => resolve('gave up')));
    const timer = setTimeout(giveUp, this.options.commitWaitMs ?? 5000);
    this.failureWatchers.add(giveUp);
    try {
      if ((await Promise.race([run, notYet])) === 'gave up') {
        if (!turn.started) {
          turn.cancelled = true;
          throw new StorageUnavailableError();
        }
        await run;
      }
    } catch (error) {
      if (error instanceof StorageUnavailableError) throw error;
      this.options.onError(error);
      throw new StorageUnavailableError();
    } finally {
      clearTimeout(timer);
      this.failureWatchers.delete(giveUp);
    }
  }

  /** Whether storage may be counted on now: not failing, or failing but answering a ping again (then retries resume at once). */
  private async answering(): Promise<boolean> {
    if (!this.failing) return true;
    if (!(await this.pings())) return false;
    this.failing = false;
    for (const wake of [...this.retryWakers]) wake();
    return true;
  }

  private async pings(): Promise<boolean> {
    let timer: NodeJS.Timeout | undefined;
    try {
      await Promise.race([
        this.ping(),
        new Promise((_, reject) => (timer = setTimeout(() => reject(new Error('no answer')), PING_WAIT_MS))),
      ]);
      return true;
    } catch {
      return false;
    } finally {
      clearTimeout(timer);
    }
  }

  private async untilStored(work: () => Promise<unknown>): Promise<void> {
    const base = this.options.retryBaseMs ?? 100;
    const max = this.options.retryMaxMs ?? 5000;
    let refusedWhileAnswering = 0;
    for (let failures = 0; ; failures++) {
      try {
        await work();
        this.landed();
        return;
      } catch (error) {
        this.failed();
        if (Date.now() >= this.giveUpAt) throw error;
        // reported once per outage, not once per try
        if (failures === 0) this.options.onError(error);
        if ((await this.pings()) && ++refusedWhileAnswering >= TRIES_WHILE_ANSWERING) {
          throw new Error(`a write the database refuses while it answers was given up after ${TRIES_WHILE_ANSWERING} tries`, { cause: error });
        }
        await this.backOff(Math.min(max, base * 2 ** failures, Math.max(0, this.giveUpAt - Date.now())));
      }
    }
  }

  /** Wait before the next try of a failed write; cut short once the database answers again. */
  private backOff(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const wake = () => {
        clearTimeout(timer);
        this.retryWakers.delete(wake);
        resolve();
      };
      const timer = setTimeout(wake, ms);
      this.retryWakers.add(wake);
    });
  }
}
