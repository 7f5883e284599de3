import { randomInt } from 'node:crypto';
import { findPreset, type Preset } from '@playroom/engine';
import {
  ErrorCode,
  ackFailure,
  playgroundFileOf,
  protocolError,
  restrictedLessonControls,
  sameLessonControls,
  type Command,
  type CommandAck,
  type SessionUpdateCause,
} from '@playroom/protocol';
import type { Classroom } from './classroom';
import type { ClassroomEvents } from './classroom-events';
import type { ClassroomRegistry } from './classroom-registry';
import { authorizeCommand, watchesThroughSpotlight, type Actor } from './permissions';
import { Refusal } from './refusal';
import { SessionChangeError } from './session-change';
import type { TrainingSession } from './training-session';
import { KeyedRateLimiter } from '../security/token-bucket';
import { StorageUnavailableError, type StoredChange, type WriteAhead } from './write-ahead';

/** The sender's subscriptions, as far as commands change them (the gateway adapts a socket to this). */
export interface Subscriptions {
  /** receive a session's updates and snapshots for as long as the socket lives */
  watch(sessionId: string): void;
  /** receive a fork's updates and snapshots while (and only while) the teacher spotlights it */
  watchSpotlighted(forkId: string): void;
  /** stop both kinds of watching */
  unwatch(sessionId: string): void;
}

/** Session downloads per participant (CMD-11): one every 2 s, five at once (a teacher saving a few forks). */
const EXPORT_RATE = { perSecond: 0.5, burst: 5 };

/**
 * Runs one validated command for one actor: the permission check, the
 * change, the events, the ack (rules ACK-1, CMD-*, PERM-*, FORK-*). A refused
 * command changes nothing (rule CMD-1). The commands whose ack promises
 * storage are committed first and answered once stored (PERSIST-5).
 */
export class CommandExecutor {
  constructor(
    private readonly registry: ClassroomRegistry,
    private readonly events: ClassroomEvents,
    private readonly writeAhead: WriteAhead,
    private readonly newSeed: () => number = () => randomInt(1, 2 ** 31),
  ) {}

  /** per participant: session downloads (CMD-11) */
  private readonly exports = new KeyedRateLimiter(EXPORT_RATE.perSecond, EXPORT_RATE.burst);

  /** The ack, at once, or once storage committed the change (PERSIST-5). */
  execute(actor: Actor, command: Command, subscriptions: Subscriptions): CommandAck | Promise<CommandAck> {
    const change = this.storedChangeOf(actor, command);
    if (!change) return this.executeNow(actor, command, subscriptions);
    return this.writeAhead.commitFirst(change).then(
      // checked again: the class may have changed while the write ran, and a refusal then is the usual one
      () => this.executeNow(actor, command, subscriptions),
      (error: unknown) => {
        if (error instanceof StorageUnavailableError) return ackFailure(protocolError(ErrorCode.storageUnavailable, error.message));
        throw error;
      },
    );
  }

  /** The write a permitted command must commit before it runs, or null (not such a command, or refused anyway). */
  private storedChangeOf(actor: Actor, command: Command): StoredChange | null {
    const classroom = this.registry.byId(actor.classId);
    if (!classroom || authorizeCommand(actor, classroom, command)) return null;
    switch (command.type) {
      case 'endClass':
        return { type: 'endClass', classroom };
      case 'lockClass':
        return command.locked === classroom.locked ? null : { type: 'classSwitches', classroom, switches: { locked: command.locked } };
      case 'setLessonControls': {
        // a rule the server enforces: once acked, a restart must not open what the teacher locked
        const lessonControls = restrictedLessonControls(command.controls);
        return sameLessonControls(lessonControls, classroom.lessonControls) ? null : { type: 'classSwitches', classroom, switches: { lessonControls } };
      }
      case 'hideNames':
        // once acked, a restart must not show the class the names the teacher hid (NAMES-5)
        return command.hidden === classroom.namesHidden ? null : { type: 'classSwitches', classroom, switches: { namesHidden: command.hidden } };
      case 'deleteFork': {
        const fork = classroom.session(command.sessionId);
        return fork?.identity.kind === 'fork' ? { type: 'deleteFork', fork } : null;
      }
      case 'removeParticipant': {
        const participant = classroom.roster.get(command.participantId);
        if (participant?.role !== 'student') return null;
        return { type: 'removeParticipant', participantId: participant.id, forks: classroom.forksOf(participant.id) };
      }
      // applied at once; stored within PERSIST-1's interval, or by PERSIST-4's retries
      case 'setConfig':
      case 'play':
      case 'pause':
      case 'step':
      case 'reset':
      case 'regenerateData':
      case 'setWeight':
      case 'setBias':
      case 'setSpeed':
      case 'fork':
      case 'watch':
      case 'unwatch':
      case 'exportSession':
      case 'spotlight':
      case 'freezeForks':
      case 'loadPreset':
      case 'setLesson':
      case 'lessonStep':
      case 'scrub':
      case 'resumeFrom':
      case 'startChallenge':
      case 'endChallenge':
        return null;
      default: {
        const unknown: never = command;
        throw new Error(`no storage rule for ${JSON.stringify(unknown)}`);
      }
    }
  }

