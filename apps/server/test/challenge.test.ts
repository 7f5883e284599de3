import { Trainer } from '@playroom/engine';
import { ErrorCode, type ChallengeGoal, type CommandAck, type LeaderboardUpdate, type SessionState } from '@playroom/protocol';
import type { Socket } from 'socket.io-client';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { command, fork, nextEvent, openSocket, startServer, stepAndWait, tempDataDir, useServer, withClass, type Client } from './harness';

/*
 * Challenges (rules CHAL-1…CHAL-8) against a real server: the server scores
 * every student fork on its own held-out set and ranks them.
 */

const server = useServer();
const GOAL: ChallengeGoal = { dataset: 'circle', noise: 0, features: ['x1', 'x2', 'x1sq', 'x2sq'], budget: { kind: 'neurons', max: 4 }, targetTestLoss: 0.5, timeLimitSec: null };
const codeOf = (ack: CommandAck) => (ack.ok ? 'ok' : ack.error.code);
const start = (teacher: Client, goal: ChallengeGoal = GOAL) => command(teacher.socket, { type: 'startChallenge', goal });

/** The next leaderboard where `accept` holds. */
const leaderboard = (socket: Socket, accept: (update: LeaderboardUpdate) => boolean, timeoutMs = 10_000) =>
  nextEvent<LeaderboardUpdate>(socket, 'leaderboard', accept, timeoutMs);
const scored = (ids: string[]) => (update: LeaderboardUpdate) =>
  ids.every((id) => update.challenge?.entries.some((e) => e.forkId === id && (e.testLoss !== null || e.disqualified.length > 0)));

async function trainedFork(student: Client, classId: string, patch: object, epochs: number): Promise<SessionState> {
  const own = await fork(student.socket, classId);
  const ack = await command(student.socket, { type: 'setConfig', sessionId: own.sessionId, patch });
  expect(ack.ok ? 'ok' : JSON.stringify(ack.error)).toBe('ok');
  if (epochs > 0) await stepAndWait(student.socket, own.sessionId, epochs);
  return own;
}

afterEach(() => vi.restoreAllMocks());

