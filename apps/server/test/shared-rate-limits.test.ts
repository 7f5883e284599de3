import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { Redis } from 'ioredis';
import { closeRedis, openRedis, redisReady } from '../src/cluster/redis-connection';
import { JoinGuard } from '../src/security/join-guard';
import { SharedKnownCodes } from '../src/security/shared-known-codes';
import { SharedRateLimiter } from '../src/security/shared-rate-limiter';
import { freePort } from './free-port';
import { closeAll, connect, createClass, openSocket, startServer, tempDataDir, type TestServer } from './harness';
import { launchServer, spawnServer, type ServerProcess } from './server-process';

/*
 * Per-address budgets across processes (HS-6 wrong codes, LIM-3 creations):
 * with REDIS_URL they live in Redis, so a guesser spreading over every
 * server of a deployment gets one budget, not one per server; without
 * Redis (or while it is away) each process counts alone, and no class is
 * locked out because Redis blinked. Two limiters with two Redis clients
 * are what two processes have; two servers in this process are two apps
 * with nothing shared but Redis.
 */

const REDIS_URL = process.env.REDIS_URL;
if (!REDIS_URL) console.log('[suite not run] shared rate limits against a real Redis: REDIS_URL is not set (run with REDIS_URL=redis://127.0.0.1:6379, as .ci/run does)');

const quiet = { warn: () => {}, info: () => {} };
const clients: Redis[] = [];
function redisClient(url: string): Redis {
  const client = openRedis(url, 'test', quiet, { failFast: true });
  clients.push(client);
  return client;
}
afterEach(async () => {
  await Promise.all(clients.splice(0).map((client) => closeRedis(client)));
});

