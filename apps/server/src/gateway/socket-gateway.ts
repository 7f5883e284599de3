import type { Server as HttpServer } from 'node:http';
import {
  ClientEvent,
  ErrorCode,
  PROTOCOL_LIMITS,
  normalizeRoomCode,
  ackFailure,
  protocolError,
  validateCommand,
  type CommandAck,
  type ProtocolError,
} from '@playroom/protocol';
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
import { authenticateHandshake } from './handshake';
import { socketIoFanout, type FanoutPort } from './fanout-port';
import { RecoveryAdapter } from './recovery-adapter';
import { RoomBroadcaster } from './room-broadcaster';
import { rooms } from './rooms';
import { SnapshotPump } from './snapshot-pump';
import { LeaderboardPump } from './leaderboard-pump';
import type { PlayroomServer, PlayroomSocket } from './types';

export interface GatewayOptions {
  snapshotHz: number;
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
  log: { warn(obj: object, msg: string): void; error(obj: object, msg: string): void };
  /** many processes (REDIS_URL): the socket.io adapter, and waiting for a class this process may take over */
  cluster?: Pick<Cluster, 'adapter' | 'awaitClass'>;
}

/** A socket that keeps sending after this many refusals in one second is disconnected (rule LIM-1). */
const FLOOD_FACTOR = 5;
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
      forkSummaryIntervalMs: PROTOCOL_LIMITS.forkSummaryIntervalMs,
      forkPreviewIntervalMs: PROTOCOL_LIMITS.forkPreviewIntervalMs,
      onError: (error) => deps.log.error({ err: error }, 'snapshot pump failed'),
    });
    const broadcaster = new RoomBroadcaster(this.fanout, (classroom) => this.pump.forksChanged(classroom), this.pump.updates);
    this.unsubscribe = deps.hub.subscribe(broadcaster);
    this.leaderboards = new LeaderboardPump(this.fanout, deps.registry, {
      intervalMs: LEADERBOARD_INTERVAL_MS,
      onError: (error) => deps.log.error({ err: error }, 'leaderboard pump failed'),
    });
    this.unsubscribeLeaderboards = deps.hub.subscribe(this.leaderboards);
    // many processes: a class this one does not hold may be on its way here (its owner died); wait for it, bounded
    const cluster = deps.cluster;
    if (cluster) {
      this.io.use((socket, next) => {
        const code = (socket.handshake.auth as { code?: unknown }).code;
        if (typeof code !== 'string' || deps.registry.byCode(normalizeRoomCode(code))) return next();
        cluster.awaitClass(normalizeRoomCode(code)).then(
          (where) =>
            where === 'elsewhere'
              ? next(handshakeError(protocolError(ErrorCode.unavailable, 'another server process holds this class: try again in a moment')))
              : next(),
          () => next(),
        );
      });
    }
    this.io.use((socket, next) => {
      try {
        // a browser page of another site: refused before the handshake reaches the classroom (SEC-1)
        if (!origins.allows(socket.handshake.headers.origin, socket.handshake.headers.host)) {
          return next(handshakeError(protocolError(ErrorCode.forbidden, 'connections from this page are not allowed: open Playroom itself')));
        }
        const result = authenticateHandshake(socket.handshake.auth, this.addressOf(socket), {
          registry: deps.registry,
          joinGuard: deps.joinGuard,
          endedClasses: deps.endedClasses,
          accepting: () => this.accepting,
        });
        if (!result.ok) return next(handshakeError(result.error));
        const tooMany = this.tooManySockets(result.identity, this.addressOf(socket));
        if (tooMany) return next(handshakeError(tooMany));
        socket.data = result.identity;
        if (!result.joined) return next();
        const identity = result.identity;
        deps.committed().then(
          (stored) => {
            if (stored) return next();
            // nobody has seen this student yet: take the seat back, and tell them to try again (PERSIST-5)
            const classroom = deps.registry.byId(identity.classId);
            const removed = classroom?.removeStudent(identity.participantId);
            if (classroom && removed) deps.hub.participantRemoved(classroom, removed.participant);
            next(handshakeError(protocolError(ErrorCode.storageUnavailable, 'the database is not answering: try joining again in a moment')));
          },
          (error: unknown) => {
            deps.log.error({ err: error }, 'handshake failed');
            next(handshakeError(protocolError(ErrorCode.internal, 'the server could not check this handshake')));
          },
        );
      } catch (error) {
        deps.log.error({ err: error }, 'handshake failed');
        next(handshakeError(protocolError(ErrorCode.internal, 'the server could not check this handshake')));
      }
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
    const { registry, metrics, log } = this.deps;
    const identity = socket.data;
    const classroom = registry.byId(identity.classId);
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
    const actor: Actor = { classId: identity.classId, participantId: identity.participantId, role: identity.role };
    classroom.roster.connect(actor.participantId);
    const address = this.addressOf(socket);
    this.socketsByAddress.set(address, (this.socketsByAddress.get(address) ?? 0) + 1);
    classroom.touch();
    socket.join([rooms.classOf(classroom.id), rooms.participant(actor.participantId), rooms.watching(classroom.classSession.id)]);
    if (actor.role === 'teacher') socket.join(rooms.teacherOf(classroom.id));
    const welcomeOptions = {
      joinUrl: this.deps.joinUrl(classroom.code),
      maxForksPerParticipant: this.options.maxForksPerParticipant,
      snapshotHz: this.options.snapshotHz,
      ...(identity.participantToken === undefined ? {} : { participantToken: identity.participantToken }),
    };
    socket.emit('welcome', welcomeFor(classroom, actor, welcomeOptions));
    if (classroom.challenge) socket.emit('leaderboard', this.leaderboards.viewFor(classroom, actor.role, actor.participantId));
    this.deps.hub.rosterChanged(classroom);

    const bucket = new TokenBucket(this.commandRate.perSecond, this.commandRate.burst);
    const flood = { windowStart: Date.now(), refused: 0, closing: false };
    const refuse = (error: ProtocolError, event: string, ack: unknown) => {
      metrics.refusedTotal++;
      if (typeof ack === 'function') safeAck(ack, ackFailure(error));
      else socket.emit('protocolError', { ...error, event: String(event).slice(0, 64) });
      const now = Date.now();
      if (now - flood.windowStart > 1000) Object.assign(flood, { windowStart: now, refused: 0 });
      if (++flood.refused > FLOOD_FACTOR * this.commandRate.perSecond && !flood.closing) {
        // once: the rest of this burst is dropped unanswered, and every ack already given is written first
        flood.closing = true;
        log.warn({ participantId: actor.participantId }, 'socket disconnected for flooding');
        setImmediate(() => socket.disconnect(true));
      }
    };
    const withinRates = () =>
      bucket.take() && this.participantCommands.take(actor.participantId) && this.addressCommands.take(address);

    // Every incoming event passes here first: rate limits (LIM-1, LIM-8) and unknown events (VAL-3).
    socket.use((packet, next) => {
      if (flood.closing) return;
      const [event, ...args] = packet as unknown[];
      const ack = args[args.length - 1];
      if (!withinRates()) return refuse(protocolError(ErrorCode.rateLimited, 'too many messages: slow down'), String(event), ack);
      if (event !== ClientEvent.command) {
        return refuse(protocolError(ErrorCode.unknownEvent, 'unknown event'), String(event), ack);
      }
      next();
    });

    const subscriptions: Subscriptions = {
      watch: (sessionId) => socket.join(rooms.watching(sessionId)),
      watchSpotlighted: (forkId) => socket.join(rooms.spotlightViewers(forkId)),
      unwatch: (sessionId) => {
        socket.leave(rooms.watching(sessionId));
        socket.leave(rooms.spotlightViewers(sessionId));
      },
    };
    // socket.io passes the ack as the last argument, wherever the client put it (rule ACK-1)
    socket.on(ClientEvent.command, (...args: unknown[]) => {
      metrics.commandsTotal++;
      const ack = args[args.length - 1];
      if (typeof ack !== 'function') {
        return refuse(protocolError(ErrorCode.ackRequired, 'send every command with an ack callback'), 'command', undefined);
      }
      if (args.length !== 2) {
        return refuse(protocolError(ErrorCode.badRequest, 'a command is one payload and an ack'), 'command', ack);
      }
      const checked = validateCommand(args[0]);
      if (!checked.ok) return refuse(checked.error, 'command', ack);
      const failed = (error: unknown): CommandAck => {
        log.error({ err: error, command: checked.value.type }, 'command failed');
        return ackFailure(protocolError(ErrorCode.internal, 'the server failed to run this command'));
      };
      const answer = (result: CommandAck) => {
        if (!result.ok) metrics.refusedTotal++;
        safeAck(ack, result);
      };
      let result: CommandAck | Promise<CommandAck>;
      try {
        result = this.deps.executor.execute(actor, checked.value, subscriptions);
      } catch (error) {
        result = failed(error);
      }
      // a command whose ack promises storage is answered once it is committed (PERSIST-5)
      if (result instanceof Promise) result.then(answer, (error: unknown) => answer(failed(error)));
      else answer(result);
    });

    socket.on('disconnect', () => {
      const left = (this.socketsByAddress.get(address) ?? 1) - 1;
      if (left > 0) this.socketsByAddress.set(address, left);
      else this.socketsByAddress.delete(address);
      const current = registry.byId(actor.classId);
      if (!current) return;
      current.roster.disconnect(actor.participantId);
      this.deps.hub.rosterChanged(current);
    });
  }
}

function handshakeError(error: ProtocolError): Error & { data: ProtocolError } {
  return Object.assign(new Error(error.code), { data: error });
}

function safeAck(ack: unknown, payload: CommandAck): void {
  try {
    (ack as (payload: CommandAck) => void)(payload);
  } catch {
    // an ack to a socket that just closed: nothing to tell
  }
}