  private executeNow(actor: Actor, command: Command, subscriptions: Subscriptions): CommandAck {
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
      case 'reset': {
        const seed = command.start === 'new' ? this.newSeed() : session().config.seed;
        session().reset(seed);
        return { ok: true, clock: changed('reset'), seed };
      }
      case 'regenerateData': {
        const dataSeed = this.newSeed();
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
        return { ok: true, session: classroom.stateFor(session().toState(), actor) };
      case 'unwatch':
        subscriptions.unwatch(command.sessionId);
        return { ok: true };
      case 'exportSession': {
        // a session's file is up to ~600 KB (2,000 custom points): a budget of its own, besides the command bucket
        if (!this.exports.take(actor.participantId)) {
          throw new Refusal(ErrorCode.rateLimited, 'too many downloads: wait a few seconds');
        }
        const state = classroom.stateFor(session().toState(), actor);
        return { ok: true, file: playgroundFileOf([{ ...state, trainer: session().trainerState() }], classroom.code) };
      }
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
      case 'setLessonControls':
        classroom.setLessonControls(command.controls);
        classroom.touch();
        this.events.classStatusChanged(classroom);
        return { ok: true };
      case 'hideNames':
        classroom.setNamesHidden(command.hidden);
        classroom.touch();
        // the roster changes with it: students get it again, with or without names
        this.events.classStatusChanged(classroom);
        this.events.rosterChanged(classroom);
        return { ok: true };
      case 'loadPreset':
        session().loadPreset(presetOf(command.presetId));
        return { ok: true, clock: changed('loadPreset') };
      case 'setLesson':
      case 'lessonStep': {
        const preset = command.type === 'setLesson' ? classroom.setLesson(command.lesson) : classroom.setLessonStep(command.step);
        if (command.type === 'lessonStep' && preset === null) {
          throw new Refusal(ErrorCode.badRequest, classroom.lesson ? 'the lesson has no such step' : 'no lesson is running', '/step');
        }
        if (preset !== null) {
          classroom.classSession.loadPreset(presetOf(preset));
          this.events.sessionChanged(classroom, classroom.classSession, 'loadPreset', actor.participantId);
        }
        classroom.touch();
        this.events.classStatusChanged(classroom);
        return { ok: true };
      }
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
      case 'scrub':
        session().scrub(command.epoch);
        return { ok: true, clock: changed('scrub') };
      case 'resumeFrom':
        session().resumeFrom();
        return { ok: true, clock: changed('resumeFrom') };
      case 'startChallenge':
        classroom.startChallenge(command.goal, Date.now(), this.newSeed());
        classroom.touch();
        this.events.challengeChanged(classroom);
        return { ok: true };
      case 'endChallenge': {
        const challenge = classroom.challenge;
        if (!challenge?.running) throw new Refusal(ErrorCode.badRequest, 'no challenge is running');
        challenge.end(classroom.challengeForks(), Date.now());
        classroom.touch();
        this.events.challengeChanged(classroom);
        return { ok: true };
      }
    }
  }
}

/** A preset the protocol's schema let through (PRESET_IDS); a miss would be a schema out of step with the engine. */
function presetOf(id: string): Preset {
  const preset = findPreset(id);
  if (!preset) throw new Refusal(ErrorCode.badRequest, `no preset ${id}`, '/presetId');
  return preset;
}
