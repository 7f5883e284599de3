import { create } from 'zustand';
import { createChallengeSlice, type ChallengeSlice } from './challenge-slice';
import { createCommandsSlice, type CommandsSlice } from './commands-slice';
import { createConnectionSlice, type ConnectionSlice } from './connection-slice';
import { NO_CLASS_STATUS, createForksSlice, type ForksSlice } from './forks-slice';
import { createIdentitySlice, type IdentitySlice } from './identity-slice';
import { createRosterSlice, type RosterSlice } from './roster-slice';
import { createSessionsSlice, type SessionsSlice } from './sessions-slice';

/** The whole client state: one store made of slices. */
export type AppState = ConnectionSlice & IdentitySlice & SessionsSlice & RosterSlice & ForksSlice & CommandsSlice & ChallengeSlice & ClassLifecycle;

interface ClassLifecycle {
  /** forgets everything about the current class (left it, or switched to another) */
  resetClassState(): void;
}

/** Builds a fresh store (the app uses one; tests make their own). */
export function createAppStore() {
  return create<AppState>()((...a) => ({
    ...createConnectionSlice(...a),
    ...createIdentitySlice(...a),
    ...createSessionsSlice(...a),
    ...createRosterSlice(...a),
    ...createForksSlice(...a),
    ...createCommandsSlice(...a),
    ...createChallengeSlice(...a),
    resetClassState: () =>
      a[0]({
        joined: false,
        joinError: null,
        joinUrl: null,
        identity: null,
        sessions: {},
        classSessionId: null,
        activeView: { kind: 'class' },
        roster: [],
        participantId: null,
        forkSummaries: {},
        forkPreviews: {},
        forkProgressAt: {},
        classStatus: NO_CLASS_STATUS,
        commands: {},
        challenge: null,
      }),
  }));
}

export type AppStore = ReturnType<typeof createAppStore>;

/** The app's store. */
export const useAppStore = createAppStore();
