import type { AppState } from './app-store';
import type { SessionView } from '@playroom/protocol';

/** The id of the session on screen: the class session, or the fork being viewed. */
export function selectActiveSessionId(s: AppState): string | null {
  return s.activeView.kind === 'fork' ? s.activeView.id : s.classSessionId;
}

/** The session on screen, if we have its state yet. */
export function selectActiveSession(s: AppState): SessionView | null {
  const id = selectActiveSessionId(s);
  return id ? (s.sessions[id] ?? null) : null;
}
