import { io, type Socket } from 'socket.io-client';
import {
  ServerEvent,
  type ClassEnded,
  type ClientToServerEvents,
  type CommandAck,
  type CommandOf,
  type CommandType,
  type ServerToClientEvents,
} from '@playroom/protocol';
import type { JoinError } from '../store/connection-slice';
import type { AppState } from '../store/app-store';
import type { Identity } from '../store/identity-storage';
import { keepEndedWork } from '../store/kept-work';
import { lostSpotlight } from '../store/session-access';
import {
  applyClassStatus,
  applyLeaderboard,
  applyForkRemoved,
  applyForkPreviews,
  applyForks,
  applyRoster,
  applySessionUpdate,
  applySnapshotMessage,
  applyWelcome,
} from './apply-server-events';
import { CommandRunner, type CommandChannel } from './command-runner';
import { handshakeFor, isTransientRefusal } from './handshake';
import { sessionViewFromState } from '@playroom/protocol';
import { rememberShownFork, shownForkBefore } from './view-memory';

type ClassSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/** Reconnection attempts shown as "reconnecting" before the badge says "offline". */
const ATTEMPTS_BEFORE_OFFLINE = 3;
const REFUSAL_RETRY_MS = 2000;
const RECONNECT_AFTER_KICK_MS = 1000;

/**
 * Why we are out, from `classEnded`: the class is over for everyone
 * (`classEnded`), or the teacher took this student out (`removed`, CMD-9).
 * Both are final; the page says which.
 */
export function classEndedError(ended: ClassEnded): JoinError {
  return ended.reason === 'removed'
    ? { code: 'removed', message: 'the teacher removed you from this class' }
    : { code: 'classEnded', message: `the class has ended (${ended.reason})` };
}

/** Whether the browser knows it has no network (then the badge says offline at once). */
const browserOffline = () => typeof navigator !== 'undefined' && navigator.onLine === false;

interface Store {
  getState(): AppState;
}

/**
 * The one owner of socket.io-client. It joins a class with an identity,
 * writes every server event into the store, keeps the connection alive
 * across server restarts and lost Wi-Fi (re-handshaking with the saved
 * token), and sends commands with acks.
 */
export class ClassConnection {
  private socket: ClassSocket | null = null;
  private identity: Identity | null = null;
  private joinWaiters: { resolve(): void; reject(error: JoinError): void }[] = [];
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private everWelcomed = false;
  readonly commands: CommandRunner;

  private readonly url: string;

  /** `url`: the server (default: this page's origin); `commandTimeoutMs`: how long an ack may take. */
  constructor(
    private readonly store: Store,
    options: { url?: string; commandTimeoutMs?: number } = {},
  ) {
    this.url = options.url ?? '';
    this.commands = new CommandRunner(store, () => this.channel(), options.commandTimeoutMs);
  }

  /** The identity of the class we are in (or joining), if any. */
  get currentIdentity(): Identity | null {
    return this.identity;
  }

  /**
   * Joins a class. Resolves at the first `welcome`, rejects at the first
   * refusal or failure to reach the server (the connection keeps retrying a
   * transient one; call leave() to stop). Joining the class we are already
   * in (same code and role) reuses the connection.
   */
  join(identity: Identity): Promise<void> {
    const same = this.identity && this.identity.code === identity.code && this.identity.role === identity.role;
    if (same && this.socket) {
      if (this.store.getState().joined) return Promise.resolve();
      return new Promise((resolve, reject) => this.joinWaiters.push({ resolve, reject }));
    }
    this.leave();
    this.identity = identity;
    const s = this.store.getState();
    s.resetClassState();
    s.setIdentity(identity);
    const shownFork = shownForkBefore(identity.code);
    if (shownFork) s.setActiveView({ kind: 'fork', id: shownFork });
    s.setConnection('connecting');
    const promise = new Promise<void>((resolve, reject) => this.joinWaiters.push({ resolve, reject }));
    this.open();
    return promise;
  }

