import Database from 'better-sqlite3';
import path from 'node:path';
import {
  ErrorCode,
  LESSON_CONTROLS,
  type ClassStatus,
  type CommandAck,
  type ConfigPatch,
  type LessonControl,
  type SessionUpdate,
} from '@playroom/protocol';
import { describe, expect, it } from 'vitest';
import { command, connect, fork, nextEvent, startServer, tempDataDir, useServer, withClass, type Client, type TestServer } from './harness';

/*
 * Lesson controls (rules LESSON-1…LESSON-4): the teacher fixes or hides
 * chosen controls for the class, and the server refuses a student's change
 * to them in their forks; the teacher's own sessions are never held.
 */

// the every-control test sends a few hundred commands from one socket
const server = useServer({ commandRate: { perSecond: 1_000_000, burst: 1_000_000 } });

/** A change to each control of the default config, and to nothing else. */
const TOUCHES: Record<LessonControl, ConfigPatch> = {
  problem: { outputLoss: 'sigmoid-xent' },
  dataset: { dataset: 'xor' },
  trainRatio: { trainRatio: 70 },
  noise: { noise: 20 },
  batchSize: { batchSize: 25 },
  features: { features: ['x1', 'x2', 'x1sq'] },
  hiddenLayers: { hiddenLayers: [4, 2, 2] },
  neurons: { hiddenLayers: [5, 2] },
  activation: { activation: 'relu' },
  learningRate: { learningRate: 0.3 },
  schedule: { schedule: { kind: 'exponential', decayRate: 0.5, decayEpochs: 100 } },
  optimizer: { optimizer: { kind: 'adam', momentum: 0.9, beta1: 0.9, beta2: 0.999, epsilon: 1e-8 } },
  regularization: { regularization: 'l2' },
  regularizationRate: { regularizationRate: 0.01 },
};

const codeOf = (ack: CommandAck) => (ack.ok ? 'ok' : ack.error.code);

async function setControls(teacher: Client, controls: Record<string, unknown>): Promise<void> {
  const ack = await command(teacher.socket, { type: 'setLessonControls', controls });
  expect(ack.ok, JSON.stringify(ack)).toBe(true);
}

