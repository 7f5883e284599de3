import type { StateCreator } from 'zustand';
import type { ChallengeView } from '@playroom/protocol';
import type { AppState } from './app-store';

/** The class's challenge as the server's `leaderboard` event last said it (CHAL-5), or null. */
export interface ChallengeSlice {
  challenge: ChallengeView | null;
  setChallenge(challenge: ChallengeView | null): void;
}

export const createChallengeSlice: StateCreator<AppState, [], [], ChallengeSlice> = (set) => ({
  challenge: null,
  setChallenge: (challenge) => set({ challenge }),
});
