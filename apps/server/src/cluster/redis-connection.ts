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
