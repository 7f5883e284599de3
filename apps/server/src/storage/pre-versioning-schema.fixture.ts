/**
 * The tables exactly as the server created them before schema versioning (`storageSchema` in
 * storage-tables.ts up to that change), kept verbatim as the "older database" the migration tests start
 * from. Never edit it: databases in the field were made by this text.
 */
export const preVersioningSchema = (integerType: 'INTEGER' | 'BIGINT') => `
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
