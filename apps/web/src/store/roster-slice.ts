import type { StateCreator } from 'zustand';
import type { AppState } from './app-store';

/** Somebody in the class, as the roster shows them. */
export interface RosterEntry {
  id: string;
  name: string;
  role: 'teacher' | 'student';
  online: boolean;
}

export interface RosterSlice {
  roster: RosterEntry[];
  setRoster(roster: RosterEntry[]): void;
  /** adds a participant or updates the one with the same id */
  upsertParticipant(entry: RosterEntry): void;
  removeParticipant(id: string): void;
}

export const createRosterSlice: StateCreator<AppState, [], [], RosterSlice> = (set) => ({
  roster: [],
  setRoster: (roster) => set({ roster }),
  upsertParticipant: (entry) =>
    set((s) => {
      const index = s.roster.findIndex((r) => r.id === entry.id);
      if (index < 0) return { roster: [...s.roster, entry] };
      const roster = s.roster.slice();
      roster[index] = entry;
      return { roster };
    }),
  removeParticipant: (id) => set((s) => ({ roster: s.roster.filter((r) => r.id !== id) })),
});

/** Students in the roster (the teacher's "joined" count). */
export const selectStudentCount = (s: AppState): number => s.roster.filter((r) => r.role === 'student').length;

/** Students connected right now. */
export const selectOnlineStudentCount = (s: AppState): number =>
  s.roster.filter((r) => r.role === 'student' && r.online).length;
