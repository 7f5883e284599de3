import { createServer, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Server, type Socket as ServerSocket } from 'socket.io';
import type { ClientToServerEvents, HandshakeAuth, ServerToClientEvents } from '@playroom/protocol';
import { createAppStore, type AppStore } from '../store/app-store';
import { loadIdentity } from '../store/identity-storage';
import { forgetKeptWork, keptWorkFor } from '../store/kept-work';
import { ClassConnection } from './class-connection';
import { sessionState, studentWelcome } from './test-fixtures';

/*
 * ClassConnection against a real socket.io server that speaks the protocol's
 * handshake, welcome and acks (the real server's e2e test is in /e2e). It
 * checks what only a real socket shows: refusals, acks, timeouts, and
 * recovering by itself after the server goes away and comes back.
 */

const CODE = 'ABC234';
const TOKEN = 'tok_ann_0123456789abcdefghij';

interface TestServer {
  http: HttpServer;
  io: Server<ClientToServerEvents, ServerToClientEvents>;
  port: number;
  handshakes: HandshakeAuth[];
  /** each handshake's request URL: what a load balancer in front sees */
  handshakeUrls: string[];
}

async function startServer(port = 0, refuseWith: string | null = null): Promise<TestServer> {
  const http = createServer();
  const io = new Server<ClientToServerEvents, ServerToClientEvents>(http, { transports: ['websocket'] });
  const handshakes: HandshakeAuth[] = [];
  const handshakeUrls: string[] = [];
  io.use((socket, next) => {
    const auth = socket.handshake.auth as HandshakeAuth;
    handshakes.push(auth);
    handshakeUrls.push(socket.handshake.url);
    // as the server's HS-9: a code with a look-alike is a badRequest on /code
    if (!refuseWith && /[O0IL1]/.test(auth.code)) {
      const err = new Error('badRequest') as Error & { data: unknown };
      err.data = { code: 'badRequest', message: 'room codes never use O, 0, I, L or 1', field: '/code' };
      return next(err);
    }
    const code = refuseWith ?? (auth.code !== CODE ? 'roomNotFound' : null);
    if (!code) return next();
    const err = new Error(code) as Error & { data: unknown };
    err.data = { code, message: `refused: ${code}` };
    next(err);
  });
  io.on('connection', (socket: ServerSocket<ClientToServerEvents, ServerToClientEvents>) => {
    socket.emit('welcome', studentWelcome());
    socket.on('command', (command, ack) => {
      if (command.type === 'play') ack({ ok: true, clock: 41 });
      else if (command.type === 'watch') ack({ ok: true, session: sessionState({ sessionId: command.sessionId, kind: 'fork', ownerId: 'p-ann' }) });
      else if (command.type === 'pause') return; // never acks: the client must time out
      else ack({ ok: false, error: { code: 'forbidden', message: 'not yours' } });
    });
  });
  await new Promise<void>((resolve) => http.listen(port, '127.0.0.1', resolve));
  return { http, io, port: (http.address() as AddressInfo).port, handshakes, handshakeUrls };
}

async function stopServer(server: TestServer): Promise<void> {
  server.io.disconnectSockets(true);
  await new Promise<void>((resolve) => server.io.close(() => resolve()));
}

async function until(check: () => boolean, timeoutMs = 5000): Promise<void> {
  const start = Date.now();
  while (!check()) {
    if (Date.now() - start > timeoutMs) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 20));
  }
}

let server: TestServer;
let store: AppStore;
let connection: ClassConnection;

beforeEach(async () => {
  server = await startServer();
  store = createAppStore();
  connection = new ClassConnection(store, { url: `http://127.0.0.1:${server.port}`, commandTimeoutMs: 300 });
});

afterEach(async () => {
  connection.leave();
  await stopServer(server);
});

