import type { StateCreator } from 'zustand';
import type { TrainerConfig } from '@playroom/engine';
import type { AppState } from './app-store';
import { appendLossPoint, type LossPoint } from './loss-history';

/** Loss, accuracy and norms as of the latest snapshot. */
export interface SessionMetrics {
  trainLoss: number;
  testLoss: number;
  trainAccuracy?: number;
  testAccuracy?: number;
  gradientNorms: number[];
  weightNorms: number[];
}

/** One session the client follows: the class session or one of my forks. */
export interface SessionView {
  id: string;
  kind: 'class' | 'fork';
  /** the fork's owner (forks only) */
  ownerName?: string;
  config: TrainerConfig;
  params: Float32Array | Float64Array;
  epoch: number;
  metrics: SessionMetrics;
  lossHistory: LossPoint[];
  playing: boolean;
  speed: number;
  diverged: null | { reason: string; epoch: number };
  /** the server's monotonic clock of the last applied update; older snapshots are dropped */
  clock: number;
}

/** A decoded training snapshot: what changes every frame. */
export interface SessionSnapshot {
  clock: number;
  epoch: number;
  params: Float32Array | Float64Array;
  metrics: SessionMetrics;
  diverged?: null | { reason: string; epoch: number };
}

/** What the playground shows: the class session or one of my forks. */
export type ActiveView = { kind: 'class' } | { kind: 'fork'; id: string };

export interface SessionsSlice {
  sessions: Record<string, SessionView>;
  classSessionId: string | null;
  /** forks this participant owns, oldest first */
  myForkIds: string[];
  activeView: ActiveView;
  /** adds or replaces a whole session (join, fork, restore) */
  putSession(session: SessionView): void;
  setClassSession(id: string): void;
  addMyFork(id: string): void;
  /** applies a snapshot unless it is older than what we have */
  applySnapshot(id: string, snapshot: SessionSnapshot): void;
  /** merges a state change (config, playing, speed...) */
  patchSession(id: string, patch: Partial<Omit<SessionView, 'id' | 'kind'>>): void;
  removeSession(id: string): void;
  setActiveView(view: ActiveView): void;
}

/** A session with a snapshot folded in: pure, so the net module and tests share it. */
export function withSnapshot(session: SessionView, snapshot: SessionSnapshot): SessionView {
  if (snapshot.clock < session.clock) return session;
  return {
    ...session,
    clock: snapshot.clock,
    epoch: snapshot.epoch,
    params: snapshot.params,
    metrics: snapshot.metrics,
    diverged: snapshot.diverged === undefined ? session.diverged : snapshot.diverged,
    lossHistory: appendLossPoint(session.lossHistory, {
      epoch: snapshot.epoch,
      trainLoss: snapshot.metrics.trainLoss,
      testLoss: snapshot.metrics.testLoss,
    }),
  };
}

export const createSessionsSlice: StateCreator<AppState, [], [], SessionsSlice> = (set) => ({
  sessions: {},
  classSessionId: null,
  myForkIds: [],
  activeView: { kind: 'class' },
  putSession: (session) => set((s) => ({ sessions: { ...s.sessions, [session.id]: session } })),
  setClassSession: (classSessionId) => set({ classSessionId }),
  addMyFork: (id) => set((s) => (s.myForkIds.includes(id) ? {} : { myForkIds: [...s.myForkIds, id] })),
  applySnapshot: (id, snapshot) =>
    set((s) => {
      const session = s.sessions[id];
      if (!session) return {};
      const next = withSnapshot(session, snapshot);
      return next === session ? {} : { sessions: { ...s.sessions, [id]: next } };
    }),
  patchSession: (id, patch) =>
    set((s) => {
      const session = s.sessions[id];
      if (!session) return {};
      return { sessions: { ...s.sessions, [id]: { ...session, ...patch } } };
    }),
  removeSession: (id) =>
    set((s) => {
      if (!(id in s.sessions)) return {};
      const { [id]: _removed, ...rest } = s.sessions;
      const activeView: ActiveView = s.activeView.kind === 'fork' && s.activeView.id === id ? { kind: 'class' } : s.activeView;
      return { sessions: rest, myForkIds: s.myForkIds.filter((f) => f !== id), activeView };
    }),
  setActiveView: (activeView) => set({ activeView }),
});
