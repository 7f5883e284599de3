import type { StateCreator } from 'zustand';
import type { ClassStatus, ForkPreview, ForkSummary } from '@playroom/protocol';
import type { AppState } from './app-store';

export interface ForksSlice {
  /** the teacher: every fork in the class; a student: their own (from the fork summary stream) */
  forkSummaries: Record<string, ForkSummary>;
  classStatus: ClassStatus;
  /** the teacher: each fork's latest preview (quantized weights, SUM-2), for the dashboard's mini heatmaps */
  forkPreviews: Record<string, ForkPreview>;
  /** when (Date.now(), this browser's clock) each fork's epoch last moved, or it was first seen: the dashboard's "activity" */
  forkProgressAt: Record<string, number>;
  /** keeps the newer of each fork's previews (by clock) */
  mergeForkPreviews(previews: ForkPreview[]): void;
  /** merges summaries into the list; a summary older than ours (clock) is ignored */
  mergeForkSummaries(summaries: ForkSummary[]): void;
  /** replaces the whole list (welcome) */
  setForkSummaries(summaries: ForkSummary[]): void;
  removeForkSummary(sessionId: string): void;
  setClassStatus(status: ClassStatus): void;
}

/** A class with none of the teacher's switches on: what the store holds before a welcome. */
export const NO_CLASS_STATUS: ClassStatus = { spotlightId: null, spotlightOwner: null, forksFrozen: false, locked: false, lessonControls: {}, namesHidden: false, lesson: null };

/** The progress times after `summaries` replace or update `before`: a fork whose epoch moved (or is new) progressed now. */
function progressed(
  before: Record<string, ForkSummary>,
  times: Record<string, number>,
  summaries: readonly ForkSummary[],
  now: number,
): Record<string, number> {
  let next: Record<string, number> | null = null;
  for (const f of summaries) {
    if (before[f.sessionId]?.epoch === f.epoch && f.sessionId in times) continue;
    next ??= { ...times };
    next[f.sessionId] = now;
  }
  return next ?? times;
}

function without<T>(record: Record<string, T>, key: string): Record<string, T> {
  if (!(key in record)) return record;
  const { [key]: _gone, ...rest } = record;
  return rest;
}

export const createForksSlice: StateCreator<AppState, [], [], ForksSlice> = (set) => ({
  forkSummaries: {},
  classStatus: NO_CLASS_STATUS,
  forkPreviews: {},
  forkProgressAt: {},
  setForkSummaries: (summaries) =>
    set((s) => {
      const forkSummaries = Object.fromEntries(summaries.map((f) => [f.sessionId, f]));
      const times = Object.fromEntries(Object.entries(s.forkProgressAt).filter(([id]) => id in forkSummaries));
      const previews = Object.fromEntries(Object.entries(s.forkPreviews).filter(([id]) => id in forkSummaries));
      return { forkSummaries, forkPreviews: previews, forkProgressAt: progressed(s.forkSummaries, times, summaries, Date.now()) };
    }),
  mergeForkSummaries: (summaries) =>
    set((s) => {
      const next = { ...s.forkSummaries };
      const accepted: ForkSummary[] = [];
      for (const f of summaries) {
        const current = next[f.sessionId];
        if (!current || current.clock <= f.clock) {
          next[f.sessionId] = f;
          accepted.push(f);
        }
      }
      return { forkSummaries: next, forkProgressAt: progressed(s.forkSummaries, s.forkProgressAt, accepted, Date.now()) };
    }),
  mergeForkPreviews: (previews) =>
    set((s) => {
      const next = { ...s.forkPreviews };
      for (const p of previews) {
        const current = next[p.sessionId];
        if (!current || current.clock <= p.clock) next[p.sessionId] = p;
      }
      return { forkPreviews: next };
    }),
  removeForkSummary: (sessionId) =>
    set((s) => {
      if (!(sessionId in s.forkSummaries)) return {};
      return {
        forkSummaries: without(s.forkSummaries, sessionId),
        forkPreviews: without(s.forkPreviews, sessionId),
        forkProgressAt: without(s.forkProgressAt, sessionId),
      };
    }),
  setClassStatus: (classStatus) => set({ classStatus }),
});

/**
 * The fork list in a stable order for display: by owner name, then in the
 * order the forks appeared (the sort is stable), so rows do not jump around
 * while losses change and "Ann 1" comes before "Ann 2".
 */
export function sortedForkSummaries(summaries: Record<string, ForkSummary>): ForkSummary[] {
  return Object.values(summaries).sort((a, b) => a.ownerName.localeCompare(b.ownerName));
}

/**
 * Each fork's number among its owner's forks (1, 2, …), in the order the
 * server first reported them: "Ann 2" tells two forks of Ann apart.
 */
export function forkOrdinals(summaries: Record<string, ForkSummary>): Record<string, number> {
  const perOwner = new Map<string, number>();
  const ordinals: Record<string, number> = {};
  for (const f of Object.values(summaries)) {
    const n = (perOwner.get(f.ownerId) ?? 0) + 1;
    perOwner.set(f.ownerId, n);
    ordinals[f.sessionId] = n;
  }
  return ordinals;
}

/** My own forks, in the order the server first reported them. */
export function myForks(summaries: Record<string, ForkSummary>, participantId: string | null): ForkSummary[] {
  if (!participantId) return [];
  return Object.values(summaries).filter((f) => f.ownerId === participantId);
}
