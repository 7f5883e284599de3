import {
  ErrorCode,
  closedControlTouched,
  lessonControlState,
  protocolError,
  type Command,
  type CommandType,
  type LessonControl,
  type ProtocolError,
  type Role,
} from '@playroom/protocol';
import { findPreset, presetConfig } from '@playroom/engine';
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
  return session.ownerId === actor.participantId || classroom.spotlightId === session.id;
}

/** Whether the actor may see this session only because the teacher spotlights it (a student, someone else's fork). */
export function watchesThroughSpotlight(actor: Actor, session: TrainingSession): boolean {
  return session.kind === 'fork' && actor.role !== 'teacher' && session.ownerId !== actor.participantId;
}

const forbidden = (message: string) => protocolError(ErrorCode.forbidden, message);
const notFound = () => protocolError(ErrorCode.sessionNotFound, 'no such session in this class', '/sessionId');

/**
 * The one permission check of every command (rules PERM-1…PERM-6, FORK-4, LESSON-2):
 * null when the actor may send it to this class, else the error to ack.
 * Every command type has its own case and there is no default: a command
 * added to the protocol without a rule here does not compile, and one that
 * reaches this function anyway is refused (deny by default).
 */
export function authorizeCommand(actor: Actor, classroom: Classroom, command: Command): ProtocolError | null {
  if (actor.classId !== classroom.id) return notFound();
  switch (command.type) {
    case 'setConfig':
      return withSession(classroom, command.sessionId, (session) => {
        const touched = () => closedControlTouched(classroom.lessonControls, session.config, { ...session.config, ...command.patch });
        return authorizeMutation(actor, classroom, session) ?? lessonControlRefusal(classroom, session, touched);
      });
    case 'loadPreset':
      // the preset's whole config, as a setConfig of it: a student's fork keeps what the teacher locked (LESSON-2)
      return withSession(classroom, command.sessionId, (session) => {
        const preset = findPreset(command.presetId);
        if (!preset) return protocolError(ErrorCode.badRequest, `no preset ${command.presetId}`, '/presetId');
        const touched = () => closedControlTouched(classroom.lessonControls, session.config, presetConfig(preset));
        return authorizeMutation(actor, classroom, session) ?? lessonControlRefusal(classroom, session, touched);
      });
    case 'regenerateData':
      // new points of the same dataset: what the dataset control covers
      return withSession(classroom, command.sessionId, (session) => {
        const touched = () => (lessonControlState(classroom.lessonControls, 'dataset') === 'open' ? null : 'dataset');
        return authorizeMutation(actor, classroom, session) ?? lessonControlRefusal(classroom, session, touched);
      });
    case 'play':
    case 'pause':
    case 'step':
    case 'reset':
    case 'setWeight':
    case 'setBias':
    case 'setSpeed':
    case 'scrub':
    case 'resumeFrom':
      return withSession(classroom, command.sessionId, (session) => authorizeMutation(actor, classroom, session));
    case 'watch':
    case 'exportSession':
      // what one may watch one may download (CMD-11): the same state, exact
      return withSession(classroom, command.sessionId, (session) => watchRefusal(actor, classroom, session));
    case 'fork':
      return withSession(classroom, command.sessionId, (session) => {
        const refusal = watchRefusal(actor, classroom, session);
        if (refusal || actor.role === 'teacher' || !classroom.forksFrozen) return refusal;
        // FORK-4: a student's new fork would only wait, frozen, until the class resumes
        return protocolError(ErrorCode.forksFrozen, 'the teacher paused the class: forking waits until the class resumes');
      });
    case 'deleteFork':
      return withSession(classroom, command.sessionId, (session) => {
        if (session.kind !== 'fork') return forbidden('the class session cannot be deleted');
        return session.ownerId === actor.participantId ? null : forbidden('only its owner may delete a fork');
      });
    case 'unwatch':
      // anyone may stop watching a session of their class
      return withSession(classroom, command.sessionId, () => null);
    case 'spotlight': {
      if (actor.role !== 'teacher') return teacherOnly(command.type);
      if (command.sessionId === null) return null;
      return withSession(classroom, command.sessionId, (target) =>
        target.kind === 'fork' ? null : protocolError(ErrorCode.badRequest, 'only a fork can be spotlighted', '/sessionId'),
      );
    }
    case 'freezeForks':
    case 'endClass':
    case 'lockClass':
    case 'removeParticipant':
    case 'setLessonControls':
    case 'hideNames':
    case 'setLesson':
    case 'lessonStep':
    case 'startChallenge':
    case 'endChallenge':
      return actor.role === 'teacher' ? null : teacherOnly(command.type);
    default:
      return noRuleFor(command);
  }
}

/** Rule PERM-5: the teacher's commands. */
function teacherOnly(type: CommandType): ProtocolError {
  return forbidden(`only the teacher may ${type}`);
}

/** The session a command names, checked by `rule`; one of another class or unknown is not found (rule PERM-6). */
function withSession(
  classroom: Classroom,
  sessionId: string,
  rule: (session: TrainingSession) => ProtocolError | null,
): ProtocolError | null {
  const session = classroom.session(sessionId);
  return session ? rule(session) : notFound();
}

/** Rules PERM-2 and PERM-3: what one may watch one may fork. */
function watchRefusal(actor: Actor, classroom: Classroom, session: TrainingSession): ProtocolError | null {
  return mayWatch(actor, classroom, session) ? null : forbidden('this fork is private to its owner and the teacher');
}

/** Rules PERM-1 and FORK-4: the controller drives a session, unless the teacher paused the class it waits with. */
function authorizeMutation(actor: Actor, classroom: Classroom, session: TrainingSession): ProtocolError | null {
  if (!controls(actor, session)) {
    return forbidden(session.kind === 'class' ? 'only the teacher drives the class session' : 'only its owner drives a fork');
  }
  if (classroom.pausesWithClass(session)) {
    return protocolError(ErrorCode.forksFrozen, 'the teacher paused the class: every student fork waits');
  }
  return null;
}

/**
 * Rule LESSON-2: a student's fork refuses a change to a control the teacher
 * locked or hid (`touched` says which, asked only of a student's fork); the
 * teacher's own sessions never do (LESSON-3).
 */
function lessonControlRefusal(classroom: Classroom, session: TrainingSession, touched: () => LessonControl | null): ProtocolError | null {
  if (!classroom.isStudentFork(session)) return null;
  const control = touched();
  if (control === null) return null;
  const state = lessonControlState(classroom.lessonControls, control);
  return protocolError(ErrorCode.controlLocked, `the teacher ${state === 'hidden' ? 'hid' : 'locked'} ${control} for this class`, control);
}

/**
 * A command type without a case above: `command` is `never` there, so a new
 * type is a compile error until it has its rule; at run time it is refused.
 */
function noRuleFor(command: never): ProtocolError {
  const type = (command as { type?: unknown } | null)?.type;
  return forbidden(`no permission rule for command ${String(type)}`);
}
