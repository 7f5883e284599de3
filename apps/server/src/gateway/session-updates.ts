import type { SessionUpdateCause } from '@playroom/protocol';
import type { TrainingSession } from '../classroom/training-session';
import { STUDENTS_VIEW, type Classroom } from '../classroom/classroom';
import { rooms, watcherRooms } from './rooms';
import type { FanoutPort } from './fanout-port';

interface Pending {
  classroom: Classroom;
  session: TrainingSession;
  cause: SessionUpdateCause;
  by: string | null;
  /** performance.now() of the first change still waiting in this update */
  queuedAt: number;
}

/**
 * `session` updates, coalesced per session until the next snapshot round
 * (rule CMD-3): a full state can be hundreds of KB (2,000 custom points), and
 * a student sending 19 commands a second must not make the server encode,
 * queue and keep 19 of them a second for every watcher. The state is taken
 * when it is sent, so it is the latest; the cause and sender are the last
 * change's.
 */
export class SessionUpdates {
  private readonly pending = new Map<string, Pending>();

  /** `sent(ms)`: an update left, `ms` after the first change it carries (playroom_change_latency_seconds) */
  constructor(
    private readonly fanout: FanoutPort,
    private readonly sent: (ms: number) => void = () => {},
  ) {}

  /** A session changed: its watchers get its state at the next flush. */
  queue(classroom: Classroom, session: TrainingSession, cause: SessionUpdateCause, by: string | null): void {
    // re-inserted, so the order of sends is the order of the sessions' last changes
    const queuedAt = this.pending.get(session.id)?.queuedAt ?? performance.now();
    this.pending.delete(session.id);
    this.pending.set(session.id, { classroom, session, cause, by, queuedAt });
  }

  /** Send every pending update (of one class only, when given): before a snapshot round and before any other event of that class, so nothing overtakes them. */
  flush(classId?: string): void {
    for (const [id, { classroom, session, cause, by, queuedAt }] of this.pending) {
      if (classId !== undefined && classroom.id !== classId) continue;
      this.pending.delete(id);
      this.sent(performance.now() - queuedAt);
      const state = session.toState();
      // rooms from the spotlight of now: a fork that left the spotlight meanwhile is private again (PERM-2)
      const watchers = watcherRooms(session.id, classroom.spotlightId);
      const shown = classroom.stateFor(state, STUDENTS_VIEW);
      if (shown === state || watchers.length === 1) {
        this.fanout.emit(watchers, 'session', { cause, by, state });
        continue;
      }
      // names hidden: its own watchers (owner, teacher) get the name, students watching it through the
      // spotlight do not (NAMES-2); spotlight rooms are never replayed to a recovered connection (PERM-2)
      this.fanout.emit(rooms.watching(session.id), 'session', { cause, by, state });
      this.fanout.emit(rooms.spotlightViewers(session.id), 'session', { cause, by, state: shown }, rooms.watching(session.id));
    }
  }

  /** Forget a session's pending update (it was removed, or its class ended). */
  drop(sessionId: string): void {
    this.pending.delete(sessionId);
  }

  /** Updates waiting for the next flush (for tests). */
  size(): number {
    return this.pending.size;
  }
}
