import { encodeSnapshot, type SnapshotMessage } from '@playroom/protocol';
import type { Classroom } from '../classroom/classroom';
import type { ClassroomRegistry } from '../classroom/classroom-registry';
import type { ServerMetrics } from '../metrics/server-metrics';
import type { TrainingSession } from '../classroom/training-session';
import { rooms, watcherRooms } from './rooms';
import { SessionUpdates } from './session-updates';
import type { PlayroomServer } from './types';

export interface SnapshotPumpOptions {
  snapshotHz: number;
  forkSummaryIntervalMs: number;
  onError: (error: unknown) => void;
}

/**
 * The broadcast side of training, at its own rate (Colyseus' patch rate):
 * binary snapshots of every session that changed, dropped for a socket
 * that is still busy (volatile), to its watchers only (rule SNAP-5); and the teacher's fork summaries (rule SUM-1).
 */
export class SnapshotPump {
  /** `session` updates waiting for the next round (rule CMD-3) */
  readonly updates: SessionUpdates;
  private readonly sentClock = new Map<string, number>();
  private readonly summarySignature = new Map<string, string>();
  private readonly dirtyForkLists = new Set<string>();
  private timers: NodeJS.Timeout[] = [];
  private lastRoundAt: number | undefined;

  constructor(
    private readonly io: PlayroomServer,
    private readonly registry: ClassroomRegistry,
    private readonly metrics: ServerMetrics,
    private readonly options: SnapshotPumpOptions,
  ) {
    this.updates = new SessionUpdates(io);
  }

  start(): void {
    this.lastRoundAt = undefined;
    this.timers.push(setInterval(() => this.guard(() => this.timedRound()), 1000 / this.options.snapshotHz));
    this.timers.push(setInterval(() => this.guard(() => this.sendForkSummaries()), this.options.forkSummaryIntervalMs));
  }

  stop(): void {
    for (const timer of this.timers) clearInterval(timer);
    this.timers = [];
  }

  /**
   * A round from the timer. When the timer slipped (a stalled loop), the
   * rounds it skipped are frames every watcher of a changed session did not
   * get: they count as dropped (playroom_snapshot_frames_dropped_total).
   */
  private timedRound(): void {
    const now = performance.now();
    const period = 1000 / this.options.snapshotHz;
    // rounded, so ordinary timer jitter is no skipped round
    const due = this.lastRoundAt === undefined ? 1 : Math.round((now - this.lastRoundAt) / period);
    this.lastRoundAt = now;
    this.sendSnapshots(Math.max(0, due - 1));
  }

  /** A fork was created, removed or changed by a command: the teacher's list is due. */
  forksChanged(classroom: Classroom): void {
    this.dirtyForkLists.add(classroom.id);
  }

  /**
   * One round of snapshots (public for tests and the benchmark). socket.io's
   * own volatile flag would drop every frame after the first in a round (the
   * transport is busy until the first is written), so a socket watching the
   * class and a fork would only ever get the class. Instead the round decides
   * once per socket: a socket still writing the previous round is skipped
   * (a slow client drops frames), any other gets all its frames, one per
   * session. Snapshots are emitted per socket and never enter the
   * connection-recovery buffer (RecoveryAdapter): a recovered client gets
   * none of the past. The waiting `session` updates go first (CMD-3).
   * `skippedRounds`: rounds the timer missed, counted as dropped frames.
   */
  sendSnapshots(skippedRounds = 0): void {
    // which sockets are free is decided before this round writes anything (its `session` updates included)
    const ready = new Map<string, boolean>();
    for (const [id, socket] of this.io.sockets.sockets) ready.set(id, socket.conn.transport.writable);
    this.updates.flush();
    const live = new Set<string>();
    for (const classroom of this.registry.classrooms()) {
      for (const session of classroom.sessions()) {
        live.add(session.id);
        if (this.sentClock.get(session.id) === session.clock) continue;
        this.sentClock.set(session.id, session.clock);
        const members = this.watchersOf(session.id, classroom.spotlightId);
        if (members.size === 0) continue;
        this.metrics.framesDroppedTotal += skippedRounds * members.size;
        this.sendSnapshot(session, members, ready);
      }
    }
    if (this.sentClock.size > live.size) for (const id of this.sentClock.keys()) if (!live.has(id)) this.sentClock.delete(id);
  }

  /** Socket ids in the session's watcher rooms (a socket in both counts once). */
  private watchersOf(sessionId: string, spotlightId: string | null): Set<string> {
    const adapterRooms = this.io.sockets.adapter.rooms;
    const [first, ...others] = watcherRooms(sessionId, spotlightId).map((room) => adapterRooms.get(room));
    if (others.every((room) => !room || room.size === 0)) return first ?? new Set();
    return new Set([...(first ?? []), ...others.flatMap((room) => [...(room ?? [])])]);
  }

  private sendSnapshot(session: TrainingSession, members: Set<string>, ready: Map<string, boolean>): void {
    const sockets = this.io.sockets.sockets;
    let message: SnapshotMessage & { bytes: Buffer };
    try {
      message = { sessionId: session.id, bytes: Buffer.from(encodeSnapshot(session.nextSnapshotInput())) };
    } catch (error) {
      this.metrics.framesDroppedTotal += members.size;
      this.options.onError(error);
      return;
    }
    let recipients = 0;
    for (const socketId of members) {
      const socket = sockets.get(socketId);
      if (!socket) {
        this.metrics.framesDroppedTotal++;
        continue;
      }
      if (!ready.get(socketId)) {
        this.metrics.framesDroppedTotal++;
        continue;
      }
      socket.emit('snapshot', message);
      recipients++;
    }
    this.metrics.recordSnapshot(message.bytes.byteLength, recipients);
  }

  /** One round of fork summaries to teachers whose class's forks moved. */
  sendForkSummaries(): void {
    const adapterRooms = this.io.sockets.adapter.rooms;
    const classrooms = this.registry.classrooms();
    this.forgetEndedClasses(classrooms);
    for (const classroom of classrooms) {
      const forks = classroom.allForks();
      const signature = forks.map((fork) => `${fork.id}:${fork.clock}`).join(',');
      const dirty = this.dirtyForkLists.delete(classroom.id);
      if (!dirty && this.summarySignature.get(classroom.id) === signature) continue;
      this.summarySignature.set(classroom.id, signature);
      const room = rooms.teacherOf(classroom.id);
      if ((adapterRooms.get(room)?.size ?? 0) === 0) continue;
      this.io.to(room).emit('forks', { forks: classroom.forkSummaries() });
    }
  }

  /** Classes whose summary bookkeeping the pump keeps (for tests: ended classes must not stay). */
  trackedClasses(): number {
    return new Set([...this.summarySignature.keys(), ...this.dirtyForkLists]).size;
  }

  private forgetEndedClasses(classrooms: Classroom[]): void {
    if (this.summarySignature.size <= classrooms.length && this.dirtyForkLists.size === 0) return;
    const live = new Set(classrooms.map((classroom) => classroom.id));
    for (const id of this.summarySignature.keys()) if (!live.has(id)) this.summarySignature.delete(id);
    for (const id of this.dirtyForkLists) if (!live.has(id)) this.dirtyForkLists.delete(id);
  }

  private guard(work: () => void): void {
    try {
      work();
    } catch (error) {
      this.options.onError(error);
    }
  }
}
