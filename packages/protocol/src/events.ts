import type { CommandAck } from './acks';
import type { Command } from './schemas/command-schemas';
import type {
  ClassEnded,
  ForkRemoved,
  ForksUpdate,
  ProtocolErrorEvent,
  RosterUpdate,
  SessionUpdate,
  SnapshotMessage,
  Welcome,
} from './schemas/server-event-schemas';
import type { ClassStatus } from './schemas/state-schemas';
import type { ForkPreviewsMessage } from './fork-preview-codec';
import type { LeaderboardUpdate } from './schemas/challenge-schemas';

/** Events a client sends. */
export const ClientEvent = {
  /** every command, as `emit('command', command, ack)` */
  command: 'command',
} as const;
export type ClientEventName = (typeof ClientEvent)[keyof typeof ClientEvent];

/** Events the server sends. */
export const ServerEvent = {
  welcome: 'welcome',
  session: 'session',
  snapshot: 'snapshot',
  roster: 'roster',
  forks: 'forks',
  forkPreviews: 'forkPreviews',
  forkRemoved: 'forkRemoved',
  classStatus: 'classStatus',
  classEnded: 'classEnded',
  protocolError: 'protocolError',
  leaderboard: 'leaderboard',
} as const;
export type ServerEventName = (typeof ServerEvent)[keyof typeof ServerEvent];

/** socket.io typing for `Socket<ServerToClientEvents, ClientToServerEvents>` (client) and the reverse (server). */
export interface ServerToClientEvents {
  welcome: (welcome: Welcome) => void;
  session: (update: SessionUpdate) => void;
  snapshot: (snapshot: SnapshotMessage) => void;
  roster: (roster: RosterUpdate) => void;
  forks: (forks: ForksUpdate) => void;
  /** the teacher only (SUM-2): decode `bytes` with `decodeForkPreviews` */
  forkPreviews: (previews: ForkPreviewsMessage) => void;
  forkRemoved: (removed: ForkRemoved) => void;
  classStatus: (status: ClassStatus) => void;
  classEnded: (ended: ClassEnded) => void;
  protocolError: (error: ProtocolErrorEvent) => void;
  /** the class's challenge and its standings (CHAL-5) */
  leaderboard: (update: LeaderboardUpdate) => void;
}

export interface ClientToServerEvents {
  /** narrow the ack with `CommandAck<typeof command.type>` */
  command: (command: Command, ack: (ack: CommandAck) => void) => void;
}