describe('ClassConnection', () => {
  it('joins by name, then remembers the participant token', async () => {
    await connection.join({ code: CODE, role: 'student', token: null, name: 'Ann' });
    expect(server.handshakes[0]).toMatchObject({ role: 'student', code: CODE, name: 'Ann' });
    expect(store.getState().connection).toBe('connected');
    expect(store.getState().classSessionId).toBe('class-1');
    expect(loadIdentity(CODE)?.token).toBe(TOKEN);
  });

  it('HS-10: names its room code in the handshake URL (?room=), where a load balancer routes on it, and never its token (SEC-5)', { timeout: 20_000 }, async () => {
    await connection.join({ code: CODE, role: 'student', token: null, name: 'Ann' });
    const port = server.port;
    await stopServer(server);
    server = await startServer(port);
    // the reconnection, now with the saved token in auth, still names only the room in its URL
    await until(() => store.getState().connection === 'connected', 10_000);
    const token = loadIdentity(CODE)?.token;
    expect(token).toBe(TOKEN);
    expect(server.handshakes[0]).toMatchObject({ token: TOKEN });
    const url = new URL(server.handshakeUrls[0]!, 'http://localhost');
    expect(url.pathname).toBe('/socket.io/');
    expect(url.searchParams.get('room')).toBe(CODE);
    expect(server.handshakeUrls[0]).not.toContain(TOKEN);
    expect(server.handshakeUrls[0]).not.toContain('tok_');
  });

  it('reports a wrong room code and stops', async () => {
    await expect(connection.join({ code: 'ZZZ999', role: 'student', token: null, name: 'Ann' })).rejects.toMatchObject({
      code: 'roomNotFound',
    });
    expect(store.getState().joinError?.code).toBe('roomNotFound');
    expect(store.getState().connection).toBe('idle');
    await new Promise((r) => setTimeout(r, 600));
    expect(server.handshakes).toHaveLength(1);
  });

  it('hands on the field a refusal names, so the page can say which part of the code is wrong (HS-9)', async () => {
    await expect(connection.join({ code: 'ABC23O', role: 'student', token: null, name: 'Ann' })).rejects.toEqual({
      code: 'badRequest',
      message: 'room codes never use O, 0, I, L or 1',
      field: '/code',
    });
    expect(store.getState().joinError).toMatchObject({ code: 'badRequest', field: '/code' });
  });

  it('tracks commands from send to ack: ok, refused, timed out, offline', async () => {
    await connection.join({ code: CODE, role: 'student', token: null, name: 'Ann' });
    const ok = await connection.send<'play'>({ type: 'play', sessionId: 'class-1' });
    expect(ok).toEqual({ ok: true, clock: 41 });
    expect(store.getState().commands).toEqual({});

    const refused = await connection.send<'reset'>({ type: 'reset', sessionId: 'class-1' });
    expect(refused.ok).toBe(false);
    const failed = Object.values(store.getState().commands);
    expect(failed).toMatchObject([{ type: 'reset', state: 'failed', errorCode: 'forbidden' }]);

    const silent = await connection.send<'pause'>({ type: 'pause', sessionId: 'class-1' });
    expect(silent).toMatchObject({ ok: false, error: { code: 'timeout' } });
    expect(Object.values(store.getState().commands).map((c) => c.errorCode)).toEqual(['forbidden', 'timeout']);

    const watched = await connection.watch('fork-7');
    expect(watched).toBe(true);
    expect(store.getState().sessions['fork-7']?.kind).toBe('fork');

    connection.leave();
    const offline = await connection.send<'play'>({ type: 'play', sessionId: 'class-1' });
    expect(offline).toMatchObject({ ok: false, error: { code: 'offline' } });
  });

  it('comes back by itself, with the token, after the server restarts', { timeout: 20_000 }, async () => {
    await connection.join({ code: CODE, role: 'student', token: null, name: 'Ann' });
    const port = server.port;
    await stopServer(server);
    await until(() => store.getState().connection === 'reconnecting' || store.getState().connection === 'offline');
    server = await startServer(port);
    await until(() => store.getState().connection === 'connected', 10_000);
    expect(server.handshakes[0]).toMatchObject({ role: 'student', code: CODE, token: TOKEN });
    expect(server.handshakes[0]).not.toHaveProperty('name');
    expect(store.getState().joined).toBe(true);
  });

  it('stops for good when the teacher removes this student, and says so (not "class ended")', async () => {
    await connection.join({ code: CODE, role: 'student', token: null, name: 'Ann' });
    const [socket] = await server.io.fetchSockets();
    socket!.emit('classEnded', { reason: 'removed' });
    socket!.disconnect(true);
    await until(() => store.getState().joinError !== null);
    expect(store.getState().joinError?.code).toBe('removed');
    expect(store.getState().connection).toBe('idle');
    await new Promise((r) => setTimeout(r, 1500));
    // no reconnection, and no rejoin by name after the refused token
    expect(server.handshakes).toHaveLength(1);
  });

  it('CMD-7: keeps the forks the end of the class brings before it stops, for this browser', async () => {
    await connection.join({ code: CODE, role: 'student', token: null, name: 'Ann' });
    const fork = sessionState({ sessionId: 'fork-7', kind: 'fork', ownerId: 'p-ann', ownerName: 'Ann', epoch: 321 });
    const [socket] = await server.io.fetchSockets();
    socket!.emit('classEnded', { reason: 'endedByTeacher', forks: [fork] });
    socket!.disconnect(true);
    await until(() => store.getState().joinError !== null);
    expect(store.getState().joinError?.code).toBe('classEnded');
    expect(keptWorkFor(CODE)).toMatchObject({ code: CODE, role: 'student', name: 'Ann', reason: 'endedByTeacher', forks: [fork] });
    forgetKeptWork(CODE);
  });

  it('reports a locked class at once and does not keep knocking', async () => {
    const port = server.port;
    await stopServer(server);
    server = await startServer(port, 'classLocked');
    await expect(connection.join({ code: CODE, role: 'student', token: null, name: 'Ann' })).rejects.toMatchObject({ code: 'classLocked' });
    expect(store.getState().joinError?.code).toBe('classLocked');
    await new Promise((r) => setTimeout(r, 600));
    expect(server.handshakes).toHaveLength(1);
  });

  it('keeps trying while the server says it is unavailable', { timeout: 20_000 }, async () => {
    const port = server.port;
    await stopServer(server);
    server = await startServer(port, 'unavailable');
    const joined = connection.join({ code: CODE, role: 'student', token: null, name: 'Ann' });
    await expect(joined).rejects.toMatchObject({ code: 'unavailable' });
    expect(store.getState().connection).toBe('reconnecting');
    await stopServer(server);
    server = await startServer(port);
    await until(() => store.getState().connection === 'connected', 10_000);
  });
});