async function until(check: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const start = Date.now();
  while (!check()) {
    if (Date.now() - start > timeoutMs) throw new Error(`${what}: not within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** A limiter of its own Redis client, as one process has, under a key prefix of this test alone. */
async function processLimiter(url: string, prefix: string, perSecond: number, capacity: number, onFallback = () => {}) {
  const client = redisClient(url);
  await until(() => redisReady(client), 5000, 'Redis connected');
  return { client, limiter: new SharedRateLimiter(client, prefix, perSecond, capacity, onFallback) };
}

describe.skipIf(!REDIS_URL)('SharedRateLimiter against the real Redis', () => {
  it('two processes spend one budget: what one took, the other no longer has', async () => {
    const prefix = `playroom-test:${randomUUID()}:`;
    const a = await processLimiter(REDIS_URL!, prefix, 1 / 60, 3);
    const b = await processLimiter(REDIS_URL!, prefix, 1 / 60, 3);
    const address = '198.51.100.7';
    expect([a.limiter.take(address), a.limiter.take(address), a.limiter.take(address)]).toEqual([true, true, true]);
    expect(a.limiter.take(address)).toBe(false);
    await a.limiter.settled();
    // b has not heard of this address yet: its first answer is its own, and it asks Redis
    b.limiter.hasBudget(address);
    await b.limiter.settled();
    expect(b.limiter.hasBudget(address)).toBe(false);
    expect(b.limiter.take(address)).toBe(false);
    // another address is untouched, in both
    expect(b.limiter.hasBudget('198.51.100.8')).toBe(true);
    // the bucket expires once it would be full again (3 tokens at 1 a minute: 3 min, plus a second)
    const ttl = await a.client.pttl(`${prefix}${address}`);
    expect(ttl).toBeGreaterThan(0);
    expect(ttl).toBeLessThanOrEqual(3 * 60_000 + 1000);
  });

  it('refills on Redis’s clock for every process alike', async () => {
    const prefix = `playroom-test:${randomUUID()}:`;
    const a = await processLimiter(REDIS_URL!, prefix, 20, 2);
    const b = await processLimiter(REDIS_URL!, prefix, 20, 2);
    const address = '198.51.100.9';
    a.limiter.take(address);
    a.limiter.take(address);
    await a.limiter.settled();
    b.limiter.hasBudget(address);
    await b.limiter.settled();
    expect(b.limiter.take(address)).toBe(false);
    await new Promise((resolve) => setTimeout(resolve, 300)); // 20 a second: 6 tokens' worth, capped at 2
    expect(b.limiter.take(address)).toBe(true);
    await b.limiter.settled();
    const left = await b.client.hget(`${prefix}${address}`, 't');
    expect(Number(left)).toBeGreaterThanOrEqual(1);
    expect(Number(left)).toBeLessThanOrEqual(2);
  });
});

describe.skipIf(!REDIS_URL)('JoinGuard across processes', () => {
  it('HS-6: an address’s own class stays open to it on another process once its budget is spent there', async () => {
    const run = randomUUID();
    const guard = async () => {
      const { client, limiter } = await processLimiter(REDIS_URL!, `playroom-test:${run}:rate:`, 1 / 60, 3);
      return new JoinGuard(limiter, new SharedKnownCodes(client, `playroom-test:${run}:known:`));
    };
    const [a, b] = [await guard(), await guard()];
    const address = '198.51.100.20';
    a.used(address, 'ABC234'); // its students joined on a
    for (let i = 0; i < 3; i++) a.guessed(address); // and a guesser behind the same address spent the budget
    await a.settled();
    // b (the class moved there: its owner died): a code the address never used is refused...
    b.mayTry(address, 'XYZ789');
    await b.settled();
    expect(b.mayTry(address, 'XYZ789')).toBe(false);
    // ...its own class is known from Redis by the client's retry (the first try asks)
    b.mayTry(address, 'ABC234');
    await b.settled();
    expect(b.mayTry(address, 'ABC234')).toBe(true);
    expect(b.knows(address, 'ABC234')).toBe(true);
    expect(b.knows('198.51.100.21', 'ABC234')).toBe(false);
  });
});

/** A Redis of this test alone, on its own port, that the test may stop (never the shared one). */
async function throwawayRedis(port: number): Promise<ChildProcess> {
  const child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
  const probe = redisClient(`redis://127.0.0.1:${port}`);
  await until(() => redisReady(probe), 10_000, 'throwaway Redis started');
  await closeRedis(probe);
  return child;
}
const throwaways: ChildProcess[] = [];
afterAll(() => {
  for (const child of throwaways) if (child.exitCode === null) child.kill('SIGKILL');
});

describe.skipIf(!REDIS_URL)('when Redis goes away and comes back', () => {
  it('each process counts alone meanwhile and says so once, then the budget is shared again', { timeout: 30_000 }, async () => {
    const port = await freePort();
    const first = await throwawayRedis(port);
    throwaways.push(first);
    const fallbacks: number[] = [];
    const prefix = `playroom-test:${randomUUID()}:`;
    const { client, limiter } = await processLimiter(`redis://127.0.0.1:${port}`, prefix, 1 / 60, 3, () => fallbacks.push(Date.now()));
    const address = '198.51.100.10';
    expect(limiter.take(address)).toBe(true);
    await limiter.settled();

    first.kill('SIGKILL');
    await until(() => !redisReady(client), 10_000, 'the client saw Redis go');
    // the in-process budget, spent all along, decides alone: one of 3 already gone, 2 left, then none
    expect([limiter.take(address), limiter.take(address), limiter.take(address)]).toEqual([true, true, false]);
    expect(limiter.hasBudget(address)).toBe(false);
    expect(limiter.hasBudget('198.51.100.11')).toBe(true); // nobody else is locked out
    expect(fallbacks).toHaveLength(1); // said once for the whole outage

    throwaways.push(await throwawayRedis(port)); // an empty Redis, as after a restart without persistence
    await until(() => redisReady(client), 10_000, 'the client reconnected by itself');
    expect(limiter.take('198.51.100.12')).toBe(true);
    await limiter.settled();
    expect(await client.exists(`${prefix}198.51.100.12`)).toBe(1);
    expect(fallbacks).toHaveLength(1);
  });
});

/** A GET /api/rooms/:code look-up from `address` behind the proxy (TRUST_PROXY=1); resolves with the status (a miss is 200, `exists: false`). */
async function lookUp(server: { url: string }, code: string, address: string): Promise<number> {
  const response = await fetch(`${server.url}/api/rooms/${code}`, { headers: { 'x-forwarded-for': address } });
  await response.arrayBuffer();
  return response.status;
}

/** A handshake with a made-up code from `address`; resolves with the refusal code. */
function guessHandshake(server: { url: string }, address: string): Promise<string> {
  const socket = openSocket(server.url, { role: 'student', code: 'ZZZZZZ', name: 'Eve' }, { extraHeaders: { 'x-forwarded-for': address } });
  return new Promise((resolve) => {
    socket.once('connect_error', (error: Error & { data?: { code: string } }) => {
      socket.close();
      resolve(error.data?.code ?? error.message);
    });
    socket.once('connect', () => {
      socket.close();
      resolve('connected');
    });
  });
}

const servers: TestServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});
async function server(overrides: Parameters<typeof startServer>[0]): Promise<TestServer> {
  const started = await startServer(overrides);
  servers.push(started);
  return started;
}

/** A fresh documentation address (IPv6, 2001:db8::/32) per test, so runs never share a budget in the shared Redis. */
const freshAddress = () => `2001:db8::${randomUUID().slice(0, 4)}:${randomUUID().slice(0, 4)}`;

