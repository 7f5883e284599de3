import pg from 'pg';
import type { ClassRecord } from '../classroom/classroom';
import type { Participant } from '../classroom/roster';
import type { SessionRecord } from '../classroom/training-session';
import type { EndedCode, Storage, StoredClass } from './storage';
import { migratePostgres, quotePostgresIdentifier } from './migration-runner';
import { classFromRow, participantFromRow, type ClassRow, type ParticipantRow } from './storage-tables';

export interface PostgresOptions {
  /** a schema of its own (created if missing); default: the connection's search_path */
  schema?: string;
  /** an idle connection failed (the pool replaces it); without a listener it would crash the process */
  onError?: (error: Error) => void;
}

/** Storage in PostgreSQL (`DATABASE_URL`), with node-postgres; several server processes can share it. */
export class PostgresStorage implements Storage {
  private constructor(private readonly pool: pg.Pool) {}

  /** Connect and apply pending migrations (creating the schema if needed); throws if unreachable or the schema is too new. */
  static async open(connectionString: string, options: PostgresOptions = {}): Promise<PostgresStorage> {
    const connection: pg.ClientConfig = {
      connectionString,
      connectionTimeoutMillis: 5000,
      ...(options.schema === undefined ? {} : { options: `-c search_path=${quotePostgresIdentifier(options.schema)}` }),
    };
    await migrate(connection, options);
    const pool = new pg.Pool({
      ...connection,
      max: 4,
      // a stuck database must not hold the write queue (and with it class creation and joins) forever
      query_timeout: 15_000,
      statement_timeout: 10_000,
    });
    pool.on('error', (error) => options.onError?.(error));
    return new PostgresStorage(pool);
  }

  async saveClass(record: ClassRecord): Promise<void> {
    await this.pool.query(
      `INSERT INTO classes (id, code, teacher_name, class_status, created_at, last_activity_at)
       VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (id) DO UPDATE SET class_status = excluded.class_status, last_activity_at = excluded.last_activity_at`,
      [record.id, record.code, record.teacherName, JSON.stringify(record.status), record.createdAt, record.lastActivityAt],
    );
  }

  async saveParticipant(participant: Participant): Promise<void> {
    await this.pool.query(
      `INSERT INTO participants (id, class_id, name, role, token_hash, joined_at, alias)
       VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (id) DO UPDATE SET name = excluded.name, alias = excluded.alias`,
      [participant.id, participant.classId, participant.name, participant.role, participant.tokenHash, participant.joinedAt, participant.alias ?? null],
    );
  }

  /** One statement, so one transaction; an archived session is never written back to life. */
  async saveSessions(records: SessionRecord[]): Promise<void> {
    if (records.length > 0) await this.pool.query(upsertSessions(records, `sessions.state = 'live'`));
  }

  async archiveSession(sessionId: string): Promise<void> {
    await this.pool.query(`UPDATE sessions SET state = 'deleted' WHERE id = $1`, [sessionId]);
  }

  async removeParticipant(participantId: string): Promise<void> {
    await this.pool.query(`DELETE FROM participants WHERE id = $1`, [participantId]);
  }

  async archiveClass(classId: string, finalSessions: SessionRecord[] = []): Promise<void> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      if (finalSessions.length > 0) await client.query(upsertSessions(finalSessions, `sessions.state != 'deleted'`));
      await client.query(`UPDATE classes SET state = 'archived' WHERE id = $1`, [classId]);
      await client.query(`UPDATE sessions SET state = 'archived' WHERE class_id = $1 AND state = 'live'`, [classId]);
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK').catch(() => {});
      throw error;
    } finally {
      client.release();
    }
  }

  async loadLiveClasses(): Promise<StoredClass[]> {
    const classes = await this.pool.query<ClassRow>(`SELECT * FROM classes WHERE state = 'live' ORDER BY created_at`);
    return this.assemble(classes.rows, false);
  }

  async liveClassIds(): Promise<string[]> {
    const classes = await this.pool.query<{ id: string }>(`SELECT id FROM classes WHERE state = 'live' ORDER BY created_at`);
    return classes.rows.map((row) => row.id);
  }

  async loadClass(classId: string): Promise<StoredClass | null> {
    const classes = await this.pool.query<ClassRow>(`SELECT * FROM classes WHERE id = $1`, [classId]);
    return (await this.assemble(classes.rows, true))[0] ?? null;
  }

  async loadEndedCodes(since: number, limit: number): Promise<EndedCode[]> {
    const { rows } = await this.pool.query<{ code: string; last_activity_at: string }>(
      `SELECT code, last_activity_at FROM classes WHERE state = 'archived' AND last_activity_at >= $1 ORDER BY last_activity_at DESC LIMIT $2`,
      [since, limit],
    );
    // BIGINT arrives as a string
    return rows.reverse().map((row) => ({ code: row.code, endedAt: Number(row.last_activity_at) }));
  }

  async ping(): Promise<void> {
    await this.pool.query('SELECT 1');
  }

  async close(): Promise<void> {
    await this.pool.end();
  }

  // three queries for any number of classes, not three per class
  private async assemble(classRows: ClassRow[], withArchived: boolean): Promise<StoredClass[]> {
    if (classRows.length === 0) return [];
    const ids = classRows.map((row) => row.id);
    const [participants, sessions] = await Promise.all([
      this.pool.query<ParticipantRow>(`SELECT * FROM participants WHERE class_id = ANY($1) ORDER BY joined_at, id`, [ids]),
      this.pool.query<{ class_id: string; record: string }>(
        `SELECT class_id, record FROM sessions WHERE class_id = ANY($1) AND state ${withArchived ? `!= 'deleted'` : `= 'live'`} ORDER BY id`,
        [ids],
      ),
    ]);
    return classRows.map((row) => ({
      record: classFromRow(row),
      participants: participants.rows.filter((p) => p.class_id === row.id).map(participantFromRow),
      sessions: sessions.rows.filter((s) => s.class_id === row.id).map((s) => JSON.parse(s.record) as SessionRecord),
    }));
  }
}

/** One multi-row upsert of session rows; `updatableWhen` says which existing rows it may overwrite. */
function upsertSessions(records: SessionRecord[], updatableWhen: string): pg.QueryConfig {
  const now = Date.now();
  const values: unknown[] = [];
  const rows = records.map((record, i) => {
    values.push(record.id, record.classId, record.kind, JSON.stringify(record), record.trainer.epoch, now);
    const at = i * 6;
    return `($${at + 1}, $${at + 2}, $${at + 3}, $${at + 4}, $${at + 5}, $${at + 6})`;
  });
  return {
    text: `INSERT INTO sessions (id, class_id, kind, record, epoch, updated_at) VALUES ${rows.join(', ')}
       ON CONFLICT (id) DO UPDATE SET record = excluded.record, epoch = excluded.epoch, updated_at = excluded.updated_at
       WHERE ${updatableWhen}`,
    values,
  };
}

/**
 * Migrations run on a connection of their own without the pool's timeouts: a migration may rewrite every
 * session, and a second server starting meanwhile waits on the migration lock for it rather than failing.
 */
async function migrate(connection: pg.ClientConfig, options: PostgresOptions): Promise<void> {
  const client = new pg.Client(connection);
  client.on('error', (error) => options.onError?.(error));
  try {
    await client.connect();
    await migratePostgres(client, options.schema === undefined ? {} : { schema: options.schema });
  } finally {
    await client.end().catch(() => {});
  }
}
