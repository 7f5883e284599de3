import fs from 'node:fs';
import path from 'node:path';
import { DEFAULT_CONFIG } from '@playroom/engine';
import Database from 'better-sqlite3';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { tempDataDir } from '../../test/harness';
import { dropSchema, TEST_DATABASE_URL, uniqueSchema } from '../../test/storage-backends';
import { TrainingSession } from '../classroom/training-session';
import { migratePostgres, migrateSqlite, quotePostgresIdentifier } from './migration-runner';
import { checkMigrationList, nextMigration, SchemaTooNewError, STORAGE_MIGRATIONS, type Dialect, type Migration } from './migrations';
import { PostgresStorage } from './postgres-storage';
import { preVersioningSchema } from './pre-versioning-schema.fixture';
import { SqliteStorage } from './sqlite-storage';
import type { Storage } from './storage';

/* The migration runner on SQLite and Postgres alike, from databases in the states real servers leave them. */

const [initialSchema] = STORAGE_MIGRATIONS as [Migration];
/** what a database opened by this server is at */
const LATEST = STORAGE_MIGRATIONS.map((m) => m.version);
const LATEST_ROWS = STORAGE_MIGRATIONS.map((m) => ({ version: m.version, name: m.name, appliedAt: expect.any(Number) }));

/** A test-only migration that counts how often its SQL is asked for, so "applied once" is observable. */
const countedMigration = (version: number, name: string, sql: string, calls: string[]): Migration => ({
  version,
  name,
  sql: () => {
    calls.push(name);
    return sql;
  },
});

// m2 makes a table, m3 needs it: run in the wrong order, m3 would fail
const notesTable = (calls: string[]) =>
  countedMigration(2, 'test notes', `CREATE TABLE test_notes (n INTEGER PRIMARY KEY, note TEXT NOT NULL); INSERT INTO test_notes VALUES (1, 'm2');`, calls);
const secondNote = (calls: string[]) => countedMigration(3, 'test second note', `INSERT INTO test_notes VALUES (2, 'm3');`, calls);
// fails on its last statement, after making a table and a row that must not survive
const brokenMigration = (version: number): Migration => ({
  version,
  name: 'test broken',
  sql: () => `CREATE TABLE test_half_done (x INTEGER); INSERT INTO test_half_done VALUES (1); INSERT INTO no_such_table VALUES (1);`,
});

const sqlString = (text: string) => `'${text.replace(/'/g, "''")}'`;

interface VersionRow {
  version: number;
  name: string;
  appliedAt: number;
}

/** One empty database of one kind, reached the ways the tests need. */
interface MigrationDatabase {
  /** what the server made before versioning: (Postgres: the schema and) the tables, no version table */
  createPreVersioningTables(): Promise<void>;
  /** raw SQL outside any migration */
  exec(sql: string): Promise<void>;
  rows<T>(sql: string): Promise<T[]>;
  /** tables in this database (Postgres: in the test's own schema only) */
  tableNames(): Promise<string[]>;
  /** run the migration runner on a connection of its own, as a starting server does */
  migrate(migrations: readonly Migration[]): Promise<void>;
  /** open storage the way the server does, with the real migration list */
  openStorage(): Promise<Storage>;
  cleanup(): Promise<void>;
}

interface MigrationBackend {
  name: string;
  dialect: Dialect;
  create(): Promise<MigrationDatabase>;
}

