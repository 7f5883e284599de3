import { COMMAND_TYPES, ErrorCode, type CommandAck, type CommandType } from '@playroom/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeAll, command, connect, createClass, refusedHandshake, startServer, teacherAuth, type Client, type TestServer } from './harness';

/*
 * The permission matrix of shared/ARCHITECTURE.md, rule by rule (PERM-1…5):
 * every command × every role × {class session, a student's fork}.
 */

type Role = 'teacher' | 'classStudent' | 'forkOwner' | 'otherStudent';
type Target = 'class' | 'fork';
const ROLES: Role[] = ['teacher', 'classStudent', 'forkOwner', 'otherStudent'];

const MUTATIONS = ['setConfig', 'play', 'pause', 'step', 'reset', 'regenerateData', 'setWeight', 'setBias', 'setSpeed'] as const;
const TEACHER_ONLY = ['spotlight', 'freezeForks', 'endClass'] as const;

function payload(type: CommandType, sessionId: string, forkId: string): Record<string, unknown> {
  switch (type) {
    case 'setConfig':
      return { type, sessionId, patch: { learningRate: 0.3 } };
    case 'step':
      return { type, sessionId, epochs: 2 };
    case 'setWeight':
      return { type, sessionId, layer: 1, to: 0, from: 0, value: 0.5 };
    case 'setBias':
      return { type, sessionId, layer: 1, to: 0, value: 0.1 };
    case 'setSpeed':
      return { type, sessionId, speed: 30 };
    case 'spotlight':
      return { type, sessionId: forkId };
    case 'freezeForks':
      return { type, frozen: true };
    case 'endClass':
      return { type };
    default:
      return { type, sessionId };
  }
}

/** Whether `role` may send `type` to `target` (the expected matrix). */
function allowed(type: CommandType, role: Role, target: Target): boolean {
  const isTeacher = role === 'teacher';
  const ownsFork = role === 'forkOwner';
  if ((TEACHER_ONLY as readonly string[]).includes(type)) return isTeacher;
  if ((MUTATIONS as readonly string[]).includes(type)) return target === 'class' ? isTeacher : ownsFork;
  switch (type) {
    case 'watch':
    case 'fork':
      return target === 'class' || isTeacher || ownsFork;
    case 'deleteFork':
      return target === 'fork' && ownsFork;
    case 'unwatch':
      return true;
    default:
      throw new Error(`no expectation for ${type}`);
  }
}

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => {
  await server.close();
});

/** A fresh class: teacher, a student who forked, a student in the class view, another student. */
async function setUpClass() {
  const created = await createClass(server.url);
  const teacher = await connect(server.url, teacherAuth(created));
  const forkOwner = await connect(server.url, { role: 'student', code: created.code, name: 'Owner' });
  const classStudent = await connect(server.url, { role: 'student', code: created.code, name: 'Viewer' });
  const otherStudent = await connect(server.url, { role: 'student', code: created.code, name: 'Other' });
  const forked = await command<CommandAck<'fork'>>(forkOwner.socket, { type: 'fork', sessionId: created.sessionId });
  if (!forked.ok) throw new Error('fork failed');
  const clients: Record<Role, Client> = { teacher, forkOwner, classStudent, otherStudent };
  return { created, clients, forkId: forked.session.sessionId };
}

describe('permission matrix', () => {
  const cases: [CommandType, Role, Target][] = [];
  for (const type of COMMAND_TYPES) {
    for (const role of ROLES) {
      const targets: Target[] = (TEACHER_ONLY as readonly string[]).includes(type) ? ['class'] : ['class', 'fork'];
      for (const target of targets) cases.push([type, role, target]);
    }
  }

  it.each(cases)('PERM: %s by %s on the %s session', async (type, role, target) => {
    const { created, clients, forkId } = await setUpClass();
    try {
      const sessionId = target === 'class' ? created.sessionId : forkId;
      const registry = server.app.playroom.registry;
      const classroom = registry.byId(created.sessionId)!;
      const clockBefore = classroom.sessions().map((s) => s.clock);
      const ack = await command(clients[role].socket, payload(type, sessionId, forkId));
      if (allowed(type, role, target)) {
        expect(ack, JSON.stringify(ack)).toMatchObject({ ok: true });
      } else {
        expect(ack).toMatchObject({ ok: false });
        if (!ack.ok) expect(ack.error.code).toBe(ErrorCode.forbidden);
        // rule CMD-1: a refused command changes nothing
        expect(classroom.sessions().map((s) => s.clock)).toEqual(clockBefore);
        expect(registry.byId(created.sessionId)).toBe(classroom);
      }
    } finally {
      closeAll(Object.values(clients));
    }
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
    const { created, clients, forkId } = await setUpClass();
    try {
      const { teacher, otherStudent } = clients;
      expect((await command(otherStudent.socket, { type: 'watch', sessionId: forkId })).ok).toBe(false);
      expect((await command(teacher.socket, { type: 'spotlight', sessionId: forkId })).ok).toBe(true);
      expect((await command(otherStudent.socket, { type: 'watch', sessionId: forkId })).ok).toBe(true);
      expect((await command(otherStudent.socket, { type: 'fork', sessionId: forkId })).ok).toBe(true);
      expect((await command(otherStudent.socket, { type: 'play', sessionId: forkId })).ok).toBe(false);
      expect((await command(teacher.socket, { type: 'spotlight', sessionId: null })).ok).toBe(true);
      expect((await command(otherStudent.socket, { type: 'watch', sessionId: forkId })).ok).toBe(false);
      expect((await command(teacher.socket, { type: 'spotlight', sessionId: created.sessionId })).ok).toBe(false);
    } finally {
      closeAll(Object.values(clients));
    }
  });

  it('PERM-6: a session of another class is not found, whoever asks', async () => {
    const first = await setUpClass();
    const second = await setUpClass();
    try {
      for (const role of ROLES) {
        for (const sessionId of [second.created.sessionId, second.forkId, 's_doesNotExist']) {
          const ack = await command(first.clients[role].socket, { type: 'watch', sessionId });
          expect(ack.ok ? null : ack.error.code).toBe(ErrorCode.sessionNotFound);
        }
      }
    } finally {
      closeAll([...Object.values(first.clients), ...Object.values(second.clients)]);
    }
  });
});
