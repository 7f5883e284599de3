import type { StateCreator } from 'zustand';
import { withSnapshot, type SessionView, type Snapshot } from '@playroom/protocol';
import type { AppState } from './app-store';

/** What the playground shows: the class session or one of my forks. */
export type ActiveView = { kind: 'class' } | { kind: 'fork'; id: string };

export interface SessionsSlice {
  sessions: Record<string, SessionView>;
  classSessionId: string | null;
  activeView: ActiveView;
  /**
   * Adds or replaces a whole session (session update, fork, watch) unless ours
   * is newer; `force` replaces it regardless (a welcome after a server restart
   * may carry an older clock from the last checkpoint).
   */
  putSession(session: SessionView, force?: boolean): void;
  setClassSession(id: string): void;
  /** folds a decoded binary snapshot into a session */
  applySnapshot(id: string, snapshot: Snapshot): void;
  removeSession(id: string): void;
  setActiveView(view: ActiveView): void;
}

export const createSessionsSlice: StateCreator<AppState, [], [], SessionsSlice> = (set) => ({
  sessions: {},
  classSessionId: null,
  activeView: { kind: 'class' },
  putSession: (session, force = false) =>
    set((s) => {
      const current = s.sessions[session.sessionId];
      if (!force && current && current.clock > session.clock) return {};
      return { sessions: { ...s.sessions, [session.sessionId]: session } };
    }),
  setClassSession: (classSessionId) => set({ classSessionId }),
  applySnapshot: (id, snapshot) =>
    set((s) => {
      const session = s.sessions[id];
      if (!session) return {};
      const next = withSnapshot(session, snapshot);
      return next === session ? {} : { sessions: { ...s.sessions, [id]: next } };
    }),
  removeSession: (id) =>
    set((s) => {
      if (!(id in s.sessions)) return {};
      const { [id]: _removed, ...rest } = s.sessions;
      const viewingIt = s.activeView.kind === 'fork' && s.activeView.id === id;
      return { sessions: rest, activeView: viewingIt ? { kind: 'class' } : s.activeView };
    }),
  setActiveView: (activeView) => set({ activeView }),
});
