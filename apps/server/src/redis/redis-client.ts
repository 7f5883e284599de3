import { createClient } from 'redis';

export type RedisClient = ReturnType<typeof createClient>;

/** What the client tells about Redis going away and coming back (the app's pino logger fits). */
export interface RedisLog {
  warn(details: object, message: string): void;
  info(message: string): void;
}

const CONNECT_TIMEOUT_MS = 2000;
const MAX_RECONNECT_DELAY_MS = 2000;

/**
 * A client of REDIS_URL that keeps reconnecting (50 ms, doubling, at most
 * 2 s apart) and says an outage once and its end once. It does not wait for
 * Redis: commands sent while it is away fail at once (no offline queue), so
 * callers fall back to what one process can do instead of piling up.
 */
export function createRedisClient(url: string, log: RedisLog): RedisClient {
  let down = false;
  const client = createClient({
    url,
    disableOfflineQueue: true,
    socket: {
      connectTimeout: CONNECT_TIMEOUT_MS,
      reconnectStrategy: (retries: number) => Math.min(50 * 2 ** retries, MAX_RECONNECT_DELAY_MS),
    },
  });
  client.on('error', (error: Error) => {
    if (down) return;
    down = true;
    log.warn({ err: error }, 'Redis is not answering; retrying (this process works alone until it answers)');
  });
  client.on('ready', () => {
    if (down) log.info('Redis answers again');
    down = false;
  });
  client.connect().catch(() => {
    // connect() fails only when the client is closed before it ever connected; the 'error' event said why
  });
  return client;
}

/** Closes the client: waits for replies in flight when Redis is there, else stops reconnecting at once. */
export async function closeRedisClient(client: RedisClient): Promise<void> {
  if (client.isReady) await client.close().catch(() => client.destroy());
  else if (client.isOpen) client.destroy();
}
