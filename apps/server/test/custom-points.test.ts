import { LIMITS, type CustomPoint } from '@playroom/engine';
import { ErrorCode, type CommandAck, type SessionState, type SessionUpdate } from '@playroom/protocol';
import { describe, expect, it } from 'vitest';
import { command, connect, fork, nextEvent, startServer, tempDataDir, useServer, withClass, type Client } from './harness';

/*
 * "Draw your own data" (issue 12): the web app sends a playground's drawn
 * points as setConfig {dataset: 'custom', customPoints}. What the server
 * does with them: takes a valid set (CMD-2, a regenerate), sends it to
 * every watcher (CMD-3, the spotlight included, PERM-2), stores it with the
 * session (PERSIST-1/2), and refuses, changing nothing (CMD-1), a set over
 * LIMITS.maxCustomPoints, outside [-6, 6]², or whose labels do not fit the
 * problem.
 */

const server = useServer();

/** `count` points spread over the square, labels alternating −1/+1. */
function drawnPoints(count: number): CustomPoint[] {
  return Array.from({ length: count }, (_, i) => ({
    x: Math.round((-6 + ((i * 37) % 1201) / 100) * 100) / 100,
    y: Math.round((6 - ((i * 53) % 1201) / 100) * 100) / 100,
    label: i % 2 === 0 ? -1 : 1,
  }));
}

const setPoints = (client: Client, sessionId: string, patch: object) => command<CommandAck<'setConfig'>>(client.socket, { type: 'setConfig', sessionId, patch });

/** The session as the server has it now (a watch ack is its full state). */
async function stateOf(client: Client, sessionId: string): Promise<SessionState> {
  const ack = await command<CommandAck<'watch'>>(client.socket, { type: 'watch', sessionId });
  if (!ack.ok) throw new Error(`watch refused: ${ack.error.code}`);
  return ack.session;
}

