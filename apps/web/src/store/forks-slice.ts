import type { StateCreator } from 'zustand';
import type { AppState } from './app-store';

/** One line of the teacher's fork list, from the server's fork summary stream. */
export interface ForkSummary {
  forkId: string;
  ownerName: string;
  epoch: number;
  trainLoss: number;
  testLoss: number;
  playing: boolean;
  diverged: boolean;
}

export interface ForksSlice {
  forkSummaries: Record<string, ForkSummary>;
  /** replaces the whole list (a full summary message) */
  setForkSummaries(summaries: ForkSummary[]): void;
  /** merges some summaries into the list (an incremental message) */
  mergeForkSummaries(summaries: ForkSummary[]): void;
  removeForkSummary(forkId: string): void;
}

export const createForksSlice: StateCreator<AppState, [], [], ForksSlice> = (set) => ({
  forkSummaries: {},
  setForkSummaries: (summaries) => set({ forkSummaries: Object.fromEntries(summaries.map((f) => [f.forkId, f])) }),
  mergeForkSummaries: (summaries) =>
    set((s) => {
      const next = { ...s.forkSummaries };
      for (const f of summaries) next[f.forkId] = f;
      return { forkSummaries: next };
    }),
  removeForkSummary: (forkId) =>
    set((s) => {
      const { [forkId]: _gone, ...rest } = s.forkSummaries;
      return { forkSummaries: rest };
    }),
});

/**
 * The fork list in a stable order for display: by owner name, then fork id,
 * so rows do not jump around as losses change.
 */
export function sortedForkSummaries(summaries: Record<string, ForkSummary>): ForkSummary[] {
  return Object.values(summaries).sort(
    (a, b) => a.ownerName.localeCompare(b.ownerName) || a.forkId.localeCompare(b.forkId),
  );
}
