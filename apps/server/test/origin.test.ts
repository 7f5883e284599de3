import { ErrorCode, ErrorReplySchema, createValidator } from '@playroom/protocol';
import { describe, expect, it } from 'vitest';
import { createClass, openSocket, refusedHandshake, startServer, teacherAuth, useServer, wireLog } from './harness';

/*
 * SEC-1: a page of another site inside the school network may not write
 * to the API or open a socket; the server's own pages and clients without
 * an Origin (curl, socket.io-client in Node) may.
 */

const server = useServer();
const isErrorReply = createValidator(ErrorReplySchema);

const create = (url: string, headers: Record<string, string>) =>
  fetch(`${url}/api/sessions`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: '{"teacherName":"Ms Li"}' });

/** The handshake error a socket with this Origin header gets, or 'connected'. */
function handshakeWith(url: string, auth: Record<string, unknown>, origin: string): Promise<string> {
  return new Promise((resolve) => {
    const socket = openSocket(url, auth, { extraHeaders: { origin } });
    socket.on('connect', () => {
      socket.close();
      resolve('connected');
    });
    socket.on('connect_error', (error: Error & { data?: unknown }) => {
      socket.close();
      expect(isErrorReply({ error: error.data })).toMatchObject({ ok: true });
      resolve(error.message);
    });
  });
}

describe('SEC-1: Origin', () => {
  it('refuses a REST write from a page of another site with 403 forbidden, creating nothing', async () => {
    const before = server.app.playroom.registry.sessionCount();
    for (const origin of ['http://evil.example', 'null', 'http://127.0.0.1:1', 'file://']) {
      const response = await create(server.url, { origin });
      expect(response.status, origin).toBe(403);
      const body = await response.json();
      expect(isErrorReply(body), origin).toMatchObject({ ok: true });
      expect((body as { error: { code: string } }).error.code).toBe(ErrorCode.forbidden);
    }
    expect(server.app.playroom.registry.sessionCount()).toBe(before);
  });

  it('accepts the server\'s own origin and a request with no Origin; reads from any page still answer', async () => {
    expect((await create(server.url, { origin: server.url })).status).toBe(201);
    expect((await create(server.url, {})).status).toBe(201);
    const lookUp = await fetch(`${server.url}/api/rooms/ZZZZZZ`, { headers: { origin: 'http://evil.example' } });
    expect(lookUp.status).toBe(200);
  });

  it('refuses a socket handshake from another site with forbidden; the own origin connects', async () => {
    const created = await createClass(server.url);
    expect(await handshakeWith(server.url, teacherAuth(created), 'http://evil.example')).toBe(ErrorCode.forbidden);
    expect(await handshakeWith(server.url, { role: 'student', code: created.code, name: 'Ana' }, 'null')).toBe(ErrorCode.forbidden);
    expect(server.app.playroom.registry.byId(created.sessionId)!.roster.students()).toHaveLength(0);
    expect(await handshakeWith(server.url, teacherAuth(created), server.url)).toBe('connected');
    wireLog.assertNone();
  });

  it('socket.io no longer echoes any Origin in its CORS headers', async () => {
    const response = await fetch(`${server.url}/socket.io/?EIO=4&transport=polling`, { headers: { origin: 'http://evil.example' } });
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
    await response.text();
  });

  it('ALLOWED_ORIGINS adds origins: they write, connect and get CORS; others still do not', async () => {
    const other = await startServer({ allowedOrigins: ['https://playroom.school.example'] });
    try {
      expect((await create(other.url, { origin: 'https://playroom.school.example' })).status).toBe(201);
      expect((await create(other.url, { origin: 'https://other.school.example' })).status).toBe(403);
      const created = await createClass(other.url);
      expect(await handshakeWith(other.url, teacherAuth(created), 'https://playroom.school.example')).toBe('connected');
      const cors = await fetch(`${other.url}/socket.io/?EIO=4&transport=polling`, { headers: { origin: 'https://playroom.school.example' } });
      expect(cors.headers.get('access-control-allow-origin')).toBe('https://playroom.school.example');
      await cors.text();
      expect(await refusedHandshake(other.url, { role: 'teacher', code: 'ZZZZZZ', token: created.teacherToken })).toMatchObject({ code: ErrorCode.roomNotFound });
    } finally {
      await other.close();
    }
  });
});