describe.skipIf(!REDIS_URL)('two servers with one Redis', () => {
  it('HS-6: an address that spent its wrong-code budget on one server is refused on the other', { timeout: 30_000 }, async () => {
    const limits = { trustProxy: 1, redisUrl: REDIS_URL!, joinRate: { perMinute: 1, burst: 3 } };
    const [a, b] = [await server(limits), await server(limits)];
    const address = freshAddress();
    const onA = [await lookUp(a, 'ZZZZZZ', address), await lookUp(a, 'ZZZZZY', address), await lookUp(a, 'ZZZZZX', address)];
    expect(onA).toEqual([200, 200, 200]);
    expect(await lookUp(a, 'ZZZZZW', address)).toBe(429);
    // b asks Redis at its first sight of the address; by the second attempt it knows the budget is spent
    const firstOnB = await lookUp(b, 'ZZZZZV', address);
    expect([200, 429]).toContain(firstOnB);
    await b.app.playroom.joinGuard.settled(); // Redis's answer has landed (well under a millisecond; a loaded test machine may take longer)
    expect(await lookUp(b, 'ZZZZZU', address)).toBe(429);
    expect(await guessHandshake(b, address)).toBe('rateLimited');
    // another address still has its whole budget on both
    expect(await lookUp(b, 'ZZZZZT', freshAddress())).toBe(200);
  });

  it('LIM-3: creations from one address are counted across servers', { timeout: 30_000 }, async () => {
    const limits = { trustProxy: 1, redisUrl: REDIS_URL!, createRate: { perMinute: 1, burst: 2 } };
    const [a, b] = [await server(limits), await server(limits)];
    const address = freshAddress();
    const create = async (target: TestServer) =>
      (
        await fetch(`${target.url}/api/sessions`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-forwarded-for': address },
          body: '{"teacherName":"T"}',
        })
      ).status;
    expect([await create(a), await create(a)]).toEqual([201, 201]);
    await a.app.playroom.limiters.create.settled();
    // b has not heard of the address: its first answer is its own, and it asks Redis
    expect([201, 429]).toContain(await create(b));
    await b.app.playroom.limiters.create.settled();
    expect(await create(b)).toBe(429);
  });
});

const processes: ServerProcess[] = [];
afterEach(async () => {
  for (const child of processes.splice(0)) {
    child.child.kill('SIGKILL');
    await child.exited;
  }
});
async function serverProcess(env: Record<string, string>): Promise<ServerProcess> {
  const started = await spawnServer(tempDataDir(), env);
  processes.push(started);
  return started;
}

describe.skipIf(!REDIS_URL)('two server processes with one Redis', () => {
  it('HS-6: share an address’s wrong-code budget', { timeout: 60_000 }, async () => {
    const env = { REDIS_URL: REDIS_URL!, TRUST_PROXY: '1', JOIN_BURST: '3', JOIN_RATE_PER_MINUTE: '1' };
    const [a, b] = await Promise.all([serverProcess({ ...env, INSTANCE_ID: 'test-a' }), serverProcess({ ...env, INSTANCE_ID: 'test-b' })]);
    const address = freshAddress();
    expect([await guessHandshake(a, address), await guessHandshake(a, address), await guessHandshake(a, address)]).toEqual(Array(3).fill('roomNotFound'));
    expect(await guessHandshake(a, address)).toBe('rateLimited');
    // b has not heard of the address: its first answer is its own; Redis's answer lands well within the pause
    expect(['roomNotFound', 'rateLimited']).toContain(await guessHandshake(b, address));
    // once Redis's answer lands (well under a millisecond on a quiet machine; polled, as a loaded one may take longer)
    let answer = '';
    for (let i = 0; i < 20 && answer !== 'rateLimited'; i++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      answer = await guessHandshake(b, address);
    }
    expect(answer).toBe('rateLimited');
    expect(await lookUp(b, 'ZZZZZY', address)).toBe(429);
  });
});

describe.skipIf(!REDIS_URL)('a server whose Redis is not there at start', () => {
  it('waits without listening, says so once, and starts once Redis answers: classes are made and students join', { timeout: 60_000 }, async () => {
    const port = await freePort();
    const launched = launchServer(tempDataDir(), { REDIS_URL: `redis://127.0.0.1:${port}` }, 45_000);
    processes.push({ ...launched, url: '' });
    const waiting = /does not answer; waiting for it before listening/g;
    await until(() => (launched.output().match(waiting) ?? []).length > 0, 15_000, 'the log line of a Redis that does not answer');
    await new Promise((resolve) => setTimeout(resolve, 2000));
    expect(launched.output()).not.toMatch(/Playroom is running/);
    expect(launched.output().match(waiting)).toHaveLength(1);
    throwaways.push(await throwawayRedis(port));
    const url = await launched.running;
    expect(launched.output()).toMatch(/answers after \d+ s: starting/);
    const created = await createClass(url);
    const student = await connect(url, { role: 'student', code: created.code, name: 'Ann' });
    expect(student.welcome.role).toBe('student');
    closeAll([student]);
  });
});
