import { randomBytes } from 'node:crypto';
import { decodeSnapshot, PROTOCOL_VERSION, type SnapshotMessage } from '@playroom/protocol';
import { Redis } from 'ioredis';
import type { Socket } from 'socket.io-client';
import { tempDataDir } from './harness';
import { spawnServer, type ServerProcess } from './server-process';
import { dropSchema, TEST_DATABASE_URL, uniqueSchema } from './storage-backends';

/** Two (or more) real server processes on one PostgreSQL schema and one Redis, under a key prefix of their own. */
export interface ServerCluster {
  servers: ServerProcess[];
  prefix: string;
  stop(): Promise<void>;
}

export async function startCluster(redisUrl: string, instances: string[], env: Record<string, string> = {}): Promise<ServerCluster> {
  const schema = uniqueSchema();
  const prefix = `playroom_test:${randomBytes(4).toString('hex')}:`;
  const servers = await Promise.all(
    instances.map((instanceId) =>
      spawnServer(tempDataDir(), {
        DATABASE_URL: TEST_DATABASE_URL,
        DATABASE_SCHEMA: schema,
        REDIS_URL: redisUrl,
        REDIS_KEY_PREFIX: prefix,
        INSTANCE_ID: instanceId,
        ...env,
      }),
    ),
  );
  return {
    servers,
    prefix,
    stop: async () => {
      for (const server of servers) server.child.kill('SIGKILL');
      await Promise.all(servers.map((server) => server.exited));
      await dropSchema(schema);
      await deleteKeys(redisUrl, prefix);
    },
  };
}

export function portOf(server: ServerProcess): number {
  return Number(new URL(server.url).port);
}

/** The newest snapshot epoch a client saw of each session. */
export function trackEpochs(socket: Socket): Map<string, number> {
  const epochs = new Map<string, number>();
  socket.on('snapshot', (message: SnapshotMessage) => epochs.set(message.sessionId, decodeSnapshot(message.bytes).epoch));
  return epochs;
}

/** From now on the socket's reconnections hand back the student's token (as the web client keeps it), not a name. */
export function rejoinWithToken(socket: Socket, code: string, token: string): void {
  socket.auth = { protocolVersion: PROTOCOL_VERSION, role: 'student', code, token };
}

/** Resolves once `condition` holds (polled every 100 ms), rejects after `timeoutMs`. */
export async function eventually(condition: () => boolean | Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await condition()) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`not within ${timeoutMs} ms: ${what}`);
}

/** What a test cluster left in Redis (its code keys, its stream): everything under its own prefix, nothing else. */
async function deleteKeys(redisUrl: string, prefix: string): Promise<void> {
  const redis = new Redis(redisUrl, { maxRetriesPerRequest: 1 });
  try {
    let cursor = '0';
    for (let round = 0; round < 1000; round++) {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 500);
      if (keys.length > 0) await redis.del(...keys);
      cursor = next;
      if (cursor === '0') break;
    }
  } catch {
    // a Redis the test stopped (the outage test's own) has nothing to clean
  } finally {
    redis.disconnect();
  }
}
