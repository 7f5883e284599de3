import type { StateCreator } from 'zustand';
import type { RosterEntry } from '@playroom/protocol';
import type { AppState } from './app-store';

export interface RosterSlice {
  roster: RosterEntry[];
  /** my participant id in the class (from `welcome`) */
  participantId: string | null;
  setRoster(roster: RosterEntry[]): void;
  setParticipantId(id: string | null): void;
}

export const createRosterSlice: StateCreator<AppState, [], [], RosterSlice> = (set) => ({
  roster: [],
  participantId: null,
  setRoster: (roster) => set({ roster }),
  setParticipantId: (participantId) => set({ participantId }),
});

/** Students who have joined (online or not): the teacher's "joined" count. */
export const selectStudentCount = (s: AppState): number => s.roster.filter((r) => r.role === 'student').length;

/** Students connected right now. */
export const selectOnlineStudentCount = (s: AppState): number =>
  s.roster.filter((r) => r.role === 'student' && r.online).length;
