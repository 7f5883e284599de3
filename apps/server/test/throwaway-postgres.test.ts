import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { startThrowawayPostgres } from './throwaway-postgres';

/** One query on a fresh connection, or the connection's error code. */
async function query(url: string, sql: string): Promise<unknown> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    return (await client.query(sql)).rows;
  } catch (error) {
    return (error as { code?: string }).code ?? String(error);
  } finally {
    await client.end().catch(() => {});
  }
}

/** Temp dirs of throwaway clusters configured for `port` (none once destroyed). */
function clusterDirsOnPort(port: number): string[] {
  const tmp = os.tmpdir();
  return fs
    .readdirSync(tmp)
    .filter((name) => name.startsWith('playroom-pg-'))
    .filter((name) => {
      const conf = path.join(tmp, name, 'data', 'postgresql.auto.conf');
      return fs.existsSync(conf) && fs.readFileSync(conf, 'utf8').includes(`port = ${port}\n`);
    });
}

describe('throwaway PostgreSQL (test helper)', () => {
  it('starts a cluster of its own on 127.0.0.1; stop refuses connections, start brings the same data back, destroy removes it', async () => {
    const db = await startThrowawayPostgres();
    if (!db) return;
    try {
      expect(db.port).not.toBe(5432);
      expect(db.url).toBe(`postgres://postgres@127.0.0.1:${db.port}/postgres`);
      expect(await query(db.url, `SELECT current_setting('listen_addresses') AS listen, current_setting('fsync') AS fsync`)).toEqual([
        { listen: '127.0.0.1', fsync: 'off' },
      ]);
      expect(clusterDirsOnPort(db.port)).toHaveLength(1);
      await query(db.url, 'CREATE TABLE kept (n int); INSERT INTO kept VALUES (7)');

      await db.stop();
      expect(await query(db.url, 'SELECT 1')).toBe('ECONNREFUSED');

      await db.start();
      expect(await query(db.url, 'SELECT n FROM kept')).toEqual([{ n: 7 }]);
    } finally {
      await db.destroy();
    }
    expect(await query(db.url, 'SELECT 1')).toBe('ECONNREFUSED');
    expect(clusterDirsOnPort(db.port)).toEqual([]);
  }, 60_000);
});
