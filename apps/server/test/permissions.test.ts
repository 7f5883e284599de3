import { COMMAND_TYPES, ErrorCode, type CommandOf, type CommandType, type CreateSessionReply } from '@playroom/protocol';
import { describe, expect, it } from 'vitest';
import { command, connect, createClass, fork, refusedHandshake, useServer, withClass, type Client } from './harness';

/*
 * The permission matrix of shared/ARCHITECTURE.md, rule by rule (PERM-1…5,
 * FORK-4): every command type × sender (teacher, student) × target (the
 * class session, the sender's own fork, someone else's fork) × whether the
 * teacher has paused the class. The rows come from COMMAND_TYPES and the
 * expectations are a Record<CommandType, …>, so a command added to the
 * protocol is a compile error here until it has its row, and a failing test
 * if it slips past the compiler.
 */

type Sender = 'teacher' | 'student';
type Target = 'class session' | 'own fork' | "someone else's fork";
type Condition = 'running' | 'paused';
const SENDERS: Sender[] = ['teacher', 'student'];
const TARGETS: Target[] = ['class session', 'own fork', "someone else's fork"];
const CONDITIONS: Condition[] = ['running', 'paused'];

type Outcome = 'ok' | ErrorCode;
/** the outcome on [the class session, the sender's own fork, someone else's fork] */
type Row = readonly [Outcome, Outcome, Outcome];
type Expected = Record<`${Sender}:${Condition}`, Row>;

const OK = 'ok';
const NO = ErrorCode.forbidden;

/** The same whether or not the teacher has paused the class. */
const always = (teacher: Row, student: Row): Expected => ({
  'teacher:running': teacher,
  'teacher:paused': teacher,
  'student:running': student,
  'student:paused': student,
});

/** PERM-1: the controller drives a session; FORK-4: a paused class holds a student's own forks, never the teacher's. */
const MUTATION: Expected = {
  'teacher:running': [OK, OK, NO],
  'teacher:paused': [OK, OK, NO],
  'student:running': [NO, OK, NO],
  'student:paused': [NO, ErrorCode.forksFrozen, NO],
};
/** PERM-2: the class session, one's own forks, and the teacher every fork. */
const SEES = always([OK, OK, OK], [OK, OK, NO]);
/** PERM-3: what one sees one may fork; FORK-4: not a student while the class is paused (the teacher may). */
const FORKS: Expected = { ...SEES, 'student:paused': [ErrorCode.forksFrozen, ErrorCode.forksFrozen, NO] };
/** PERM-5: the teacher only; the target does not matter. */
const TEACHER_ONLY = always([OK, OK, OK], [NO, NO, NO]);

const EXPECTED: Record<CommandType, Expected> = {
  setConfig: MUTATION,
  play: MUTATION,
  pause: MUTATION,
  step: MUTATION,
  reset: MUTATION,
  regenerateData: MUTATION,
  setWeight: MUTATION,
  setBias: MUTATION,
  setSpeed: MUTATION,
  fork: FORKS,
  watch: SEES,
  // CMD-11: what one may watch one may download
  exportSession: SEES,
  unwatch: always([OK, OK, OK], [OK, OK, OK]),
  // PERM-4: the owner only, and the class session is no fork
  deleteFork: always([NO, OK, NO], [NO, OK, NO]),
  // PERM-5, and only a fork can be spotlighted
  spotlight: always([ErrorCode.badRequest, OK, OK], [NO, NO, NO]),
  freezeForks: TEACHER_ONLY,
  endClass: TEACHER_ONLY,
  lockClass: TEACHER_ONLY,
  // CMD-9: the teacher takes a student (Ben, never the sender) out, whatever session a row names
  removeParticipant: TEACHER_ONLY,
  // LESSON-1: the teacher sets what students may change
  setLessonControls: TEACHER_ONLY,
  // NAMES-1: the teacher hides names from the class
  hideNames: TEACHER_ONLY,
  // TEACH-1: "Show me" changes a session as setConfig does
  loadPreset: MUTATION,
  // TEACH-3/4: the teacher moves the class through a lesson; a step with no lesson running is a bad request
  setLesson: TEACHER_ONLY,
  lessonStep: always([ErrorCode.badRequest, ErrorCode.badRequest, ErrorCode.badRequest], [NO, NO, NO]),
  // SCRUB-2/3: the timeline is the session's, as any change of it; resuming at now is a bad request
  scrub: MUTATION,
  resumeFrom: {
    'teacher:running': [ErrorCode.badRequest, ErrorCode.badRequest, NO],
    'teacher:paused': [ErrorCode.badRequest, ErrorCode.badRequest, NO],
    'student:running': [NO, ErrorCode.badRequest, NO],
    'student:paused': [NO, ErrorCode.forksFrozen, NO],
  },
  // CHAL-1/CHAL-6: the teacher starts and ends a challenge; ending none is a bad request
  startChallenge: TEACHER_ONLY,
  endChallenge: always([ErrorCode.badRequest, ErrorCode.badRequest, ErrorCode.badRequest], [NO, NO, NO]),
};

