import { HIDDEN_NAME, restrictedLessonControls, type ChallengeGoal, type ChallengeView, type ClassStatus, type ForkSummary, type LessonControls, type LessonPlan, type LessonState, type Role, type RosterEntry, type SessionState } from '@playroom/protocol';
import { Challenge, type ChallengeRecord } from './challenge';
import { Roster, type Participant } from './roster';
import type { TrainingSession } from './training-session';

/** The teacher's class-wide switches as stored; the wire's ClassStatus adds what follows from them. */
export type ClassSwitches = Pick<ClassStatus, 'spotlightId' | 'forksFrozen' | 'locked' | 'lessonControls' | 'namesHidden' | 'lesson'> & {
  /** the class's challenge, running or ended (CHAL-8); absent in classes stored before challenges */
  challenge?: ChallengeRecord | null;
};

/**
 * Who a payload is for (NAMES-2): the teacher sees every name; students, while names are hidden, only
 * the teacher's and (when it goes to one student's sockets alone) their own.
 */
export interface Viewer {
  role: Role;
  /** the one participant it goes to, or none for every student of the class at once */
  participantId?: string;
}
export const TEACHER_VIEW: Viewer = { role: 'teacher' };
export const STUDENTS_VIEW: Viewer = { role: 'student' };

/** What storage keeps of a class besides its sessions and participants. */
export interface ClassRecord {
  id: string;
  code: string;
  teacherName: string;
  createdAt: number;
  lastActivityAt: number;
  status: ClassSwitches;
}

/**
 * A class: its teacher and students, the class session, every fork, and
 * the teacher's spotlight and freeze. The class id is the class session's id.
 */
export class Classroom {
  readonly roster = new Roster();
  readonly teacherId: string;
  private readonly switches: ClassSwitches = { spotlightId: null, forksFrozen: false, locked: false, lessonControls: {}, namesHidden: false, lesson: null };
  lastActivityAt: number;
  private readonly forks = new Map<string, TrainingSession>();
  private challengeValue: Challenge | null = null;

  constructor(
    readonly record: Omit<ClassRecord, 'status' | 'lastActivityAt'>,
    readonly classSession: TrainingSession,
    teacher: Participant,
    lastActivityAt: number = record.createdAt,
  ) {
    this.roster.add(teacher);
    this.teacherId = teacher.id;
    this.lastActivityAt = lastActivityAt;
  }

  get id(): string {
    return this.record.id;
  }
  get code(): string {
    return this.record.code;
  }
  get teacherName(): string {
    return this.record.teacherName;
  }
  /** the fork shown to the whole class, or null (SPOT-1) */
  get spotlightId(): string | null {
    return this.switches.spotlightId;
  }
  /** whether the teacher paused the class (FORK-4) */
  get forksFrozen(): boolean {
    return this.switches.forksFrozen;
  }
  /** whether the teacher locked the class to new students (JOIN-3) */
  get locked(): boolean {
    return this.switches.locked;
  }
  /** what students may change in their forks: the controls that are not open (LESSON-1) */
  get lessonControls(): LessonControls {
    return this.switches.lessonControls;
  }

  /** whether the class sees aliases instead of students' names (NAMES-1) */
  get namesHidden(): boolean {
    return this.switches.namesHidden;
  }

  /**
   * The seat of the student absent longest, if someone holds one for
   * nothing: no open socket for `vacantAfterMs` and no fork (LIM-6). A full
   * class gives it to the next student, so seats taken and left do not keep
   * real students out.
   */
  vacantSeat(vacantAfterMs: number, now: number = Date.now()): Participant | undefined {
    let vacant: Participant | undefined;
    let longest = vacantAfterMs;
    for (const student of this.roster.students()) {
      const absent = this.roster.absentFor(student.id, now);
      if (absent >= longest && this.forksOf(student.id).length === 0) {
        vacant = student;
        longest = absent;
      }
    }
    return vacant;
  }

  /** Playing forks of students absent for `afterMs`: paused, so nobody trains for an empty chair (LIM-7). Returns them. */
  pauseAbsentForks(afterMs: number, now: number = Date.now()): TrainingSession[] {
    const paused: TrainingSession[] = [];
    for (const fork of this.forks.values()) {
      if (!fork.playing || fork.ownerId === this.teacherId || this.roster.absentFor(fork.ownerId, now) < afterMs) continue;
      fork.pause();
      paused.push(fork);
    }
    return paused;
  }

  /**
   * Forks resting: paused, owned by a student with no open socket for
   * `afterMs` (LIM-7). They hold memory but no training time, so they do
   * not count against the server's session limit (LIM-5).
   */
  restingForkCount(afterMs: number, now: number = Date.now()): number {
    let resting = 0;
    for (const fork of this.forks.values()) {
      if (!fork.playing && fork.pendingSteps === 0 && fork.ownerId !== this.teacherId && this.roster.absentFor(fork.ownerId, now) >= afterMs) resting++;
    }
    return resting;
  }

