/** The two databases storage runs on; a migration's SQL may differ between them. */
export type Dialect = 'sqlite' | 'postgres';

/**
 * One step of the schema. Once released a migration is never edited: databases that already ran it keep
 * what it made, so a change is always a new migration at the end of the list.
 */
export interface Migration {
  /** 1, 2, 3, … in list order; the database records the highest one it has applied */
  version: number;
  name: string;
  /**
   * The statements, run in one transaction together with the migration's version row. SQLite ignores
   * `PRAGMA foreign_keys` inside a transaction (storage keeps it ON), so a step that rebuilds a referenced
   * table must copy it in a way that keeps every reference valid.
   */
  sql(dialect: Dialect): string;
}

// SQLite's INTEGER is already 64-bit; Postgres needs BIGINT for epoch milliseconds, which pass 32 bits
const integerType = (dialect: Dialect) => (dialect === 'postgres' ? 'BIGINT' : 'INTEGER');

/**
 * Version 1 is the schema exactly as the server created it before versioning. It keeps its `IF NOT EXISTS`
 * so that such a database (the tables, no `schema_migrations`) is adopted as version 1 with its rows as
 * they are. Records stay TEXT: the exact JSON the server wrote, so Float64 weights round-trip bit for bit.
 */
const initialSchema: Migration = {
  version: 1,
  name: 'classes, participants and sessions',
  sql: (dialect) => `
CREATE TABLE IF NOT EXISTS classes (
  id TEXT PRIMARY KEY,
  code TEXT NOT NULL,
  teacher_name TEXT NOT NULL,
  state TEXT NOT NULL DEFAULT 'live',
  class_status TEXT NOT NULL,
  created_at ${integerType(dialect)} NOT NULL,
  last_activity_at ${integerType(dialect)} NOT NULL
);
CREATE INDEX IF NOT EXISTS classes_by_state ON classes (state);
CREATE TABLE IF NOT EXISTS participants (
  id TEXT PRIMARY KEY,
  class_id TEXT NOT NULL REFERENCES classes (id),
  name TEXT NOT NULL,
  role TEXT NOT NULL,
  token_hash TEXT NOT NULL,
  joined_at ${integerType(dialect)} NOT NULL
);
CREATE INDEX IF NOT EXISTS participants_by_class ON participants (class_id);
CREATE TABLE IF NOT EXISTS sessions (
  id TEXT PRIMARY KEY,
  class_id TEXT NOT NULL REFERENCES classes (id),
  kind TEXT NOT NULL,
  state TEXT NOT NULL DEFAULT 'live',
  record TEXT NOT NULL,
  epoch ${integerType(dialect)} NOT NULL,
  updated_at ${integerType(dialect)} NOT NULL
);
CREATE INDEX IF NOT EXISTS sessions_by_class ON sessions (class_id, state);
`,
};

/**
 * Version 2: each participant's alias (NAMES-4), kept so that it stays the same across restarts and
 * removals. Rows from before have none; the class gives them one when it is restored, in join order.
 */
const participantAliases: Migration = {
  version: 2,
  name: 'participant aliases',
  sql: () => `ALTER TABLE participants ADD COLUMN alias INTEGER;`,
};

/** Every migration both backends apply, oldest first. */
export const STORAGE_MIGRATIONS: readonly Migration[] = [initialSchema, participantAliases];

/**
 * The table that records which migrations a database has run. The runner creates it before any migration,
 * so unlike the tables it must never change shape.
 */
export const schemaMigrationsTable = (dialect: Dialect) => `
CREATE TABLE IF NOT EXISTS schema_migrations (
  version INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  applied_at ${integerType(dialect)} NOT NULL
);
`;

/** A database some newer server has migrated past what this one knows; it is left exactly as it is. */
export class SchemaTooNewError extends Error {
  constructor(
    readonly databaseVersion: number,
    readonly databaseVersionName: string,
    readonly knownVersion: number,
  ) {
    super(
      `The database schema is at version ${databaseVersion} ("${databaseVersionName}"), newer than this server ` +
        `knows (version ${knownVersion}): a newer Playroom has upgraded it. Refusing to start, and the database ` +
        `was not changed; run that newer version, or point this one at another database.`,
    );
    this.name = 'SchemaTooNewError';
  }
}

/** Throw unless the list is numbered 1, 2, 3, … with no gap, repeat or reordering (a programming error). */
export function checkMigrationList(migrations: readonly Migration[]): void {
  migrations.forEach((migration, i) => {
    if (migration.version !== i + 1) {
      throw new Error(`migration "${migration.name}" is number ${migration.version} but stands at place ${i + 1} in the list`);
    }
  });
}

/** The version a database is at, from the highest row of `schema_migrations` (0 and '' when it has none). */
export interface AppliedVersion {
  version: number;
  name: string;
}

/** The one migration to apply next to a database at `applied`, or null when it is up to date; throws SchemaTooNewError. */
export function nextMigration(applied: AppliedVersion, migrations: readonly Migration[]): Migration | null {
  const known = migrations.length;
  if (applied.version > known) throw new SchemaTooNewError(applied.version, applied.name, known);
  return migrations[applied.version] ?? null;
}
