import type { ClassEnded, SessionUpdateCause } from '@playroom/protocol';
import { STUDENTS_VIEW, TEACHER_VIEW, type Classroom } from '../classroom/classroom';
import type { ClassroomEvents } from '../classroom/classroom-events';
import type { Participant } from '../classroom/roster';
import type { TrainingSession } from '../classroom/training-session';
import { rooms } from './rooms';
import type { SessionUpdates } from './session-updates';
import type { FanoutPort } from './fanout-port';

/**
 * Turns classroom events into socket.io messages to the right rooms
 * (rules CMD-3, FORK-3): a session's watchers, a class, a teacher, a
 * participant's own sockets. `session` updates wait for the next snapshot
 * round (SessionUpdates); every other event of a class sends that class's
 * waiting updates first, so coalescing never reorders a class's events.
 */
export class RoomBroadcaster implements Omit<ClassroomEvents, 'stepsQueued' | 'classCreated' | 'participantJoined' | 'challengeChanged'> {
  constructor(
    private readonly fanout: FanoutPort,
    private readonly onForksChanged: (classroom: Classroom) => void,
    private readonly updates: SessionUpdates,
  ) {}

  sessionChanged(classroom: Classroom, session: TrainingSession, cause: SessionUpdateCause, by: string | null): void {
    this.updates.queue(classroom, session, cause, by);
    if (session.kind === 'fork') this.onForksChanged(classroom);
  }

  forkCreated(classroom: Classroom, fork: TrainingSession): void {
    this.updates.flush(classroom.id);
    this.sendOwnForks(classroom, fork.ownerId);
    this.rosterChanged(classroom);
    this.onForksChanged(classroom);
  }

  forkRemoved(classroom: Classroom, fork: TrainingSession): void {
    // a state sent after `forkRemoved` would bring the fork back on screen
    this.updates.drop(fork.id);
    this.updates.flush(classroom.id);
    // its spotlight viewers too: a removed fork loses the spotlight, and they should hear it is gone
    const audience = [rooms.participant(fork.ownerId), rooms.teacherOf(classroom.id), rooms.watching(fork.id), rooms.spotlightViewers(fork.id)];
    this.fanout.emit(audience, 'forkRemoved', { sessionId: fork.id });
    this.fanout.leave(rooms.watching(fork.id), rooms.watching(fork.id));
    this.fanout.leave(rooms.spotlightViewers(fork.id), rooms.spotlightViewers(fork.id));
    this.sendOwnForks(classroom, fork.ownerId);
    this.rosterChanged(classroom);
    this.onForksChanged(classroom);
  }

  rosterChanged(classroom: Classroom): void {
    this.updates.flush(classroom.id);
    // names hidden or not, always these two sends (NAMES-2): each audience's replay keeps its newest list, so
    // a recovered student never gets back a list with names from before they were hidden (RecoveryAdapter)
    const { teacher, students } = this.audiences(classroom);
    this.fanout.emit(teacher, 'roster', { participants: classroom.rosterEntries(TEACHER_VIEW) });
    this.fanout.emit(students.rooms, 'roster', { participants: classroom.rosterEntries(STUDENTS_VIEW) }, students.except);
  }

  classStatusChanged(classroom: Classroom): void {
    this.updates.flush(classroom.id);
    const { teacher, students } = this.audiences(classroom);
    this.fanout.emit(teacher, 'classStatus', classroom.classStatus(TEACHER_VIEW));
    this.fanout.emit(students.rooms, 'classStatus', classroom.classStatus(STUDENTS_VIEW), students.except);
    // a fork off the spotlight is private again (rule PERM-2); its updates no longer go to its spotlight room
    // (see watcherRooms), so this only empties rooms nobody should be left in
    for (const fork of classroom.allForks()) {
      if (fork.id !== classroom.spotlightId) this.fanout.leave(rooms.spotlightViewers(fork.id), rooms.spotlightViewers(fork.id));
    }
  }

  participantRemoved(classroom: Classroom, participant: Participant): void {
    const own = rooms.participant(participant.id);
    this.fanout.emit(own, 'classEnded', { reason: 'removed' });
    // after the current command's ack has been written; then the class hears who is left
    setImmediate(() => this.fanout.disconnect(own));
    this.rosterChanged(classroom);
  }

  classEnded(classroom: Classroom, reason: ClassEnded['reason']): void {
    this.updates.flush(classroom.id);
    // each participant hears it with the full state of their own forks as they are now, to carry on in
    // practice mode (CMD-7); the class has left the registry, so nothing trains them after this
    for (const participant of classroom.roster.all()) {
      if (!classroom.roster.isOnline(participant.id)) continue;
      // exact (FILE-2): a fork continued in practice mode or saved to a file goes on bit for bit
      const forks = classroom.forksOf(participant.id).map((fork) => ({ ...fork.toState(), trainer: fork.trainerState() }));
      this.fanout.emit(rooms.participant(participant.id), 'classEnded', { reason, forks });
    }
    // after the current command's ack has been written
    setImmediate(() => this.fanout.disconnect(rooms.classOf(classroom.id)));
  }

  /** The teacher's sockets, and every other socket of the class (NAMES-2). */
  private audiences(classroom: Classroom): { teacher: string; students: { rooms: string; except: string } } {
    const teacher = rooms.teacherOf(classroom.id);
    return { teacher, students: { rooms: rooms.classOf(classroom.id), except: teacher } };
  }

  private sendOwnForks(classroom: Classroom, ownerId: string): void {
    this.fanout.emit(rooms.participant(ownerId), 'forks', { forks: classroom.forkSummaries(ownerId) });
  }
}
