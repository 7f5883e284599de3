import { createAdapter } from '@socket.io/redis-streams-adapter';
import type { Redis } from 'ioredis';
import { isSpotlightRoom } from '../gateway/rooms';

/**
 * Entries the recovery stream keeps (all classes together). Only recoverable
 * events enter it (snapshots and fork previews are local sends, SNAP-5,
 * SUM-2): `session`, `roster`, `forks`, `classStatus`, `leaderboard`,
 * `forkRemoved`, `classEnded`. A client that was away longer than these
 * entries last is not recovered; it reconnects with its token and gets a
 * fresh welcome (JOIN-2).
 */
const STREAM_MAX_ENTRIES = 5000;

type AdapterFactory = ReturnType<typeof createAdapter>;

/**
 * socket.io's Redis Streams adapter (broadcasts to every process, connection
 * state recovery kept in Redis), with our one rule on top: a recovered
 * session never keeps a spotlight-viewer room (PERM-2), as RecoveryAdapter
 * does on one process.
 */
export function streamsAdapter(redis: Redis, keyPrefix: string): AdapterFactory {
  const create = createAdapter(redis, {
    streamName: `${keyPrefix}socket.io`,
    channelPrefix: `${keyPrefix}socket.io`,
    sessionKeyPrefix: `${keyPrefix}sio:session:`,
    maxLen: STREAM_MAX_ENTRIES,
  });
  // a function, not an arrow: socket.io calls it with `new`
  return function persistsWithoutSpotlights(nsp: unknown) {
    const adapter = create(nsp);
    const persist = adapter.persistSession.bind(adapter);
    adapter.persistSession = (session: { rooms: string[] }) => persist({ ...session, rooms: session.rooms.filter((room) => !isSpotlightRoom(room)) });
    return adapter;
  };
}