  /** Lock the class to new students, or open it again (JOIN-3). */
  setLocked(locked: boolean): void {
    this.switches.locked = locked;
  }

  /** Show the class aliases instead of students' names, or names again (NAMES-1). */
  setNamesHidden(hidden: boolean): void {
    this.switches.namesHidden = hidden;
  }

  /** The name of `ownerId` as `viewer` may get it: a student's, hidden from other students while names are hidden (NAMES-2). */
  nameFor(viewer: Viewer, ownerId: string, name: string): string {
    const hidden = this.switches.namesHidden && viewer.role === 'student' && ownerId !== this.teacherId && ownerId !== viewer.participantId;
    return hidden ? HIDDEN_NAME : name;
  }

  /** A session's full state as `viewer` may get it (NAMES-2): `state` itself when its name may stay. */
  stateFor(state: SessionState, viewer: Viewer): SessionState {
    const ownerName = this.nameFor(viewer, state.ownerId, state.ownerName);
    return ownerName === state.ownerName ? state : { ...state, ownerName };
  }

  /** Which controls students may change, see or neither from now on (LESSON-1); forks keep the values they have. */
  setLessonControls(controls: LessonControls): void {
    this.switches.lessonControls = restrictedLessonControls(controls);
  }

  /**
   * Take a student out of the class with their forks (CMD-9); the teacher
   * stays. Returns the participant and the forks that went, or null when
   * `participantId` is no student of this class.
   */
  removeStudent(participantId: string): { participant: Participant; forks: TrainingSession[] } | null {
    const participant = this.roster.get(participantId);
    if (!participant || participant.role !== 'student') return null;
    const forks = this.forksOf(participantId);
    for (const fork of forks) this.removeFork(fork.id);
    this.roster.remove(participantId);
    return { participant, forks };
  }

  /** The lesson the class is moving through, or null (TEACH-3). */
  get lesson(): LessonState | null {
    return copyLesson(this.switches.lesson);
  }

  /** Start a lesson at its first step, or end it (null); returns the preset of the step the class is on now, or null. */
  setLesson(plan: LessonPlan | null): string | null {
    this.switches.lesson = plan === null ? null : { lessonId: plan.lessonId, steps: [...plan.steps], step: 0 };
    return this.switches.lesson?.steps[0] ?? null;
  }

  /** Move the lesson to `step`; returns its preset, or null when there is no lesson or no such step (TEACH-4). */
  setLessonStep(step: number): string | null {
    const lesson = this.switches.lesson;
    const preset = lesson?.steps[step];
    if (!lesson || preset === undefined) return null;
    lesson.step = step;
    return preset;
  }

  /** Spotlight one of this class's forks, or nothing (null); false when `id` is not a fork of this class. */
  setSpotlight(id: string | null): boolean {
    if (id !== null && !this.forks.has(id)) return false;
    this.switches.spotlightId = id;
    return true;
  }

  /** The class session or one of its forks. */
  session(id: string): TrainingSession | undefined {
    return id === this.classSession.id ? this.classSession : this.forks.get(id);
  }

  /** The class session first, then every fork. */
  sessions(): TrainingSession[] {
    return [this.classSession, ...this.forks.values()];
  }

  allForks(): TrainingSession[] {
    return [...this.forks.values()];
  }

  forksOf(ownerId: string): TrainingSession[] {
    return this.allForks().filter((fork) => fork.ownerId === ownerId);
  }

  addFork(fork: TrainingSession): void {
    fork.holdForClass(this.pausesWithClass(fork));
    this.forks.set(fork.id, fork);
  }

  /**
   * Whether "pause the class" holds this session now (rule FORK-4): every
   * student's fork while it is on; never the class session, nor the
   * teacher's own forks, so the teacher can demo while the class waits.
   */
  pausesWithClass(session: TrainingSession): boolean {
    return this.switches.forksFrozen && this.isStudentFork(session);
  }

  /** A fork a student owns: what the teacher's class-wide rules hold (FORK-4, LESSON-2); the teacher's own sessions are free. */
  isStudentFork(session: TrainingSession): boolean {
    return session.kind === 'fork' && session.ownerId !== this.teacherId;
  }

  /** Remove a fork; a spotlight on it goes out. */
  removeFork(id: string): TrainingSession | undefined {
    const fork = this.forks.get(id);
    this.forks.delete(id);
    if (this.switches.spotlightId === id) this.switches.spotlightId = null;
    return fork;
  }

