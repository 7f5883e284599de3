import {
  ErrorCode,
  ErrorReplySchema,
  PROTOCOL_LIMITS,
  REST_REPLY_SCHEMAS,
  createValidator,
  type RoomLookupReply,
  type SessionExport,
} from '@playroom/protocol';
import type { TSchema } from 'typebox';
import { describe, expect, it } from 'vitest';
import { connect, createClass, fork, startClass, startServer, useServer, withClass } from './harness';

const server = useServer();

describe('REST', () => {
  it('REST-1: creates a class with a room code, a session id and a ≥128-bit teacher token', async () => {
    const created = await createClass(server.url, 'Ms Li');
    expect(created.code).toMatch(/^[ABCDEFGHJKMNPQRSTUVWXYZ23456789]{6}$/);
    expect(Buffer.from(created.teacherToken, 'base64url').length).toBeGreaterThanOrEqual(16);
    expect(created.sessionId).toMatch(/^s_/);
  });

  it('REST-1: refuses a bad body and a config the engine rejects, creating nothing', async () => {
    const before = server.app.playroom.registry.sessionCount();
    for (const body of ['{"teacherName": ""}', '{"teacherName":"A","config":{"hiddenLayers":[99]}}', '{"x":1}', '[]', 'nope']) {
      const response = await fetch(`${server.url}/api/sessions`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body,
      });
      expect(response.status, body).toBe(400);
      const reply = (await response.json()) as { error: { code: string } };
      expect([ErrorCode.badRequest, ErrorCode.invalidConfig]).toContain(reply.error.code);
    }
    expect(server.app.playroom.registry.sessionCount()).toBe(before);
  });

  it('REST-2: looks a room up: teacher name and head count, forgiving case and spaces', async () => {
    await withClass(server, { teacherName: 'Mr Wang', teacher: false, students: ['Ana'] }, async ({ created }) => {
      const typed = `${created.code.slice(0, 3).toLowerCase()} ${created.code.slice(3)}`;
      const reply = (await (await fetch(`${server.url}/api/rooms/${encodeURIComponent(typed)}`)).json()) as RoomLookupReply;
      expect(reply).toMatchObject({ exists: true, code: created.code, teacherName: 'Mr Wang', joined: 1, online: 1 });
    });
    const missing = (await (await fetch(`${server.url}/api/rooms/ZZZZZZ`)).json()) as RoomLookupReply;
    expect(missing.exists).toBe(false);
  });

  it('REST-3: export needs the teacher token of that class', async () => {
    const mine = await createClass(server.url);
    const other = await createClass(server.url);
    const url = `${server.url}/api/sessions/${mine.sessionId}/export`;
    expect((await fetch(url)).status).toBe(401);
    expect((await fetch(url, { headers: { authorization: `Bearer ${other.teacherToken}` } })).status).toBe(403);
    expect((await fetch(`${server.url}/api/sessions/s_nope/export`, { headers: { authorization: `Bearer ${mine.teacherToken}` } })).status).toBe(404);
    const response = await fetch(url, { headers: { authorization: `Bearer ${mine.teacherToken}` } });
    expect(response.status).toBe(200);
    const exported = (await response.json()) as SessionExport;
    expect(exported.format).toBe('playroom-session');
    expect(exported.sessions[0]!.sessionId).toBe(mine.sessionId);
    expect(exported.sessions[0]!.params.length).toBeGreaterThan(0);
    expect(JSON.stringify(exported)).not.toContain(mine.teacherToken);
  });

  it('REST-4: health, readiness and Prometheus metrics', async () => {
    expect(await (await fetch(`${server.url}/healthz`)).json()).toEqual({ status: 'ok' });
    expect(await (await fetch(`${server.url}/readyz`)).json()).toEqual({ status: 'ready' });
    const text = await (await fetch(`${server.url}/metrics`)).text();
    for (const name of [
      'playroom_sockets',
      'playroom_sessions',
      'playroom_training_sessions',
      'playroom_epochs_per_second',
      'playroom_event_loop_delay_seconds{quantile="0.99"}',
      'playroom_snapshot_bytes_total',
    ]) {
      expect(text).toContain(name);
    }
  });

  it('REST-5: unknown API routes are JSON 404s, other GETs serve the web app page', async () => {
    const api = await fetch(`${server.url}/api/nothing`);
    expect(api.status).toBe(404);
    expect(((await api.json()) as { error: { code: string } }).error.code).toBe(ErrorCode.notFound);
    const page = await fetch(`${server.url}/join/ABCDEF`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toContain('text/html');
  });

  it('LIM-3 and HS-6: creations and look-ups are rate-limited per address', async () => {
    const strict = await startServer({ createRate: { perMinute: 1, burst: 2 }, joinRate: { perMinute: 1, burst: 3 } });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 4; i++) {
        statuses.push(
          (
            await fetch(`${strict.url}/api/sessions`, {
              method: 'POST',
              headers: { 'content-type': 'application/json' },
              body: '{"teacherName":"T"}',
            })
          ).status,
        );
      }
      expect(statuses).toEqual([201, 201, 429, 429]);
      const lookups: number[] = [];
      for (let i = 0; i < 5; i++) lookups.push((await fetch(`${strict.url}/api/rooms/ABCDEF`)).status);
      expect(lookups).toEqual([200, 200, 200, 429, 429]);
    } finally {
      await strict.close();
    }
  });

  it('HS-6: a whole class behind one school address joins at once; wrong codes and tokens spend the shared budget', async () => {
    const strict = await startServer({ joinRate: { perMinute: 1, burst: 3 } });
    try {
      const outcome = async (auth: Record<string, unknown>) => {
        try {
          const client = await connect(strict.url, auth);
          client.socket.close();
          return 'ok';
        } catch (error) {
          return (error as { data: { code: string } }).data.code;
        }
      };
      // thirty students and a rejoin, far past the burst: good attempts cost nothing
      const thirty = await startClass(strict, { teacher: false, students: Array.from({ length: 30 }, (_, i) => `S${i}`) });
      const room = thirty.created;
      const token = thirty.students[0]!.welcome.participantToken!;
      thirty.close();
      expect(await outcome({ role: 'student', code: room.code, token })).toBe('ok');
      expect(await outcome({ role: 'teacher', code: room.code, token: room.teacherToken })).toBe('ok');
      expect((await (await fetch(`${strict.url}/api/rooms/${room.code}`)).json()) as { exists: boolean }).toMatchObject({ exists: true });
      // guesses do: an unknown code, a wrong token, a look-up of a code that does not exist
      expect(await outcome({ role: 'student', code: 'ZZZZZZ', name: 'Eve' })).toBe(ErrorCode.roomNotFound);
      expect(await outcome({ role: 'teacher', code: room.code, token: 'A'.repeat(32) })).toBe(ErrorCode.badToken);
      expect((await fetch(`${strict.url}/api/rooms/YYYYYY`)).status).toBe(200);
      // the budget is spent: every code this address has not used waits, a real one too (or guessing would go on),
      // while the class this address uses goes on: new students and rejoins alike
      const elsewhere = strict.app.playroom.registry.create('Mr Elsewhere').classroom.code;
      expect(await outcome({ role: 'student', code: 'ZZZZZZ', name: 'Eve' })).toBe(ErrorCode.rateLimited);
      expect(await outcome({ role: 'student', code: elsewhere, name: 'Eve' })).toBe(ErrorCode.rateLimited);
      expect((await fetch(`${strict.url}/api/rooms/${elsewhere}`)).status).toBe(429);
      expect(await outcome({ role: 'student', code: room.code, name: 'Late' })).toBe('ok');
      expect(await outcome({ role: 'student', code: room.code, token })).toBe('ok');
      expect((await fetch(`${strict.url}/api/rooms/${room.code}`)).status).toBe(200);
    } finally {
      await strict.close();
    }
  });

  it('PERSIST-3: a class nobody uses is archived after the idle time, kept in storage', async () => {
    const idle = await startServer({ idleArchiveMs: 300 });
    try {
      const room = await createClass(idle.url);
      const deadline = Date.now() + 5000;
      while (idle.app.playroom.registry.byId(room.sessionId) && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      const lookup = (await (await fetch(`${idle.url}/api/rooms/${room.code}`)).json()) as RoomLookupReply;
      expect(lookup.exists).toBe(false);
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect((await idle.app.playroom.storage.loadClass(room.sessionId))?.record.code).toBe(room.code);
      expect(await idle.app.playroom.storage.loadLiveClasses()).toEqual([]);
    } finally {
      await idle.close();
    }
  });

  it('REST-6: every reply, success or error, matches the schema its route declares for that status', async () => {
    const checked: string[] = [];
    const validators = new Map<TSchema, ReturnType<typeof createValidator>>();
    /** The reply's body, checked against REST_REPLY_SCHEMAS[route] for its status (or its '4xx'/'5xx'). */
    const reply = async (route: keyof typeof REST_REPLY_SCHEMAS, response: Response, status: number, code?: ErrorCode) => {
      expect(response.status, route).toBe(status);
      const schemas: Record<string, TSchema> = REST_REPLY_SCHEMAS[route];
      const schema = schemas[status] ?? schemas[`${Math.floor(status / 100)}xx`];
      expect(schema, `${route} declares no reply for ${status}`).toBeDefined();
      const text = (route === 'metrics' || route === 'roomQr') && status === 200;
      const body: unknown = text ? await response.text() : await response.json();
      if (!validators.has(schema!)) validators.set(schema!, createValidator(schema!));
      expect(validators.get(schema!)!(body), `${route} ${status}: ${JSON.stringify(body).slice(0, 300)}`).toEqual({ ok: true, value: body });
      if (code) expect((body as { error: { code: string } }).error.code).toBe(code);
      checked.push(`${route} ${status}`);
      return body;
    };
    const post = (url: string, body: string, type = 'application/json') =>
      fetch(`${url}/api/sessions`, { method: 'POST', headers: { 'content-type': type }, body });
    const exportOf = (url: string, sessionId: string, token?: string) =>
      fetch(`${url}/api/sessions/${sessionId}/export`, token ? { headers: { authorization: `Bearer ${token}` } } : {});

    // POST /api/sessions: created; a bad body, a config the engine refuses, a body that is no JSON or too big
    const created = await reply('createSession', await post(server.url, '{"teacherName":"Ms Li","config":{"hiddenLayers":[3]}}'), 201);
    const { sessionId, code, teacherToken } = created as { sessionId: string; code: string; teacherToken: string };
    await reply('createSession', await post(server.url, '{"x":1}'), 400, ErrorCode.badRequest);
    await reply('createSession', await post(server.url, '{"teacherName":"A","config":{"dataset":"regress-gauss"}}'), 400, ErrorCode.invalidConfig);
    await reply('createSession', await post(server.url, '<teacherName>A</teacherName>', 'application/xml'), 415, ErrorCode.badRequest);
    await reply('createSession', await post(server.url, `{"teacherName":"${'x'.repeat(PROTOCOL_LIMITS.maxCreateBodyBytes)}"}`), 413, ErrorCode.badRequest);

    // GET /api/rooms/:code: a class (with a student and a fork), none, a code too long to be one
    const student = await connect(server.url, { role: 'student', code, name: 'Ana' });
    try {
      await fork(student.socket, sessionId);
      await reply('lookUpRoom', await fetch(`${server.url}/api/rooms/${code}`), 200);
      await reply('lookUpRoom', await fetch(`${server.url}/api/rooms/ZZZZZZ`), 200);
      await reply('lookUpRoom', await fetch(`${server.url}/api/rooms/${'A'.repeat(40)}`), 400, ErrorCode.badRequest);
      // GET /api/rooms/:code/qr.svg: the class's join link as an SVG; no class; a code too long to be one
      expect(await reply('roomQr', await fetch(`${server.url}/api/rooms/${code}/qr.svg`), 200)).toMatch(/^<svg /);
      await reply('roomQr', await fetch(`${server.url}/api/rooms/ZZZZZZ/qr.svg`), 404, ErrorCode.roomNotFound);
      await reply('roomQr', await fetch(`${server.url}/api/rooms/${'A'.repeat(40)}/qr.svg`), 400, ErrorCode.badRequest);

      // GET /api/sessions/:sessionId/export: the whole class, exactly as the server holds it; each refusal
      const exported = (await reply('exportSession', await exportOf(server.url, sessionId, teacherToken), 200)) as SessionExport;
      const classroom = server.app.playroom.registry.byId(sessionId)!;
      expect(exported.sessions).toEqual(JSON.parse(JSON.stringify(classroom.sessions().map((s) => ({ ...s.toState(), trainer: s.trainerState() })))));
      expect(exported.sessions).toHaveLength(2);
      await reply('exportSession', await exportOf(server.url, sessionId), 401, ErrorCode.unauthorized);
      await reply('exportSession', await exportOf(server.url, sessionId, 'A'.repeat(32)), 403, ErrorCode.forbidden);
      await reply('exportSession', await exportOf(server.url, 's_nope', teacherToken), 404, ErrorCode.sessionNotFound);
    } finally {
      student.socket.close();
    }

    // health, readiness (also while not ready: starting or stopping), metrics
    await reply('health', await fetch(`${server.url}/healthz`), 200);
    await reply('ready', await fetch(`${server.url}/readyz`), 200);
    server.app.playroom.ready = false;
    try {
      await reply('ready', await fetch(`${server.url}/readyz`), 503, ErrorCode.unavailable);
      await reply('createSession', await post(server.url, '{"teacherName":"T"}'), 503, ErrorCode.unavailable);
    } finally {
      server.app.playroom.ready = true;
    }
    const metrics = await fetch(`${server.url}/metrics`);
    expect(metrics.headers.get('content-type')).toBe('text/plain; version=0.0.4');
    expect(await reply('metrics', metrics, 200)).toMatch(/^playroom_sockets \d+$/m);

    // the limits: one session in all, one guess
    const small = await startServer({ maxSessions: 1, createRate: { perMinute: 1, burst: 2 }, joinRate: { perMinute: 1, burst: 1 } });
    try {
      await reply('createSession', await post(small.url, '{"teacherName":"T"}'), 201);
      await reply('createSession', await post(small.url, '{"teacherName":"T"}'), 503, ErrorCode.sessionLimit);
      await reply('createSession', await post(small.url, '{"teacherName":"T"}'), 429, ErrorCode.rateLimited);
      await reply('lookUpRoom', await fetch(`${small.url}/api/rooms/ZZZZZZ`), 200);
      await reply('lookUpRoom', await fetch(`${small.url}/api/rooms/ZZZZZZ`), 429, ErrorCode.rateLimited);
    } finally {
      await small.close();
    }
    expect(new Set(checked.map((c) => c.split(' ')[0]))).toEqual(new Set(Object.keys(REST_REPLY_SCHEMAS)));
    // and what no route answers: an unknown API path (REST-5)
    const unknown = await fetch(`${server.url}/api/nothing`);
    expect(createValidator(ErrorReplySchema)(await unknown.json())).toMatchObject({ ok: true, value: { error: { code: ErrorCode.notFound } } });
  });
});
