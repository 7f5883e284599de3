import { afterAll, describe, expect, it } from 'vitest';
import { freePort } from './free-port';
import { createClass, tempDataDir } from './harness';
import { launchServer, type LaunchedServer } from './server-process';
import { startThrowawayPostgres, type ThrowawayPostgres } from './throwaway-postgres';

/*
 * Issue 8, finding 10: `npm start` with DATABASE_URL pointing at a stopped
 * database printed a raw stack and exited. Now it says so in one line, keeps
 * trying, and starts (listens, restores, accepts classes) once the database
 * answers. Against a PostgreSQL cluster of the test's own.
 */
const postgres = await startThrowawayPostgres();

const PASSWORD = 'never-in-the-log-7f3a';

/** The log lines (pino JSON) whose message matches. */
function linesMatching(output: string, pattern: RegExp): string[] {
  return output.split('\n').filter((line) => pattern.test(line));
}

describe.skipIf(postgres === null)('start-up while the database is down', () => {
  const database = postgres as ThrowawayPostgres;
  let server: LaunchedServer | undefined;
  afterAll(async () => {
    if (server && server.child.exitCode === null) server.child.kill('SIGKILL');
    await server?.exited;
    await database.destroy();
  }, 30_000);

  it('logs one clear line, keeps retrying without listening, and starts normally once the database answers', async () => {
    await database.stop();
    const port = await freePort();
    // the password trust auth ignores: it must never reach the log
    const url = database.url.replace('postgres@', `postgres:${PASSWORD}@`);
    server = launchServer(tempDataDir(), { DATABASE_URL: url, PORT: String(port) }, 60_000);
    const launched = server;
    let exitCode: number | null | undefined;
    void launched.exited.then((code) => (exitCode = code));

    // several retries' worth of waiting (0.5 + 1 + 2 + 4 s)
    await new Promise((resolve) => setTimeout(resolve, 8000));
    const waiting = launched.output();
    expect(exitCode, `the server exited:\n${waiting}`).toBeUndefined();
    const unreachable = linesMatching(waiting, /database not reachable/);
    expect(unreachable, waiting).toHaveLength(1);
    expect(unreachable[0]).toContain(`database not reachable at 127.0.0.1:${database.port} (ECONNREFUSED); retrying`);
    // no stack, and no password, anywhere in what it printed
    expect(waiting).not.toMatch(/\n\s+at /);
    expect(waiting).not.toContain(PASSWORD);
    // not half started: nothing listens, so nobody can create a class yet
    await expect(fetch(`http://127.0.0.1:${port}/healthz`)).rejects.toThrow();

    await database.start();
    const startedUrl = await launched.running;
    expect(startedUrl).toBe(`http://127.0.0.1:${port}`);
    expect((await fetch(`${startedUrl}/readyz`)).status).toBe(200);
    const created = await createClass(startedUrl, 'Ms Patient');
    expect(created.code).toMatch(/^[A-Z0-9]+$/);
    const all = launched.output();
    expect(linesMatching(all, /database not reachable/)).toHaveLength(1);
    expect(linesMatching(all, /database reachable/)).toHaveLength(1);
    expect(all).not.toContain(PASSWORD);

    launched.child.kill('SIGTERM');
    expect(await launched.exited).toBe(0);
  }, 90_000);

  it('a refusal waiting cannot cure (no such database) ends the start-up with one line: no stack, no password', async () => {
    const url = database.url.replace('postgres@', `postgres:${PASSWORD}@`).replace(/\/postgres$/, '/no_such_database');
    const refused = launchServer(tempDataDir(), { DATABASE_URL: url });
    expect(await refused.exited).toBe(1);
    const output = refused.output().trim();
    expect(output).toBe(`database at 127.0.0.1:${database.port} refused to start the server (3D000): database "no_such_database" does not exist`);
  }, 30_000);
});
