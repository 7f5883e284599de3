import { DEFAULT_CONFIG, type TrainerConfig } from '@playroom/engine';
import { ErrorCode, cleanDisplayName, savedSessionRefusal, uniqueDisplayName, type ConfigPatch, type SavedSession } from '@playroom/protocol';
import { hashToken, newId, newRoomCode, newToken } from '../security/secrets';
import { Classroom, type ClassRecord } from './classroom';
import type { ClassroomEvents } from './classroom-events';
import type { Actor } from './permissions';
import { Refusal } from './refusal';
import type { Participant } from './roster';
import { SessionChangeError } from './session-change';
import { TrainingSession, type SessionIdentity, type SessionRecord } from './training-session';

export interface RegistryLimits {
  maxSessions: number;
  /** one class's class session + forks (LIM-5) */
  maxSessionsPerClass: number;
  /** an empty seat (no socket, no fork) this old goes to the next student of a full class (LIM-6) */
  vacantSeatAfterMs: number;
  maxForksPerParticipant: number;
  maxParticipantsPerClass: number;
  /** forks of students gone this long rest (LIM-7): they stop counting against `maxSessions` */
  absentForkPauseMs: number;
}

/** Resting forks do not count against `maxSessions`, up to this many times it held in all (memory stays bounded). */
const RESTING_HEADROOM = 2;

/** What the registry tells the event hub: the new classes and participants storage must keep. */
export type RegistryEvents = Pick<ClassroomEvents, 'classCreated' | 'participantJoined' | 'participantRemoved'>;

/**
 * Every live class on this server, by room code and by id, and the limits
 * that span classes (sessions per server).
 */
export class ClassroomRegistry {
  private readonly byIdMap = new Map<string, Classroom>();
  private readonly byCodeMap = new Map<string, Classroom>();

  constructor(
    readonly limits: RegistryLimits,
    private readonly events: RegistryEvents,
    private readonly now: () => number = Date.now,
  ) {}

  /** Start a class: a paused class session from DEFAULT_CONFIG + `config`, a room code and a teacher token (rule REST-1). */
  /** A new class whose session starts from `config` (changes to DEFAULT_CONFIG) or continues `from`, a saved session (REST-1). */
  create(teacherName: string, config: ConfigPatch = {}, from?: SavedSession): { classroom: Classroom; teacherToken: string } {
    this.checkServerRoom();
    const name = cleanDisplayName(teacherName);
    if (name === '') throw new Refusal(ErrorCode.nameRequired, 'the teacher needs a name', '/teacherName');
    const id = newId('s');
    const createdAt = this.now();
    const teacherToken = newToken();
    const teacher: Participant = {
      id: newId('p'),
      classId: id,
      name,
      role: 'teacher',
      tokenHash: hashToken(teacherToken),
      joinedAt: createdAt,
    };
    const identity = { id, classId: id, kind: 'class' as const, ownerId: teacher.id, ownerName: name, parentId: null, forkedAtEpoch: null, createdAt };
    let session: TrainingSession;
    try {
      session = from ? startedFrom(identity, from) : TrainingSession.create(identity, { ...DEFAULT_CONFIG, ...config } as TrainerConfig);
    } catch (error) {
      if (error instanceof SessionChangeError) throw new Refusal(ErrorCode.invalidConfig, error.message, error.field);
      throw error;
    }
    const classroom = new Classroom({ id, code: this.unusedCode(), teacherName: name, createdAt }, session, teacher);
    this.add(classroom);
    this.events.classCreated(classroom);
    return { classroom, teacherToken };
  }

  /** A new student in a class, with their token (rule HS-5). */
  join(classroom: Classroom, typedName: string): { participant: Participant; token: string } {
    const name = cleanDisplayName(typedName);
    if (name === '') throw new Refusal(ErrorCode.nameRequired, 'a student needs a name or a token', '/name');
    if (classroom.locked) throw new Refusal(ErrorCode.classLocked, 'the teacher has locked this class to new students');
    if (classroom.roster.students().length >= this.limits.maxParticipantsPerClass) {
      // a seat held by nobody (gone, no fork) goes to whoever is at the door (LIM-6)
      const vacant = classroom.vacantSeat(this.limits.vacantSeatAfterMs, this.now());
      if (!vacant) throw new Refusal(ErrorCode.classFull, 'this class is full');
      classroom.removeStudent(vacant.id);
      this.events.participantRemoved(classroom, vacant);
    }
    const token = newToken();
    const participant: Participant = {
      id: newId('p'),
      classId: classroom.id,
      // a second "Ann" is "Ann (2)" on every screen (NAMES-3); the token, not the name, brings a student back
      name: uniqueDisplayName(name, classroom.roster.names()),
      role: 'student',
      tokenHash: hashToken(token),
      joinedAt: this.now(),
    };
    classroom.roster.add(participant, this.now());
    classroom.touch(this.now());
    this.events.participantJoined(classroom, participant);
    return { participant, token };
  }

