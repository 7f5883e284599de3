import type { ClassRecord } from '../classroom/classroom';
import type { Participant } from '../classroom/roster';

/**
 * The tables both backends create, with the integer type their epoch-millisecond columns need (SQLite's
 * INTEGER is already 64-bit; Postgres needs BIGINT). Records stay TEXT: the exact JSON the server wrote, so
 * Float64 weights round-trip bit for bit and nothing is parsed or re-encoded on the way in.
 */
export const storageSchema = (integerType: 'INTEGER' | 'BIGINT') => `
CREATE TABLE IF NOT EXISTS classes (
  id TEXT PRIMARY KEY,
  code TEXT NOT NULL,
  teacher_name TEXT NOT NULL,
  state TEXT NOT NULL DEFAULT 'live',
  class_status TEXT NOT NULL,
  created_at ${integerType} NOT NULL,
  last_activity_at ${integerType} NOT NULL
);
CREATE INDEX IF NOT EXISTS classes_by_state ON classes (state);
CREATE TABLE IF NOT EXISTS participants (
  id TEXT PRIMARY KEY,
  class_id TEXT NOT NULL REFERENCES classes (id),
  name TEXT NOT NULL,
  role TEXT NOT NULL,
  token_hash TEXT NOT NULL,
  joined_at ${integerType} NOT NULL
);
CREATE INDEX IF NOT EXISTS participants_by_class ON participants (class_id);
CREATE TABLE IF NOT EXISTS sessions (
  id TEXT PRIMARY KEY,
  class_id TEXT NOT NULL REFERENCES classes (id),
  kind TEXT NOT NULL,
  state TEXT NOT NULL DEFAULT 'live',
  record TEXT NOT NULL,
  epoch ${integerType} NOT NULL,
  updated_at ${integerType} NOT NULL
);
CREATE INDEX IF NOT EXISTS sessions_by_class ON sessions (class_id, state);
`;

// node-postgres returns BIGINT as a string (it may exceed 2^53); better-sqlite3 returns a number
type StoredInteger = number | string;

/** A row of `classes` as either backend reads it. */
export interface ClassRow {
  id: string;
  code: string;
  teacher_name: string;
  class_status: string;
  created_at: StoredInteger;
  last_activity_at: StoredInteger;
}

/** A row of `participants` as either backend reads it. */
export interface ParticipantRow {
  id: string;
  class_id: string;
  name: string;
  role: string;
  token_hash: string;
  joined_at: StoredInteger;
}

/** The class record a `classes` row holds. */
export const classFromRow = (row: ClassRow): ClassRecord => ({
  id: row.id,
  code: row.code,
  teacherName: row.teacher_name,
  createdAt: Number(row.created_at),
  lastActivityAt: Number(row.last_activity_at),
  status: JSON.parse(row.class_status),
});

/** The participant a `participants` row holds. */
export const participantFromRow = (row: ParticipantRow): Participant => ({
  id: row.id,
  classId: row.class_id,
  name: row.name,
  role: row.role === 'teacher' ? 'teacher' : 'student',
  tokenHash: row.token_hash,
  joinedAt: Number(row.joined_at),
});
