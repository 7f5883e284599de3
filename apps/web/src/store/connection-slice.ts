import type { StateCreator } from 'zustand';
import type { AppState } from './app-store';

/** How the socket is doing, as the badge in the header shows it. */
export type ConnectionStatus = 'idle' | 'connecting' | 'connected' | 'reconnecting' | 'offline';

/** Why joining a class failed: a server error code (or 'network'), its text, and the handshake field it names (HS-9). */
export interface JoinError {
  code: string;
  message: string;
  field?: string;
}

export interface ConnectionSlice {
  connection: ConnectionStatus;
  /** set once the server accepted our handshake for the current class */
  joined: boolean;
  joinError: JoinError | null;
  /** where students join the current class, as the server reaches them (welcome.joinUrl); null outside a class */
  joinUrl: string | null;
  setConnection(status: ConnectionStatus): void;
  setJoined(joined: boolean): void;
  setJoinError(error: JoinError | null): void;
  setJoinUrl(joinUrl: string | null): void;
}

export const createConnectionSlice: StateCreator<AppState, [], [], ConnectionSlice> = (set) => ({
  connection: 'idle',
  joined: false,
  joinError: null,
  joinUrl: null,
  setConnection: (connection) => set({ connection }),
  setJoined: (joined) => set(joined ? { joined, joinError: null } : { joined }),
  setJoinError: (joinError) => set({ joinError }),
  setJoinUrl: (joinUrl) => set({ joinUrl }),
});
