import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  PROTOCOL_VERSION,
  type CommandAck,
  type CreateSessionReply,
  type ProtocolError,
  type SessionState,
  type SessionUpdate,
  type Welcome,
} from '@playroom/protocol';
import type { FastifyInstance } from 'fastify';
import { io, type ManagerOptions, type Socket, type SocketOptions } from 'socket.io-client';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { buildApp } from '../src/app';
import type { TrainingSession } from '../src/classroom/training-session';
import type { ServerOptions } from '../src/config';
import { WireLog, ackProblem, refusalProblem, serverEventProblem, type SocketMemory } from './wire-check';

/**
 * Every payload a test client receives that the protocol refuses (events,
 * snapshots, acks, handshake refusals): it fails the test that received it,
 * after that test (or the file, for what arrives after the last one).
 */
export const wireLog = new WireLog();
afterEach(() => wireLog.assertNone());
afterAll(() => wireLog.assertNone());

/** A real server on an ephemeral port with its own database in a temp dir. */
export interface TestServer {
  app: FastifyInstance;
  url: string;
  dataDir: string;
  close(): Promise<void>;
}

/** Limits high enough that tests from one address are not throttled unless they mean to be. */
export const RELAXED_LIMITS: Partial<ServerOptions> = {
  joinRate: { perMinute: 100_000, burst: 10_000 },
  createRate: { perMinute: 100_000, burst: 10_000 },
  connectionRate: { perSecond: 100_000, burst: 10_000 },
};

export function tempDataDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'playroom-test-'));
}

export async function startServer(overrides: Partial<ServerOptions> = {}): Promise<TestServer> {
  const dataDir = overrides.dataDir ?? tempDataDir();
  const app = await buildApp({ ...RELAXED_LIMITS, dataDir, webDist: path.join(dataDir, 'no-web'), ...overrides });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  if (typeof address !== 'object' || !address) throw new Error('no address');
  return { app, url: `http://127.0.0.1:${address.port}`, dataDir, close: () => app.close() };
}

/**
 * One server for every test of a file: started before the first test,
 * closed after the last. Read its fields inside tests (not at import).
 */
export function useServer(overrides: Partial<ServerOptions> = {}): TestServer {
  let current: TestServer | undefined;
  beforeAll(async () => {
    current = await startServer(overrides);
  });
  afterAll(async () => {
    await current?.close();
  });
  const started = () => {
    if (!current) throw new Error('the server starts before the first test');
    return current;
  };
  return {
    get app() {
      return started().app;
    },
    get url() {
      return started().url;
    },
    get dataDir() {
      return started().dataDir;
    },
    close: () => started().close(),
  };
}

