import type { Server as HttpServer } from 'node:http';
import {
  ErrorCode,
  PROTOCOL_LIMITS,
  protocolError,
  type Command,
  type CommandAck,
  type LeaderboardUpdate,
  type ProtocolError,
  type Welcome,
} from '@playroom/protocol';
import type { Classroom } from '../classroom/classroom';
import { Server } from 'socket.io';
import type { ClassroomEventHub } from '../classroom/classroom-events';
import type { ClassroomRegistry } from '../classroom/classroom-registry';
import type { EndedClasses } from '../classroom/ended-classes';
import type { CommandExecutor, Subscriptions } from '../classroom/command-executor';
import type { Actor } from '../classroom/permissions';
import { welcomeFor } from '../classroom/welcome';
import type { ServerMetrics } from '../metrics/server-metrics';
import type { Cluster } from '../plugins/cluster';
import type { JoinGuard } from '../security/join-guard';
import { KeyedRateLimiter, TokenBucket } from '../security/token-bucket';
import { originPolicy, type OriginPolicy } from '../security/origin-policy';
import { clientAddress } from './client-address';
import { actorOf, authenticateHandshake, type HandshakeResult, type SocketIdentity } from './handshake';
import { socketIoFanout, type FanoutPort } from './fanout-port';
import { RecoveryAdapter } from './recovery-adapter';
import { RoomBroadcaster } from './room-broadcaster';
import { participantRooms, rooms } from './rooms';
import { RemoteClasses, handshakeError, type RemoteCluster, type RemoteHost } from './remote-classes';
import { SnapshotPump, type RelayedSnapshot } from './snapshot-pump';
import { handleSocketCommands } from './socket-commands';
import { LeaderboardPump } from './leaderboard-pump';
import type { PlayroomServer, PlayroomSocket } from './types';

export interface GatewayOptions {
  snapshotHz: number;
  /** SNAP-6: snapshot bytes per socket per second (0: no budget) */
  snapshotBytesPerSecond: number;
  maxForksPerParticipant: number;
  recoveryWindowMs: number;
  /** reverse proxies in front of the server (0: none, X-Forwarded-For is ignored) */
  trustProxy: number;
  commandRate?: { perSecond: number; burst: number };
  /** which pages may open a socket (SEC-1); default: the server's own origin and clients without Origin */
  originPolicy?: OriginPolicy;
  /**
   * New connections one address may open: a burst for a class (or a school's
   * classes after a restart) coming in at once, then a steady rate. Beyond it
   * the request is refused before its websocket upgrade, the cheap place to
   * refuse a storm (LIM-8).
   */
  connectionRate: { perSecond: number; burst: number };
  /** open sockets one participant may have (several tabs), LIM-8 */
  maxSocketsPerParticipant: number;
  /** open sockets from one address: a backstop generous enough for a school behind one NAT address, LIM-8 */
  maxSocketsPerAddress: number;
}

export interface GatewayDeps {
  registry: ClassroomRegistry;
  executor: CommandExecutor;
  hub: ClassroomEventHub;
  metrics: ServerMetrics;
  /** shared with GET /api/rooms/:code and class creation (rule HS-6) */
  joinGuard: JoinGuard;
  /** codes of classes that ended: their handshake is refused classEnded, not roomNotFound (HS-3) */
  endedClasses: EndedClasses;
  /** true once storage committed what is queued (a new participant), false when it did not: a token handed out survives a restart (PERSIST-5) */
  committed: () => Promise<boolean>;
  /** a class's join link at the server's public URL, for the welcome (JOIN-4) */
  joinUrl: (code: string) => string;
  /** a snapshot round went out (the scheduler's roundDue: the training workers send what they trained) */
  snapshotRoundSent: () => void;
  log: { warn(obj: object, msg: string): void; error(obj: object, msg: string): void };
  /** many processes (REDIS_URL): the socket.io adapter, and waiting for a class this process may take over */
  cluster?: Pick<Cluster, 'adapter'> & RemoteCluster;
}

/** One address may send this many times one socket's command rate: a school's classes behind one NAT address (LIM-8). */
const ADDRESS_COMMAND_FACTOR = 50;


