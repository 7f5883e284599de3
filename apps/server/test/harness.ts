import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  PROTOCOL_VERSION,
  type CommandAck,
  type CreateSessionReply,
  type ProtocolError,
  type SessionUpdate,
  type Welcome,
} from '@playroom/protocol';
import type { FastifyInstance } from 'fastify';
import { io, type ManagerOptions, type Socket, type SocketOptions } from 'socket.io-client';
import { afterAll, afterEach } from 'vitest';
import { buildApp } from '../src/app';
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

/** Close every client socket. */
export function closeAll(clients: (Client | Socket)[]): void {
  for (const client of clients) ('socket' in client ? client.socket : client).close();
}