  /** Leaves the class: closes the socket and clears the class from the store (the saved identity stays). */
  leave(): void {
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
    const socket = this.socket;
    this.socket = null;
    this.identity = null;
    this.everWelcomed = false;
    if (socket) {
      socket.removeAllListeners();
      socket.io.removeAllListeners();
      socket.disconnect();
    }
    this.rejectWaiters({ code: 'left', message: 'left the class' });
    this.store.getState().resetClassState();
    this.store.getState().setConnection('idle');
  }

  /** Sends a command; resolves with its ack, which the commands slice also tracks. */
  send<T extends CommandType>(command: CommandOf<T>): Promise<CommandAck<T>> {
    return this.commands.send(command);
  }

  /** Starts following a session (a fork): its full state arrives in the ack, then updates and snapshots. */
  async watch(sessionId: string): Promise<boolean> {
    const ack = await this.send<'watch'>({ type: 'watch', sessionId });
    if (!ack.ok) return false;
    this.store.getState().putSession(sessionViewFromState(ack.session), true);
    return true;
  }

  private channel(): CommandChannel | null {
    const socket = this.socket;
    if (!socket) return null;
    return {
      get connected() {
        return socket.connected;
      },
      emitCommand(command, timeoutMs, done) {
        socket.timeout(timeoutMs).emit('command', command, (err: Error | null, ack: CommandAck) => done(err, ack));
      },
    };
  }

  private open(): void {
    const socket: ClassSocket = io(this.url, {
      // the auth callback runs at every (re)connection, so a token saved since is used
      auth: (cb) => cb(this.identity ? handshakeFor(this.identity) : {}),
      // the room code in the handshake URL, where a load balancer routes a class to its server (never the token: SEC-5)
      query: this.identity ? { room: this.identity.code } : {},
      transports: ['websocket'],
      reconnectionDelay: 500,
      reconnectionDelayMax: 3000,
    });
    this.socket = socket;
    const store = this.store;

    socket.on(ServerEvent.welcome, (welcome) => {
      if (!this.identity) return;
      const identity = applyWelcome(store, welcome, this.identity);
      this.identity = identity;
      store.getState().setIdentity(identity);
      store.getState().setConnection('connected');
      this.everWelcomed = true;
      this.resolveWaiters();
      this.rewatchActiveFork();
    });
    socket.on(ServerEvent.session, (update) => applySessionUpdate(store, update));
    socket.on(ServerEvent.snapshot, (message) => {
      if (!applySnapshotMessage(store, message)) console.warn('playroom: dropped a malformed snapshot');
    });
    socket.on(ServerEvent.roster, (update) => applyRoster(store, update));
    socket.on(ServerEvent.forks, (update) => applyForks(store, update));
    socket.on(ServerEvent.forkPreviews, (message) => {
      if (!applyForkPreviews(store, message)) console.warn('playroom: dropped a malformed fork preview batch');
    });
    socket.on(ServerEvent.forkRemoved, (removed) => applyForkRemoved(store, removed));
    socket.on(ServerEvent.classStatus, (status) => {
      applyClassStatus(store, status);
      const lost = lostSpotlight(store.getState());
      if (lost) this.dropForeignFork(lost);
    });
    socket.on(ServerEvent.classEnded, (ended) => {
      // the student's own forks as they ended, kept before anything else so nothing is lost (CMD-7)
      if (this.identity) keepEndedWork(this.identity, ended, store.getState().classSessionId);
      this.fail(classEndedError(ended));
    });
    socket.on(ServerEvent.leaderboard, (update) => applyLeaderboard(store, update));
    socket.on(ServerEvent.protocolError, (error) => console.warn('playroom: protocol error', error));

    socket.on('disconnect', (reason) => {
      if (reason === 'io client disconnect') return;
      store.getState().setConnection(browserOffline() ? 'offline' : 'reconnecting');
      // socket.io does not retry when the server hung up on purpose (e.g. shutting down for a
      // restart); an ended class says so first (classEnded), so anything else is worth a retry
      if (reason === 'io server disconnect') this.scheduleRetry(RECONNECT_AFTER_KICK_MS);
    });
    socket.io.on('reconnect_attempt', (attempt) => {
      const offline = browserOffline() || attempt > ATTEMPTS_BEFORE_OFFLINE;
      store.getState().setConnection(offline ? 'offline' : 'reconnecting');
    });
    socket.on('connect_error', (err: Error & { data?: { code?: string; message?: string; field?: string } }) => {
      if (socket.active) {
        // a transport failure: socket.io retries by itself
        if (!this.everWelcomed) this.rejectWaiters({ code: 'network', message: err.message });
        if (store.getState().connection !== 'offline') store.getState().setConnection(this.everWelcomed ? 'reconnecting' : 'connecting');
        return;
      }
      const code = err.data?.code ?? err.message;
      const message = err.data?.message ?? err.message;
      const field = err.data?.field;
      this.onRefusal(field === undefined ? { code, message } : { code, message, field });
    });
  }

