import type Database from 'better-sqlite3';
import type pg from 'pg';
import {
  checkMigrationList,
  nextMigration,
  schemaMigrationsTable,
  STORAGE_MIGRATIONS,
  type AppliedVersion,
  type Migration,
} from './migrations';

/*
 * Both runners apply one pending migration per transaction, together with its `schema_migrations` row, and
 * read the version inside that same transaction while holding the database's write lock, so a second process
 * starting at once waits and then finds the migration done instead of applying it again. A migration that
 * fails rolls back whole: its tables, its rows and its version row.
 */

const LATEST_VERSION = 'SELECT version, name FROM schema_migrations ORDER BY version DESC LIMIT 1';
const NO_VERSION: AppliedVersion = { version: 0, name: '' };

/** Quote a Postgres identifier (a schema name from DATABASE_SCHEMA) for use in SQL text. */
export const quotePostgresIdentifier = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** Bring a SQLite database up to the last migration in the list; throws SchemaTooNewError without changing it. */
export function migrateSqlite(db: Database.Database, migrations: readonly Migration[] = STORAGE_MIGRATIONS): void {
  checkMigrationList(migrations);
  const applyNext = db.transaction((): boolean => {
    db.exec(schemaMigrationsTable('sqlite'));
    const applied = (db.prepare(LATEST_VERSION).get() as AppliedVersion | undefined) ?? NO_VERSION;
    const next = nextMigration(applied, migrations);
    if (!next) return false;
    db.exec(next.sql('sqlite'));
    db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(next.version, next.name, Date.now());
    return true;
  });
  // IMMEDIATE takes the write lock before reading the version, so another process cannot slip in between
  while (applyNext.immediate()) {
    // one migration per transaction, until none is pending
  }
}

/** Where and what `migratePostgres` migrates. */
export interface PostgresMigrationOptions {
  /** the schema the client's search_path names (created if missing); default: the search_path's first */
  schema?: string;
  migrations?: readonly Migration[];
}

/**
 * Bring a Postgres schema up to the last migration in the list; throws SchemaTooNewError without changing it.
 * `client` is one connection whose search_path already names `options.schema`.
 */
export async function migratePostgres(client: pg.ClientBase, options: PostgresMigrationOptions = {}): Promise<void> {
  const migrations = options.migrations ?? STORAGE_MIGRATIONS;
  checkMigrationList(migrations);
  while (await applyNextPostgres(client, options.schema, migrations)) {
    // one migration per transaction, until none is pending
  }
}

async function applyNextPostgres(client: pg.ClientBase, schema: string | undefined, migrations: readonly Migration[]): Promise<boolean> {
  await client.query('BEGIN');
  try {
    // a lock per schema, held until this transaction ends: two servers starting at once take turns, and even
    // creating the schema and version table happens under it (concurrent CREATE ... IF NOT EXISTS can fail)
    await client.query(`SELECT pg_advisory_xact_lock(hashtext('playroom schema_migrations'), hashtext(coalesce($1::text, current_schema(), '')))`, [
      schema ?? null,
    ]);
    if (schema !== undefined) await client.query(`CREATE SCHEMA IF NOT EXISTS ${quotePostgresIdentifier(schema)}`);
    await client.query(schemaMigrationsTable('postgres'));
    const applied = (await client.query<AppliedVersion>(LATEST_VERSION)).rows[0] ?? NO_VERSION;
    const next = nextMigration(applied, migrations);
    if (next) {
      await client.query(next.sql('postgres'));
      await client.query('INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)', [next.version, next.name, Date.now()]);
    }
    await client.query('COMMIT');
    return next !== null;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    throw error;
  }
}