/** POST /api/sessions. */
export async function createClass(url: string, teacherName = 'Ms Li', config?: object): Promise<CreateSessionReply> {
  const response = await fetch(`${url}/api/sessions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(config ? { teacherName, config } : { teacherName }),
  });
  if (response.status !== 201) throw new Error(`create failed: ${response.status} ${await response.text()}`);
  return (await response.json()) as CreateSessionReply;
}

/** The handshake auth of the teacher of a class just created. */
export function teacherAuth(created: CreateSessionReply): Record<string, unknown> {
  return { role: 'teacher', code: created.code, token: created.teacherToken };
}

export interface Client {
  socket: Socket;
  welcome: Welcome;
}

/**
 * A socket.io client whose every incoming event (and handshake refusal) is
 * checked against the protocol, into `wireLog`. Listeners are the test's own.
 */
export function openSocket(url: string, auth: Record<string, unknown>, options: Partial<ManagerOptions & SocketOptions> = {}): Socket {
  const socket = io(url, {
    auth: { protocolVersion: PROTOCOL_VERSION, ...auth },
    transports: ['websocket'],
    reconnection: false,
    forceNew: true,
    ...options,
  });
  const memory: SocketMemory = new Map();
  socket.onAny((event: string, ...args: unknown[]) => {
    const payload = withoutRecoveryOffset(socket, args);
    wireLog.record(`event ${event}`, serverEventProblem(event, payload, memory), payload);
  });
  socket.on('connect_error', (error: Error & { data?: unknown }) => {
    if ('data' in error) wireLog.record('connect_error', refusalProblem(error.data), error.data);
  });
  return socket;
}

/**
 * With connection state recovery on, socket.io appends its replay offset (a
 * string) to every non-volatile event once the socket has a session id: a
 * transport detail, not part of the payload.
 */
function withoutRecoveryOffset(socket: Socket, args: unknown[]): unknown[] {
  const recovers = (socket as unknown as { _pid?: string })._pid !== undefined;
  return recovers && args.length > 1 && typeof args.at(-1) === 'string' ? args.slice(0, -1) : args;
}

/** Connect and wait for `welcome`; rejects with the handshake's ProtocolError. */
export function connect(url: string, auth: Record<string, unknown>, options: { reconnection?: boolean } = {}): Promise<Client> {
  const socket = openSocket(url, auth, { reconnection: options.reconnection ?? false });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('no welcome within 10 s')), 10_000);
    socket.once('welcome', (welcome: Welcome) => {
      clearTimeout(timer);
      resolve({ socket, welcome });
    });
    socket.once('connect_error', (error: Error & { data?: ProtocolError }) => {
      clearTimeout(timer);
      socket.close();
      reject(Object.assign(new Error(error.message), { data: error.data }));
    });
  });
}

/** Connect and return the refusal (fails the test if the handshake succeeds). */
export async function refusedHandshake(url: string, auth: Record<string, unknown>): Promise<ProtocolError> {
  try {
    const { socket } = await connect(url, auth);
    socket.close();
  } catch (error) {
    return (error as { data: ProtocolError }).data;
  }
  throw new Error('handshake was accepted');
}

/** An ack callback for `emit(event, ...args, callback)` that checks the ack (into `wireLog`) and hands it on. */
export function checkedAck<T>(event: string, args: unknown[], then: (ack: T) => void = () => {}): (ack: T) => void {
  return (ack) => {
    wireLog.record(`ack of ${event}`, ackProblem(event, args, ack), ack);
    then(ack);
  };
}

/** Emit an event with an ack and wait for it; the ack is checked against the protocol. */
export function emitWithAck<T = CommandAck>(socket: Socket, event: string, args: unknown[], timeoutMs = 10_000): Promise<T> {
  return new Promise((resolve, reject) => {
    socket.timeout(timeoutMs).emit(event, ...args, (error: Error | null, ack: T) => {
      if (error) reject(error);
      else checkedAck(event, args, resolve)(ack);
    });
  });
}

/** Send a command and wait for its ack. */
export function command<T extends CommandAck = CommandAck>(socket: Socket, payload: unknown, timeoutMs = 10_000): Promise<T> {
  return emitWithAck<T>(socket, 'command', [payload], timeoutMs);
}

/**
 * `step` and wait until it is trained: the ack only says it is queued
 * (rule CMD-8); the sender, who watches the session it drives, gets the
 * `session` update with cause 'step' (or 'diverged') when it is done.
 */
export async function stepAndWait(socket: Socket, sessionId: string, epochs = 1): Promise<SessionUpdate> {
  const done = nextEvent<SessionUpdate>(socket, 'session', (u) => u.state.sessionId === sessionId && (u.cause === 'step' || u.cause === 'diverged'));
  const ack = await command<CommandAck<'step'>>(socket, { type: 'step', sessionId, epochs });
  if (!ack.ok) throw new Error(`step refused: ${ack.error.code}`);
  return done;
}

/** Wait for the next `event` whose payload satisfies `accept`. */
export function nextEvent<T>(socket: Socket, event: string, accept: (payload: T) => boolean = () => true, timeoutMs = 10_000): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      socket.off(event, listener);
      reject(new Error(`no ${event} within ${timeoutMs} ms`));
    }, timeoutMs);
    const listener = (payload: T) => {
      if (!accept(payload)) return;
      clearTimeout(timer);
      socket.off(event, listener);
      resolve(payload);
    };
    socket.on(event, listener);
  });
}

/** Fork `sessionId` as the sender of `socket`; throws when refused. */
export async function fork(socket: Socket, sessionId: string): Promise<SessionState> {
  const ack = await command<CommandAck<'fork'>>(socket, { type: 'fork', sessionId });
  if (!ack.ok) throw new Error(`fork refused: ${ack.error.code}`);
  return ack.session;
}

export interface ClassOptions<S extends readonly string[] = readonly string[]> {
  teacherName?: string;
  /** fields to change from the engine's DEFAULT_CONFIG */
  config?: object;
  /** connect the teacher first (default true) */
  teacher?: boolean;
  /** students to connect by name, one after another, after the teacher */
  students?: S;
  /** socket.io reconnects by itself (default false) */
  reconnection?: boolean;
}

/** One client per name, in order: a tuple when the names are written out. */
export type Students<S extends readonly string[]> = { -readonly [K in keyof S]: Client };

/** A class just created, with its teacher and students connected; `close` closes every socket it connected. */
export interface TestClass<S extends readonly string[] = readonly string[]> {
  created: CreateSessionReply;
  /** the teacher's client (throws if the class was started without one) */
  readonly teacher: Client;
  students: Students<S>;
  /** connect one more student by name (closed with the rest) */
  join(name: string): Promise<Client>;
  /** connect one more client with any handshake auth (closed with the rest) */
  connect(auth: Record<string, unknown>): Promise<Client>;
  close(): void;
}

/** Create a class on `server` and connect its teacher and students (rules REST-1, JOIN-1). */
export async function startClass<const S extends readonly string[] = []>(
  server: { url: string },
  options: ClassOptions<S> = {},
): Promise<TestClass<S>> {
  const created = await createClass(server.url, options.teacherName, options.config);
  const clients: Client[] = [];
  const connectTracked = async (auth: Record<string, unknown>) => {
    const client = await connect(server.url, auth, { reconnection: options.reconnection ?? false });
    clients.push(client);
    return client;
  };
  const join = (name: string) => connectTracked({ role: 'student', code: created.code, name });
  const close = () => closeAll(clients);
  try {
    const teacher = options.teacher === false ? undefined : await connectTracked(teacherAuth(created));
    const students: Client[] = [];
    for (const name of options.students ?? []) students.push(await join(name));
    return {
      created,
      get teacher() {
        if (!teacher) throw new Error('this class was started without its teacher');
        return teacher;
      },
      students: students as Students<S>,
      join,
      connect: connectTracked,
      close,
    };
  } catch (error) {
    close();
    throw error;
  }
}

/** `startClass`, run `body` with it, and close every socket it connected, whatever happens. */
export async function withClass<T, const S extends readonly string[] = []>(
  server: { url: string },
  options: ClassOptions<S>,
  body: (c: TestClass<S>) => Promise<T>,
): Promise<T> {
  const c = await startClass(server, options);
  try {
    return await body(c);
  } finally {
    c.close();
  }
}

/** Close every client socket. */
export function closeAll(clients: (Client | Socket)[]): void {
  for (const client of clients) ('socket' in client ? client.socket : client).close();
}

/** Polls `done` every 20 ms until it holds; throws after `timeoutMs`. */
export async function until(what: string, done: () => boolean, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!done()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** The server's live session `id` (in-process: the domain object itself). */
export function liveSession(server: TestServer, id: string): TrainingSession {
  const session = [...server.app.playroom.registry.allSessions()].find((s) => s.id === id);
  if (!session) throw new Error(`no live session ${id}`);
  return session;
}
