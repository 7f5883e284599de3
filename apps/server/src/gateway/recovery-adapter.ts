import { randomBytes } from 'node:crypto';
import { Adapter, type BroadcastOptions, type PrivateSessionId, type Room, type Session } from 'socket.io-adapter';
import { isSpotlightRoom } from './rooms';

/**
 * Events a recovered connection must not get again: snapshots are volatile
 * (rule SNAP-5); fork previews (SUM-2) follow each socket's own rounds, and a
 * recovered socket's next round brings what it missed; `classEnded` is
 * final, so no connection of that class or student is ever recovered, and
 * it may carry several forks' full state.
 */
const NOT_REPLAYED = new Set(['snapshot', 'forkPreviews', 'classEnded']);

/**
 * Events whose latest payload replaces every earlier one for the same rooms
 * (STATE-1 for `session`; the others are whole lists): a replay needs only
 * the newest, so an older one in the buffer is emptied when a newer arrives.
 */
const REPLACED = new Set(['session', 'roster', 'forks', 'classStatus', 'leaderboard']);

interface StoredPacket {
  id: string;
  opts: BroadcastOptions;
  /** null once superseded: the id stays, so a client whose offset is this packet still recovers */
  data: unknown[] | null;
  emittedAt: number;
}

interface StoredSession {
  sid: string;
  pid: PrivateSessionId;
  rooms: Room[];
  data: unknown;
  disconnectedAt: number;
}

interface PacketLike {
  type: number;
  id?: number;
  data: unknown[];
}

const EVENT_PACKET = 2;
const SWEEP_MS = 10_000;

/**
 * socket.io's connection state recovery with a bounded buffer. The stock
 * SessionAwareAdapter keeps every non-volatile packet for the whole window,
 * every snapshot to every socket included (hundreds of MB, and a clean-up
 * that stalled the loop for seconds); this one keeps no snapshot, keeps
 * only the newest state-replacing event per key, and drops spotlight-viewer
 * rooms from a recovered session, since the spotlight may have moved and
 * come back meanwhile (rule PERM-2: watching again needs a new `watch`).
 * Plugged in with the Server's documented `adapter` option.
 */
export class RecoveryAdapter extends Adapter {
  private readonly sessions = new Map<PrivateSessionId, StoredSession>();
  private packets: StoredPacket[] = [];
  private readonly latest = new Map<string, StoredPacket>();
  private readonly windowMs: number;
  private readonly sweep: NodeJS.Timeout;

  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  constructor(nsp: any) {
    super(nsp);
    this.windowMs = nsp.server.opts.connectionStateRecovery.maxDisconnectionDuration;
    // often and cheap (one splice of expired packets), not once a minute over minutes of them
    this.sweep = setInterval(() => this.dropExpired(), Math.min(SWEEP_MS, this.windowMs));
    this.sweep.unref();
  }

  /** Packets held for replay, superseded ones included (for tests). */
  bufferedPackets(): { total: number; withData: number } {
    return { total: this.packets.length, withData: this.packets.filter((p) => p.data !== null).length };
  }

  override close(): void {
    clearInterval(this.sweep);
  }

  override persistSession(session: { sid: string; pid: PrivateSessionId; rooms: Room[]; data: unknown }): void {
    this.sessions.set(session.pid, { ...session, rooms: session.rooms.filter((room) => !isSpotlightRoom(room)), disconnectedAt: Date.now() });
  }

  override restoreSession(pid: PrivateSessionId, offset: string): Promise<Session> {
    const session = this.sessions.get(pid);
    this.sessions.delete(pid);
    if (!session || session.disconnectedAt + this.windowMs < Date.now()) return Promise.resolve(null as unknown as Session);
    const index = this.packets.findIndex((packet) => packet.id === offset);
    if (index === -1) return Promise.resolve(null as unknown as Session);
    const missedPackets: unknown[][] = [];
    for (let i = index + 1; i < this.packets.length; i++) {
      const packet = this.packets[i]!;
      if (packet.data && reaches(session.rooms, packet.opts)) missedPackets.push(packet.data);
    }
    const { disconnectedAt: _, ...kept } = session;
    return Promise.resolve({ ...kept, missedPackets });
  }

  override broadcast(packet: PacketLike, opts: BroadcastOptions): void {
    if (packet.type === EVENT_PACKET && packet.id === undefined && opts.flags?.volatile === undefined) this.store(packet, opts);
    super.broadcast(packet, opts);
  }

  private store(packet: PacketLike, opts: BroadcastOptions): void {
    const event = String(packet.data[0]);
    if (NOT_REPLAYED.has(event)) return;
    const id = randomBytes(6).toString('base64url');
    // the offset travels as the last argument, as socket.io's own adapter does, so the client can resume from it
    packet.data.push(id);
    const stored: StoredPacket = { id, opts, data: packet.data, emittedAt: Date.now() };
    this.packets.push(stored);
    if (!REPLACED.has(event)) return;
    const key = replaceKey(event, packet.data[1], opts);
    const previous = this.latest.get(key);
    if (previous) previous.data = null;
    this.latest.set(key, stored);
  }

  private dropExpired(): void {
    const threshold = Date.now() - this.windowMs;
    let expired = 0;
    while (expired < this.packets.length && this.packets[expired]!.emittedAt < threshold) expired++;
    if (expired > 0) this.packets.splice(0, expired);
    for (const [key, packet] of this.latest) if (packet.emittedAt < threshold) this.latest.delete(key);
    for (const [pid, session] of this.sessions) if (session.disconnectedAt < threshold) this.sessions.delete(pid);
  }
}

/** Same event, same session (for `session`), same audience: the newer replaces the older. */
function replaceKey(event: string, payload: unknown, opts: BroadcastOptions): string {
  const sessionId = event === 'session' ? (payload as { state?: { sessionId?: string } })?.state?.sessionId : '';
  return `${event}|${sessionId}|${[...opts.rooms].sort().join(',')}|${[...(opts.except ?? [])].sort().join(',')}`;
}

/** socket.io's rule: a packet reaches a session in one of its rooms and in none of its exclusions. */
function reaches(sessionRooms: Room[], opts: BroadcastOptions): boolean {
  const included = opts.rooms.size === 0 || sessionRooms.some((room) => opts.rooms.has(room));
  return included && sessionRooms.every((room) => !opts.except?.has(room));
}
