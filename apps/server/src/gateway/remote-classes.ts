import { ErrorCode, ackFailure, normalizeRoomCode, protocolError, validateCommand } from '@playroom/protocol';
import type { Command, CommandAck, LeaderboardUpdate, ProtocolError, Welcome } from '@playroom/protocol';
import type { Classroom } from '../classroom/classroom';
import type { ClassroomEventHub } from '../classroom/classroom-events';
import type { ClassroomRegistry } from '../classroom/classroom-registry';
import type { CommandExecutor, Subscriptions } from '../classroom/command-executor';
import type { Actor } from '../classroom/permissions';
import { OwnerUnreachable, type OwnerRpc } from '../cluster/owner-rpc';
import type { FanoutPort } from './fanout-port';
import { actorOf, type HandshakeResult, type SocketIdentity } from './handshake';
import { participantRooms, rooms } from './rooms';
import type { RelayedSnapshot, SnapshotPump } from './snapshot-pump';
import type { PlayroomSocket } from './types';

/** What a forwarded socket needs of the cluster (plugins/cluster.ts). */
export interface RemoteCluster {
  rpc: OwnerRpc;
  /** the INSTANCE_ID of the other live process holding the class with this code, or null */
  ownerOf(code: string): Promise<string | null>;
  awaitClass(code: string): Promise<'here' | 'elsewhere' | 'unknown'>;
  onTakeover(listener: (classId: string) => void): void;
}

/** What RemoteClasses needs of the gateway: the same admission, welcome and command handling as its own sockets. */
export interface RemoteHost {
  registry: ClassroomRegistry;
  executor: CommandExecutor;
  hub: ClassroomEventHub;
  fanout: FanoutPort;
  pump: SnapshotPump;
  admit(auth: unknown, address: string): Promise<HandshakeResult>;
  attach(classroom: Classroom, identity: SocketIdentity): { welcome: Welcome; leaderboard: LeaderboardUpdate | null };
  addressOf(socket: PlayroomSocket): string;
  serve(socket: PlayroomSocket, actor: Actor, run: (command: Command) => CommandAck | Promise<CommandAck>): void;
  detach(actor: Actor): void;
}

/** how long a forwarded handshake or command waits for the owner before the client is told it is unavailable */
const FORWARD_TIMEOUT_MS = 3000;

type Next = (error?: Error) => void;

/**
 * Sockets of classes another process owns (many processes). The handshake,
 * the attach (roster, welcome), every command and the goodbye are
 * forwarded to the owner, named by the class's lease, over Redis
 * request/response (OwnerRpc), and answered there by the same code as the
 * owner's own sockets; the owner's broadcasts reach these sockets through
 * the adapter (rooms joined here, watch/unwatch joined from the owner by
 * socket id), its snapshots through the relay (SnapshotPump.deliverRelayed,
 * with this process's own per-socket frame dropping).
 */
export class RemoteClasses {
  /** forwarded sockets: their owner process, and the socket */
  private readonly owners = new Map<string, { owner: string; socket: PlayroomSocket }>();

  constructor(
    private readonly cluster: RemoteCluster,
    private readonly host: RemoteHost,
    private readonly log: { error(obj: object, msg: string): void },
  ) {
    for (const kind of ['handshake', 'attach', 'command', 'detach'] as const) cluster.rpc.serve(kind, (payload) => this.answer(kind, payload));
    // a class this process took over: its forwarded sockets here drop their transport and come back as its own
    cluster.onTakeover((classId) => {
      for (const { socket } of this.owners.values()) if (socket.data.classId === classId) socket.conn.close();
    });
    cluster.rpc.listen((kind, payload) => {
      if (kind === 'snapshot') host.pump.deliverRelayed(payload as RelayedSnapshot);
    });
  }

  isRemote(socketId: string): boolean {
    return this.owners.has(socketId);
  }

  /** The handshake of a class this process does not hold: forwarded to its owner, or waited for (a takeover). */
  readonly middleware = (socket: PlayroomSocket, next: Next): void => {
    const code = (socket.handshake.auth as { code?: unknown }).code;
    if (typeof code !== 'string' || this.host.registry.byCode(normalizeRoomCode(code))) return next();
    this.route(socket, normalizeRoomCode(code)).then(
      (refusal) => next(refusal === null ? undefined : handshakeError(refusal)),
      (error: unknown) => {
        this.log.error({ err: error }, 'forwarding a handshake failed');
        next(handshakeError(protocolError(ErrorCode.internal, 'the server could not check this handshake')));
      },
    );
  };

