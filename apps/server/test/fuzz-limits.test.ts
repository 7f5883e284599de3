import fc from 'fast-check';
import { ErrorCode, type CommandAck } from '@playroom/protocol';
import { afterAll, describe, expect, it } from 'vitest';
import { command, connect, refusedHandshake, startClass, useServer, type Client, type TestClass } from './harness';

/*
 * A fuzz run over the commands and limits of issue 8 (LIM-5, LIM-6, JOIN-3,
 * CMD-9, FORK-*): random joins, forks, deletions, locks, removals and
 * rejoins in two classes on a server with small limits. After every step
 * the server's own state keeps every limit, every answer is one the
 * protocol lists for it, and one class never takes what the other needs.
 */
const LIMITS = { maxParticipantsPerClass: 4, maxForksPerParticipant: 2, maxSessionsPerClass: 6, maxSessions: 11 };
const server = useServer({ ...LIMITS, vacantSeatAfterMs: 600_000, commandRate: { perSecond: 1_000_000, burst: 1_000_000 } });

type Action =
  | { kind: 'join'; cls: number }
  | { kind: 'fork'; cls: number; who: number }
  | { kind: 'deleteFork'; cls: number; who: number; pick: number }
  | { kind: 'lock'; cls: number; locked: boolean }
  | { kind: 'remove'; cls: number; pick: number }
  | { kind: 'rejoin'; cls: number; pick: number };

const cls = fc.integer({ min: 0, max: 1 });
const index = fc.nat({ max: 9 });
const action: fc.Arbitrary<Action> = fc.oneof(
  fc.record({ kind: fc.constant('join' as const), cls }),
  fc.record({ kind: fc.constant('fork' as const), cls, who: index }),
  fc.record({ kind: fc.constant('deleteFork' as const), cls, who: index, pick: index }),
  fc.record({ kind: fc.constant('lock' as const), cls, locked: fc.boolean() }),
  fc.record({ kind: fc.constant('remove' as const), cls, pick: index }),
  fc.record({ kind: fc.constant('rejoin' as const), cls, pick: index }),
);

/** What each kind of step may answer (PROTOCOL.md's tables); `ok` included. */
const ALLOWED: Record<Action['kind'], readonly string[]> = {
  join: ['ok', ErrorCode.classFull, ErrorCode.classLocked],
  fork: ['ok', ErrorCode.forkLimit, ErrorCode.sessionLimit],
  deleteFork: ['ok', ErrorCode.forbidden, ErrorCode.sessionNotFound],
  lock: ['ok'],
  remove: ['ok', ErrorCode.participantNotFound],
  rejoin: ['ok', ErrorCode.badToken],
};

interface Student {
  client: Client;
  token: string;
  removed: boolean;
}

const classes: { lesson: TestClass; students: Student[]; locked: boolean }[] = [];
afterAll(() => {
  for (const { lesson, students } of classes) {
    lesson.close();
    for (const student of students) student.client.socket.close();
  }
});

const codeOf = (ack: CommandAck) => (ack.ok ? 'ok' : ack.error.code);
const pickOf = <T>(list: T[], i: number): T | undefined => (list.length === 0 ? undefined : list[i % list.length]);