  /**
   * Pause the class or let it go on (every student's fork, FORK-4): on
   * resume, a fork that was playing plays again if its owner is here.
   * Returns the forks whose state changed.
   */
  setForksFrozen(frozen: boolean): TrainingSession[] {
    this.switches.forksFrozen = frozen;
    const changed: TrainingSession[] = [];
    for (const fork of this.forks.values()) {
      const held = this.pausesWithClass(fork);
      if (fork.frozen === held && !(held && fork.playing)) continue;
      fork.holdForClass(held, this.roster.isOnline(fork.ownerId));
      changed.push(fork);
    }
    return changed;
  }

  /** The class status as the wire sends it to `viewer`: the switches and whose fork is spotlighted. */
  classStatus(viewer: Viewer = TEACHER_VIEW): ClassStatus {
    const { spotlightId, forksFrozen, locked, lessonControls, namesHidden, lesson } = this.switches;
    const spotlighted = spotlightId === null ? undefined : this.forks.get(spotlightId);
    const owner = spotlighted && this.roster.get(spotlighted.ownerId);
    return {
      spotlightId,
      spotlightOwner: spotlighted
        ? {
            participantId: spotlighted.ownerId,
            name: this.nameFor(viewer, spotlighted.ownerId, spotlighted.identity.ownerName),
            role: owner?.role ?? 'student',
            alias: this.roster.aliasOf(spotlighted.ownerId),
          }
        : null,
      forksFrozen,
      locked,
      lessonControls: { ...lessonControls },
      namesHidden,
      lesson: copyLesson(lesson),
    };
  }

  /** Fork summaries: every fork, or one owner's. */
  forkSummaries(ownerId?: string): ForkSummary[] {
    const forks = ownerId === undefined ? this.allForks() : this.forksOf(ownerId);
    return forks.map((fork) => fork.summary());
  }

  /** The roster as `viewer` may get it (NAMES-2). */
  rosterEntries(viewer: Viewer = TEACHER_VIEW): RosterEntry[] {
    return this.roster.entries((id) => this.forksOf(id).length, (p) => this.nameFor(viewer, p.id, p.name));
  }

  /** Note that something happened (for idle archiving). */
  touch(now: number = Date.now()): void {
    this.lastActivityAt = now;
  }

  /** The class's challenge, running or ended, or null (CHAL-1). */
  get challenge(): Challenge | null {
    return this.challengeValue;
  }

  /** Start a challenge (one running or ended before is replaced), or take one back from storage (CHAL-8). */
  startChallenge(goal: ChallengeGoal, now: number, heldOutSeed: number): Challenge {
    this.challengeValue = Challenge.start(goal, now, heldOutSeed);
    return this.challengeValue;
  }
  restoreChallenge(record: ChallengeRecord | null | undefined): void {
    this.challengeValue = record ? new Challenge(structuredClone(record)) : null;
  }

  /** The forks a challenge ranks: students' (the teacher's own demos are not in the contest). */
  challengeForks(): TrainingSession[] {
    return this.allForks().filter((fork) => this.isStudentFork(fork));
  }

  /**
   * The challenge as `viewer` may get it (CHAL-5, NAMES-2): the teacher every fork; a student the
   * ranked forks and their own, with other students' names hidden while names are hidden.
   */
  challengeView(viewer: Viewer = TEACHER_VIEW): ChallengeView | null {
    const challenge = this.challengeValue;
    if (!challenge) return null;
    const standings = challenge.standings(this.challengeForks());
    const visible = viewer.role === 'teacher' ? standings : standings.filter((s) => s.rank !== null || s.ownerId === viewer.participantId);
    return {
      goal: structuredClone(challenge.goal),
      startedAt: challenge.startedAt,
      endsAt: challenge.endsAt,
      endedAt: challenge.endedAt,
      entries: visible.map((s) => ({
        forkId: s.forkId,
        owner: { participantId: s.ownerId, name: this.nameFor(viewer, s.ownerId, s.ownerName), alias: this.roster.aliasOf(s.ownerId), role: 'student' },
        testLoss: s.testLoss,
        neurons: s.neurons,
        weights: s.weights,
        timeToTargetMs: s.timeToTargetMs,
        rank: s.rank,
        disqualified: s.disqualified,
      })),
    };
  }

  toRecord(): ClassRecord {
    return {
      ...this.record,
      lastActivityAt: this.lastActivityAt,
      status: { ...this.switches, lessonControls: { ...this.switches.lessonControls }, lesson: copyLesson(this.switches.lesson), challenge: this.challengeValue?.toRecord() ?? null },
    };
  }
}

function copyLesson(lesson: LessonState | null): LessonState | null {
  return lesson === null ? null : { ...lesson, steps: [...lesson.steps] };
}
