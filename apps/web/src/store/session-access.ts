import type { Role } from '@playroom/protocol';
import type { SessionView } from './sessions-slice';

/**
 * Why a session is on screen without working controls, so the view can say
 * the right thing (watching the class is not the same as looking at a
 * classmate's fork, or at one's own fork while the teacher paused the class).
 */
export type ReadOnlyReason =
  /** a student watching the teacher's class session */
  | 'watchingClass'
  /** a student watching the fork the teacher shows to the class */
  | 'spotlight'
  /** the teacher looking at a student's fork */
  | 'teacherWatchingFork'
  /** my own fork while every fork is paused by the teacher (a student) */
  | 'frozen'
  /** my own fork while I (the teacher) paused every fork */
  | 'frozenByMe';

/** Who is looking: their participant id and role (null before the welcome). */
export interface Viewer {
  participantId: string | null;
  role: Role | null;
}

/**
 * Whether the viewer may drive this session, and if not, why. Mirrors the
 * server's rules (PERM-1, FORK-4) so the controls say what the server would
 * refuse; the server stays the guard.
 */
export function sessionAccess(session: Pick<SessionView, 'kind' | 'ownerId' | 'frozen'>, viewer: Viewer, forksFrozen: boolean): ReadOnlyReason | null {
  const owner = viewer.participantId !== null && session.ownerId === viewer.participantId;
  if (owner) {
    if (session.kind === 'fork' && (forksFrozen || session.frozen)) return viewer.role === 'teacher' ? 'frozenByMe' : 'frozen';
    return null;
  }
  if (session.kind === 'class') return 'watchingClass';
  return viewer.role === 'teacher' ? 'teacherWatchingFork' : 'spotlight';
}