async function run(step: Action): Promise<string> {
  const at = classes[step.cls]!;
  const present = at.students.filter((s) => !s.removed);
  switch (step.kind) {
    case 'join':
      try {
        const client = await connect(server.url, { role: 'student', code: at.lesson.created.code, name: `S${at.students.length}` });
        at.students.push({ client, token: client.welcome.participantToken!, removed: false });
        return 'ok';
      } catch (error) {
        return (error as { data: { code: string } }).data.code;
      }
    case 'fork': {
      const who = pickOf(present, step.who);
      if (!who) return 'ok';
      return codeOf(await command(who.client.socket, { type: 'fork', sessionId: at.lesson.created.sessionId }));
    }
    case 'deleteFork': {
      const who = pickOf(present, step.who);
      const forks = server.app.playroom.registry.byId(at.lesson.created.sessionId)!.allForks();
      const target = pickOf(forks, step.pick);
      if (!who || !target) return 'ok';
      const code = codeOf(await command(who.client.socket, { type: 'deleteFork', sessionId: target.id }));
      // only its owner may delete a fork (FORK-3)
      if (target.identity.ownerId !== who.client.welcome.participantId) expect(code).toBe(ErrorCode.forbidden);
      return code;
    }
    case 'lock': {
      const code = codeOf(await command(at.lesson.teacher.socket, { type: 'lockClass', locked: step.locked }));
      if (code === 'ok') at.locked = step.locked;
      return code;
    }
    case 'remove': {
      // a removed student, a present one, or the teacher herself (never removable)
      const target = pickOf([...at.students.map((s) => s.client.welcome.participantId), at.lesson.teacher.welcome.participantId], step.pick)!;
      const code = codeOf(await command(at.lesson.teacher.socket, { type: 'removeParticipant', participantId: target }));
      const student = at.students.find((s) => s.client.welcome.participantId === target);
      if (code === 'ok') student!.removed = true;
      else expect(student === undefined || student.removed).toBe(true);
      return code;
    }
    case 'rejoin': {
      const who = pickOf(at.students, step.pick);
      if (!who) return 'ok';
      const auth = { role: 'student', code: at.lesson.created.code, token: who.token };
      if (who.removed) return (await refusedHandshake(server.url, auth)).code;
      const again = await connect(server.url, auth);
      again.socket.close();
      return 'ok';
    }
  }
}

/** The server's own state keeps every limit and agrees with what the answers said. */
function checkInvariants(): void {
  const { registry } = server.app.playroom;
  expect(registry.sessionCount()).toBeLessThanOrEqual(LIMITS.maxSessions);
  for (const at of classes) {
    const classroom = registry.byId(at.lesson.created.sessionId)!;
    expect(classroom.sessions().length).toBeLessThanOrEqual(LIMITS.maxSessionsPerClass);
    expect(classroom.roster.students().length).toBeLessThanOrEqual(LIMITS.maxParticipantsPerClass);
    expect(classroom.locked).toBe(at.locked);
    for (const fork of classroom.allForks()) expect(classroom.roster.get(fork.identity.ownerId)).toBeDefined();
    for (const student of at.students) {
      expect(classroom.roster.get(student.client.welcome.participantId) === undefined).toBe(student.removed);
      expect(classroom.forksOf(student.client.welcome.participantId).length).toBeLessThanOrEqual(LIMITS.maxForksPerParticipant);
    }
  }
}

describe('fuzz over the class limits', () => {
  it('LIM-5/LIM-6/JOIN-3/CMD-9: 1,200 random steps in two classes keep every limit, answer only listed codes, and leave room for the other class', async () => {
    for (let i = 0; i < 2; i++) classes.push({ lesson: await startClass(server, { teacherName: `T${i}` }), students: [], locked: false });
    const steps = fc.sample(action, { numRuns: 1200, seed: 808 });
    const seen = new Map<string, number>();
    for (const step of steps) {
      const sessionsBefore = server.app.playroom.registry.byId(classes[step.cls]!.lesson.created.sessionId)!.sessions().length;
      const code = await run(step);
      expect(ALLOWED[step.kind]).toContain(code);
      // a class is refused a fork for its own size (LIM-5) or the server's, never for its neighbour's share
      if (step.kind === 'fork' && code === ErrorCode.sessionLimit) {
        const total = server.app.playroom.registry.sessionCount();
        expect(sessionsBefore === LIMITS.maxSessionsPerClass || total === LIMITS.maxSessions).toBe(true);
      }
      seen.set(`${step.kind} ${code}`, (seen.get(`${step.kind} ${code}`) ?? 0) + 1);
      checkInvariants();
    }
    console.log(`fuzz over class limits: ${[...seen].map(([k, n]) => `${k} ×${n}`).join(', ')}`);
    // the run reached the limits it is about, not only the easy paths
    for (const reached of ['fork forkLimit', 'join classFull', 'remove ok', 'rejoin badToken', 'deleteFork ok']) expect(seen.get(reached)).toBeGreaterThan(0);
    expect(await (await fetch(`${server.url}/readyz`)).json()).toEqual({ status: 'ready' });
  }, 120_000);
});
