import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { PostgresStorage } from '../src/storage/postgres-storage';
import { SqliteStorage } from '../src/storage/sqlite-storage';
import type { Storage } from '../src/storage/storage';
import { tempDataDir } from './harness';

/** The Postgres the tests use: CI and this machine run one at 127.0.0.1 (trust auth, database `test`). */
export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/** A fresh, empty store of one kind; `reopen` opens the same data again as a restarted server would. */
export interface StoreUnderTest {
  storage: Storage;
  reopen(): Promise<Storage>;
  /** remove what the test created (the Postgres schema) */
  cleanup(): Promise<void>;
}

export interface StorageBackend {
  name: string;
  open(): Promise<StoreUnderTest>;
}

/** A schema name no other run uses. */
export function uniqueSchema(): string {
  return `playroom_test_${process.pid}_${randomBytes(4).toString('hex')}`;
}

/** Drop a test schema and everything in it. */
export async function dropSchema(schema: string): Promise<void> {
  const client = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await client.connect();
  try {
    await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  } finally {
    await client.end();
  }
}

/**
 * Both implementations of Storage. An unreachable Postgres makes `open`
 * throw, so its tests fail loudly instead of skipping.
 */
export const STORAGE_BACKENDS: StorageBackend[] = [
  {
    name: 'SQLite',
    open: async () => {
      const dir = tempDataDir();
      return { storage: SqliteStorage.open(dir), reopen: async () => SqliteStorage.open(dir), cleanup: async () => {} };
    },
  },
  {
    name: 'Postgres',
    open: async () => {
      const schema = uniqueSchema();
      const open = () => PostgresStorage.open(TEST_DATABASE_URL, { schema });
      return { storage: await open(), reopen: open, cleanup: () => dropSchema(schema) };
    },
  },
];
