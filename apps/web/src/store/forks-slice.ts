import type { StateCreator } from 'zustand';
import type { ClassStatus, ForkSummary } from '@playroom/protocol';
import type { AppState } from './app-store';

export interface ForksSlice {
  /** the teacher: every fork in the class; a student: their own (from the fork summary stream) */
  forkSummaries: Record<string, ForkSummary>;
  classStatus: ClassStatus;
  /** merges summaries into the list; a summary older than ours (clock) is ignored */
  mergeForkSummaries(summaries: ForkSummary[]): void;
  /** replaces the whole list (welcome) */
  setForkSummaries(summaries: ForkSummary[]): void;
  removeForkSummary(sessionId: string): void;
  setClassStatus(status: ClassStatus): void;
}

/** A class with none of the teacher's switches on: what the store holds before a welcome. */
export const NO_CLASS_STATUS: ClassStatus = { spotlightId: null, spotlightOwner: null, forksFrozen: false, locked: false, lessonControls: {}, namesHidden: false };

export const createForksSlice: StateCreator<AppState, [], [], ForksSlice> = (set) => ({
  forkSummaries: {},
  classStatus: NO_CLASS_STATUS,
  setForkSummaries: (summaries) => set({ forkSummaries: Object.fromEntries(summaries.map((f) => [f.sessionId, f])) }),
  mergeForkSummaries: (summaries) =>
    set((s) => {
      const next = { ...s.forkSummaries };
      for (const f of summaries) {
        const current = next[f.sessionId];
        if (!current || current.clock <= f.clock) next[f.sessionId] = f;
      }
      return { forkSummaries: next };
    }),
  removeForkSummary: (sessionId) =>
    set((s) => {
      if (!(sessionId in s.forkSummaries)) return {};
      const { [sessionId]: _gone, ...rest } = s.forkSummaries;
      return { forkSummaries: rest };
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