/** A valid command of each type on `sessionId` (the target; commands without a session ignore it); `ben` is a student's id. */
const PAYLOADS: { [T in CommandType]: (sessionId: string, ben: string) => CommandOf<T> } = {
  setConfig: (sessionId) => ({ type: 'setConfig', sessionId, patch: { learningRate: 0.3 } }),
  play: (sessionId) => ({ type: 'play', sessionId }),
  pause: (sessionId) => ({ type: 'pause', sessionId }),
  step: (sessionId) => ({ type: 'step', sessionId, epochs: 2 }),
  reset: (sessionId) => ({ type: 'reset', sessionId }),
  regenerateData: (sessionId) => ({ type: 'regenerateData', sessionId }),
  setWeight: (sessionId) => ({ type: 'setWeight', sessionId, layer: 1, to: 0, from: 0, value: 0.5 }),
  setBias: (sessionId) => ({ type: 'setBias', sessionId, layer: 1, to: 0, value: 0.1 }),
  setSpeed: (sessionId) => ({ type: 'setSpeed', sessionId, speed: 30 }),
  fork: (sessionId) => ({ type: 'fork', sessionId }),
  deleteFork: (sessionId) => ({ type: 'deleteFork', sessionId }),
  watch: (sessionId) => ({ type: 'watch', sessionId }),
  unwatch: (sessionId) => ({ type: 'unwatch', sessionId }),
  exportSession: (sessionId) => ({ type: 'exportSession', sessionId }),
  spotlight: (sessionId) => ({ type: 'spotlight', sessionId }),
  freezeForks: () => ({ type: 'freezeForks', frozen: true }),
  endClass: () => ({ type: 'endClass' }),
  lockClass: () => ({ type: 'lockClass', locked: true }),
  removeParticipant: (_sessionId, ben) => ({ type: 'removeParticipant', participantId: ben }),
  setLessonControls: () => ({ type: 'setLessonControls', controls: { learningRate: 'locked' } }),
  hideNames: () => ({ type: 'hideNames', hidden: true }),
  loadPreset: (sessionId) => ({ type: 'loadPreset', sessionId, presetId: 'xor-tanh' }),
  setLesson: () => ({ type: 'setLesson', lesson: { lessonId: 'non-linearity', steps: ['xor-linear', 'xor-tanh'] } }),
  lessonStep: () => ({ type: 'lessonStep', step: 0 }),
  scrub: (sessionId) => ({ type: 'scrub', sessionId, epoch: null }),
  resumeFrom: (sessionId) => ({ type: 'resumeFrom', sessionId }),
  startChallenge: () => ({
    type: 'startChallenge',
    goal: { dataset: 'circle', noise: 0, features: ['x1', 'x2'], budget: { kind: 'neurons', max: 8 }, targetTestLoss: 0.1, timeLimitSec: null },
  }),
  endChallenge: () => ({ type: 'endChallenge' }),
};

