import type { ServerToClientEvents } from '@playroom/protocol';
import type { PlayroomServer } from './types';

type EventName = keyof ServerToClientEvents;
type Payload<E extends EventName> = Parameters<ServerToClientEvents[E]>[0];
type Rooms = string | string[];

/**
 * Everything the gateway's broadcasting (SnapshotPump, SessionUpdates,
 * RoomBroadcaster, LeaderboardPump) needs of socket.io, and nothing more:
 * they never read socket.io's adapter, so the same code runs on one process
 * (socket.io's local adapter, RecoveryAdapter) and on many (the Redis
 * Streams adapter). Two kinds of sending:
 * - `emit`: to rooms on every process, through the adapter, kept for
 *   connection state recovery (when the event is one that is replayed);
 * - `sendLocal`: one event to one socket of this process, at once, never
 *   through Redis: snapshots and fork previews (which no adapter keeps for
 *   replay, SNAP-5, SUM-2) and the welcome (nothing may overtake it; a
 *   room emit through the Redis adapter waits for its stream write).
 */
export interface FanoutPort {
  /** `event` to every socket (of every process) in `to` and in none of `except`. */
  emit<E extends EventName>(to: Rooms, event: E, payload: Payload<E>, except?: Rooms): void;
  /** Socket ids of this process in any of `rooms` (a socket in several counts once). */
  localMembers(rooms: string[]): ReadonlySet<string>;
  /** Whether any socket of this process is in `room`. */
  hasLocalMembers(room: string): boolean;
  /** Socket ids of this process whose transport is free (not still writing an earlier frame). */
  writableSockets(): Set<string>;
  /** `event` to one socket of this process, not replayed; false when it is not (or no longer) here. */
  sendLocal<E extends EventName>(socketId: string, event: E, payload: Payload<E>): boolean;
  /** Every socket (of every process) in `target` (a room or a socket id) joins `rooms`. */
  join(target: string, rooms: Rooms): void;
  /** Every socket (of every process) in `target` leaves `rooms`. */
  leave(target: string, rooms: Rooms): void;
  /** Every socket (of every process) in `room` is disconnected for good (no reconnection). */
  disconnect(room: string): void;
}

/** The port over a socket.io server: its adapter (local or Redis) decides how far `emit`, `join`, `leave` reach. */
export function socketIoFanout(io: PlayroomServer): FanoutPort {
  const emptySet: ReadonlySet<string> = new Set();
  return {
    emit(to, event, payload, except) {
      const operator = except === undefined ? io.to(to) : io.to(to).except(except);
      // the typed emit cannot follow a generic event name through socket.io's overloads
      (operator.emit as (event: string, payload: unknown) => boolean)(event, payload);
    },
    localMembers(roomNames) {
      const adapterRooms = io.sockets.adapter.rooms;
      const [first, ...others] = roomNames.map((room) => adapterRooms.get(room));
      if (others.every((room) => !room || room.size === 0)) return first ?? emptySet;
      return new Set([...(first ?? []), ...others.flatMap((room) => [...(room ?? [])])]);
    },
    hasLocalMembers(room) {
      return (io.sockets.adapter.rooms.get(room)?.size ?? 0) > 0;
    },
    writableSockets() {
      const writable = new Set<string>();
      for (const [id, socket] of io.sockets.sockets) if (socket.conn.transport.writable) writable.add(id);
      return writable;
    },
    sendLocal(socketId, event, payload) {
      if (!io.sockets.sockets.has(socketId)) return false;
      // `local`: never published to other processes; the adapters keep no snapshot or preview for replay
      (io.local.to(socketId).emit as (event: string, payload: unknown) => boolean)(event, payload);
      return true;
    },
    join(target, roomNames) {
      io.in(target).socketsJoin(roomNames);
    },
    leave(target, roomNames) {
      io.in(target).socketsLeave(roomNames);
    },
    disconnect(room) {
      io.in(room).disconnectSockets(true);
    },
  };
}
