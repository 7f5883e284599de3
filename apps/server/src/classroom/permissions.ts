import {
  ErrorCode,
  TEACHER_COMMANDS,
  isSessionMutation,
  protocolError,
  type Command,
  type ProtocolError,
  type Role,
} from '@playroom/protocol';
import type { Classroom } from './classroom';
import type { TrainingSession } from './training-session';

/** Who sends a command: a participant of one class, with a role. */
export interface Actor {
  classId: string;
  participantId: string;
  role: Role;
}

/** Whether the actor drives this session: the teacher the class session, an owner their fork (rule PERM-1). */
export function controls(actor: Actor, session: TrainingSession): boolean {
  return session.kind === 'class' ? actor.role === 'teacher' : session.ownerId === actor.participantId;
}

/** Whether the actor may see this session (rule PERM-2). */
export function mayWatch(actor: Actor, classroom: Classroom, session: TrainingSession): boolean {
  if (session.kind === 'class' || actor.role === 'teacher') return true;
  return session.ownerId === actor.participantId || classroom.status.spotlightId === session.id;
}

/** Whether the actor may see this session only because the teacher spotlights it (a student, someone else's fork). */
export function watchesThroughSpotlight(actor: Actor, session: TrainingSession): boolean {
  return session.kind === 'fork' && actor.role !== 'teacher' && session.ownerId !== actor.participantId;
}

const forbidden = (message: string) => protocolError(ErrorCode.forbidden, message);
const notFound = () => protocolError(ErrorCode.sessionNotFound, 'no such session in this class', '/sessionId');

/**
 * The one permission check of every command (rules PERM-1…PERM-6): null when
 * the actor may send it to this class, else the error to ack.
 */
export function authorizeCommand(actor: Actor, classroom: Classroom, command: Command): ProtocolError | null {
  if (actor.classId !== classroom.id) return notFound();
  if ((TEACHER_COMMANDS as readonly string[]).includes(command.type)) {
    if (actor.role !== 'teacher') return forbidden(`only the teacher may ${command.type}`);
    if (command.type !== 'spotlight' || command.sessionId === null) return null;
    const target = classroom.session(command.sessionId);
    if (!target) return notFound();
    return target.kind === 'fork' ? null : protocolError(ErrorCode.badRequest, 'only a fork can be spotlighted', '/sessionId');
  }
  if (!('sessionId' in command) || command.sessionId === null) return null;
  const session = classroom.session(command.sessionId);
  if (!session) return notFound();
  if (isSessionMutation(command.type)) {
    if (!controls(actor, session)) {
      return forbidden(session.kind === 'class' ? 'only the teacher drives the class session' : 'only its owner drives a fork');
    }
    if (classroom.pausesWithClass(session)) {
      return protocolError(ErrorCode.forksFrozen, 'the teacher paused the class: every student fork waits');
    }
    return null;
  }
  switch (command.type) {
    case 'watch':
    case 'fork':
      return mayWatch(actor, classroom, session) ? null : forbidden('this fork is private to its owner and the teacher');
    case 'deleteFork':
      if (session.kind !== 'fork') return forbidden('the class session cannot be deleted');
      return session.ownerId === actor.participantId ? null : forbidden('only its owner may delete a fork');
    default:
      return null;
  }
}