interface Case {
  type: CommandType;
  sender: Sender;
  target: Target;
  condition: Condition;
  expected: Outcome | undefined;
}
const CASES: Case[] = COMMAND_TYPES.flatMap((type) =>
  SENDERS.flatMap((sender) =>
    CONDITIONS.flatMap((condition) =>
      TARGETS.map((target, i) => ({ type, sender, target, condition, expected: EXPECTED[type]?.[`${sender}:${condition}`]?.[i] })),
    ),
  ),
);

// every case is a fresh class of four sessions: more than the default server-wide limit in all;
// PERM-6 sends every command to every foreign session from one socket, past the default command budget
const server = useServer({ maxSessions: 100_000, commandRate: { perSecond: 1_000_000, burst: 1_000_000 } });

interface MatrixClass {
  created: CreateSessionReply;
  clients: { teacher: Client; ana: Client; ben: Client; viewer: Client };
  /** the class session's fork of each */
  forks: { teacher: string; ana: string; ben: string };
}

/** A fresh class: the teacher, Ana and Ben with a fork each (of the class session), and a student without one; closed after `body`. */
function withMatrixClass(body: (c: MatrixClass) => Promise<void>): Promise<void> {
  return withClass(server, { students: ['Ana', 'Ben', 'Viewer'] }, async ({ created, teacher, students: [ana, ben, viewer] }) => {
    const forkOf = async (client: Client) => (await fork(client.socket, created.sessionId)).sessionId;
    const forks = { teacher: await forkOf(teacher), ana: await forkOf(ana), ben: await forkOf(ben) };
    await body({ created, clients: { teacher, ana, ben, viewer }, forks });
  });
}