/** the leaderboard goes out at most once a second (CHAL-5) */
const LEADERBOARD_INTERVAL_MS = 1000;

/**
 * The socket.io side of the server: handshake, one `command` event with
 * validation, rate limit and ack, and the adaptation of sockets to the
 * classroom domain (which never sees socket.io).
 */
export class SocketGateway {
  readonly io: PlayroomServer;
  readonly pump: SnapshotPump;
  /** what broadcasting uses of socket.io (one process or many) */
  readonly fanout: FanoutPort;
  private readonly leaderboards: LeaderboardPump;
  private readonly unsubscribeLeaderboards: () => void;
  private accepting = true;
  private readonly unsubscribe: () => void;
  private readonly commandRate: { perSecond: number; burst: number };
  /** one participant's commands over all their sockets, and one address's (LIM-8) */
  private readonly participantCommands: KeyedRateLimiter;
  private readonly addressCommands: KeyedRateLimiter;
  private readonly socketsByAddress = new Map<string, number>();
  private readonly connectionAttempts: KeyedRateLimiter;
  /** many processes: sockets whose class another process owns */
  private readonly remote: RemoteClasses | null;

  constructor(
    httpServer: HttpServer,
    private readonly deps: GatewayDeps,
    private readonly options: GatewayOptions,
  ) {
    this.commandRate = options.commandRate ?? PROTOCOL_LIMITS.commandRate;
    const origins = options.originPolicy ?? originPolicy([]);
    const rate = this.commandRate;
    this.participantCommands = new KeyedRateLimiter(rate.perSecond, rate.burst);
    this.addressCommands = new KeyedRateLimiter(rate.perSecond * ADDRESS_COMMAND_FACTOR, rate.burst * ADDRESS_COMMAND_FACTOR);
    this.connectionAttempts = new KeyedRateLimiter(options.connectionRate.perSecond, options.connectionRate.burst);
    this.io = new Server(httpServer, {
      maxHttpBufferSize: PROTOCOL_LIMITS.maxMessageBytes,
      connectionStateRecovery: { maxDisconnectionDuration: options.recoveryWindowMs, skipMiddlewares: true },
      // one process: a bounded replay buffer, no snapshots, the newest state only (SNAP-5, PERM-2); many: Redis Streams
      adapter: (deps.cluster?.adapter ?? RecoveryAdapter) as never,
      allowRequest: (request, callback) => {
        const address = clientAddress(request.socket.remoteAddress ?? '', request.headers['x-forwarded-for'], options.trustProxy);
        callback(null, this.connectionAttempts.take(address));
      },
      // CORS answers only the configured origins; the server's own page needs none (SEC-1)
      cors: { origin: (origin, done) => done(null, origin !== undefined && origins.allows(origin, undefined)) },
    });
    this.fanout = socketIoFanout(this.io);
    this.pump = new SnapshotPump(this.fanout, deps.registry, deps.metrics, {
      snapshotHz: options.snapshotHz,
      snapshotBytesPerSecond: options.snapshotBytesPerSecond,
      forkSummaryIntervalMs: PROTOCOL_LIMITS.forkSummaryIntervalMs,
      forkPreviewIntervalMs: PROTOCOL_LIMITS.forkPreviewIntervalMs,
      onError: (error) => deps.log.error({ err: error }, 'snapshot pump failed'),
      roundSent: deps.snapshotRoundSent,
      ...(deps.cluster ? { relay: (snapshot: RelayedSnapshot) => deps.cluster!.rpc.broadcast('snapshot', snapshot) } : {}),
    });
    const broadcaster = new RoomBroadcaster(this.fanout, (classroom) => this.pump.forksChanged(classroom), this.pump.updates);
    this.unsubscribe = deps.hub.subscribe(broadcaster);
    this.leaderboards = new LeaderboardPump(this.fanout, deps.registry, {
      intervalMs: LEADERBOARD_INTERVAL_MS,
      onError: (error) => deps.log.error({ err: error }, 'leaderboard pump failed'),
    });
    this.unsubscribeLeaderboards = deps.hub.subscribe(this.leaderboards);
    // many processes: a class another process owns is reached through it; one on its way here is waited for
    this.remote = deps.cluster ? new RemoteClasses(deps.cluster, this.remoteHost(), deps.log) : null;
    if (this.remote) this.io.use(this.remote.middleware);
    this.io.use((socket, next) => {
      if (this.remote?.isRemote(socket.id)) return next();
      // a browser page of another site: refused before the handshake reaches the classroom (SEC-1)
      if (!origins.allows(socket.handshake.headers.origin, socket.handshake.headers.host)) {
        return next(handshakeError(protocolError(ErrorCode.forbidden, 'connections from this page are not allowed: open Playroom itself')));
      }
      this.admit(socket.handshake.auth, this.addressOf(socket)).then(
        (result) => {
          if (!result.ok) return next(handshakeError(result.error));
          socket.data = result.identity;
          next();
        },
        (error: unknown) => {
          deps.log.error({ err: error }, 'handshake failed');
          next(handshakeError(protocolError(ErrorCode.internal, 'the server could not check this handshake')));
        },
      );
    });
    this.io.on('connection', (socket) => this.onConnection(socket));
    this.pump.start();
    this.leaderboards.start();
  }

