import { createTrainer, findPreset, presetConfig } from '@playroom/engine';
import { type ClassStatus, type CommandAck, type SessionUpdate } from '@playroom/protocol';
import { describe, expect, it } from 'vitest';
import { closeAll, command, connect, fork, nextEvent, startServer, stepAndWait, teacherAuth, tempDataDir, useServer, withClass, startClass } from './harness';

/*
 * "Show me" and lessons (TEACH-1…4): `loadPreset` puts a preset's whole
 * config into a session, at epoch 0 on the preset's seeds, playing, and
 * every watcher sees it with the preset named; a student's fork keeps what
 * the teacher locked. A lesson is presets in order: starting it and moving
 * it loads the step's preset into the class session, and the class status
 * says where the class is.
 */

const server = useServer();

/** The weights the engine holds after `epochs` of the preset from its start: what the session must hold then (determinism). */
function presetWeights(id: string, epochs: number): number[] {
  const trainer = createTrainer(presetConfig(findPreset(id)!));
  for (let e = 0; e < epochs; e++) trainer.trainEpoch();
  return Array.from(trainer.network.params);
}

describe('Show me (loadPreset)', () => {
  it('TEACH-1: the teacher loads a preset into the class session; every student sees its config, epoch 0 and the preset id', async () => {
    await withClass(server, { students: ['Ana'] }, async ({ created, teacher, students: [ana] }) => {
      const sessionId = created.sessionId;
      await stepAndWait(teacher.socket, sessionId, 20);
      const seen = nextEvent<SessionUpdate>(ana.socket, 'session', (u) => u.cause === 'loadPreset');
      const ack = await command<CommandAck<'loadPreset'>>(teacher.socket, { type: 'loadPreset', sessionId, presetId: 'xor-linear' });
      expect(ack.ok).toBe(true);
      const { state } = await seen;
      // updates are coalesced: it may have trained a few epochs, from the preset's start, by the time it goes out
      expect(state).toMatchObject({ preset: 'xor-linear', playing: true });
      expect(state.epoch).toBeLessThan(20);
      expect(state.config).toEqual(presetConfig(findPreset('xor-linear')!));
      expect(state.params).toEqual(presetWeights('xor-linear', state.epoch));
      expect(state.lossHistory.points.every((p) => p.epoch <= state.epoch)).toBe(true);

      // changing the config by hand ends "what to watch": the preset is no longer what runs
      const changed = nextEvent<SessionUpdate>(ana.socket, 'session', (u) => u.cause === 'setConfig');
      await command(teacher.socket, { type: 'setConfig', sessionId, patch: { activation: 'tanh' } });
      expect((await changed).state).toMatchObject({ preset: null, config: { activation: 'tanh', dataset: 'xor' } });
    });
  });

  it('TEACH-1: a student loads a preset into her own fork only; an unknown preset or someone else\'s session is refused and nothing changes', async () => {
    await withClass(server, { students: ['Ana', 'Ben'] }, async ({ created, students: [ana, ben] }) => {
      const classroom = server.app.playroom.registry.byId(created.sessionId)!;
      const own = await fork(ana.socket, created.sessionId);
      const classConfig = structuredClone(classroom.classSession.config);
      const ok = await command(ana.socket, { type: 'loadPreset', sessionId: own.sessionId, presetId: 'vanishing-gradients' });
      expect(ok.ok).toBe(true);
      const mine = classroom.session(own.sessionId)!;
      expect(mine.toState()).toMatchObject({ preset: 'vanishing-gradients', playing: true, config: { hiddenLayers: [6, 6, 6, 6, 6, 6], activation: 'sigmoid' } });
      expect(classroom.classSession.config).toEqual(classConfig);

      const unknown = await command(ana.socket, { type: 'loadPreset', sessionId: own.sessionId, presetId: 'no-such-preset' });
      expect(unknown.ok ? null : unknown.error.code).toBe('badRequest');
      const notHers = await command(ben.socket, { type: 'loadPreset', sessionId: own.sessionId, presetId: 'xor-tanh' });
      expect(notHers.ok ? null : notHers.error.code).toBe('forbidden');
      const classSession = await command(ana.socket, { type: 'loadPreset', sessionId: created.sessionId, presetId: 'xor-tanh' });
      expect(classSession.ok ? null : classSession.error.code).toBe('forbidden');
      expect(mine.toState().preset).toBe('vanishing-gradients');
      expect(classroom.classSession.config).toEqual(classConfig);
    });
  });

  it('TEACH-2: in a student\'s fork a preset that changes a locked control is refused with controlLocked; one that keeps it loads', async () => {
    await withClass(server, { students: ['Ana'] }, async ({ created, teacher, students: [ana] }) => {
      const classroom = server.app.playroom.registry.byId(created.sessionId)!;
      const own = await fork(ana.socket, created.sessionId);
      await command(teacher.socket, { type: 'setLessonControls', controls: { dataset: 'locked' } });
      const before = classroom.session(own.sessionId)!.toState();
      // the class session is a circle: an XOR preset changes the locked dataset
      const refused = await command(ana.socket, { type: 'loadPreset', sessionId: own.sessionId, presetId: 'xor-linear' });
      expect(refused.ok ? null : refused.error).toMatchObject({ code: 'controlLocked', field: 'dataset' });
      expect(classroom.session(own.sessionId)!.toState()).toEqual(before);
      // a circle preset with the same data seed keeps the dataset: it loads
      const kept = await command(ana.socket, { type: 'loadPreset', sessionId: own.sessionId, presetId: 'circle-squares' });
      expect(kept.ok).toBe(true);
      // the teacher's own class session is never held by lesson controls (LESSON-3)
      const teacherOwn = await command(teacher.socket, { type: 'loadPreset', sessionId: created.sessionId, presetId: 'xor-linear' });
      expect(teacherOwn.ok).toBe(true);
    });
  });
});

