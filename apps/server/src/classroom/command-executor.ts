import { randomInt } from 'node:crypto';
import {
  ErrorCode,
  ackFailure,
  protocolError,
  type Command,
  type CommandAck,
  type SessionUpdateCause,
} from '@playroom/protocol';
import type { Classroom } from './classroom';
import type { ClassroomEvents } from './classroom-events';
import type { ClassroomRegistry } from './classroom-registry';
import { authorizeCommand, watchesThroughSpotlight, type Actor } from './permissions';
import { Refusal } from './refusal';
import { SessionChangeError, type TrainingSession } from './training-session';

/** The sender's subscriptions, as far as commands change them (the gateway adapts a socket to this). */
export interface Subscriptions {
  /** receive a session's updates and snapshots for as long as the socket lives */
  watch(sessionId: string): void;
  /** receive a fork's updates and snapshots while (and only while) the teacher spotlights it */
  watchSpotlighted(forkId: string): void;
  /** stop both kinds of watching */
  unwatch(sessionId: string): void;
}

/**
 * Runs one validated command for one actor: the permission check, the
 * change, the events, the ack (rules ACK-1, CMD-*, PERM-*, FORK-*). A refused
 * command changes nothing (rule CMD-1).
 */
export class CommandExecutor {
  constructor(
    private readonly registry: ClassroomRegistry,
    private readonly events: ClassroomEvents,
    private readonly newDataSeed: () => number = () => randomInt(1, 2 ** 31),
  ) {}

  execute(actor: Actor, command: Command, subscriptions: Subscriptions): CommandAck {
    const classroom = this.registry.byId(actor.classId);
    if (!classroom) return ackFailure(protocolError(ErrorCode.classEnded, 'this class has ended'));
    const refusal = authorizeCommand(actor, classroom, command);
    if (refusal) return ackFailure(refusal);
    try {
      return this.apply(classroom, actor, command, subscriptions);
    } catch (error) {
      if (error instanceof Refusal) return ackFailure(error.error);
      if (error instanceof SessionChangeError) return ackFailure(protocolError(error.code, error.message, error.field));
      throw error;
    }
  }

  private apply(classroom: Classroom, actor: Actor, command: Command, subscriptions: Subscriptions): CommandAck {
    const target = 'sessionId' in command && command.sessionId !== null ? classroom.session(command.sessionId) : undefined;
    const session = (): TrainingSession => {
      if (!target) throw new Refusal(ErrorCode.sessionNotFound, 'no such session in this class');
      return target;
    };
    const changed = (cause: SessionUpdateCause) => {
      classroom.touch();
      this.events.sessionChanged(classroom, session(), cause, actor.participantId);
      return session().clock;
    };
    switch (command.type) {
      case 'setConfig': {
        const effect = session().applyConfig(command.patch);
        return { ok: true, effect, clock: changed('setConfig') };
      }
      case 'play':
        session().play();
        return { ok: true, clock: changed('play') };
      case 'pause':
        session().pause();
        return { ok: true, clock: changed('pause') };
      case 'step': {
        // trained by the scheduler in slices, never here (rule CMD-8); `session` cause 'step' says when it is done
        const pending = session().queueSteps(command.epochs ?? 1, actor.participantId);
        classroom.touch();
        this.events.stepsQueued(classroom, session());
        return { ok: true, clock: session().clock, epoch: session().epoch, pending };
      }
      case 'reset':
        session().reset();
        return { ok: true, clock: changed('reset') };
      case 'regenerateData': {
        const dataSeed = this.newDataSeed();
        session().regenerateData(dataSeed);
        return { ok: true, clock: changed('regenerateData'), dataSeed };
      }
      case 'setWeight':
        session().setWeight(command.layer, command.to, command.from, command.value);
        return { ok: true, clock: changed('setWeight') };
      case 'setBias':
        session().setBias(command.layer, command.to, command.value);
        return { ok: true, clock: changed('setBias') };
      case 'setSpeed':
        session().setSpeed(command.speed);
        return { ok: true, clock: changed('setSpeed') };
      case 'fork': {
        const fork = this.registry.fork(classroom, actor, session());
        classroom.touch();
        subscriptions.watch(fork.id);
        this.events.forkCreated(classroom, fork);
        return { ok: true, session: fork.toState() };
      }
      case 'deleteFork': {
        const fork = session();
        const wasSpotlighted = classroom.spotlightId === fork.id;
        classroom.removeFork(fork.id);
        classroom.touch();
        subscriptions.unwatch(fork.id);
        this.events.forkRemoved(classroom, fork);
        // the spotlight went with it: the class hears so and storage keeps it
        if (wasSpotlighted) this.events.classStatusChanged(classroom);
        return { ok: true };
      }
      case 'watch':
        if (watchesThroughSpotlight(actor, session())) subscriptions.watchSpotlighted(session().id);
        else subscriptions.watch(session().id);
        return { ok: true, session: session().toState() };
      case 'unwatch':
        subscriptions.unwatch(command.sessionId);
        return { ok: true };
      case 'spotlight':
        if (!classroom.setSpotlight(command.sessionId)) throw new Refusal(ErrorCode.sessionNotFound, 'no such fork in this class', '/sessionId');
        classroom.touch();
        this.events.classStatusChanged(classroom);
        return { ok: true };
      case 'freezeForks': {
        for (const fork of classroom.setForksFrozen(command.frozen)) {
          this.events.sessionChanged(classroom, fork, command.frozen ? 'frozen' : 'unfrozen', actor.participantId);
        }
        classroom.touch();
        this.events.classStatusChanged(classroom);
        return { ok: true };
      }
      case 'endClass':
        this.registry.remove(classroom);
        this.events.classEnded(classroom, 'endedByTeacher');
        return { ok: true };
      case 'lockClass':
        classroom.setLocked(command.locked);
        classroom.touch();
        this.events.classStatusChanged(classroom);
        return { ok: true };
      case 'removeParticipant': {
        const spotlighted = classroom.spotlightId;
        const removed = classroom.removeStudent(command.participantId);
        if (!removed) throw new Refusal(ErrorCode.participantNotFound, 'no student with this id in this class', '/participantId');
        classroom.touch();
        for (const fork of removed.forks) this.events.forkRemoved(classroom, fork);
        this.events.participantRemoved(classroom, removed.participant);
        if (classroom.spotlightId !== spotlighted) this.events.classStatusChanged(classroom);
        return { ok: true };
      }
    }
  }
}
