import { describe, expect, it } from 'vitest';
import { classFromRow, participantFromRow } from './storage-tables';

describe('storage tables', () => {
  it('reads BIGINT strings (Postgres) and integers (SQLite) as the same times', () => {
    const row = { id: 'c', code: 'ABC', teacher_name: 'T', class_status: '{"spotlightId":null,"forksFrozen":true}' };
    const fromPostgres = classFromRow({ ...row, created_at: '1700000000000', last_activity_at: '1700000000500' });
    const fromSqlite = classFromRow({ ...row, created_at: 1_700_000_000_000, last_activity_at: 1_700_000_000_500 });
    expect(fromPostgres).toEqual(fromSqlite);
    expect(fromSqlite).toEqual({
      id: 'c',
      code: 'ABC',
      teacherName: 'T',
      createdAt: 1_700_000_000_000,
      lastActivityAt: 1_700_000_000_500,
      status: { spotlightId: null, forksFrozen: true },
    });
  });

  it('reads any role other than teacher as a student', () => {
    const row = { id: 'p', class_id: 'c', name: 'N', token_hash: 'h', joined_at: '42' };
    expect(participantFromRow({ ...row, role: 'teacher' })).toMatchObject({ role: 'teacher', joinedAt: 42 });
    expect(participantFromRow({ ...row, role: 'admin' }).role).toBe('student');
  });
});
