import { ErrorCode, decodeSnapshot, type CommandAck, type CreateSessionReply, type SnapshotMessage } from '@playroom/protocol';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { command, connect, createClass, fork, startClass, teacherAuth, tempDataDir, type Client, type TestClass } from './harness';
import { spawnServer, type ServerProcess } from './server-process';
import { startThrowawayPostgres, type ThrowawayPostgres } from './throwaway-postgres';

/*
 * Issue 8, finding 1 ("nothing acked is lost"), end to end: a real server
 * process on a PostgreSQL cluster of the test's own, two classes training
 * (class sessions and a fork each), the database stopped for ~3 s of
 * training and started again; then SIGTERM and a new process on the same
 * database. Every session is back within PERSIST-1's 2 s of what was
 * trained before SIGTERM, with what was acked during the outage.
 */
const postgres = await startThrowawayPostgres();

const SPEED = 60;
/** PERSIST-1: at most 2 s of training may be lost */
const MAX_LOST_EPOCHS = 2 * SPEED;

async function until(check: () => Promise<boolean>, what: string, timeoutMs = 30_000): Promise<void> {
  const started = Date.now();
  while (!(await check())) {
    if (Date.now() - started > timeoutMs) throw new Error(`${what}: not within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe.skipIf(postgres === null)('a PostgreSQL outage while classes train (PERSIST-1, PERSIST-4)', () => {
  const database = postgres as ThrowawayPostgres;
  const servers: ServerProcess[] = [];
  const start = async () => {
    const server = await spawnServer(tempDataDir(), { DATABASE_URL: database.url });
    servers.push(server);
    return server;
  };
  afterAll(async () => {
    for (const server of servers) if (server.child.exitCode === null) server.child.kill('SIGKILL');
    await Promise.all(servers.map((server) => server.exited));
    await database.destroy();
  }, 30_000);

  async function query<T extends object>(sql: string): Promise<T[]> {
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    try {
      return (await client.query<T>(sql)).rows;
    } finally {
      await client.end();
    }
  }
  const storedEpochs = async () =>
    new Map((await query<{ id: string; epoch: number }>(`SELECT id, epoch FROM sessions WHERE state = 'live'`)).map((row) => [row.id, row.epoch]));

  it('every session is back after the outage and a restart, at most 2 s of training behind, with what was acked during it', async () => {
    const first = await start();
    /** the latest epoch any client saw of each session (snapshots) */
    const seen = new Map<string, number>();
    const watch = (client: Client) =>
      client.socket.on('snapshot', (message: SnapshotMessage) => seen.set(message.sessionId, decodeSnapshot(message.bytes).epoch));

    const classes: TestClass<['Ana']>[] = [];
    const forks: string[] = [];
    for (const teacherName of ['Ms Li', 'Mr Ode']) {
      const room = await startClass(first, { teacherName, config: { hiddenLayers: [3] }, students: ['Ana'] });
      classes.push(room);
      const forked = await fork(room.students[0].socket, room.created.sessionId);
      forks.push(forked.sessionId);
      for (const client of [room.teacher, ...room.students]) watch(client);
      expect((await command(room.students[0].socket, { type: 'play', sessionId: forked.sessionId })).ok).toBe(true);
      expect((await command(room.teacher.socket, { type: 'play', sessionId: room.created.sessionId })).ok).toBe(true);
    }
    const sessionIds = [...classes.map((room) => room.created.sessionId), ...forks];
    await sleep(1500);
    // a class created right before the outage: its 201 promises it is stored
    const beforeOutage = await createClass(first.url, 'Ms Early');

    await database.stop();
    const atOutage = new Map(seen);
    // acked during the outage: stored once the database is back (PERSIST-4)
    const slowed = await command<CommandAck<'setSpeed'>>(classes[1]!.students[0].socket, { type: 'setSpeed', sessionId: forks[1]!, speed: 30 });
    expect(slowed.ok).toBe(true);
    // a class asked for during the outage: 201 and stored, or 503 storageUnavailable and not created; never 201 and lost
    // (not awaited here: a server may hold the answer until the database is back)
    const asked = fetch(`${first.url}/api/sessions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ teacherName: 'Mr During' }),
    });
    await sleep(3000);
    const trainedInOutage = sessionIds.map((id) => (seen.get(id) ?? 0) - (atOutage.get(id) ?? 0));
    expect(Math.min(...trainedInOutage)).toBeGreaterThan(0);

    await database.start();
    const atReturn = new Map(seen);
    const during = await asked;
    const duringBody = (await during.json()) as CreateSessionReply & { error?: { code: string } };
    expect([201, 503]).toContain(during.status);
    if (during.status === 503) expect(duringBody.error?.code).toBe(ErrorCode.storageUnavailable);
    await until(async () => (await fetch(`${first.url}/readyz`)).status === 200, '/readyz 200 once the database is back');
    // the writes queued during the outage land: every session stored at least as far as it was when the database came back
    let stored = new Map<string, number>();
    await until(async () => {
      stored = await storedEpochs().catch(() => stored);
      return sessionIds.every((id) => (stored.get(id) ?? -1) >= atReturn.get(id)!);
    }, 'the sessions trained during the outage stored').catch((error: Error) => {
      const figures = sessionIds.map((id) => `${id}: stored ${stored.get(id)}, at return ${atReturn.get(id)}`).join('; ');
      throw new Error(`${error.message} (${figures})\nserver log:\n${first.output().slice(-4000)}`);
    });
    await sleep(500);

    const beforeSigterm = new Map(seen);
    first.child.kill('SIGTERM');
    expect(await first.exited).toBe(0);
    for (const room of classes) room.close();

    const second = await start();
    const restored = new Map<string, number>();
    for (const [i, room] of classes.entries()) {
      const teacher = await connect(second.url, teacherAuth(room.created));
      restored.set(room.created.sessionId, teacher.welcome.classSession.epoch);
      const student = await connect(second.url, { role: 'student', code: room.created.code, token: room.students[0].welcome.participantToken });
      expect(student.welcome.participantId).toBe(room.students[0].welcome.participantId);
      expect(student.welcome.forks.map((f) => f.sessionId)).toEqual([forks[i]]);
      const watched = await command<CommandAck<'watch'>>(student.socket, { type: 'watch', sessionId: forks[i]! });
      if (!watched.ok) throw new Error(`fork ${forks[i]} cannot be watched after the restart`);
      restored.set(forks[i]!, watched.session.epoch);
      expect(watched.session.playing).toBe(false);
      expect(watched.session.speed).toBe(i === 1 ? 30 : SPEED);
      teacher.socket.close();
      student.socket.close();
    }
    const early = await connect(second.url, teacherAuth(beforeOutage));
    expect(early.welcome.classSession.sessionId).toBe(beforeOutage.sessionId);
    early.socket.close();

    const liveTeachers = (await query<{ teacher_name: string }>(`SELECT teacher_name FROM classes WHERE state = 'live' ORDER BY teacher_name`)).map(
      (row) => row.teacher_name,
    );
    if (during.status === 201) {
      expect(liveTeachers).toEqual(['Mr During', 'Mr Ode', 'Ms Early', 'Ms Li']);
      const duringTeacher = await connect(second.url, teacherAuth(duringBody));
      duringTeacher.socket.close();
    } else {
      expect(liveTeachers).toEqual(['Mr Ode', 'Ms Early', 'Ms Li']);
    }

    console.log(
      `outage ~3 s (class creation during it: ${during.status}); per session [class A, class B, fork A, fork B]: ` +
        `trained during the outage ${trainedInOutage.join(', ')} epochs; ` +
        `seen before SIGTERM ${sessionIds.map((id) => beforeSigterm.get(id)).join(', ')}, ` +
        `restored ${sessionIds.map((id) => restored.get(id)).join(', ')}`,
    );
    for (const id of sessionIds) {
      expect(restored.get(id)!).toBeGreaterThanOrEqual(beforeSigterm.get(id)! - MAX_LOST_EPOCHS);
      // the training done during the outage is kept
      expect(restored.get(id)!).toBeGreaterThanOrEqual(atReturn.get(id)!);
    }
    second.child.kill('SIGTERM');
    expect(await second.exited).toBe(0);
  }, 120_000);
});
