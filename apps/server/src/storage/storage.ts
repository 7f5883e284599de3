import type { ClassRecord } from '../classroom/classroom';
import type { Participant } from '../classroom/roster';
import type { SessionRecord } from '../classroom/training-session';

/** A live class as storage holds it. */
export interface StoredClass {
  record: ClassRecord;
  participants: Participant[];
  /** the class session and its live forks */
  sessions: SessionRecord[];
}

/**
 * Where classes, participants and sessions outlive the process:
 * `SqliteStorage` (the default) or `PostgresStorage` (DATABASE_URL), on the
 * same tables (migrations.ts). Asynchronous because Postgres is networked.
 */
/** The code of an archived class and when it was last used (epoch ms). */
export interface EndedCode {
  code: string;
  endedAt: number;
}

export interface Storage {
  saveClass(record: ClassRecord): Promise<void>;
  saveParticipant(participant: Participant): Promise<void>;
  /** Write sessions in one transaction. */
  saveSessions(records: SessionRecord[]): Promise<void>;
  /** A deleted fork (or a removed student's): kept as `deleted`, no longer live, not among the sessions its class ended with. */
  archiveSession(sessionId: string): Promise<void>;
  /** A participant the teacher removed: their token no longer opens the class, after a restart too (CMD-9). */
  removeParticipant(participantId: string): Promise<void>;
  /**
   * An ended or idle class with its forks: kept, no longer live or joinable. `finalSessions` (its sessions
   * as they are at the end) are written in the same transaction, also over rows already archived (the end is
   * written first, PERSIST-5, and once more when done), never over a deleted fork's.
   */
  archiveClass(classId: string, finalSessions?: SessionRecord[]): Promise<void>;
  /** Every live class, for a restart (rule PERSIST-2). */
  loadLiveClasses(): Promise<StoredClass[]>;
  /** The ids of every live class, cheaply (a process looking for classes nobody owns, many processes). */
  liveClassIds(): Promise<string[]>;
  /** A class by id, live or archived, with its sessions (an archived one's as it ended: no deleted fork); the teacher's export, tests and tools. */
  loadClass(classId: string): Promise<StoredClass | null>;
  /**
   * The codes of archived classes (ended or idle) last used since `since` (epoch ms), the newest `limit`,
   * oldest first with when they were last used: a late joiner is told the class ended (HS-3).
   */
  loadEndedCodes(since: number, limit: number): Promise<EndedCode[]>;
  /** Answer a cheap query, or fail when the database does not (for /readyz). */
  ping(): Promise<void>;
  close(): Promise<void>;
}
