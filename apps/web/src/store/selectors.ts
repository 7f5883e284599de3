import type { AppState } from './app-store';
import type { SessionView } from './sessions-slice';

/** The id of the session on screen: the class session, or the fork being viewed. */
export function selectActiveSessionId(s: AppState): string | null {
  return s.activeView.kind === 'fork' ? s.activeView.id : s.classSessionId;
}

/** The session on screen, if we have its state yet. */
export function selectActiveSession(s: AppState): SessionView | null {
  const id = selectActiveSessionId(s);
  return id ? (s.sessions[id] ?? null) : null;
}

/** Whether the viewer may only watch the session on screen (a student on the class session). */
export function selectActiveReadOnly(s: AppState): boolean {
  return s.identity?.role !== 'teacher' && s.activeView.kind === 'class';
}
