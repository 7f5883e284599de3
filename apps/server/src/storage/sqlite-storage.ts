import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { ClassRecord } from '../classroom/classroom';
import type { Participant } from '../classroom/roster';
import type { SessionRecord } from '../classroom/training-session';
import type { EndedCode, Storage, StoredClass } from './storage';
import { migrateSqlite } from './migration-runner';
import { classFromRow, participantFromRow, type ClassRow, type ParticipantRow } from './storage-tables';

const WAL_AUTOCHECKPOINT_PAGES = 100;

/** Storage in one SQLite file (WAL), with better-sqlite3. */
export class SqliteStorage implements Storage {
  private readonly db: Database.Database;
  private readonly statements;

  /** Open (or create) `${dataDir}/playroom.db` and apply pending migrations; throws SchemaTooNewError for a newer database. */
  static open(dataDir: string): SqliteStorage {
    fs.mkdirSync(dataDir, { recursive: true });
    return new SqliteStorage(path.join(dataDir, 'playroom.db'));
  }

  constructor(file: string) {
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    // WAL + NORMAL survives a process crash; only an OS crash may lose the last commits
    this.db.pragma('synchronous = NORMAL');
    // SQLite copies the log back into the file (a checkpoint) inside the commit that passes this many pages, on
    // the main thread; at its default 1,000 pages (4 MB) that is a 10–14 ms block every few seconds with a class
    // of the largest network training, at 100 pages about 3 ms, for the same total work
    this.db.pragma(`wal_autocheckpoint = ${WAL_AUTOCHECKPOINT_PAGES}`);
    this.db.pragma('foreign_keys = ON');
    try {
      migrateSqlite(this.db);
    } catch (error) {
      // a database too new (or a failed migration) must not leave the file open behind a thrown constructor
      this.db.close();
      throw error;
    }
    this.statements = {
      upsertClass: this.db.prepare(
        `INSERT INTO classes (id, code, teacher_name, class_status, created_at, last_activity_at)
         VALUES (@id, @code, @teacherName, @classStatus, @createdAt, @lastActivityAt)
         ON CONFLICT (id) DO UPDATE SET class_status = excluded.class_status, last_activity_at = excluded.last_activity_at`,
      ),
      upsertParticipant: this.db.prepare(
        `INSERT INTO participants (id, class_id, name, role, token_hash, joined_at, alias)
         VALUES (@id, @classId, @name, @role, @tokenHash, @joinedAt, @alias)
         ON CONFLICT (id) DO UPDATE SET name = excluded.name, alias = excluded.alias`,
      ),
      upsertSession: this.db.prepare(
        `INSERT INTO sessions (id, class_id, kind, record, epoch, updated_at)
         VALUES (@id, @classId, @kind, @record, @epoch, @updatedAt)
         ON CONFLICT (id) DO UPDATE SET record = excluded.record, epoch = excluded.epoch, updated_at = excluded.updated_at
         WHERE sessions.state = 'live'`,
      ),
      finalSession: this.db.prepare(
        `INSERT INTO sessions (id, class_id, kind, record, epoch, updated_at)
         VALUES (@id, @classId, @kind, @record, @epoch, @updatedAt)
         ON CONFLICT (id) DO UPDATE SET record = excluded.record, epoch = excluded.epoch, updated_at = excluded.updated_at
         WHERE sessions.state != 'deleted'`,
      ),
      archiveSession: this.db.prepare(`UPDATE sessions SET state = 'deleted' WHERE id = ?`),
      removeParticipant: this.db.prepare(`DELETE FROM participants WHERE id = ?`),
      archiveClass: this.db.prepare(`UPDATE classes SET state = 'archived' WHERE id = ?`),
      archiveClassSessions: this.db.prepare(`UPDATE sessions SET state = 'archived' WHERE class_id = ? AND state = 'live'`),
      liveClasses: this.db.prepare(`SELECT * FROM classes WHERE state = 'live' ORDER BY created_at`),
      liveClassIds: this.db.prepare(`SELECT id FROM classes WHERE state = 'live' ORDER BY created_at`),
      classById: this.db.prepare(`SELECT * FROM classes WHERE id = ?`),
      participantsOf: this.db.prepare(`SELECT * FROM participants WHERE class_id = ? ORDER BY joined_at`),
      liveSessionsOf: this.db.prepare(`SELECT record FROM sessions WHERE class_id = ? AND state = 'live'`),
      keptSessionsOf: this.db.prepare(`SELECT record FROM sessions WHERE class_id = ? AND state != 'deleted'`),
    };
  }

  async saveClass(record: ClassRecord): Promise<void> {
    this.statements.upsertClass.run({
      id: record.id,
      code: record.code,
      teacherName: record.teacherName,
      classStatus: JSON.stringify(record.status),
      createdAt: record.createdAt,
      lastActivityAt: record.lastActivityAt,
    });
  }

  async saveParticipant(participant: Participant): Promise<void> {
    this.statements.upsertParticipant.run({ ...participant, alias: participant.alias ?? null });
  }

  private readonly writeSessions = (records: SessionRecord[], statement = this.statements.upsertSession) => {
    const now = Date.now();
    for (const record of records) {
      statement.run({
        id: record.id,
        classId: record.classId,
        kind: record.kind,
        record: JSON.stringify(record),
        epoch: record.trainer.epoch,
        updatedAt: now,
      });
    }
  };

  async saveSessions(records: SessionRecord[]): Promise<void> {
    if (records.length > 0) this.db.transaction(this.writeSessions)(records);
  }

  async archiveSession(sessionId: string): Promise<void> {
    this.statements.archiveSession.run(sessionId);
  }

  async removeParticipant(participantId: string): Promise<void> {
    this.statements.removeParticipant.run(participantId);
  }

  async archiveClass(classId: string, finalSessions: SessionRecord[] = []): Promise<void> {
    this.db.transaction(() => {
      this.writeSessions(finalSessions, this.statements.finalSession);
      this.statements.archiveClass.run(classId);
      this.statements.archiveClassSessions.run(classId);
    })();
  }

  async loadLiveClasses(): Promise<StoredClass[]> {
    return (this.statements.liveClasses.all() as ClassRow[]).map((row) => this.assemble(row, false));
  }

  async liveClassIds(): Promise<string[]> {
    return (this.statements.liveClassIds.all() as { id: string }[]).map((row) => row.id);
  }

  async loadClass(classId: string): Promise<StoredClass | null> {
    const row = this.statements.classById.get(classId) as ClassRow | undefined;
    return row ? this.assemble(row, true) : null;
  }

  async loadEndedCodes(since: number, limit: number): Promise<EndedCode[]> {
    const rows = this.db
      .prepare(`SELECT code, last_activity_at FROM classes WHERE state = 'archived' AND last_activity_at >= ? ORDER BY last_activity_at DESC LIMIT ?`)
      .all(since, limit) as { code: string; last_activity_at: number }[];
    return rows.reverse().map((row) => ({ code: row.code, endedAt: row.last_activity_at }));
  }

  async ping(): Promise<void> {
    this.db.prepare('SELECT 1').get();
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }

  private assemble(row: ClassRow, withArchived: boolean): StoredClass {
    const participants = (this.statements.participantsOf.all(row.id) as ParticipantRow[]).map(participantFromRow);
    const sessionRows = withArchived ? this.statements.keptSessionsOf : this.statements.liveSessionsOf;
    const sessions = (sessionRows.all(row.id) as { record: string }[]).map(
      (s) => JSON.parse(s.record) as SessionRecord,
    );
    return {
      record: classFromRow(row),
      participants,
      sessions,
    };
  }
}