describe('lessons (setLesson, lessonStep)', () => {
  it('TEACH-3/4: starting a lesson loads its first step into the class session; a step moves the class; everyone sees where it is; null ends it', async () => {
    await withClass(server, { students: ['Ana'] }, async ({ created, teacher, students: [ana] }) => {
      const sessionId = created.sessionId;
      const statusSeen = nextEvent<ClassStatus>(ana.socket, 'classStatus', (s) => s.lesson !== null);
      const loaded = nextEvent<SessionUpdate>(ana.socket, 'session', (u) => u.cause === 'loadPreset');
      const started = await command(teacher.socket, {
        type: 'setLesson',
        lesson: { lessonId: 'non-linearity', steps: ['xor-linear', 'xor-product', 'xor-tanh'] },
      });
      expect(started.ok).toBe(true);
      expect(await statusSeen).toMatchObject({ lesson: { lessonId: 'non-linearity', steps: ['xor-linear', 'xor-product', 'xor-tanh'], step: 0 } });
      expect((await loaded).state).toMatchObject({ sessionId, preset: 'xor-linear', playing: true });

      const stepSeen = nextEvent<ClassStatus>(ana.socket, 'classStatus', (s) => s.lesson?.step === 2);
      const moved = nextEvent<SessionUpdate>(ana.socket, 'session', (u) => u.cause === 'loadPreset' && u.state.preset === 'xor-tanh');
      expect((await command(teacher.socket, { type: 'lessonStep', step: 2 })).ok).toBe(true);
      await stepSeen;
      expect((await moved).state.config).toEqual(presetConfig(findPreset('xor-tanh')!));

      // past the last step: refused, the class stays where it is
      const past = await command(teacher.socket, { type: 'lessonStep', step: 3 });
      expect(past.ok ? null : past.error.code).toBe('badRequest');
      const classroom = server.app.playroom.registry.byId(sessionId)!;
      expect(classroom.lesson?.step).toBe(2);
      // students cannot move the lesson
      const byStudent = await command(ana.socket, { type: 'lessonStep', step: 0 });
      expect(byStudent.ok ? null : byStudent.error.code).toBe('forbidden');
      // a step that is no preset, or too many steps, is refused by validation
      const bad = await command(teacher.socket, { type: 'setLesson', lesson: { lessonId: null, steps: ['xor-linear', 'rm -rf'] } });
      expect(bad.ok ? null : bad.error.code).toBe('badRequest');
      const long = await command(teacher.socket, { type: 'setLesson', lesson: { lessonId: null, steps: new Array(13).fill('xor-tanh') } });
      expect(long.ok ? null : long.error.code).toBe('badRequest');
      expect(classroom.lesson?.steps).toEqual(['xor-linear', 'xor-product', 'xor-tanh']);

      const ended = nextEvent<ClassStatus>(ana.socket, 'classStatus', (s) => s.lesson === null);
      expect((await command(teacher.socket, { type: 'setLesson', lesson: null })).ok).toBe(true);
      await ended;
      // ending the lesson leaves the class session as it is
      expect(classroom.classSession.toState().preset).toBe('xor-tanh');
    });
  });

  it('TEACH-3: the lesson, its step and the sessions\' presets survive a restart; a late joiner gets them in the welcome', async () => {
    const dataDir = tempDataDir();
    const first = await startServer({ dataDir });
    const room = await startClass({ url: first.url }, { students: ['Ana'] });
    const { created, teacher, students: [ana] } = room;
    await command(teacher.socket, { type: 'setLesson', lesson: { lessonId: 'overfitting', steps: ['circle-squares', 'overfitting', 'overfitting-l2'] } });
    await command(teacher.socket, { type: 'lessonStep', step: 1 });
    const own = await fork(ana!.socket, created.sessionId);
    await command(ana!.socket, { type: 'loadPreset', sessionId: own.sessionId, presetId: 'batch-one' });
    room.close();
    await first.close();

    const second = await startServer({ dataDir });
    try {
      const again = await connect(second.url, teacherAuth(created));
      expect(again.welcome.classStatus.lesson).toEqual({ lessonId: 'overfitting', steps: ['circle-squares', 'overfitting', 'overfitting-l2'], step: 1 });
      expect(again.welcome.classSession.preset).toBe('overfitting');
      const watched = await command<CommandAck<'watch'>>(again.socket, { type: 'watch', sessionId: own.sessionId });
      expect(watched.ok && watched.session.preset).toBe('batch-one');
      const late = await connect(second.url, { role: 'student', code: created.code, name: 'Cai' });
      expect(late.welcome.classStatus.lesson?.step).toBe(1);
      closeAll([again, late]);
    } finally {
      await second.close();
    }
  });
});