  /** Sockets currently open. */
  socketCount(): number {
    return this.io.engine.clientsCount;
  }

  /** Refuse new handshakes (shutdown). */
  stopAccepting(): void {
    this.accepting = false;
  }

  async close(): Promise<void> {
    this.accepting = false;
    this.pump.stop();
    this.leaderboards.stop();
    this.unsubscribe();
    this.unsubscribeLeaderboards();
    // close the transports, not `disconnectSockets(true)`: socket.io-client treats "io server disconnect" as final,
    // a closed transport as a network drop and reconnects by itself to the restarted server (rule PERSIST-2)
    for (const socket of this.io.sockets.sockets.values()) socket.conn.close();
    await this.io.close();
  }

  /**
   * A handshake of a class this process owns (its own sockets', or one another process forwards): the
   * checks of authenticateHandshake and LIM-8, and a new student's seat stored before the welcome (PERSIST-5).
   */
  private async admit(auth: unknown, address: string): Promise<HandshakeResult> {
    const { registry, hub } = this.deps;
    const result = authenticateHandshake(auth, address, {
      registry,
      joinGuard: this.deps.joinGuard,
      endedClasses: this.deps.endedClasses,
      accepting: () => this.accepting,
    });
    if (!result.ok) return result;
    const tooMany = this.tooManySockets(result.identity, address);
    if (tooMany) return { ok: false, error: tooMany };
    if (!result.joined || (await this.deps.committed())) return result;
    // nobody has seen this student yet: take the seat back, and tell them to try again (PERSIST-5)
    const classroom = registry.byId(result.identity.classId);
    const removed = classroom?.removeStudent(result.identity.participantId);
    if (classroom && removed) hub.participantRemoved(classroom, removed.participant);
    return { ok: false, error: protocolError(ErrorCode.storageUnavailable, 'the database is not answering: try joining again in a moment') };
  }

  /** A participant's socket connects to a class this process owns: online in the roster, and what it gets first. */
  private attach(classroom: Classroom, identity: SocketIdentity): { welcome: Welcome; leaderboard: LeaderboardUpdate | null } {
    const actor: Actor = { classId: identity.classId, participantId: identity.participantId, role: identity.role };
    classroom.roster.connect(actor.participantId);
    classroom.touch();
    const welcomeOptions = {
      joinUrl: this.deps.joinUrl(classroom.code),
      maxForksPerParticipant: this.options.maxForksPerParticipant,
      snapshotHz: this.options.snapshotHz,
      ...(identity.participantToken === undefined ? {} : { participantToken: identity.participantToken }),
    };
    const welcome = welcomeFor(classroom, actor, welcomeOptions);
    const leaderboard = classroom.challenge ? this.leaderboards.viewFor(classroom, actor.role, actor.participantId) : null;
    return { welcome, leaderboard };
  }

  /** What RemoteClasses needs of the gateway, on either side of a forwarded socket. */
  private remoteHost(): RemoteHost {
    return {
      registry: this.deps.registry,
      executor: this.deps.executor,
      hub: this.deps.hub,
      fanout: this.fanout,
      pump: this.pump,
      admit: (auth, address) => this.admit(auth, address),
      attach: (classroom, identity) => this.attach(classroom, identity),
      addressOf: (socket) => this.addressOf(socket),
      serve: (socket, actor, run) => this.serve(socket, actor, run),
      detach: (actor) => this.detach(actor),
    };
  }

