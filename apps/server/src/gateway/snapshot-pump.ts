import { PROTOCOL_LIMITS, joinForkPreviews, type SnapshotMessage } from '@playroom/protocol';
import type { Classroom } from '../classroom/classroom';
import type { ClassroomRegistry } from '../classroom/classroom-registry';
import type { ServerMetrics } from '../metrics/server-metrics';
import type { TrainingSession } from '../classroom/training-session';
import { ForkPreviews } from './fork-previews';
import { rooms, watcherRooms } from './rooms';
import { SessionUpdates } from './session-updates';
import { SnapshotBudget } from './snapshot-budget';
import type { FanoutPort } from './fanout-port';

/** every this many rounds (10 s at 15 Hz) the budget forgets sockets that are gone */
const BUDGET_SWEEP_ROUNDS = 150;

export interface SnapshotPumpOptions {
  snapshotHz: number;
  forkSummaryIntervalMs: number;
  forkPreviewIntervalMs: number;
  onError: (error: unknown) => void;
  /** snapshot bytes each socket may get per second (SNAP-6, SnapshotBudget); 0: no budget */
  snapshotBytesPerSecond: number;
  /** after each timed round: training done elsewhere (worker threads) comes back in time for the next one */
  roundSent: () => void;
  /** many processes: every round's snapshot also goes to the other processes, for their watchers */
  relay?: (snapshot: RelayedSnapshot) => void;
}

/** A snapshot on its way to another process's watchers: the session, its watcher rooms, the encoded bytes (base64). */
export interface RelayedSnapshot {
  sessionId: string;
  rooms: string[];
  bytes: string;
}

/**
 * The broadcast side of training, at its own rate (Colyseus' patch rate):
 * binary snapshots of every session that changed, dropped for a socket
 * that is still busy (volatile), to its watchers only (rule SNAP-5); the teacher's fork summaries (rule SUM-1)
 * and, at a slower rate, the teacher's fork previews (rule SUM-2).
 */
export class SnapshotPump {
  /** `session` updates waiting for the next round (rule CMD-3) */
  readonly updates: SessionUpdates;
  private readonly sentClock = new Map<string, number>();
  private readonly dirtyForkLists = new Set<string>();
  private readonly previews = new ForkPreviews(PROTOCOL_LIMITS.forkPreviewBytesPerRound);
  /** per class: the clock of each fork in the teacher's last summaries */
  private readonly summarized = new Map<string, Map<string, number>>();
  private timers: NodeJS.Timeout[] = [];
  /** the snapshot round's own timer: each round aims at its deadline, so a late round does not push the next ones later */
  private roundTimer: NodeJS.Timeout | null = null;
  private nextRoundAt = 0;
  /** snapshot bytes per socket per second (SNAP-6) */
  private readonly budget: SnapshotBudget;
  private rounds = 0;

  constructor(
    private readonly fanout: FanoutPort,
    private readonly registry: ClassroomRegistry,
    private readonly metrics: ServerMetrics,
    private readonly options: SnapshotPumpOptions,
  ) {
    this.updates = new SessionUpdates(fanout, (ms) => metrics.observeChangeLatency(ms), 1000 / options.snapshotHz);
    this.budget = new SnapshotBudget(options.snapshotBytesPerSecond);
  }

  start(): void {
    this.nextRoundAt = performance.now() + 1000 / this.options.snapshotHz;
    this.scheduleRound();
    this.timers.push(setInterval(() => this.guard(() => this.sendForkSummaries()), this.options.forkSummaryIntervalMs));
    this.timers.push(setInterval(() => this.guard(() => this.sendForkPreviews()), this.options.forkPreviewIntervalMs));
  }

  stop(): void {
    for (const timer of this.timers) clearInterval(timer);
    this.timers = [];
    if (this.roundTimer) clearTimeout(this.roundTimer);
    this.roundTimer = null;
    this.updates.stop();
  }

  /**
   * The next timed round, at its deadline (start + k periods). A setInterval
   * reschedules from when its callback ran, so every late round made the
   * next ones later and a busy loop sent 9 rounds a second for 15 with
   * nothing counted. Now a late round is followed by the next on schedule;
   * when the loop was busy past whole periods, those rounds are missed: they
   * count (playroom_snapshot_rounds_missed_total) and so do the frames every
   * watcher of a changed session did not get (playroom_snapshot_frames_dropped_total).
   */
  private scheduleRound(): void {
    this.roundTimer = setTimeout(() => this.timedRound(), Math.max(0, this.nextRoundAt - performance.now()));
  }

  private timedRound(): void {
    const period = 1000 / this.options.snapshotHz;
    // this is the round due at nextRoundAt; the deadlines after it that passed too are missed
    const missed = Math.max(0, Math.floor((performance.now() - this.nextRoundAt) / period));
    this.nextRoundAt += (missed + 1) * period;
    this.guard(() => {
      this.metrics.countMissedRounds(missed);
      this.sendSnapshots(missed);
    });
    this.guard(() => this.options.roundSent());
    if (this.roundTimer) this.scheduleRound();
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
    const ready = this.fanout.writableSockets();
    if (++this.rounds % BUDGET_SWEEP_ROUNDS === 0) this.budget.keepOnly(ready);
    this.updates.flush();
    const live = new Set<string>();
    for (const classroom of this.registry.classrooms()) {
      for (const session of classroom.sessions()) {
        live.add(session.id);
        if (this.sentClock.get(session.id) === session.clock) continue;
        this.sentClock.set(session.id, session.clock);
        const watchers = watcherRooms(session.id, classroom.spotlightId);
        const members = this.fanout.localMembers(watchers);
        if (members.size === 0 && !this.options.relay) continue;
        this.metrics.countDroppedFrames(skippedRounds * members.size);
        this.sendSnapshot(session, watchers, members, ready);
      }
    }
    if (this.sentClock.size > live.size) for (const id of this.sentClock.keys()) if (!live.has(id)) this.sentClock.delete(id);
  }