  /** A forwarded socket is connected: its welcome comes from the owner, its commands go there. */
  async connected(socket: PlayroomSocket): Promise<void> {
    const owner = this.owners.get(socket.id)!.owner;
    const identity = socket.data;
    const actor = actorOf(identity);
    const call = (kind: string, payload: unknown) => this.cluster.rpc.call(owner, kind, payload, FORWARD_TIMEOUT_MS);
    socket.on('disconnect', () => {
      this.owners.delete(socket.id);
      call('detach', { actor }).catch(() => {});
    });
    let first: { welcome: Welcome; leaderboard: LeaderboardUpdate | null };
    try {
      first = (await call('attach', { identity, socketId: socket.id })) as typeof first;
    } catch {
      // the owner went away meanwhile: a dropped connection, and the client's reconnection finds the class again
      socket.conn.close();
      return;
    }
    if (!socket.connected) return;
    socket.join(participantRooms(identity));
    // local sends, so no snapshot overtakes the welcome (see SocketGateway.onConnection)
    this.host.fanout.sendLocal(socket.id, 'welcome', first.welcome);
    if (first.leaderboard) this.host.fanout.sendLocal(socket.id, 'leaderboard', first.leaderboard);
    this.host.serve(socket, actor, (command) =>
      call('command', { actor, socketId: socket.id, command }).then(
        (ack) => ack as CommandAck,
        (error: unknown) => {
          // the owner died or Redis is away: this socket reconnects, and finds the class where it is then
          if (error instanceof OwnerUnreachable) setImmediate(() => socket.conn.close());
          return ackFailure(protocolError(ErrorCode.unavailable, 'the server process training this class did not answer: reconnecting'));
        },
      ),
    );
  }

  /** null: admitted (a forwarded socket, or one whose class is here now); else the refusal. */
  private async route(socket: PlayroomSocket, code: string): Promise<ProtocolError | null> {
    const owner = await this.cluster.ownerOf(code);
    if (owner !== null) {
      try {
        const result = (await this.cluster.rpc.call(owner, 'handshake', { auth: socket.handshake.auth, address: this.host.addressOf(socket) }, FORWARD_TIMEOUT_MS)) as HandshakeResult;
        if (!result.ok) return result.error;
        socket.data = result.identity;
        this.owners.set(socket.id, { owner, socket });
        return null;
      } catch (error) {
        // its owner is gone: the class may come here (a takeover), which is waited for below
        if (!(error instanceof OwnerUnreachable)) throw error;
      }
    }
    const where = await this.cluster.awaitClass(code);
    if (where === 'elsewhere') return protocolError(ErrorCode.unavailable, 'the server process training this class does not answer: try again in a moment');
    return null;
  }

  /** The owner's side: requests from other processes about their sockets of a class this process owns. */
  private async answer(kind: 'handshake' | 'attach' | 'command' | 'detach', payload: unknown): Promise<unknown> {
    const request = payload as { auth: unknown; address: string; identity: SocketIdentity; actor: Actor; socketId: string; command: unknown };
    switch (kind) {
      case 'handshake':
        return this.host.admit(request.auth, request.address);
      case 'attach': {
        const classroom = this.host.registry.byId(request.identity.classId);
        if (!classroom) throw new Error('this process does not own the class');
        const first = this.host.attach(classroom, request.identity);
        this.host.hub.rosterChanged(classroom);
        return first;
      }
      case 'command': {
        // validated again here: the owner decides (deny by default)
        const checked = validateCommand(request.command);
        if (!checked.ok) return ackFailure(checked.error);
        if (!this.host.registry.byId(request.actor.classId)) throw new Error('this process does not own the class');
        return await this.host.executor.execute(request.actor, checked.value, remoteSubscriptions(this.host.fanout, request.socketId));
      }
      case 'detach':
        this.host.detach(request.actor);
        return null;
    }
  }
}

/** watch / unwatch of a socket on another process: joined by socket id through the adapter. */
function remoteSubscriptions(fanout: FanoutPort, socketId: string): Subscriptions {
  return {
    watch: (sessionId) => fanout.join(socketId, rooms.watching(sessionId)),
    watchSpotlighted: (forkId) => fanout.join(socketId, rooms.spotlightViewers(forkId)),
    unwatch: (sessionId) => fanout.leave(socketId, [rooms.watching(sessionId), rooms.spotlightViewers(sessionId)]),
  };
}

export function handshakeError(error: ProtocolError): Error & { data: ProtocolError } {
  return Object.assign(new Error(error.code), { data: error });
}