  /** Copy `source` into a new fork owned by the actor (rules FORK-1, FORK-2). */
  fork(classroom: Classroom, actor: Actor, source: TrainingSession): TrainingSession {
    this.checkServerRoom();
    if (classroom.sessions().length >= this.limits.maxSessionsPerClass) {
      throw new Refusal(ErrorCode.sessionLimit, `a class holds at most ${this.limits.maxSessionsPerClass} sessions`);
    }
    if (classroom.forksOf(actor.participantId).length >= this.limits.maxForksPerParticipant) {
      throw new Refusal(ErrorCode.forkLimit, `at most ${this.limits.maxForksPerParticipant} forks each`);
    }
    const owner = classroom.roster.get(actor.participantId);
    if (!owner) throw new Refusal(ErrorCode.forbidden, 'not a participant of this class');
    const fork = source.forkAs({
      id: newId('s'),
      classId: classroom.id,
      kind: 'fork',
      ownerId: owner.id,
      ownerName: owner.name,
      parentId: source.id,
      forkedAtEpoch: source.epoch,
      createdAt: this.now(),
    });
    classroom.addFork(fork);
    return fork;
  }

  /** Bring a stored class back, every session paused (rule PERSIST-2). */
  restore(record: ClassRecord, participants: Participant[], sessions: SessionRecord[]): Classroom {
    const classroom = ClassroomRegistry.rebuild(record, participants, sessions);
    this.add(classroom);
    return classroom;
  }

  /** A stored class as a Classroom, every session paused, held by no registry (a restart, an archived class's export). */
  static rebuild(record: ClassRecord, participants: Participant[], sessions: SessionRecord[]): Classroom {
    const classRecord = sessions.find((s) => s.id === record.id);
    const teacher = participants.find((p) => p.role === 'teacher');
    if (!classRecord || !teacher) throw new Error(`class ${record.id} has no class session or no teacher`);
    const { status, lastActivityAt, ...identity } = record;
    const classroom = new Classroom(identity, TrainingSession.fromRecord(classRecord), teacher, lastActivityAt);
    classroom.roster.restore(participants);
    classroom.setForksFrozen(status.forksFrozen);
    // classes stored before JOIN-3 have no lock
    classroom.setLocked(status.locked === true);
    // classes stored before LESSON-1 have no lesson controls: every control is open (LESSON-4)
    classroom.setLessonControls(status.lessonControls ?? {});
    // classes stored before NAMES-1 show names
    classroom.setNamesHidden(status.namesHidden === true);
    // classes stored before CHAL-8 have no challenge
    classroom.restoreChallenge(status.challenge);
    // classes stored before TEACH-3 have no lesson
    if (status.lesson) {
      classroom.setLesson(status.lesson);
      classroom.setLessonStep(status.lesson.step);
    }
    for (const session of sessions) if (session.id !== record.id) classroom.addFork(TrainingSession.fromRecord(session));
    // a spotlight on a fork that is gone stays off
    classroom.setSpotlight(status.spotlightId);
    return classroom;
  }

  /** Take a class off this server (ended or idle); storage keeps it. */
  remove(classroom: Classroom): void {
    // what a class ends with, sent (CMD-7) and archived, is now, not a checkpoint someone looked at (SCRUB-4)
    for (const session of classroom.sessions()) session.scrub(null);
    this.byIdMap.delete(classroom.id);
    if (this.byCodeMap.get(classroom.code) === classroom) this.byCodeMap.delete(classroom.code);
  }

  byCode(code: string): Classroom | undefined {
    return this.byCodeMap.get(code);
  }

  byId(id: string): Classroom | undefined {
    return this.byIdMap.get(id);
  }

  classrooms(): Classroom[] {
    return [...this.byIdMap.values()];
  }

  /** Class sessions and forks held by this server. */
  sessionCount(): number {
    let count = 0;
    for (const classroom of this.byIdMap.values()) count += 1 + classroom.allForks().length;
    return count;
  }

  /** Sessions that count against `maxSessions`: all but resting forks (LIM-5, LIM-7). */
  countedSessionCount(): number {
    const now = this.now();
    let count = this.sessionCount();
    for (const classroom of this.byIdMap.values()) count -= classroom.restingForkCount(this.limits.absentForkPauseMs, now);
    return count;
  }

  /** Room for one more session on this server, else `sessionLimit`. */
  private checkServerRoom(): void {
    if (this.countedSessionCount() >= this.limits.maxSessions || this.sessionCount() >= this.limits.maxSessions * RESTING_HEADROOM) {
      throw new Refusal(ErrorCode.sessionLimit, 'this server holds as many sessions as it may');
    }
  }

  /** Every session of every class. */
  *allSessions(): Iterable<TrainingSession> {
    for (const classroom of this.byIdMap.values()) yield* classroom.sessions();
  }

  /** Classes nobody is connected to and nobody touched for `idleMs` (rule PERSIST-3). */
  idleClassrooms(idleMs: number): Classroom[] {
    const cutoff = this.now() - idleMs;
    return this.classrooms().filter((c) => c.roster.onlineSockets() === 0 && c.lastActivityAt < cutoff);
  }

  private add(classroom: Classroom): void {
    this.byIdMap.set(classroom.id, classroom);
    this.byCodeMap.set(classroom.code, classroom);
  }

  private unusedCode(): string {
    for (;;) {
      const code = newRoomCode();
      if (!this.byCodeMap.has(code)) return code;
    }
  }
}

/** The class session of a class started from a file's session (REST-1 `from`): refused, naming why, unless it continues exactly. */
function startedFrom(identity: SessionIdentity, from: SavedSession): TrainingSession {
  const refusal = savedSessionRefusal(from);
  if (refusal !== null) throw new Refusal(ErrorCode.badRequest, `from: ${refusal}`, '/from');
  try {
    return TrainingSession.fromSaved(identity, from);
  } catch (error) {
    throw new Refusal(ErrorCode.invalidConfig, `from: ${error instanceof Error ? error.message : String(error)}`, '/from');
  }
}
