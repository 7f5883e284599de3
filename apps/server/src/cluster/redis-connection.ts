import { Redis } from 'ioredis';

export interface RedisLog {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
}

/**
 * A Redis connection that reconnects by itself (ioredis, every 0.2–1 s) and
 * says once that Redis went away and once that it came back, however many
 * retries lie between (an outage is two log lines, not one per retry).
 * `failFast`: commands sent while it is down fail at once instead of
 * waiting in ioredis' queue (the leases' renewals; the adapter's stream
 * publishes do wait and go out when Redis is back).
 */
export function openRedis(url: string, name: string, log: RedisLog, options: { failFast: boolean }): Redis {
  const redis = new Redis(url, {
    retryStrategy: (attempt) => Math.min(200 * attempt, 1000),
    maxRetriesPerRequest: options.failFast ? 0 : null,
    enableOfflineQueue: !options.failFast,
  });
  let downSince: number | null = null;
  redis.on('error', () => {
    // said once by 'close'; ioredis reports every failed retry here
  });
  redis.on('close', () => {
    if (downSince !== null) return;
    downSince = Date.now();
    log.warn({ redis: name }, 'Redis connection lost; retrying every second until it answers');
  });
  redis.on('ready', () => {
    if (downSince === null) return;
    log.info({ redis: name, downForMs: Date.now() - downSince }, 'Redis reachable again');
    downSince = null;
  });
  return redis;
}

/** Whether a connection answers now (a fail-fast one refuses commands otherwise). */
export function redisReady(redis: Redis): boolean {
  return redis.status === 'ready';
}

/** Closes a connection: waits for replies in flight when Redis is there, else stops reconnecting at once. */
export async function closeRedis(redis: Redis): Promise<void> {
  if (redisReady(redis)) await redis.quit().catch(() => redis.disconnect());
  else redis.disconnect();
}

/** Where a Redis URL points, never its password. */
function redisAddress(url: string): string {
  const { hostname, port } = new URL(url);
  return `${hostname}:${port || 6379}`;
}

/**
 * Before anything listens (app.ts, as for the database): a process of many
 * must not work without Redis (it could not know which classes it owns), so
 * one whose Redis does not answer yet waits for it, saying so once (and once
 * a minute while it lasts), and starts once it answers. An outage after
 * the start is another matter: owners keep training (see class-leases.ts).
 */
export async function waitForRedis(url: string, log: { warn(message: string): void; info(message: string): void }, remindEveryMs = 60_000): Promise<void> {
  let waitingSince: number | null = null;
  let remindedAt = 0;
  for (let retryMs = 250; ; retryMs = Math.min(retryMs * 2, 5000)) {
    const probe = new Redis(url, { lazyConnect: true, retryStrategy: () => null, maxRetriesPerRequest: 0, enableOfflineQueue: false, connectTimeout: 2000 });
    probe.on('error', () => {});
    const answered = await probe.connect().then(
      () => probe.ping().then(() => true, () => false),
      () => false,
    );
    probe.disconnect();
    if (answered) {
      if (waitingSince !== null) log.info(`Redis at ${redisAddress(url)} answers after ${Math.round((Date.now() - waitingSince) / 1000)} s: starting`);
      return;
    }
    const now = Date.now();
    if (waitingSince === null || now - remindedAt >= remindEveryMs) {
      log.warn(`Redis at ${redisAddress(url)} does not answer; waiting for it before listening (REDIS_URL: many processes need it)`);
      waitingSince ??= now;
      remindedAt = now;
    }
    await new Promise((resolve) => setTimeout(resolve, retryMs));
  }
}

/** Resolves once `redis` is ready, or after `ms` without it (then the caller goes on as for an outage). */
export function readyWithin(redis: Redis, ms: number): Promise<boolean> {
  if (redisReady(redis)) return Promise.resolve(true);
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      redis.off('ready', onReady);
      resolve(false);
    }, ms);
    const onReady = () => {
      clearTimeout(timer);
      resolve(true);
    };
    redis.once('ready', onReady);
  });
}
