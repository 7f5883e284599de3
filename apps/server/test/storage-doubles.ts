import { ClassroomRegistry } from '../src/classroom/classroom-registry';
import type { SessionRecord } from '../src/classroom/training-session';
import { SqliteStorage } from '../src/storage/sqlite-storage';

/*
 * Real SQLite storage that behaves, on demand, as a networked database can:
 * slow, or refusing. For the checkpointer's unit tests; the end-to-end
 * outage tests stop a real PostgreSQL (throwaway-postgres.ts).
 */

/** A registry whose events go nowhere, for tests that tell the checkpointer themselves. */
export function quietRegistry(maxSessions = 10): ClassroomRegistry {
  const limits = { maxSessions, maxSessionsPerClass: maxSessions, vacantSeatAfterMs: 30_000, absentForkPauseMs: 60_000, maxForksPerParticipant: 5, maxParticipantsPerClass: 10 };
  return new ClassroomRegistry(limits, { classCreated: () => {}, participantJoined: () => {}, participantRemoved: () => {} });
}

/** SQLite whose session writes (and fork archivings, class rows) wait first, as a networked database's may. */
export class SlowStorage extends SqliteStorage {
  readonly delays: number[] = [];
  readonly archiveDelays: number[] = [];
  readonly classDelays: number[] = [];
  private readonly pending = new Set<Promise<void>>();
  override saveClass(...args: Parameters<SqliteStorage['saveClass']>): Promise<void> {
    return this.later(this.classDelays.shift() ?? 0, () => super.saveClass(...args));
  }
  override saveSessions(records: SessionRecord[]): Promise<void> {
    const written = records.map((record) => structuredClone(record));
    return this.later(this.delays.shift() ?? 0, () => super.saveSessions(written));
  }
  override archiveSession(sessionId: string): Promise<void> {
    return this.later(this.archiveDelays.shift() ?? 0, () => super.archiveSession(sessionId));
  }
  /** Every write started so far has landed. */
  async idle(): Promise<void> {
    while (this.pending.size > 0) await Promise.allSettled([...this.pending]);
  }
  private later(delay: number, write: () => Promise<void>): Promise<void> {
    const done = new Promise((resolve) => setTimeout(resolve, delay)).then(write);
    this.pending.add(done);
    return done.finally(() => this.pending.delete(done));
  }
}

/** SQLite that refuses every write and ping while `down`, as a stopped database does. */
export class DownStorage extends SqliteStorage {
  down = false;
  private check(): void {
    if (this.down) throw new Error('connect ECONNREFUSED');
  }
  override async saveClass(...args: Parameters<SqliteStorage['saveClass']>): Promise<void> {
    this.check();
    return super.saveClass(...args);
  }
  override async saveParticipant(...args: Parameters<SqliteStorage['saveParticipant']>): Promise<void> {
    this.check();
    return super.saveParticipant(...args);
  }
  override async saveSessions(records: SessionRecord[]): Promise<void> {
    this.check();
    return super.saveSessions(records);
  }
  override async archiveSession(sessionId: string): Promise<void> {
    this.check();
    return super.archiveSession(sessionId);
  }
  override async ping(): Promise<void> {
    this.check();
    return super.ping();
  }
}
