import type { ClientToServerEvents, ServerToClientEvents } from '@playroom/protocol';
import type { Server, Socket } from 'socket.io';
import type { SocketIdentity } from './handshake';

// eslint-disable-next-line @typescript-eslint/no-empty-object-type
type NoInterServerEvents = {};

/** The typed socket.io server of Playroom. */
export type PlayroomServer = Server<ClientToServerEvents, ServerToClientEvents, NoInterServerEvents, SocketIdentity>;
export type PlayroomSocket = Socket<ClientToServerEvents, ServerToClientEvents, NoInterServerEvents, SocketIdentity>;