  private sendSnapshot(session: TrainingSession, watchers: string[], members: ReadonlySet<string>, ready: ReadonlySet<string>): void {
    let message: SnapshotMessage & { bytes: Buffer };
    try {
      // encoded by the session's training worker when it still is as adopted, else here (TrainingSession.nextSnapshot)
      const snapshot = session.nextSnapshot();
      if (snapshot.byWorker) this.metrics.countSnapshotEncodedByWorker();
      message = { sessionId: session.id, bytes: Buffer.from(snapshot.bytes) };
    } catch (error) {
      this.metrics.countDroppedFrames(members.size);
      this.options.onError(error);
      return;
    }
    this.options.relay?.({ sessionId: session.id, rooms: watchers, bytes: message.bytes.toString('base64') });
    this.deliver(message, members, ready);
  }

  /** A snapshot another process's pump encoded, to this process's watchers of it (their own frame dropping). */
  deliverRelayed(relayed: RelayedSnapshot): void {
    const members = this.fanout.localMembers(relayed.rooms);
    if (members.size === 0) return;
    this.deliver({ sessionId: relayed.sessionId, bytes: Buffer.from(relayed.bytes, 'base64') }, members, this.fanout.writableSockets());
  }

  private deliver(message: SnapshotMessage & { bytes: Buffer }, members: ReadonlySet<string>, ready: ReadonlySet<string>): void {
    let recipients = 0;
    for (const socketId of members) {
      // a socket still writing the previous round, over its byte budget (SNAP-6), or gone meanwhile, drops this frame
      if (!ready.has(socketId) || !this.budget.take(socketId, message.bytes.byteLength) || !this.fanout.sendLocal(socketId, 'snapshot', message)) {
        this.metrics.countDroppedFrames(1);
        continue;
      }
      recipients++;
    }
    this.metrics.recordSnapshot(message.bytes.byteLength, recipients);
  }

  /**
   * One round of fork summaries to teachers whose class's forks moved: the
   * summaries of the forks whose clock moved since the last round (rule
   * SUM-1; the welcome has them all, `forkRemoved` says which went).
   */
  sendForkSummaries(): void {
    const classrooms = this.registry.classrooms();
    this.forgetEndedClasses(classrooms);
    for (const classroom of classrooms) {
      const forks = classroom.allForks();
      const dirty = this.dirtyForkLists.delete(classroom.id);
      let last = this.summarized.get(classroom.id);
      if (!last) this.summarized.set(classroom.id, (last = new Map()));
      const known = last;
      const moved = forks.filter((fork) => known.get(fork.id) !== fork.clock);
      if (moved.length === 0 && !dirty) continue;
      for (const fork of moved) known.set(fork.id, fork.clock);
      if (known.size > forks.length) {
        const live = new Set(forks.map((fork) => fork.id));
        for (const id of known.keys()) if (!live.has(id)) known.delete(id);
      }
      const room = rooms.teacherOf(classroom.id);
      if (moved.length === 0) continue;
      // to every process's teacher sockets (a teacher may be connected to a process that does not own the class)
      this.fanout.emit(room, 'forks', { forks: moved.map((fork) => fork.summary()) });
    }
  }

  /**
   * One round of fork previews (rule SUM-2; public for tests and the
   * benchmark): to each teacher socket, one `forkPreviews` batch of the forks
   * whose clock moved since that socket's last one (the RecoveryAdapter keeps
   * none for replay); a socket still writing is skipped and catches up at
   * its next round.
   */
  sendForkPreviews(): void {
    const writable = this.fanout.writableSockets();
    const classrooms = this.registry.classrooms();
    const teacherSockets = new Set<string>();
    this.previews.nextRound();
    for (const classroom of classrooms) {
      const teachers = this.fanout.localMembers([rooms.teacherOf(classroom.id)]);
      if (teachers.size === 0) continue;
      const forks = classroom.allForks();
      for (const socketId of teachers) {
        teacherSockets.add(socketId);
        if (!writable.has(socketId)) continue;
        const due = this.previews.dueFor(socketId, forks);
        if (due.length > 0) this.fanout.sendLocal(socketId, 'forkPreviews', { bytes: Buffer.from(joinForkPreviews(due)) });
      }
    }
    this.previews.prune(teacherSockets, classrooms);
  }

  /** Classes whose summary bookkeeping the pump keeps (for tests: ended classes must not stay). */
  trackedClasses(): number {
    return new Set([...this.summarized.keys(), ...this.dirtyForkLists]).size;
  }

  private forgetEndedClasses(classrooms: Classroom[]): void {
    if (this.summarized.size <= classrooms.length && this.dirtyForkLists.size === 0) return;
    const live = new Set(classrooms.map((classroom) => classroom.id));
    for (const id of this.summarized.keys()) if (!live.has(id)) this.summarized.delete(id);
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