describe('custom points', () => {
  it('CMD-10, CMD-3, PERM-2: a fork’s drawn points are taken (a regenerate at epoch 0) and reach its watchers: the teacher and, spotlighted, every student', async () => {
    await withClass(server, { students: ['Ana', 'Ben'] }, async ({ created, teacher, students: [ana, ben] }) => {
      const forkId = (await fork(ana.socket, created.sessionId)).sessionId;
      await command(ana.socket, { type: 'step', sessionId: forkId, epochs: 5 });
      expect((await command(teacher.socket, { type: 'spotlight', sessionId: forkId })).ok).toBe(true);
      await stateOf(teacher, forkId);
      await stateOf(ben, forkId);
      const points = drawnPoints(300);
      const drawnUpdate = (client: Client) =>
        nextEvent<SessionUpdate>(client.socket, 'session', (u) => u.state.sessionId === forkId && u.state.config.dataset === 'custom');
      const seen = [drawnUpdate(teacher), drawnUpdate(ben)];
      const ack = await setPoints(ana, forkId, { dataset: 'custom', customPoints: points });
      expect(ack).toMatchObject({ ok: true, effect: 'regenerate' });
      for (const update of await Promise.all(seen)) {
        expect(update.cause).toBe('setConfig');
        expect(update.by).toBe(ana.welcome.participantId);
        expect(update.state.config.customPoints).toEqual(points);
        expect(update.state.epoch).toBe(0);
      }
    });
  });

  it('CMD-10: the teacher’s points on the class session reach every student', async () => {
    await withClass(server, { students: ['Ana'] }, async ({ created, teacher, students: [ana] }) => {
      const points = drawnPoints(12);
      const seen = nextEvent<SessionUpdate>(ana.socket, 'session', (u) => u.state.sessionId === created.sessionId);
      expect((await setPoints(teacher, created.sessionId, { dataset: 'custom', customPoints: points })).ok).toBe(true);
      expect((await seen).state.config.customPoints).toEqual(points);
    });
  });

  it(`CMD-10: ${LIMITS.maxCustomPoints + 1} points are refused with an error that says the limit, and nothing changes; ${LIMITS.maxCustomPoints} are taken`, async () => {
    await withClass(server, { students: ['Ana'] }, async ({ created, students: [ana] }) => {
      const forkId = (await fork(ana.socket, created.sessionId)).sessionId;
      const before = await stateOf(ana, forkId);
      const ack = await setPoints(ana, forkId, { dataset: 'custom', customPoints: drawnPoints(LIMITS.maxCustomPoints + 1) });
      if (ack.ok) throw new Error('2,001 points were taken');
      expect(ack.error.code).toBe(ErrorCode.badRequest);
      expect(ack.error.field).toBe('/patch/customPoints');
      expect(ack.error.message).toContain(String(LIMITS.maxCustomPoints));
      expect(await stateOf(ana, forkId)).toEqual(before);
      const full = drawnPoints(LIMITS.maxCustomPoints);
      expect((await setPoints(ana, forkId, { dataset: 'custom', customPoints: full })).ok).toBe(true);
      expect((await stateOf(ana, forkId)).config.customPoints).toEqual(full);
    });
  });

  it('CMD-10: points outside [-6, 6]², labels that do not fit the problem, and no points at all are refused invalidConfig on customPoints, and nothing changes', async () => {
    await withClass(server, { students: ['Ana'] }, async ({ created, students: [ana] }) => {
      const forkId = (await fork(ana.socket, created.sessionId)).sessionId;
      const before = await stateOf(ana, forkId);
      const refusals: [string, object][] = [
        ['x outside', { customPoints: [{ x: 6.01, y: 0, label: 1 }] }],
        ['y outside', { customPoints: [{ x: 0, y: -7, label: -1 }] }],
        ['classification label 0.5', { customPoints: [{ x: 0, y: 0, label: 0.5 }] }],
        ['classification label 0', { customPoints: [{ x: 0, y: 0, label: 0 }] }],
        ['multiclass class 4', { problem: 'multiclass', outputLoss: 'softmax-xent', customPoints: [{ x: 0, y: 0, label: 4 }] }],
        ['multiclass class −1', { problem: 'multiclass', outputLoss: 'softmax-xent', customPoints: [{ x: 0, y: 0, label: -1 }] }],
        ['multiclass class 1.5', { problem: 'multiclass', outputLoss: 'softmax-xent', customPoints: [{ x: 0, y: 0, label: 1.5 }] }],
        ['regression value 2', { problem: 'regression', outputLoss: 'linear-square', customPoints: [{ x: 0, y: 0, label: 2 }] }],
        ['no points', { customPoints: [] }],
      ];
      for (const [what, patch] of refusals) {
        const ack = await setPoints(ana, forkId, { dataset: 'custom', ...patch });
        expect(ack.ok ? 'ok' : `${ack.error.code} ${ack.error.field}`, what).toBe(`${ErrorCode.invalidConfig} customPoints`);
      }
      expect(await stateOf(ana, forkId)).toEqual(before);
      // the same labels are fine where they fit
      expect((await setPoints(ana, forkId, { dataset: 'custom', problem: 'multiclass', outputLoss: 'softmax-xent', customPoints: [{ x: 0, y: 0, label: 3 }] })).ok).toBe(true);
      expect((await setPoints(ana, forkId, { problem: 'regression', outputLoss: 'linear-square', customPoints: [{ x: 6, y: -6, label: -0.25 }] })).ok).toBe(true);
    });
  });

  it('CMD-10, PERSIST-1/PERSIST-2: the drawn points are stored with the fork and the class session: after a restart they are back', async () => {
    const dataDir = tempDataDir();
    const forkPoints = drawnPoints(1500);
    const classPoints = drawnPoints(7);
    const first = await startServer({ dataDir });
    const stored = await withClass(first, { students: ['Ana'] }, async ({ created, teacher, students: [ana] }) => {
      const forkId = (await fork(ana.socket, created.sessionId)).sessionId;
      expect((await setPoints(ana, forkId, { dataset: 'custom', customPoints: forkPoints })).ok).toBe(true);
      expect((await setPoints(teacher, created.sessionId, { dataset: 'custom', customPoints: classPoints })).ok).toBe(true);
      return { code: created.code, token: ana.welcome.participantToken!, forkId };
    });
    await first.close();
    const second = await startServer({ dataDir });
    try {
      const ana = await connect(second.url, { role: 'student', code: stored.code, token: stored.token });
      try {
        expect(ana.welcome.classSession.config).toMatchObject({ dataset: 'custom', customPoints: classPoints });
        const forkState = await stateOf(ana, stored.forkId);
        expect(forkState.config).toMatchObject({ dataset: 'custom', customPoints: forkPoints });
      } finally {
        ana.socket.close();
      }
    } finally {
      await second.close();
    }
  });
});
