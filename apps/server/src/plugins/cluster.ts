import os from 'node:os';
import fp from 'fastify-plugin';
import type { Redis } from 'ioredis';
import { ClassLeases } from '../cluster/class-leases';
import { ClassTakeover } from '../cluster/class-takeover';
import { OwnerRpc } from '../cluster/owner-rpc';
import { openRedis } from '../cluster/redis-connection';
import { streamsAdapter } from '../cluster/streams-adapter';

/** Many processes on one Redis (REDIS_URL): what the gateway and the classroom need of it. */
export interface Cluster {
  instanceId: string;
  /** the socket.io adapter (the Server's documented `adapter` option) */
  adapter: ReturnType<typeof streamsAdapter>;
  leases: ClassLeases;
  takeover: ClassTakeover;
  /** requests to a class's owner process, and snapshots to every process */
  rpc: OwnerRpc;
  /** the INSTANCE_ID of the other live process holding the class with this code, or null (none, or this one) */
  ownerOf(code: string): Promise<string | null>;
  /** `listener(classId)` after each class this process takes over */
  onTakeover(listener: (classId: string) => void): void;
  /**
   * A handshake names a class this process does not hold: wait (bounded) for
   * it to come here, as when its owner died and this process takes it over.
   * 'here': it is in the registry now; 'elsewhere': a live process owns it;
   * 'unknown': no live class has this code.
   */
  awaitClass(code: string): Promise<'here' | 'elsewhere' | 'unknown'>;
}

declare module 'fastify' {
  interface FastifyInstance {
    /** null: one process, no Redis */
    cluster: Cluster | null;
  }
}

/** how often a process looks for classes whose owner is gone */
const TAKEOVER_SWEEP_MS = 1500;
/** how long a handshake waits for its class to come to this process (a takeover is due within a lease TTL and a sweep) */
const HANDSHAKE_WAIT_MS = 10_000;
const HANDSHAKE_POLL_MS = 250;

/**
 * With REDIS_URL: leases (one owner per class), the takeover of classes
 * whose owner died, the code → class look-up, and the Redis Streams
 * adapter for socket.io. Without it: `app.cluster` is null and the server
 * is the one process it always was.
 */
export default fp(
  async (app) => {
    const { playroom } = app;
    const { options, registry, storage, hub, checkpointer } = playroom;
    if (!options.redisUrl) {
      app.decorate('cluster', null);
      return;
    }
    const instanceId = options.instanceId ?? `${os.hostname()}:${options.port === 0 ? process.pid : options.port}`;
    const prefix = options.redisKeyPrefix;
    const adapterRedis = openRedis(options.redisUrl, 'adapter', app.log, { failFast: false });
    const leaseRedis = openRedis(options.redisUrl, 'leases', app.log, { failFast: true });
    const codeKey = (code: string) => `${prefix}code:${code}`;
    const leases = new ClassLeases(leaseRedis, {
      instanceId,
      keyPrefix: prefix,
      ttlMs: options.leaseTtlMs,
      onLost: (classId) => {
        // another process trains it now: this one stops, without ending it (its clients reconnect to a live owner)
        const classroom = registry.byId(classId);
        if (classroom) registry.remove(classroom);
        app.log.error({ classId, instanceId }, 'lost the lease of a class to another process; stopped training it here');
      },
      onError: (error) => app.log.debug({ err: error }, 'lease renewal failed'),
    });
    const takeoverListeners: ((classId: string) => void)[] = [];
    const takeover = new ClassTakeover(
      {
        storage,
        registry,
        leases,
        restored: (classroom) => {
          checkpointer.markSaved(classroom.sessions());
          void leaseRedis.set(codeKey(classroom.code), classroom.id).catch(() => {});
          for (const listener of takeoverListeners) listener(classroom.id);
        },
        log: app.log,
      },
      TAKEOVER_SWEEP_MS,
    );
    hub.subscribe({
      classCreated: (classroom) => {
        // the creating process owns the class: a fresh id, so the claim cannot meet another's lease
        void leases.claim(classroom.id).catch((error: unknown) => app.log.error({ err: error, classId: classroom.id }, 'could not claim a new class'));
        void leaseRedis.set(codeKey(classroom.code), classroom.id).catch(() => {});
      },
      classEnded: (classroom) => {
        void leases.release(classroom.id).catch(() => {});
        void leaseRedis.del(codeKey(classroom.code)).catch(() => {});
      },
    });
    const awaitClass = async (code: string): Promise<'here' | 'elsewhere' | 'unknown'> => {
      if (registry.byCode(code)) return 'here';
      const classId = await leaseRedis.get(codeKey(code)).catch(() => null);
      if (classId === null) return 'unknown';
      void takeover.sweep();
      const deadline = Date.now() + HANDSHAKE_WAIT_MS;
      while (Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, HANDSHAKE_POLL_MS));
        if (registry.byCode(code)) return 'here';
      }
      return 'elsewhere';
    };
    // a subscriber connection of its own, queueing while not yet connected (the leases' connection fails fast)
    const rpcSubscriber = adapterRedis.duplicate();
    rpcSubscriber.on('error', () => {});
    const rpc = new OwnerRpc(adapterRedis, rpcSubscriber, { keyPrefix: prefix, instanceId, onError: (error) => app.log.error({ err: error }, 'cluster request failed') });
    const ownerOf = async (code: string): Promise<string | null> => {
      const classId = await leaseRedis.get(codeKey(code)).catch(() => null);
      if (classId === null) return null;
      const owner = await leases.holderOf(classId).catch(() => null);
      return owner === instanceId ? null : owner;
    };
    const playingOf = (classId: string) =>
      registry.byId(classId)?.sessions().filter((session) => session.playing).map((session) => session.id) ?? [];
    leases.start(playingOf);
    takeover.start();
    app.decorate('cluster', { instanceId, adapter: streamsAdapter(adapterRedis, prefix), leases, takeover, rpc, ownerOf, awaitClass, onTakeover: (listener) => void takeoverListeners.push(listener) });
    app.log.info({ instanceId }, 'many processes: Redis for socket.io, class leases and takeover');

    app.addHook('preClose', async () => {
      takeover.stop();
    });
    // after the final save (the same promise the classroom plugin waits for): another process may take the classes at once
    app.addHook('onClose', async () => {
      await playroom.finalSave();
      leases.stop();
      await leases.releaseAll();
      rpc.close();
      await Promise.allSettled([quit(leaseRedis), quit(adapterRedis), quit(rpcSubscriber)]);
    });
  },
  { name: 'playroom-cluster', dependencies: ['playroom-classroom'] },
);

async function quit(redis: Redis): Promise<void> {
  await Promise.race([redis.quit(), new Promise((resolve) => setTimeout(resolve, 1000))]);
  redis.disconnect();
}
