import { describe, expect, it } from 'vitest';
import { lostSpotlight, sessionAccess } from './session-access';

const classSession = { kind: 'class' as const, ownerId: 't1', frozen: false };
const annsFork = { kind: 'fork' as const, ownerId: 'ann', frozen: false };
const teachersFork = { kind: 'fork' as const, ownerId: 't1', frozen: false };
const teacher = { participantId: 't1', role: 'teacher' as const };
const ann = { participantId: 'ann', role: 'student' as const };
const bo = { participantId: 'bo', role: 'student' as const };

describe('sessionAccess', () => {
  it('the teacher drives the class session; a student watches it', () => {
    expect(sessionAccess(classSession, teacher, false)).toBeNull();
    expect(sessionAccess(classSession, ann, false)).toBe('watchingClass');
  });

  it('a fork is driven by its owner only: the teacher and a spotlight audience watch it', () => {
    expect(sessionAccess(annsFork, ann, false)).toBeNull();
    expect(sessionAccess(annsFork, teacher, false)).toBe('teacherWatchingFork');
    expect(sessionAccess(annsFork, bo, false)).toBe('spotlight');
    expect(sessionAccess(teachersFork, teacher, false)).toBeNull();
    expect(sessionAccess(teachersFork, bo, false)).toBe('spotlight');
  });

  it("while the class is paused a student cannot change their fork (FORK-4); the teacher's forks and the class session go on", () => {
    expect(sessionAccess(annsFork, ann, true)).toBe('frozen');
    expect(sessionAccess({ ...annsFork, frozen: true }, ann, false)).toBe('frozen');
    expect(sessionAccess(teachersFork, teacher, true)).toBeNull();
    expect(sessionAccess(teachersFork, bo, true)).toBe('spotlight');
    expect(sessionAccess(classSession, teacher, true)).toBeNull();
    expect(sessionAccess(annsFork, teacher, true)).toBe('teacherWatchingFork');
  });

  it('nobody owns anything before the welcome', () => {
    expect(sessionAccess(classSession, { participantId: null, role: null }, false)).toBe('watchingClass');
  });
});

describe('lostSpotlight', () => {
  const state = (spotlightId: string | null, role: 'student' | 'teacher' = 'student', participantId = 'bo') => ({
    activeView: { kind: 'fork' as const, id: 'fork-ann' },
    sessions: { 'fork-ann': { ownerId: 'ann' }, 'fork-bo': { ownerId: 'bo' } },
    participantId,
    identity: { role },
    classStatus: { spotlightId },
  });

  it("names the classmate's fork a student watches once the teacher stops showing it", () => {
    expect(lostSpotlight(state('fork-ann'))).toBeNull();
    expect(lostSpotlight(state(null))).toBe('fork-ann');
    expect(lostSpotlight(state('fork-bo'))).toBe('fork-ann');
  });

  it('never for the owner, the teacher, or the class session', () => {
    expect(lostSpotlight(state(null, 'student', 'ann'))).toBeNull();
    expect(lostSpotlight(state(null, 'teacher', 't1'))).toBeNull();
    expect(lostSpotlight({ ...state(null), activeView: { kind: 'class' } })).toBeNull();
  });
});
