import net from 'node:net';
import { ErrorCode, ErrorReplySchema, createValidator } from '@playroom/protocol';
import { describe, expect, it } from 'vitest';
import { connect, createClass, refusedHandshake, startServer, teacherAuth, useServer } from './harness';

const server = useServer({ tokenRate: { perMinute: 1, burst: 5 } });
const isErrorReply = createValidator(ErrorReplySchema);

/** A raw HTTP request (what fetch will not send), answered as status and body. */
function raw(url: string, request: string): Promise<{ status: number; body: string }> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = net.connect(Number(port), hostname, () => socket.write(request));
    let data = '';
    socket.on('data', (chunk) => (data += chunk.toString()));
    socket.on('error', reject);
    socket.on('close', () => {
      const [head = '', body = ''] = data.split('\r\n\r\n');
      resolve({ status: Number(head.split(' ')[1]), body });
    });
  });
}

function expectErrorShape(body: string, label: string): void {
  expect(isErrorReply(JSON.parse(body)), `${label}: ${body}`).toMatchObject({ ok: true });
}

describe('hardening', () => {
  it('SEC-2: CSP, nosniff, frame and referrer headers on pages and API replies', async () => {
    for (const path of ['/', '/healthz', '/api/rooms/ZZZZZZ']) {
      const headers = (await fetch(`${server.url}${path}`)).headers;
      expect(headers.get('content-security-policy'), path).toContain("default-src 'self'");
      expect(headers.get('content-security-policy'), path).toContain("frame-ancestors 'none'");
      expect(headers.get('x-content-type-options'), path).toBe('nosniff');
      expect(headers.get('x-frame-options'), path).toBe('DENY');
      expect(headers.get('referrer-policy'), path).toBe('same-origin');
    }
  });

  it('SEC-3: /metrics needs METRICS_TOKEN when set; unset, it answers loopback only', async () => {
    expect((await fetch(`${server.url}/metrics`)).status).toBe(200);
    const guarded = await startServer({ metricsToken: 'a-long-metrics-secret' });
    try {
      const missing = await fetch(`${guarded.url}/metrics`);
      expect(missing.status).toBe(401);
      expectErrorShape(await missing.text(), 'no token');
      expect((await fetch(`${guarded.url}/metrics`, { headers: { authorization: 'Bearer wrong-token-here' } })).status).toBe(401);
      const ok = await fetch(`${guarded.url}/metrics`, { headers: { authorization: 'Bearer a-long-metrics-secret' } });
      expect(ok.status).toBe(200);
      expect(await ok.text()).toContain('playroom_sockets');
    } finally {
      await guarded.close();
    }
    // a non-loopback address, as fastify sees it behind a trusted proxy
    const proxied = await startServer({ trustProxy: 1 });
    try {
      const response = await fetch(`${proxied.url}/metrics`, { headers: { 'x-forwarded-for': '10.1.2.3' } });
      expect(response.status).toBe(403);
      expectErrorShape(await response.text(), 'remote');
    } finally {
      await proxied.close();
    }
  });

  it('SEC-4: wrong export tokens are limited per address; the right one never spends the budget', async () => {
    const mine = await createClass(server.url);
    const url = `${server.url}/api/sessions/${mine.sessionId}/export`;
    const exportWith = (token: string) => fetch(url, { headers: { authorization: `Bearer ${token}` } });
    for (let i = 0; i < 20; i++) expect((await exportWith(mine.teacherToken)).status).toBe(200);
    const statuses: number[] = [];
    for (let i = 0; i < 30; i++) statuses.push((await exportWith(`wrong-token-${i}-xxxxxxxxxxxxxxxx`)).status);
    expect(statuses.slice(0, 5)).toEqual([403, 403, 403, 403, 403]);
    expect(statuses.slice(6)).toEqual(Array(24).fill(429));
    const limited = await exportWith(mine.teacherToken);
    expect(limited.status).toBe(429);
    expect(((await limited.json()) as { error: { code: string } }).error.code).toBe(ErrorCode.rateLimited);
  });

  it('REST-7: a malformed URL (400), a too long parameter (414) and too large headers (431) answer the error shape', async () => {
    const badUrl = await fetch(`${server.url}/api/rooms/%E0%A4%A`);
    expect(badUrl.status).toBe(400);
    expectErrorShape(await badUrl.text(), 'bad url');
    const longParam = await fetch(`${server.url}/api/rooms/${'A'.repeat(300)}`);
    expect(longParam.status).toBe(414);
    expectErrorShape(await longParam.text(), 'long param');
    const host = new URL(server.url).host;
    const headers = await raw(server.url, `GET / HTTP/1.1\r\nHost: ${host}\r\nX-Big: ${'x'.repeat(20_000)}\r\n\r\n`);
    expect(headers.status).toBe(431);
    expectErrorShape(headers.body, 'big headers');
    const longUrl = await raw(server.url, `GET /${'a'.repeat(20_000)} HTTP/1.1\r\nHost: ${host}\r\n\r\n`);
    expect(longUrl.status).toBe(431);
    expectErrorShape(longUrl.body, 'long url');
    const garbage = await raw(server.url, 'NOT HTTP AT ALL\r\n\r\n');
    expect(garbage.status).toBe(400);
    expectErrorShape(garbage.body, 'garbage');
  });

  it('NAME-1: teacher and student names lose control and bidi characters; blank after cleaning is refused', async () => {
    const created = await createClass(server.url, '\u202eMs\u0007 Li\u2066\u200f');
    const lookUp = (await (await fetch(`${server.url}/api/rooms/${created.code}`)).json()) as { teacherName: string };
    expect(lookUp.teacherName).toBe('Ms Li');
    const blank = await fetch(`${server.url}/api/sessions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ teacherName: '\u202e\u200e\u0000' }),
    });
    expect(blank.status).toBe(400);
    const student = await connect(server.url, { role: 'student', code: created.code, name: '<b>Ana</b>\u202e\n\u2067Li' });
    expect(student.welcome.name).toBe('<b>Ana</b> Li');
    student.socket.close();
    expect(await refusedHandshake(server.url, { role: 'student', code: created.code, name: '\u2066\u2069' })).toMatchObject({
      code: ErrorCode.nameRequired,
    });
  });

  it('HS-8: the handshake forgives case and separators in a code, as the REST look-up does', async () => {
    const created = await createClass(server.url);
    const typed = `${created.code.slice(0, 3).toLowerCase()}-${created.code.slice(3).toLowerCase()}`;
    const teacher = await connect(server.url, { ...teacherAuth(created), code: typed });
    expect(teacher.welcome.code).toBe(created.code);
    teacher.socket.close();
  });
});