describe('lesson controls', () => {
  it('LESSON-2: a student cannot change the learning rate of their fork once the teacher locked it, and nothing changes', async () => {
    await withClass(server, { students: ['Ana'] }, async ({ created, teacher, students: [ana] }) => {
      const anaFork = await fork(ana.socket, created.sessionId);
      const session = server.app.playroom.registry.byId(created.sessionId)!.session(anaFork.sessionId)!;
      // before the lock her change goes through, as it always did
      expect(codeOf(await command(ana.socket, { type: 'setConfig', sessionId: anaFork.sessionId, patch: { learningRate: 0.1 } }))).toBe('ok');
      await setControls(teacher, { learningRate: 'locked' });
      const updates: SessionUpdate[] = [];
      ana.socket.on('session', (u: SessionUpdate) => updates.push(u));
      const clock = session.clock;
      const ack = await command(ana.socket, { type: 'setConfig', sessionId: anaFork.sessionId, patch: { learningRate: 3, noise: 10 } });
      expect(ack.ok ? null : ack.error).toEqual({ code: ErrorCode.controlLocked, message: 'the teacher locked learningRate for this class', field: 'learningRate' });
      // CMD-1: refused as a whole (the open noise too), not broadcast; the fork keeps the rate it had
      expect(session.clock).toBe(clock);
      expect(session.config).toMatchObject({ learningRate: 0.1, noise: 0 });
      await new Promise((resolve) => setTimeout(resolve, 150));
      expect(updates).toEqual([]);
      // what the lock does not cover still works
      expect(codeOf(await command(ana.socket, { type: 'setConfig', sessionId: anaFork.sessionId, patch: { noise: 10 } }))).toBe('ok');
    });
  });

  it('LESSON-2: every control, locked or hidden, refuses a student change that touches it and lets every other through', async () => {
    await withClass(server, { students: ['Ana'] }, async ({ created, teacher, students: [ana] }) => {
      const refused: string[] = [];
      for (const [i, control] of LESSON_CONTROLS.entries()) {
        // two on: never the other half of the layers/neurons pair, which one patch of hiddenLayers shares
        const other = LESSON_CONTROLS[(i + 2) % LESSON_CONTROLS.length]!;
        for (const state of ['locked', 'hidden'] as const) {
          const anaFork = await fork(ana.socket, created.sessionId);
          await setControls(teacher, { [control]: state });
          const ack = await command(ana.socket, { type: 'setConfig', sessionId: anaFork.sessionId, patch: TOUCHES[control] });
          if (!ack.ok && ack.error.code === ErrorCode.controlLocked && ack.error.field === control) refused.push(`${control}:${state}`);
          else expect.fail(`${control} ${state}: ${JSON.stringify(ack)}`);
          expect(codeOf(await command(ana.socket, { type: 'setConfig', sessionId: anaFork.sessionId, patch: TOUCHES[other] })), `${other} while ${control} is ${state}`).toBe('ok');
          expect(codeOf(await command(ana.socket, { type: 'deleteFork', sessionId: anaFork.sessionId }))).toBe('ok');
        }
      }
      expect(refused).toHaveLength(LESSON_CONTROLS.length * 2);
    });
  });

  it('LESSON-2: a locked dataset also refuses regenerateData; play, step, reset and weights stay free', async () => {
    await withClass(server, { students: ['Ana'] }, async ({ created, teacher, students: [ana] }) => {
      const anaFork = await fork(ana.socket, created.sessionId);
      const sessionId = anaFork.sessionId;
      await setControls(teacher, Object.fromEntries(LESSON_CONTROLS.map((c) => [c, 'locked'])));
      const regenerate = await command(ana.socket, { type: 'regenerateData', sessionId });
      expect(regenerate.ok ? null : regenerate.error).toMatchObject({ code: ErrorCode.controlLocked, field: 'dataset' });
      const free = [
        { type: 'play', sessionId },
        { type: 'pause', sessionId },
        { type: 'step', sessionId, epochs: 2 },
        { type: 'reset', sessionId },
        { type: 'setWeight', sessionId, layer: 1, to: 0, from: 0, value: 0.5 },
        { type: 'setBias', sessionId, layer: 1, to: 0, value: 0.1 },
        { type: 'setSpeed', sessionId, speed: 30 },
        // a patch that changes no control: the values it already has, and the weight seed no control covers
        { type: 'setConfig', sessionId, patch: { learningRate: 0.03, seed: 5 } },
      ];
      for (const sent of free) expect(codeOf(await command(ana.socket, sent)), sent.type).toBe('ok');
    });
  });

  it('LESSON-3: the teacher is never held: the class session and the teacher’s own fork change what students may not', async () => {
    await withClass(server, { students: ['Ana'] }, async ({ created, teacher }) => {
      await setControls(teacher, Object.fromEntries(LESSON_CONTROLS.map((c) => [c, 'hidden'])));
      const own = await fork(teacher.socket, created.sessionId);
      for (const sessionId of [created.sessionId, own.sessionId]) {
        for (const control of LESSON_CONTROLS) {
          expect(codeOf(await command(teacher.socket, { type: 'setConfig', sessionId, patch: TOUCHES[control] })), control).toBe('ok');
        }
        expect(codeOf(await command(teacher.socket, { type: 'regenerateData', sessionId }))).toBe('ok');
      }
    });
  });

  it('LESSON-1: the class hears the new setting in classStatus, late joiners get it in the welcome, open controls are left out', async () => {
    await withClass(server, { students: ['Ana'] }, async ({ created, teacher, students: [ana], join }) => {
      expect(ana.welcome.classStatus.lessonControls).toEqual({});
      const heard = nextEvent<ClassStatus>(ana.socket, 'classStatus', (s) => Object.keys(s.lessonControls).length > 0);
      await setControls(teacher, { regularization: 'hidden', noise: 'open', learningRate: 'locked' });
      const status = await heard;
      expect(status.lessonControls).toEqual({ learningRate: 'locked', regularization: 'hidden' });
      expect(status).toMatchObject({ locked: false, forksFrozen: false, spotlightId: null });
      const ben = await join('Ben');
      expect(ben.welcome.classStatus.lessonControls).toEqual({ learningRate: 'locked', regularization: 'hidden' });
      // the whole setting each time: what is not named is open again
      const reopened = nextEvent<ClassStatus>(ben.socket, 'classStatus');
      await setControls(teacher, { noise: 'locked' });
      expect((await reopened).lessonControls).toEqual({ noise: 'locked' });
      const benFork = await fork(ben.socket, created.sessionId);
      expect(codeOf(await command(ben.socket, { type: 'setConfig', sessionId: benFork.sessionId, patch: { learningRate: 1 } }))).toBe('ok');
    });
  });

  it('VAL-1: a malformed setLessonControls is refused badRequest with its field and changes nothing; a student is forbidden', async () => {
    await withClass(server, { students: ['Ana'] }, async ({ created, teacher, students: [ana] }) => {
      await setControls(teacher, { learningRate: 'locked' });
      const malformed: [unknown, string | undefined][] = [
        [{ type: 'setLessonControls' }, undefined],
        [{ type: 'setLessonControls', controls: null }, '/controls'],
        [{ type: 'setLessonControls', controls: { learningRate: 'frozen' } }, '/controls/learningRate'],
        [{ type: 'setLessonControls', controls: { seed: 'locked' } }, undefined],
        [{ type: 'setLessonControls', controls: { learningRate: true } }, '/controls/learningRate'],
        [{ type: 'setLessonControls', controls: {}, extra: 1 }, undefined],
      ];
      for (const [payload, field] of malformed) {
        const ack = await command(teacher.socket, payload);
        expect(codeOf(ack), JSON.stringify(payload)).toBe(ErrorCode.badRequest);
        if (field !== undefined && !ack.ok) expect(ack.error.field, JSON.stringify(payload)).toBe(field);
      }
      expect(codeOf(await command(ana.socket, { type: 'setLessonControls', controls: {} }))).toBe(ErrorCode.forbidden);
      expect(server.app.playroom.registry.byId(created.sessionId)!.lessonControls).toEqual({ learningRate: 'locked' });
    });
  });

  it('LESSON-4: the setting is stored with the class (acked once stored): after a restart it holds and is enforced', async () => {
    const stored = await classOnDisk((teacher) => setControls(teacher, { learningRate: 'locked', regularization: 'hidden' }));
    await onRestart(stored, async (second, ana) => {
      expect(ana.welcome.classStatus.lessonControls).toEqual({ learningRate: 'locked', regularization: 'hidden' });
      const ack = await command(ana.socket, { type: 'setConfig', sessionId: stored.forkId, patch: { regularization: 'l1' } });
      expect(ack.ok ? null : ack.error.field).toBe('regularization');
      const teacher = await connect(second.url, { role: 'teacher', code: stored.code, token: stored.teacherToken });
      expect(teacher.welcome.classStatus.lessonControls).toEqual({ learningRate: 'locked', regularization: 'hidden' });
      teacher.socket.close();
    });
  });

  it('LESSON-4: a class stored before lesson controls (no lessonControls in its status) comes back with every control open', async () => {
    const stored = await classOnDisk();
    // the row as a server before LESSON-1 wrote it
    const db = new Database(path.join(stored.dataDir, 'playroom.db'));
    db.prepare(`UPDATE classes SET class_status = '{"spotlightId":null,"forksFrozen":false,"locked":false}'`).run();
    db.close();
    await onRestart(stored, async (_second, ana) => {
      expect(ana.welcome.classStatus.lessonControls).toEqual({});
      expect(codeOf(await command(ana.socket, { type: 'setConfig', sessionId: stored.forkId, patch: { learningRate: 1 } }))).toBe('ok');
    });
  });
});

