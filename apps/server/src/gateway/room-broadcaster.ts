import type { ClassEnded, SessionUpdateCause } from '@playroom/protocol';
import type { Classroom } from '../classroom/classroom';
import type { ClassroomEvents } from '../classroom/classroom-events';
import type { TrainingSession } from '../classroom/training-session';
import { rooms } from './rooms';
import type { PlayroomServer } from './types';

/**
 * Turns classroom events into socket.io messages to the right rooms
 * (rules CMD-3, FORK-3): a session's watchers, a class, a teacher, a
 * participant's own sockets.
 */
export class RoomBroadcaster implements ClassroomEvents {
  private readonly spotlightOf = new Map<string, string | null>();

  constructor(
    private readonly io: PlayroomServer,
    private readonly onForksChanged: (classroom: Classroom) => void,
  ) {}

  sessionChanged(classroom: Classroom, session: TrainingSession, cause: SessionUpdateCause, by: string | null): void {
    this.io.to(rooms.watching(session.id)).emit('session', { cause, by, state: session.toState() });
    if (session.kind === 'fork') this.onForksChanged(classroom);
  }

  forkCreated(classroom: Classroom, fork: TrainingSession): void {
    this.sendOwnForks(classroom, fork.ownerId);
    this.rosterChanged(classroom);
    this.onForksChanged(classroom);
  }

  forkRemoved(classroom: Classroom, fork: TrainingSession): void {
    const payload = { sessionId: fork.id };
    this.io
      .to([rooms.participant(fork.ownerId), rooms.teacherOf(classroom.id), rooms.watching(fork.id)])
      .emit('forkRemoved', payload);
    this.io.in(rooms.watching(fork.id)).socketsLeave(rooms.watching(fork.id));
    this.sendOwnForks(classroom, fork.ownerId);
    this.rosterChanged(classroom);
    this.onForksChanged(classroom);
    if (this.spotlightOf.get(classroom.id) === fork.id) this.classStatusChanged(classroom);
  }

  rosterChanged(classroom: Classroom): void {
    this.io.to(rooms.classOf(classroom.id)).emit('roster', { participants: classroom.rosterEntries() });
  }

  classStatusChanged(classroom: Classroom): void {
    const previous = this.spotlightOf.get(classroom.id) ?? null;
    const current = classroom.status.spotlightId;
    this.spotlightOf.set(classroom.id, current);
    this.io.to(rooms.classOf(classroom.id)).emit('classStatus', { ...classroom.status });
    if (previous !== null && previous !== current) void this.dropSpotlightViewers(classroom, previous);
  }

  classEnded(classroom: Classroom, reason: ClassEnded['reason']): void {
    this.spotlightOf.delete(classroom.id);
    this.io.to(rooms.classOf(classroom.id)).emit('classEnded', { reason });
    // after the current command's ack has been written
    setImmediate(() => this.io.in(rooms.classOf(classroom.id)).disconnectSockets(true));
  }

  private sendOwnForks(classroom: Classroom, ownerId: string): void {
    this.io.to(rooms.participant(ownerId)).emit('forks', { forks: classroom.forkSummaries(ownerId) });
  }

  // A fork no longer spotlighted is private again: students other than its owner stop watching it (rule PERM-2).
  private async dropSpotlightViewers(classroom: Classroom, forkId: string): Promise<void> {
    const fork = classroom.session(forkId);
    const sockets = await this.io.in(rooms.watching(forkId)).fetchSockets();
    for (const socket of sockets) {
      const { role, participantId } = socket.data;
      if (role !== 'teacher' && participantId !== fork?.ownerId) socket.leave(rooms.watching(forkId));
    }
  }
}