  /** LIM-8: the refusal when this participant or address has as many sockets open as it may. */
  private tooManySockets(identity: { classId: string; participantId: string }, address: string): ProtocolError | null {
    const classroom = this.deps.registry.byId(identity.classId);
    const own = classroom?.roster.socketsOf(identity.participantId) ?? 0;
    if (own >= this.options.maxSocketsPerParticipant) {
      return protocolError(ErrorCode.rateLimited, 'too many open connections for one person: close a tab');
    }
    if ((this.socketsByAddress.get(address) ?? 0) >= this.options.maxSocketsPerAddress) {
      return protocolError(ErrorCode.rateLimited, 'too many open connections from this address');
    }
    return null;
  }

  /** The client address for per-address limits (X-Forwarded-For only when configured). */
  private addressOf(socket: PlayroomSocket): string {
    return clientAddress(socket.handshake.address, socket.handshake.headers['x-forwarded-for'], this.options.trustProxy);
  }

  private onConnection(socket: PlayroomSocket): void {
    if (this.remote?.isRemote(socket.id)) return void this.remote.connected(socket);
    const identity = socket.data;
    const classroom = this.deps.registry.byId(identity.classId);
    if (!classroom && this.deps.cluster) {
      // a connection recovered (no handshake) on a process that does not hold its class (yet): a dropped
      // connection to the client, which reconnects with its token and is admitted once the class is here
      socket.conn.close();
      return;
    }
    if (!classroom) {
      socket.emit('classEnded', { reason: 'archived' });
      socket.disconnect(true);
      return;
    }
    const actor = actorOf(identity);
    socket.join(participantRooms(identity));
    const { welcome, leaderboard } = this.attach(classroom, identity);
    // local sends: with the Redis adapter a room emit waits for its stream write, and the first snapshot would overtake it
    this.fanout.sendLocal(socket.id, 'welcome', welcome);
    if (leaderboard) this.fanout.sendLocal(socket.id, 'leaderboard', leaderboard);
    this.deps.hub.rosterChanged(classroom);
    const subscriptions: Subscriptions = {
      watch: (sessionId) => socket.join(rooms.watching(sessionId)),
      watchSpotlighted: (forkId) => socket.join(rooms.spotlightViewers(forkId)),
      unwatch: (sessionId) => {
        socket.leave(rooms.watching(sessionId));
        socket.leave(rooms.spotlightViewers(sessionId));
      },
    };
    this.serve(socket, actor, (command) => this.deps.executor.execute(actor, command, subscriptions));
    socket.on('disconnect', () => this.detach(actor));
  }

  /** A socket's commands under its rate limits (LIM-1, LIM-8), and its address's count of open sockets. */
  private serve(socket: PlayroomSocket, actor: Actor, run: (command: Command) => CommandAck | Promise<CommandAck>): void {
    const address = this.addressOf(socket);
    this.socketsByAddress.set(address, (this.socketsByAddress.get(address) ?? 0) + 1);
    const bucket = new TokenBucket(this.commandRate.perSecond, this.commandRate.burst);
    handleSocketCommands(socket, {
      actor,
      commandRate: this.commandRate,
      withinRates: () => bucket.take() && this.participantCommands.take(actor.participantId) && this.addressCommands.take(address),
      run,
      metrics: this.deps.metrics,
      log: this.deps.log,
    });
    socket.on('disconnect', () => {
      const left = (this.socketsByAddress.get(address) ?? 1) - 1;
      if (left > 0) this.socketsByAddress.set(address, left);
      else this.socketsByAddress.delete(address);
    });
  }

  /** A participant's socket of a class this process owns closed: the class hears who is left. */
  private detach(actor: Actor): void {
    const classroom = this.deps.registry.byId(actor.classId);
    if (!classroom) return;
    classroom.roster.disconnect(actor.participantId);
    this.deps.hub.rosterChanged(classroom);
  }
}