const sqliteBackend: MigrationBackend = {
  name: 'SQLite',
  dialect: 'sqlite',
  create: async () => {
    const dir = tempDataDir();
    const file = path.join(dir, 'playroom.db');
    const withDb = <T>(use: (db: Database.Database) => T): T => {
      const db = new Database(file);
      try {
        return use(db);
      } finally {
        db.close();
      }
    };
    return {
      createPreVersioningTables: async () => void withDb((db) => db.exec(preVersioningSchema('INTEGER'))),
      exec: async (sql) => void withDb((db) => db.exec(sql)),
      rows: async <T>(sql: string) => withDb((db) => db.prepare(sql).all() as T[]),
      tableNames: async () =>
        withDb((db) => (db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name`).all() as { name: string }[]).map((r) => r.name)),
      migrate: async (migrations) => withDb((db) => migrateSqlite(db, migrations)),
      openStorage: async () => SqliteStorage.open(dir),
      cleanup: async () => fs.rmSync(dir, { recursive: true, force: true }),
    };
  },
};

const postgresBackend: MigrationBackend = {
  name: 'Postgres',
  dialect: 'postgres',
  create: async () => {
    const schema = uniqueSchema();
    const connect = async () => {
      const client = new pg.Client({ connectionString: TEST_DATABASE_URL, options: `-c search_path=${quotePostgresIdentifier(schema)}` });
      await client.connect();
      return client;
    };
    const raw = await connect();
    return {
      createPreVersioningTables: async () => {
        await raw.query(`CREATE SCHEMA IF NOT EXISTS ${quotePostgresIdentifier(schema)}`);
        await raw.query(preVersioningSchema('BIGINT'));
      },
      exec: async (sql) => void (await raw.query(sql)),
      rows: async <T>(sql: string) => (await raw.query(sql)).rows as T[],
      tableNames: async () =>
        (
          await raw.query<{ table_name: string }>(`SELECT table_name FROM information_schema.tables WHERE table_schema = $1 ORDER BY table_name`, [schema])
        ).rows.map((r) => r.table_name),
      migrate: async (migrations) => {
        const client = await connect();
        try {
          await migratePostgres(client, { schema, migrations });
        } finally {
          await client.end();
        }
      },
      openStorage: () => PostgresStorage.open(TEST_DATABASE_URL, { schema }),
      cleanup: async () => {
        await raw.end();
        await dropSchema(schema);
      },
    };
  },
};

describe('the migration list', () => {
  it('starts with the schema exactly as the server made it before versioning, so old databases are the same version 1', () => {
    expect(initialSchema.version).toBe(1);
    expect(initialSchema.sql('sqlite')).toBe(preVersioningSchema('INTEGER'));
    expect(initialSchema.sql('postgres')).toBe(preVersioningSchema('BIGINT'));
  });

  it('gives Postgres BIGINT for every time column', () => {
    expect(initialSchema.sql('postgres').match(/BIGINT/g)).toHaveLength(5);
    expect(initialSchema.sql('postgres')).not.toContain('INTEGER');
  });

  it('is numbered 1, 2, 3 with no gap or reordering', () => {
    expect(() => checkMigrationList(STORAGE_MIGRATIONS)).not.toThrow();
    expect(() => checkMigrationList([initialSchema, secondNote([])])).toThrow(/number 3 but stands at place 2/);
    expect(() => checkMigrationList([notesTable([]), initialSchema])).toThrow(/number 2 but stands at place 1/);
  });

  it('picks the next migration, none when up to date, and refuses a database past the list', () => {
    const list = [initialSchema, notesTable([])];
    expect(nextMigration({ version: 0, name: '' }, list)).toBe(initialSchema);
    expect(nextMigration({ version: 1, name: 'x' }, list)).toBe(list[1]);
    expect(nextMigration({ version: 2, name: 'x' }, list)).toBeNull();
    expect(() => nextMigration({ version: 3, name: 'from the future' }, list)).toThrow(SchemaTooNewError);
  });
});

describe.each([sqliteBackend, postgresBackend])('$name migrations', (backend) => {
  const databases: MigrationDatabase[] = [];
  const opened: Storage[] = [];
  const createDatabase = async () => {
    const database = await backend.create();
    databases.push(database);
    return database;
  };
  const openStorage = async (database: MigrationDatabase) => {
    const storage = await database.openStorage();
    opened.push(storage);
    return storage;
  };
  const versionsOf = async (database: MigrationDatabase): Promise<VersionRow[]> =>
    (await database.rows<{ version: number; name: string; applied_at: number | string }>(`SELECT * FROM schema_migrations ORDER BY version`)).map(
      (row) => ({ version: row.version, name: row.name, appliedAt: Number(row.applied_at) }),
    );
  const versionNumbersOf = async (database: MigrationDatabase) => (await versionsOf(database)).map((row) => row.version);
  const notesOf = (database: MigrationDatabase) => database.rows<{ n: number; note: string }>(`SELECT n, note FROM test_notes ORDER BY n`);

  afterEach(async () => {
    for (const storage of opened.splice(0)) await storage.close().catch(() => {});
    for (const database of databases.splice(0)) await database.cleanup();
  });

  it('adopts a database made before versioning as version 1, keeping every row', async () => {
    const database = await createDatabase();
    const session = TrainingSession.create(
      { id: 's_old', classId: 's_old', kind: 'class', ownerId: 'p_t', ownerName: 'T', parentId: null, forkedAtEpoch: null, createdAt: 1 },
      DEFAULT_CONFIG,
    );
    session.train(2);
    const fork = session.forkAs({ id: 's_oldfork', classId: 's_old', kind: 'fork', ownerId: 'p_t', ownerName: 'T', parentId: 's_old', forkedAtEpoch: 2, createdAt: 2 });
    // what the server wrote before versioning: its tables, a class with its teacher, a live session and an archived fork
    await database.createPreVersioningTables();
    await database.exec(`
      INSERT INTO classes (id, code, teacher_name, class_status, created_at, last_activity_at)
        VALUES ('s_old', 'OLDONE', 'T', '{"spotlightId":null,"forksFrozen":false}', 1700000000000, 1700000000500);
      INSERT INTO participants (id, class_id, name, role, token_hash, joined_at) VALUES ('p_t', 's_old', 'T', 'teacher', 'hash', 1700000000000);
      INSERT INTO sessions (id, class_id, kind, record, epoch, updated_at) VALUES ('s_old', 's_old', 'class', ${sqlString(JSON.stringify(session.toRecord()))}, 2, 1700000000600);
      INSERT INTO sessions (id, class_id, kind, state, record, epoch, updated_at) VALUES ('s_oldfork', 's_old', 'fork', 'archived', ${sqlString(JSON.stringify(fork.toRecord()))}, 2, 1700000000600);
    `);

    const storage = await openStorage(database);
    const [live, ...others] = await storage.loadLiveClasses();
    expect(others).toEqual([]);
    expect(live!.record).toEqual({ id: 's_old', code: 'OLDONE', teacherName: 'T', createdAt: 1_700_000_000_000, lastActivityAt: 1_700_000_000_500, status: { spotlightId: null, forksFrozen: false } });
    expect(live!.participants).toEqual([{ id: 'p_t', classId: 's_old', name: 'T', role: 'teacher', tokenHash: 'hash', joinedAt: 1_700_000_000_000 }]);
    expect(live!.sessions).toEqual([session.toRecord()]);
    expect((await storage.loadClass('s_old'))!.sessions).toHaveLength(2);
    // adopted as version 1, then migrated to the latest
    expect(await versionsOf(database)).toEqual(LATEST_ROWS);

    // and it goes on working: a later write lands, reopening records nothing new
    session.train(1);
    await storage.saveSessions([session.toRecord()]);
    await storage.close();
    const reopened = await openStorage(database);
    expect((await reopened.loadClass('s_old'))!.sessions.find((s) => s.id === 's_old')!.trainer.epoch).toBe(3);
    expect(await versionNumbersOf(database)).toEqual(LATEST);
  });

  it('creates a new database at the latest version, version table beside the tables', async () => {
    const database = await createDatabase();
    await openStorage(database);
    expect(await versionsOf(database)).toEqual(LATEST_ROWS);
    expect(await database.tableNames()).toEqual(['classes', 'participants', 'schema_migrations', 'sessions']);
  });

  it('applies pending migrations in order, each once, and reopening changes nothing', async () => {
    const database = await createDatabase();
    const calls: string[] = [];
    await database.migrate([initialSchema]);
    const list = [initialSchema, notesTable(calls), secondNote(calls)];
    await database.migrate(list);
    expect(calls).toEqual(['test notes', 'test second note']);
    const versions = await versionsOf(database);
    expect(versions.map((v) => [v.version, v.name])).toEqual([
      [1, initialSchema.name],
      [2, 'test notes'],
      [3, 'test second note'],
    ]);
    expect(await notesOf(database)).toEqual([
      { n: 1, note: 'm2' },
      { n: 2, note: 'm3' },
    ]);

    await database.migrate(list);
    expect(calls).toHaveLength(2);
    expect(await versionsOf(database)).toEqual(versions);
    expect(await notesOf(database)).toHaveLength(2);
  });

  it('rolls a failing migration back whole, keeping the ones before it and the version where they left it', async () => {
    const database = await createDatabase();
    await database.migrate([initialSchema]);
    await expect(database.migrate([initialSchema, notesTable([]), brokenMigration(3)])).rejects.toThrow(/no_such_table/);
    // migration 2 committed on its own; nothing of migration 3 is left, not even the statements that succeeded
    expect(await versionNumbersOf(database)).toEqual([1, 2]);
    expect(await database.tableNames()).not.toContain('test_half_done');
    expect(await notesOf(database)).toEqual([{ n: 1, note: 'm2' }]);

    // once fixed it applies on the next start
    await database.migrate([initialSchema, notesTable([]), secondNote([])]);
    expect(await versionNumbersOf(database)).toEqual([1, 2, 3]);
  });

  it('refuses to open a database newer than it knows, and leaves it exactly as it was', async () => {
    const database = await createDatabase();
    const future = LATEST.length + 1;
    await database.migrate([...STORAGE_MIGRATIONS, countedMigration(future, 'test notes', notesTable([]).sql('sqlite'), [])]);
    const before = await versionsOf(database);

    const refusal = await openStorage(database).then(
      () => null,
      (error: unknown) => error,
    );
    expect(refusal).toBeInstanceOf(SchemaTooNewError);
    expect((refusal as Error).message).toMatch(new RegExp(`schema is at version ${future} \\("test notes"\\), newer than this server knows \\(version ${future - 1}\\).*Refusing to start`));
    expect(await versionsOf(database)).toEqual(before);
    expect(await notesOf(database)).toEqual([{ n: 1, note: 'm2' }]);
  });

  if (backend.dialect === 'postgres') {
    it('lets two servers start at once on a new schema: each migration is applied once', async () => {
      const database = await createDatabase();
      const calls: string[] = [];
      // the sleep holds the first server inside migration 2 while the second one arrives
      const slowNotes = countedMigration(2, 'test notes', `SELECT pg_sleep(0.3); CREATE TABLE test_notes (n INTEGER PRIMARY KEY, note TEXT NOT NULL); INSERT INTO test_notes VALUES (1, 'm2');`, calls);
      await Promise.all([database.migrate([initialSchema, slowNotes]), database.migrate([initialSchema, slowNotes])]);
      expect(calls).toEqual(['test notes']);
      expect(await versionNumbersOf(database)).toEqual([1, 2]);
      expect(await notesOf(database)).toEqual([{ n: 1, note: 'm2' }]);
    });

    it('opens two storages at once on a schema that does not exist yet', async () => {
      const database = await createDatabase();
      await Promise.all([openStorage(database), openStorage(database)]);
      expect(await versionNumbersOf(database)).toEqual(LATEST);
    });
  }
});