describe('challenges', () => {
  it('CHAL-2/CHAL-4: the server scores forks on its own held-out set; PERM-5: students cannot start or end one', async () => {
    await withClass(server, { students: ['Ana', 'Ben'] }, async ({ created, teacher, students: [ana, ben] }) => {
      expect(codeOf(await command(ana.socket, { type: 'startChallenge', goal: GOAL }))).toBe(ErrorCode.forbidden);
      const started = leaderboard(ana.socket, (u) => u.challenge !== null);
      expect(codeOf(await start(teacher))).toBe('ok');
      expect((await started).challenge!.goal).toEqual(GOAL);
      expect(codeOf(await command(ben.socket, { type: 'endChallenge' }))).toBe(ErrorCode.forbidden);

      const anas = await trainedFork(ana, created.sessionId, { features: ['x1sq', 'x2sq'], hiddenLayers: [2], learningRate: 0.1 }, 40);
      const bens = await trainedFork(ben, created.sessionId, { features: ['x1', 'x2'], hiddenLayers: [3] }, 5);
      // the score is the engine's loss on the server's set, not the fork's own test split
      const classroom = server.app.playroom.registry.byId(created.sessionId)!;
      const heldOut = classroom.challenge!.heldOutSet;
      const engineLoss = (forkId: string) => {
        const trainer = Trainer.fromState(classroom.session(forkId)!.toRecord().trainer);
        return heldOut.loss(trainer.network, trainer.config.features);
      };
      // both forks trained and are paused now: a board with both scored on their last clock carries these numbers
      const expected = new Map([anas, bens].map((f) => [f.sessionId, engineLoss(f.sessionId)]));
      const board = (await leaderboard(teacher.socket, (u) => u.challenge?.entries.length === 2 && u.challenge.entries.every((e) => e.testLoss === expected.get(e.forkId)))).challenge!;
      expect(board.entries.map((e) => e.rank)).toEqual([1, 2]);
      for (const entry of board.entries) expect(entry.testLoss).not.toBe(classroom.session(entry.forkId)!.metrics().testLoss);
      // the held-out seed is in no payload (CHAL-2)
      const seed = String(classroom.challenge!.toRecord().heldOutSeed);
      expect(JSON.stringify(board)).not.toContain('heldOutSeed');
      expect(JSON.stringify(board.entries)).not.toContain(seed);
      // a student sees the ranks too
      const seen = (await leaderboard(ana.socket, scored([anas.sessionId, bens.sessionId]))).challenge!;
      expect(seen.entries.map((e) => [e.forkId, e.rank])).toEqual(board.entries.map((e) => [e.forkId, e.rank]));
    });
  });

  it('CHAL-3: a fork breaking a rule is not ranked, and its owner is told why (others are not)', async () => {
    await withClass(server, { students: ['Ana', 'Ben'] }, async ({ created, teacher, students: [ana, ben] }) => {
      expect(codeOf(await start(teacher))).toBe('ok');
      const cheat = await trainedFork(ana, created.sessionId, { features: ['x1', 'sinx1'], hiddenLayers: [4, 2] }, 2);
      const fair = await trainedFork(ben, created.sessionId, { features: ['x1', 'x2'], hiddenLayers: [2] }, 2);
      const own = (await leaderboard(ana.socket, scored([cheat.sessionId, fair.sessionId]))).challenge!;
      const entry = own.entries.find((e) => e.forkId === cheat.sessionId)!;
      expect(entry.rank).toBeNull();
      expect(entry.testLoss).toBeNull();
      expect(entry.disqualified).toEqual([{ code: 'feature', feature: 'sinx1' }, { code: 'neurons', count: 6, max: 4 }]);
      const others = (await leaderboard(ben.socket, scored([fair.sessionId]))).challenge!;
      expect(others.entries.map((e) => e.forkId)).toEqual([fair.sessionId]);
    });
  });

  it('NAMES-2: names hidden → no student gets another student’s real name in any leaderboard', async () => {
    const names = ['Annabel Quorrin', 'Bertrand Vexley'];
    await withClass(server, { students: names }, async ({ created, teacher, students }) => {
      expect(codeOf(await command(teacher.socket, { type: 'hideNames', hidden: true }))).toBe('ok');
      const received: [number, unknown][] = [];
      students.forEach((s, i) => s.socket.on('leaderboard', (u: unknown) => received.push([i, u])));
      expect(codeOf(await start(teacher))).toBe('ok');
      const forks = [];
      for (const s of students) forks.push(await trainedFork(s, created.sessionId, { features: ['x1', 'x2'], hiddenLayers: [2] }, 2));
      const ids = forks.map((f) => f.sessionId);
      await Promise.all(students.map((s) => leaderboard(s.socket, scored(ids))));
      const ended = Promise.all(students.map((s) => leaderboard(s.socket, (u) => u.challenge !== null && u.challenge.endedAt !== null)));
      expect(codeOf(await command(teacher.socket, { type: 'endChallenge' }))).toBe('ok');
      await ended;
      for (const [i, update] of received) {
        const wire = JSON.stringify(update);
        expect(wire.includes(names[1 - i]!), `student ${i} got the other's name`).toBe(false);
      }
    });
  });

  it('CHAL-5: at most one leaderboard a second while forks train, none while nothing changes', async () => {
    await withClass(server, { students: ['Ana'] }, async ({ created, teacher, students: [ana] }) => {
      expect(codeOf(await start(teacher))).toBe('ok');
      const own = await trainedFork(ana, created.sessionId, { features: ['x1', 'x2'], hiddenLayers: [2], learningRate: 0.01 }, 0);
      expect(codeOf(await command(ana.socket, { type: 'setSpeed', sessionId: own.sessionId, speed: 30 }))).toBe('ok');
      expect(codeOf(await command(ana.socket, { type: 'play', sessionId: own.sessionId }))).toBe('ok');
      const count = async (ms: number) => {
        let n = 0;
        const listener = () => n++;
        teacher.socket.on('leaderboard', listener);
        await new Promise((r) => setTimeout(r, ms));
        teacher.socket.off('leaderboard', listener);
        return n;
      };
      const whileTraining = await count(3200);
      expect(whileTraining).toBeGreaterThanOrEqual(1);
      expect(whileTraining).toBeLessThanOrEqual(4);
      expect(codeOf(await command(ana.socket, { type: 'pause', sessionId: own.sessionId }))).toBe('ok');
      // the pause itself moves the fork's clock: one more score (≤ 1 s after) and its leaderboard (≤ 1 s after that) may follow
      await new Promise((r) => setTimeout(r, 3000));
      expect(await count(2500)).toBe(0);
    });
  });

  it('CHAL-6: the time limit ends it, with the final standings', async () => {
    await withClass(server, { students: ['Ana'] }, async ({ created, teacher, students: [ana] }) => {
      expect(codeOf(await start(teacher, { ...GOAL, timeLimitSec: 30 }))).toBe('ok');
      const own = await trainedFork(ana, created.sessionId, { features: ['x1', 'x2'], hiddenLayers: [2] }, 2);
      await leaderboard(ana.socket, scored([own.sessionId]));
      const realNow = Date.now.bind(Date);
      vi.spyOn(Date, 'now').mockImplementation(() => realNow() + 31_000);
      const ended = (await leaderboard(ana.socket, (u) => u.challenge?.endedAt != null)).challenge!;
      expect(ended.entries.map((e) => [e.forkId, e.rank])).toEqual([[own.sessionId, 1]]);
      expect(codeOf(await command(teacher.socket, { type: 'endChallenge' }))).toBe(ErrorCode.badRequest);
    });
  });

  it('CHAL-8: a challenge survives a restart, its held-out set and final standings the same', async () => {
    const dataDir = tempDataDir();
    const first = await startServer({ dataDir });
    let classId = '';
    let final: LeaderboardUpdate['challenge'] = null;
    let xs: Float64Array | undefined;
    try {
      await withClass(first, { students: ['Ana'] }, async ({ created, teacher, students: [ana] }) => {
        classId = created.sessionId;
        expect(codeOf(await start(teacher))).toBe('ok');
        const own = await trainedFork(ana, created.sessionId, { features: ['x1', 'x2'], hiddenLayers: [2] }, 3);
        await leaderboard(teacher.socket, scored([own.sessionId]));
        const ended = leaderboard(teacher.socket, (u) => u.challenge?.endedAt != null);
        expect(codeOf(await command(teacher.socket, { type: 'endChallenge' }))).toBe('ok');
        final = (await ended).challenge;
        xs = first.app.playroom.registry.byId(classId)!.challenge!.heldOutSet.xs;
      });
    } finally {
      await first.close();
    }
    const second = await startServer({ dataDir });
    try {
      const classroom = second.app.playroom.registry.byId(classId)!;
      expect(classroom.challenge!.heldOutSet.xs).toEqual(xs);
      const restoredView = classroom.challengeView();
      expect(restoredView).toEqual(final);
      // a client connecting gets it right after its welcome
      const socket = openSocket(second.url, { role: 'student', code: classroom.code, name: 'Cai' });
      const update = await nextEvent<LeaderboardUpdate>(socket, 'leaderboard');
      expect(update.challenge?.endedAt).toBe(final!.endedAt);
      socket.close();
    } finally {
      await second.close();
    }
  });
});