interface StoredClass {
  dataDir: string;
  code: string;
  teacherToken: string;
  /** Ana's token and her fork of the class session */
  token: string;
  forkId: string;
}

/** A class with Ana and her fork on a server of its own, `then` done by its teacher, and the server closed (its final save). */
async function classOnDisk(then: (teacher: Client) => Promise<void> = async () => {}): Promise<StoredClass> {
  const dataDir = tempDataDir();
  const first = await startServer({ dataDir });
  try {
    return await withClass(first, { students: ['Ana'] }, async ({ created, teacher, students: [ana] }) => {
      const forkId = (await fork(ana.socket, created.sessionId)).sessionId;
      await then(teacher);
      return { dataDir, code: created.code, teacherToken: created.teacherToken, token: ana.welcome.participantToken!, forkId };
    });
  } finally {
    await first.close();
  }
}

/** A new server on the stored class's data, with Ana back by her token. */
async function onRestart(stored: StoredClass, body: (server: TestServer, ana: Client) => Promise<void>): Promise<void> {
  const second = await startServer({ dataDir: stored.dataDir });
  try {
    const ana = await connect(second.url, { role: 'student', code: stored.code, token: stored.token });
    try {
      await body(second, ana);
    } finally {
      ana.socket.close();
    }
  } finally {
    await second.close();
  }
}
