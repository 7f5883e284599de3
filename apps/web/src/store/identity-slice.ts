import type { StateCreator } from 'zustand';
import type { AppState } from './app-store';
import { forgetIdentity, saveIdentity, type Identity } from './identity-storage';

export interface IdentitySlice {
  /** who we are in the class being shown; null outside a class */
  identity: Identity | null;
  /** sets the identity and remembers it in localStorage */
  setIdentity(identity: Identity): void;
  /** forgets the identity here and in localStorage */
  clearIdentity(): void;
}

export const createIdentitySlice: StateCreator<AppState, [], [], IdentitySlice> = (set, get) => ({
  identity: null,
  setIdentity(identity) {
    saveIdentity(identity);
    set({ identity });
  },
  clearIdentity() {
    const current = get().identity;
    if (current) forgetIdentity(current.code);
    set({ identity: null });
  },
});
