import { DEFAULT_CONFIG, Trainer } from '@playroom/engine';
import { ErrorCode, playgroundFileOf, readPlaygroundFile, type ClassEnded, type CommandAck, type PlaygroundFile, type SavedSession } from '@playroom/protocol';
import type { Socket } from 'socket.io-client';
import { describe, expect, it } from 'vitest';
import { command, connect, fork, nextEvent, stepAndWait, teacherAuth, useServer, withClass } from './harness';

const server = useServer();

const CONFIG = { batchSize: 7, hiddenLayers: [5, 3], optimizer: { ...DEFAULT_CONFIG.optimizer, kind: 'adam' } };

async function exportSession(socket: Socket, sessionId: string): Promise<CommandAck<'exportSession'>> {
  return command<CommandAck<'exportSession'>>(socket, { type: 'exportSession', sessionId });
}

async function exported(socket: Socket, sessionId: string): Promise<SavedSession> {
  const ack = await exportSession(socket, sessionId);
  if (!ack.ok) throw new Error(`export refused: ${ack.error.code}`);
  const read = readPlaygroundFile(JSON.stringify(ack.file));
  if (!read.ok) throw new Error(`file refused: ${read.detail}`);
  return read.sessions[0]!;
}

function post(body: string): Promise<Response> {
  return fetch(`${server.url}/api/sessions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
}

describe('session files: download (CMD-11) and a class started from one (REST-1 `from`, FILE-2)', () => {
  it('a fork downloaded and started as a new class continues bit for bit, as the engine would', async () => {
    await withClass(server, { config: CONFIG, students: ['Ann', 'Ben'] }, async ({ teacher, students: [ann, ben] }) => {
      const annFork = await fork(ann.socket, ann.welcome.classSession.sessionId);
      await stepAndWait(ann.socket, annFork.sessionId, 3);
      // PERM-2: Ann and the teacher may download Ann's fork, Ben may not
      expect(await exportSession(ben.socket, annFork.sessionId)).toMatchObject({ ok: false, error: { code: ErrorCode.forbidden } });
      expect((await exported(teacher.socket, annFork.sessionId)).trainer).toBeDefined();
      const saved = await exported(ann.socket, annFork.sessionId);
      expect(saved).toMatchObject({ sessionId: annFork.sessionId, epoch: 3, trainer: { epoch: 3, optimizer: { kind: 'adam' } } });

      const created = await post(JSON.stringify({ teacherName: 'Mr Wu', from: saved }));
      expect(created.status).toBe(201);
      const reply = (await created.json()) as { sessionId: string; code: string; teacherToken: string; joinUrl: string };
      const wu = await connect(server.url, teacherAuth(reply));
      try {
        expect(wu.welcome.classSession).toMatchObject({ kind: 'class', epoch: 3, params: saved.params, lossHistory: saved.lossHistory, config: saved.config });
        await stepAndWait(wu.socket, reply.sessionId, 4);
        await stepAndWait(ann.socket, annFork.sessionId, 4);
        const fromFile = await exported(wu.socket, reply.sessionId);
        const original = await exported(ann.socket, annFork.sessionId);
        const engine = Trainer.fromState(saved.trainer);
        for (let i = 0; i < 4; i++) engine.trainEpoch();
        expect(fromFile.epoch).toBe(7);
        expect(fromFile.params).toEqual(original.params);
        expect(fromFile.trainer).toEqual(original.trainer);
        expect(fromFile.params).toEqual(Array.from(engine.network.params));
        // the teacher's whole-class export (REST-3) carries the same exact state, and reads as a playground file
        const response = await fetch(`${server.url}/api/sessions/${reply.sessionId}/export`, { headers: { authorization: `Bearer ${reply.teacherToken}` } });
        const whole = readPlaygroundFile(await response.text());
        if (!whole.ok) throw new Error(whole.detail);
        expect(whole.sessions[0]!.trainer).toEqual(fromFile.trainer);
      } finally {
        wu.socket.close();
      }
    });
  });

  it("the forks of classEnded carry their exact trainer state (CMD-7, FILE-2)", async () => {
    await withClass(server, { config: CONFIG, students: ['Ann'] }, async ({ teacher, students: [ann] }) => {
      const annFork = await fork(ann.socket, ann.welcome.classSession.sessionId);
      await stepAndWait(ann.socket, annFork.sessionId, 2);
      const ended = nextEvent<ClassEnded>(ann.socket, 'classEnded');
      expect(await command(teacher.socket, { type: 'endClass' })).toMatchObject({ ok: true });
      const { forks } = await ended;
      const read = readPlaygroundFile(JSON.stringify(playgroundFileOf(forks!, 'ABC234')));
      expect(read).toMatchObject({ ok: true, sessions: [{ sessionId: annFork.sessionId, epoch: 2, trainer: { epoch: 2, optimizer: { kind: 'adam' } } }] });
    });
  });

  it('a file without the trainer state still starts a class, from its weights', async () => {
    await withClass(server, { students: ['Ann'] }, async ({ students: [ann] }) => {
      const { trainer: _dropped, ...older } = await exported(ann.socket, ann.welcome.classSession.sessionId);
      const created = await post(JSON.stringify({ teacherName: 'Mr Wu', from: older }));
      expect(created.status).toBe(201);
    });
  });

  it('refuses a hostile session with a clear error, creating nothing', async () => {
    await withClass(server, { config: CONFIG, students: ['Ann'] }, async ({ students: [ann] }) => {
      const saved = await exported(ann.socket, ann.welcome.classSession.sessionId);
      const text = JSON.stringify({ teacherName: 'Eve', from: saved });
      const trainer = saved.trainer!;
      const bodies: [string, string, number][] = [
        ['params of the wrong size', JSON.stringify({ teacherName: 'Eve', from: { ...saved, trainer: { ...trainer, params: trainer.params.slice(1) } } }), 400],
        ['moments of the wrong size', JSON.stringify({ teacherName: 'Eve', from: { ...saved, trainer: { ...trainer, optimizer: { ...trainer.optimizer, m: [1] } } } }), 400],
        ['an infinite weight', text.replace(/"params":\[[-0-9.e]+/, '"params":[1e999'), 400],
        ['a huge array', JSON.stringify({ teacherName: 'Eve', from: { ...saved, trainer: { ...trainer, params: new Array(100_000).fill(0.5) } } }), 400],
        ['a string epoch', JSON.stringify({ teacherName: 'Eve', from: { ...saved, trainer: { ...trainer, epoch: '0' } } }), 400],
        ['a zero random state', JSON.stringify({ teacherName: 'Eve', from: { ...saved, trainer: { ...trainer, rng: [0, 0, 0, 0] } } }), 400],
        ['a prototype-pollution key', text.replace('"trainer":{', '"trainer":{"__proto__":{"admin":true},'), 400],
        ['a constructor key', text.replace('"schedule":{', '"schedule":{"constructor":{"prototype":{"admin":true}},'), 400],
        ['deep nesting', text.replace('"diverged":null', `"diverged":${'['.repeat(100_000)}${']'.repeat(100_000)}`), 400],
        ['config and from', JSON.stringify({ teacherName: 'Eve', config: {}, from: saved }), 400],
        ['a 40 MB body', JSON.stringify({ teacherName: 'Eve', from: { ...saved, ownerName: 'x'.repeat(40 * 1024 * 1024) } }), 413],
      ];
      const before = server.app.playroom.registry.sessionCount();
      for (const [what, body, status] of bodies) {
        const response = await post(body);
        expect(response.status, what).toBe(status);
        const reply = (await response.json()) as { error: { code: string; message: string } };
        expect(reply.error.code, what).toBe(ErrorCode.badRequest);
        expect(reply.error.message.length, what).toBeGreaterThan(0);
      }
      expect(server.app.playroom.registry.sessionCount()).toBe(before);
      expect(({} as { admin?: boolean }).admin).toBeUndefined();
      // the reasons are named
      const wrongSize = await post(bodies[1]![1]);
      expect(((await wrongSize.json()) as { error: { message: string } }).error.message).toMatch(/optimizer\.m/);
    });
  });

  it('rate-limits downloads per participant, beyond the command bucket', async () => {
    await withClass(server, { students: ['Ann'] }, async ({ students: [ann] }) => {
      const id = ann.welcome.classSession.sessionId;
      const acks = await Promise.all(Array.from({ length: 8 }, () => exportSession(ann.socket, id)));
      const refused = acks.filter((ack) => !ack.ok);
      expect(refused.length).toBeGreaterThan(0);
      expect(refused[0]).toMatchObject({ ok: false, error: { code: ErrorCode.rateLimited } });
      const file: PlaygroundFile | undefined = acks.find((ack) => ack.ok)?.file;
      expect(file?.fromClass).toMatch(/^[A-Z0-9]{6}$/);
    });
  });
});
