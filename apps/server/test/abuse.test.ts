import { ErrorCode, type CommandAck, type SessionUpdate } from '@playroom/protocol';
import { spawn } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { command, connect, createClass, openSocket, refusedHandshake, teacherAuth, tempDataDir, type Client } from './harness';
import { spawnServer, type ServerProcess } from './server-process';

/*
 * One person against the server (issue 8, findings 5 and 6, rules LIM-1,
 * LIM-8, HS-6), with the server and the attacker in processes of their own
 * as in a lesson. While the attack runs, another class's teacher changes the
 * learning rate every 40 ms and its student's screen must hear each change
 * within 100 ms (p99). The storm of LIM-8 runs last: it spends this address's
 * connection budget.
 */

let server: ServerProcess;
beforeAll(async () => {
  // the default join budget (HS-6), not the tests' relaxed one
  server = await spawnServer(tempDataDir(), { JOIN_BURST: '10', JOIN_RATE_PER_MINUTE: '30', CONNECT_BURST: '100', CONNECT_RATE_PER_SECOND: '50' });
}, 30_000);
afterAll(async () => {
  server.child.kill('SIGKILL');
  await server.exited;
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Another class, live: p99 of teacher change → student receives, measured while `attack` runs. */
async function changeLatencyDuring(attack: () => Promise<void>): Promise<{ p99: number; samples: number }> {
  const created = await createClass(server.url, 'Ms Other');
  const teacher = await connect(server.url, teacherAuth(created));
  const student = await connect(server.url, { role: 'student', code: created.code, name: 'Watcher' });
  const sentAt = new Map<number, number>();
  const delays: number[] = [];
  student.socket.on('session', (update: SessionUpdate) => {
    const at = sentAt.get(update.state.config.learningRate);
    if (at !== undefined) delays.push(performance.now() - at);
  });
  let running = true;
  const changes = (async () => {
    for (let i = 0; running && i < 500; i++) {
      const learningRate = i % 2 === 0 ? 0.1 : 0.3;
      sentAt.set(learningRate, performance.now());
      await command(teacher.socket, { type: 'setConfig', sessionId: created.sessionId, patch: { learningRate } });
      await sleep(40);
    }
  })();
  try {
    await attack();
  } finally {
    running = false;
    await changes;
    teacher.socket.close();
    student.socket.close();
  }
  const sorted = delays.sort((a, b) => a - b);
  return { p99: sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * 0.99))] ?? Infinity, samples: sorted.length };
}

describe('one person cannot take a class or the server down', () => {

  it('HS-6 (finding 6): while one address guesses codes, the 29 students of its class still get in', async () => {
    const created = await createClass(server.url, 'Ms Known');
    let joined = 0;
    const students: Client[] = [];
    const guesses = (async () => {
      let rateLimited = 0;
      for (let i = 0; i < 60; i++) {
        const refusal = await refusedHandshake(server.url, { role: 'student', code: `ZZ${String(1000 + i).slice(-4).replace(/[01]/g, '9')}`, name: 'Guesser' });
        if (refusal.code === ErrorCode.rateLimited) rateLimited++;
      }
      return rateLimited;
    })();
    for (let i = 0; i < 29; i++) {
      try {
        students.push(await connect(server.url, { role: 'student', code: created.code, name: `Student ${i}` }));
        joined++;
      } catch {
        // counted as not joined
      }
      await sleep(10);
    }
    const guesserLimited = await guesses;
    // the guesser is stopped: after the burst of 10, every guess is refused as rate-limited
    expect(guesserLimited).toBeGreaterThanOrEqual(45);
    expect(joined).toBe(29);
    // and an unknown code tried from the throttled address gets no other answer than a made-up one
    expect((await refusedHandshake(server.url, { role: 'student', code: 'QQQQQQ', name: 'x' })).code).toBe(ErrorCode.rateLimited);
    for (const student of students) student.socket.close();
  }, 60_000);

  it('LIM-1: a flood is cut once, and every command the server ran was acked first', async () => {
    const cutsBefore = server.output().match(/disconnected for flooding/g)?.length ?? 0;
    const created = await createClass(server.url, 'Ms Flood');
    const first = await connect(server.url, { role: 'student', code: created.code, name: 'Flood' });
    first.socket.close();
    // a raw socket of the same student: no harness ack checking, we count the answers ourselves
    const socket = openSocket(server.url, { role: 'student', code: created.code, token: first.welcome.participantToken });
    await new Promise<void>((resolve) => socket.once('welcome', () => resolve()));
    const answers = { ok: 0, refused: 0 };
    const disconnected = new Promise<string>((resolve) => socket.once('disconnect', resolve));
    for (let i = 0; i < 400; i++) {
      socket.emit('command', { type: 'unwatch', sessionId: created.sessionId }, (ack: CommandAck) => {
        if (ack.ok) answers.ok++;
        else answers.refused++;
      });
    }
    expect(await disconnected).toBe('io server disconnect');
    // the bucket's burst ran, and its acks all came back before the cut
    expect(answers.ok).toBe(40);
    expect(answers.refused).toBeGreaterThan(100);
    socket.close();
    await sleep(200);
    expect(server.output().match(/disconnected for flooding/g)?.length ?? 0).toBe(cutsBefore + 1);
  }, 30_000);

  it('LIM-8 (finding 5): 300 sockets of one identity get 5, their flood is held to one rate, and another class stays live', async () => {
    const created = await createClass(server.url, 'Ms Target');
    const first = await connect(server.url, { role: 'student', code: created.code, name: 'Mallory' });
    const token = first.welcome.participantToken!;
    first.socket.close();
    let report = '';
    const attacker = spawn(process.execPath, ['--import', 'tsx', 'test/attacker.ts', server.url, created.code, token, created.sessionId], {
      cwd: path.resolve(import.meta.dirname, '..'),
      stdio: ['pipe', 'pipe', 'inherit'],
    });
    const exited = new Promise((resolve) => attacker.once('exit', resolve));
    await new Promise<void>((resolve) =>
      attacker.stdout.on('data', (chunk: Buffer) => {
        report += chunk.toString();
        if (report.startsWith('ready\n')) resolve();
      }),
    );
    // the peer in the same run: the same measurement with no attack, so a noisy machine is told from a slow server
    const quiet = await changeLatencyDuring(async () => {
      await sleep(3000);
    });
    const result = await changeLatencyDuring(async () => {
      attacker.stdin.write('go\n');
      await exited;
    });
    const counts = JSON.parse(report.slice('ready\n'.length)) as { opened: number; refused: number; acked: number; reconnects: number };
    console.log(
      `LIM-8 attack: ${JSON.stringify(counts)}; other class's change latency p99 ${result.p99.toFixed(1)} ms over ${result.samples} changes ` +
        `(no attack, same run: ${quiet.p99.toFixed(1)} ms over ${quiet.samples})`,
    );
    // five at once; the other 295 are told so; every cut-off socket may come back, still five at a time
    expect(counts.refused).toBeGreaterThanOrEqual(295);
    expect(counts.opened - counts.reconnects).toBeLessThanOrEqual(5);
    // one identity: 20 a second over all its sockets, plus the burst of 40, however many sockets it opened
    expect(counts.acked).toBeLessThanOrEqual(40 + 20 * 5);
    expect(result.samples).toBeGreaterThan(20);
    // under 100 ms p99 (the goal), or, on a machine too busy for that, within three times the quiet p99 + 30 ms
    // measured seconds before (before the fix: 413 ms against a quiet ~40)
    expect(result.p99).toBeLessThan(Math.max(100, 3 * quiet.p99 + 30));
  }, 60_000);
});
