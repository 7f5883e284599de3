import { DEFAULT_CONFIG } from '@playroom/engine';
import { describe, expect, it } from 'vitest';
import { Classroom } from './classroom';
import type { Participant } from './roster';
import { TrainingSession, type SessionIdentity } from './training-session';

const person = (id: string, role: Participant['role']): Participant => ({ id, classId: 'c', name: id, role, tokenHash: `h_${id}`, joinedAt: 0 });
const teacher = person('p_teacher', 'teacher');
const ana = person('p_ana', 'student');
const identity = (id: string, owner: Participant, kind: SessionIdentity['kind'] = 'fork'): SessionIdentity => ({
  id,
  classId: 'c',
  kind,
  ownerId: owner.id,
  ownerName: owner.name,
  parentId: kind === 'fork' ? 'c' : null,
  forkedAtEpoch: kind === 'fork' ? 0 : null,
  createdAt: 0,
});

function classroomWithForks() {
  const classSession = TrainingSession.create(identity('c', teacher, 'class'), DEFAULT_CONFIG);
  const classroom = new Classroom({ id: 'c', code: 'ABCDEF', teacherName: 'T', createdAt: 0 }, classSession, teacher);
  classroom.roster.add(ana);
  const teachers = classSession.forkAs(identity('f_teacher', teacher));
  const anas = classSession.forkAs(identity('f_ana', ana));
  for (const fork of [teachers, anas]) {
    classroom.addFork(fork);
    fork.play();
  }
  return { classroom, classSession, teachers, anas };
}

describe('Classroom', () => {
  it("FORK-4: pausing the class holds every student's fork, not the teacher's own nor the class session", () => {
    const { classroom, classSession, teachers, anas } = classroomWithForks();
    classSession.play();
    expect(classroom.setForksFrozen(true)).toEqual([anas]);
    expect({ playing: anas.playing, frozen: anas.frozen }).toEqual({ playing: false, frozen: true });
    expect({ playing: teachers.playing, frozen: teachers.frozen }).toEqual({ playing: true, frozen: false });
    expect(classSession.playing).toBe(true);
    expect([classSession, teachers, anas].map((s) => classroom.pausesWithClass(s))).toEqual([false, false, true]);
    // forks made while the class is paused: the teacher's is free, a student's waits
    classroom.addFork(anas.forkAs(identity('f_teacher_2', teacher)));
    classroom.addFork(teachers.forkAs(identity('f_ana_2', ana)));
    expect(classroom.session('f_teacher_2')!.frozen).toBe(false);
    expect(classroom.session('f_ana_2')!.frozen).toBe(true);
    expect(classroom.setForksFrozen(false).map((s) => s.id)).toEqual(['f_ana', 'f_ana_2']);
    expect(classroom.allForks().every((fork) => !fork.frozen)).toBe(true);
  });

  it('SPOT-1: the class status names the spotlighted fork’s owner and role', () => {
    const { classroom } = classroomWithForks();
    expect(classroom.classStatus().spotlightOwner).toBeNull();
    classroom.setSpotlight('f_teacher');
    expect(classroom.classStatus()).toEqual({
      spotlightId: 'f_teacher',
      spotlightOwner: { participantId: 'p_teacher', name: 'p_teacher', role: 'teacher', alias: 0 },
      forksFrozen: false,
      locked: false,
      lessonControls: {},
      namesHidden: false,
      lesson: null,
    });
    classroom.setSpotlight('f_ana');
    expect(classroom.classStatus().spotlightOwner).toEqual({ participantId: 'p_ana', name: 'p_ana', role: 'student', alias: 1 });
    classroom.removeFork('f_ana');
    expect(classroom.classStatus()).toMatchObject({ spotlightId: null, spotlightOwner: null });
  });

  it('only a fork of this class can be spotlighted; the class session and unknown ids are refused', () => {
    const { classroom } = classroomWithForks();
    expect(classroom.setSpotlight(classroom.classSession.id)).toBe(false);
    expect(classroom.setSpotlight('nope')).toBe(false);
    expect(classroom.spotlightId).toBeNull();
    expect(classroom.setSpotlight('f_ana')).toBe(true);
    expect(classroom.setSpotlight(null)).toBe(true);
    expect(classroom.spotlightId).toBeNull();
  });

  it('LESSON-1: lesson controls keep only what is not open, hold students’ forks only, and reach the record as a copy', () => {
    const { classroom, classSession, teachers, anas } = classroomWithForks();
    classroom.setLessonControls({ noise: 'open', learningRate: 'locked', features: 'hidden' });
    expect(classroom.lessonControls).toEqual({ features: 'hidden', learningRate: 'locked' });
    expect(classroom.classStatus().lessonControls).toEqual({ features: 'hidden', learningRate: 'locked' });
    expect([classSession, teachers, anas].map((s) => classroom.isStudentFork(s))).toEqual([false, false, true]);
    const record = classroom.toRecord();
    classroom.setLessonControls({});
    expect(record.status.lessonControls).toEqual({ features: 'hidden', learningRate: 'locked' });
    expect(classroom.classStatus().lessonControls).toEqual({});
  });
});
