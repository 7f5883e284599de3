import type { Role } from '@playroom/protocol';
import type { SessionView } from '@playroom/protocol';

/**
 * Why a session is on screen without working controls, so the view can say
 * the right thing (watching the class is not the same as looking at a
 * classmate's fork, or at one's own fork while the teacher paused the class).
 * The teacher's own forks never wait for "pause the class" (FORK-4).
 */
export type ReadOnlyReason =
  /** a student watching the teacher's class session */
  | 'watchingClass'
  /** a student watching the fork the teacher shows to the class */
  | 'spotlight'
  /** the teacher looking at a student's fork */
  | 'teacherWatchingFork'
  /** a student's own fork while the teacher paused the class */
  | 'frozen';

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
    // the teacher may demo on their own forks while the class waits
    if (session.kind === 'fork' && viewer.role !== 'teacher' && (forksFrozen || session.frozen)) return 'frozen';
    return null;
  }
  if (session.kind === 'class') return 'watchingClass';
  return viewer.role === 'teacher' ? 'teacherWatchingFork' : 'spotlight';
}

/** What `lostSpotlight` reads from the store. */
export interface ViewState {
  activeView: { kind: 'class' } | { kind: 'fork'; id: string };
  sessions: Record<string, Pick<SessionView, 'ownerId'>>;
  participantId: string | null;
  identity: { role: Role } | null;
  classStatus: { spotlightId: string | null };
}

/**
 * The fork a student is shown belongs to someone else and is no longer
 * spotlighted: they may not watch it any more (PERM-2), so the view should
 * go back to the class session instead of freezing on a stale picture.
 */
export function lostSpotlight(s: ViewState): string | null {
  if (s.activeView.kind !== 'fork' || s.identity?.role !== 'student') return null;
  const id = s.activeView.id;
  const shown = s.sessions[id];
  if (!shown || shown.ownerId === s.participantId || s.classStatus.spotlightId === id) return null;
  return id;
}
