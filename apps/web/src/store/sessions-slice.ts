import type { StateCreator } from 'zustand';
import { weightNormsOf, type DivergenceKind, type TrainerConfig } from '@playroom/engine';
import type { Snapshot, Speed } from '@playroom/protocol';
import type { AppState } from './app-store';
import { appendLossPoint, type LossPoint } from './loss-history';

/** Loss, accuracy and norms as of the latest update; a loss the server could not compute is NaN. */
export interface SessionMetrics {
  trainLoss: number;
  testLoss: number;
  trainAccuracy: number | null;
  testAccuracy: number | null;
  learningRate: number;
  gradientNorms: number[];
  weightNorms: number[];
}

/** One session the client follows: the class session or a fork. */
export interface SessionView {
  id: string;
  kind: 'class' | 'fork';
  ownerId: string;
  ownerName: string;
  parentId: string | null;
  config: TrainerConfig;
  /** [inputs, ...hidden, outputs] */
  layerSizes: number[];
  params: Float32Array | Float64Array;
  epoch: number;
  /** the server's monotonic clock of the last applied update; older snapshots are dropped */
  clock: number;
  playing: boolean;
  speed: Speed;
  /** a fork the teacher froze */
  frozen: boolean;
  metrics: SessionMetrics;
  lossHistory: LossPoint[];
  /** `reason` is the engine's English; the view words it by `kind` when the server sends one */
  diverged: null | { reason: string; epoch: number; kind?: DivergenceKind };
}

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

function sameSizes(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((v, i) => v === b[i]);
}

/**
 * A session with a snapshot folded in, or the same object when the snapshot
 * is stale (clock not above ours, rule SNAP-3) or describes another network shape (it raced a
 * config change and the next one will match).
 */
export function withSnapshot(session: SessionView, snapshot: Snapshot): SessionView {
  if (snapshot.clock <= session.clock || !sameSizes(snapshot.layerSizes, session.layerSizes)) return session;
  return {
    ...session,
    clock: snapshot.clock,
    epoch: snapshot.epoch,
    params: snapshot.params,
    playing: snapshot.playing,
    diverged: snapshot.diverged ? (session.diverged ?? { reason: '', epoch: snapshot.epoch }) : null,
    metrics: {
      trainLoss: snapshot.trainLoss,
      testLoss: snapshot.testLoss,
      trainAccuracy: snapshot.trainAccuracy,
      testAccuracy: snapshot.testAccuracy,
      learningRate: snapshot.learningRate,
      gradientNorms: Array.from(snapshot.gradientNorms),
      weightNorms: weightNormsOf(snapshot.params, session.layerSizes),
    },
    lossHistory: appendLossPoint(session.lossHistory, {
      epoch: snapshot.epoch,
      trainLoss: snapshot.trainLoss,
      testLoss: snapshot.testLoss,
    }),
  };
}

export const createSessionsSlice: StateCreator<AppState, [], [], SessionsSlice> = (set) => ({
  sessions: {},
  classSessionId: null,
  activeView: { kind: 'class' },
  putSession: (session, force = false) =>
    set((s) => {
      const current = s.sessions[session.id];
      if (!force && current && current.clock > session.clock) return {};
      return { sessions: { ...s.sessions, [session.id]: session } };
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