  /** The server refused the handshake: retry what may pass later, give up on the rest. */
  private onRefusal(error: JoinError): void {
    const identity = this.identity;
    if (!identity || !this.socket) return;
    if (isTransientRefusal(error.code)) {
      if (!this.everWelcomed) this.rejectWaiters(error);
      this.store.getState().setConnection('reconnecting');
      this.scheduleRetry(REFUSAL_RETRY_MS);
      return;
    }
    if (error.code === 'badToken' && identity.role === 'student' && identity.token && identity.name) {
      // the saved place is gone (e.g. the class was restored without it): join again by name
      this.identity = { ...identity, token: null };
      this.store.getState().setIdentity(this.identity);
      this.socket.connect();
      return;
    }
    this.fail(error);
  }

  private scheduleRetry(delayMs: number): void {
    if (this.retryTimer) clearTimeout(this.retryTimer);
    // jitter: a class behind one school address must not come back in lockstep (joins share a budget, HS-6)
    const jittered = delayMs * (0.75 + Math.random() * 0.5);
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      if (this.socket && !this.socket.connected) this.socket.connect();
    }, jittered);
  }

  /** Stops for good with an error the page shows. */
  private fail(error: JoinError): void {
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
    const socket = this.socket;
    if (socket) {
      socket.removeAllListeners();
      socket.io.removeAllListeners();
      socket.disconnect();
    }
    this.socket = null;
    this.rejectWaiters(error);
    const s = this.store.getState();
    s.setJoined(false);
    s.setJoinError(error);
    s.setConnection('idle');
  }

  /** Back to the class session from a classmate's fork we may no longer watch (the server already stopped sending it). */
  private dropForeignFork(forkId: string): void {
    if (this.identity) rememberShownFork(this.identity.code, null);
    this.store.getState().removeSession(forkId);
  }

  /** After a (re)connection the server watches only the class session for us (JOIN-2): ask again for the fork on screen. */
  private rewatchActiveFork(): void {
    const { activeView, sessions, forkSummaries } = this.store.getState();
    if (activeView.kind !== 'fork') return;
    const backToClass = () => {
      this.store.getState().setActiveView({ kind: 'class' });
      if (this.identity) rememberShownFork(this.identity.code, null);
    };
    if (!(activeView.id in sessions) && !(activeView.id in forkSummaries)) return backToClass();
    void this.watch(activeView.id).then((ok) => {
      if (!ok) backToClass();
    });
  }

  private resolveWaiters(): void {
    const waiters = this.joinWaiters;
    this.joinWaiters = [];
    for (const w of waiters) w.resolve();
  }

  private rejectWaiters(error: JoinError): void {
    const waiters = this.joinWaiters;
    this.joinWaiters = [];
    for (const w of waiters) w.reject(error);
  }
}