describe('permission matrix', () => {
  it('has a row for every command type: every sender, target and condition', () => {
    expect(Object.keys(EXPECTED).sort()).toEqual([...COMMAND_TYPES].sort());
    expect(CASES.filter((c) => c.expected === undefined)).toEqual([]);
    expect(CASES).toHaveLength(COMMAND_TYPES.length * SENDERS.length * TARGETS.length * CONDITIONS.length);
  });

  it.each(CASES)('PERM/FORK-4: $type by the $sender on the $target, class $condition → $expected', async ({ type, sender, target, condition, expected }) => {
    await withMatrixClass(async ({ created, clients, forks }) => {
      if (condition === 'paused') expect((await command(clients.teacher.socket, { type: 'freezeForks', frozen: true })).ok).toBe(true);
      const own = sender === 'teacher' ? forks.teacher : forks.ana;
      const othersFork = sender === 'teacher' ? forks.ana : forks.ben;
      const sessionId = { 'class session': created.sessionId, 'own fork': own, "someone else's fork": othersFork }[target];
      const registry = server.app.playroom.registry;
      const classroom = registry.byId(created.sessionId)!;
      const before = classroom.sessions().map((s) => [s.id, s.clock]);
      const ack = await command(clients[sender === 'teacher' ? 'teacher' : 'ana'].socket, PAYLOADS[type](sessionId, clients.ben.welcome.participantId));
      expect(ack.ok ? OK : ack.error.code, JSON.stringify(ack)).toBe(expected);
      if (!ack.ok) {
        // rule CMD-1: a refused command changes nothing
        expect(classroom.sessions().map((s) => [s.id, s.clock])).toEqual(before);
        expect(registry.byId(created.sessionId)).toBe(classroom);
      }
    });
  });

  it('HS-4/HS-5: a wrong token or no token never gets in', async () => {
    const created = await createClass(server.url);
    const other = await createClass(server.url);
    const student = await connect(server.url, { role: 'student', code: created.code, name: 'Ana' });
    const studentToken = student.welcome.participantToken!;
    student.socket.close();
    const refusals = await Promise.all([
      refusedHandshake(server.url, { role: 'teacher', code: created.code, token: other.teacherToken }),
      refusedHandshake(server.url, { role: 'teacher', code: created.code, token: 'A'.repeat(32) }),
      refusedHandshake(server.url, { role: 'teacher', code: created.code, token: studentToken }),
      refusedHandshake(server.url, { role: 'student', code: other.code, token: studentToken }),
      refusedHandshake(server.url, { role: 'student', code: created.code, token: created.teacherToken }),
      refusedHandshake(server.url, { role: 'teacher', code: created.code }),
      refusedHandshake(server.url, { role: 'student', code: created.code }),
      refusedHandshake(server.url, { role: 'student', code: created.code, name: '   ' }),
    ]);
    expect(refusals.map((r) => r.code)).toEqual([
      ErrorCode.badToken,
      ErrorCode.badToken,
      ErrorCode.badToken,
      ErrorCode.badToken,
      ErrorCode.badToken,
      ErrorCode.badRequest,
      ErrorCode.nameRequired,
      ErrorCode.nameRequired,
    ]);
    expect(server.app.playroom.registry.byId(created.sessionId)!.roster.students()).toHaveLength(1);
  });

  it('HS-2/HS-3: protocol versions and unknown rooms are refused with codes a client can show', async () => {
    const created = await createClass(server.url);
    const auth = { role: 'student', code: created.code, name: 'Ana' };
    expect((await refusedHandshake(server.url, { ...auth, protocolVersion: 0 })).code).toBe(ErrorCode.clientTooOld);
    expect((await refusedHandshake(server.url, { ...auth, protocolVersion: 999 })).code).toBe(ErrorCode.serverTooOld);
    expect((await refusedHandshake(server.url, { ...auth, protocolVersion: 'one' })).code).toBe(ErrorCode.badRequest);
    expect((await refusedHandshake(server.url, { ...auth, code: 'ZZZZZZ' })).code).toBe(ErrorCode.roomNotFound);
  });

  it('PERM-2: a spotlighted fork may be watched and forked by every student, and is private again afterwards', async () => {
    await withMatrixClass(async ({ created, clients, forks }) => {
      const { teacher, viewer: otherStudent } = clients;
      const forkId = forks.ana;
      expect((await command(otherStudent.socket, { type: 'watch', sessionId: forkId })).ok).toBe(false);
      expect((await command(teacher.socket, { type: 'spotlight', sessionId: forkId })).ok).toBe(true);
      expect((await command(otherStudent.socket, { type: 'watch', sessionId: forkId })).ok).toBe(true);
      expect((await command(otherStudent.socket, { type: 'fork', sessionId: forkId })).ok).toBe(true);
      expect((await command(otherStudent.socket, { type: 'play', sessionId: forkId })).ok).toBe(false);
      expect((await command(teacher.socket, { type: 'spotlight', sessionId: null })).ok).toBe(true);
      expect((await command(otherStudent.socket, { type: 'watch', sessionId: forkId })).ok).toBe(false);
      expect((await command(teacher.socket, { type: 'spotlight', sessionId: created.sessionId })).ok).toBe(false);
    });
  });

  it('PERM-6: a session of another class is not found, whoever asks, with any command that names one', async () => {
    const withSession = COMMAND_TYPES.filter((type) => 'sessionId' in PAYLOADS[type]('s_x', 'p_x'));
    expect(withSession).toHaveLength(COMMAND_TYPES.length - 10); // all but freezeForks, endClass, lockClass, removeParticipant, setLessonControls, hideNames, setLesson, lessonStep, startChallenge, endChallenge
    await withMatrixClass((first) =>
      withMatrixClass(async (second) => {
        for (const client of Object.values(first.clients)) {
          for (const sessionId of [second.created.sessionId, second.forks.ana, second.forks.teacher, 's_doesNotExist']) {
            for (const type of withSession) {
              const ack = await command(client.socket, PAYLOADS[type](sessionId, 'p_x'));
              // a student is told no to the teacher's command before anything is looked up (PERM-5)
              const expected = type === 'spotlight' && client.welcome.role === 'student' ? ErrorCode.forbidden : ErrorCode.sessionNotFound;
              expect(ack.ok ? null : ack.error.code, `${type} ${sessionId}`).toBe(expected);
            }
          }
        }
      }),
    );
  });
});
