import type { ClassRecord } from '../classroom/classroom';
import type { Participant } from '../classroom/roster';

// The rows both backends read; migrations.ts creates the tables they come from.

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
  /** null in rows from before migration 2 (NAMES-4) */
  alias?: StoredInteger | null;
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
  ...(row.alias === null || row.alias === undefined ? {} : { alias: Number(row.alias) }),
});
