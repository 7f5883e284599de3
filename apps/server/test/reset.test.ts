import { createTrainer } from '@playroom/engine';
import { type CommandAck, type SessionState, type SessionUpdate } from '@playroom/protocol';
import { describe, expect, it } from 'vitest';
import { command, fork, nextEvent, stepAndWait, useServer, withClass } from './harness';

/*
 * Rule CMD-4: reset goes back to epoch 0 on the same data. `start: 'new'`
 * draws new initial weights (a new config.seed the server picks), as the
 * playground's reset does; `'same'` (or no `start`) starts again from
 * config.seed. Both reach every watcher, and the weights are exactly the
 * engine's for that seed.
 */

const server = useServer();

/** The initial weights the engine gives a session's config with `seed`. */
const startOf = (state: SessionState, seed: number) => Array.from(createTrainer({ ...state.config, seed }).network.params);

describe('reset', () => {
  it("CMD-4: 'new' re-rolls the initial weights for everyone watching, 'same' starts again from the seed, the data stays", async () => {
    await withClass(server, { students: ['Ana'] }, async ({ created, teacher, students: [ana] }) => {
      const sessionId = created.sessionId;
      const watched = await command<CommandAck<'watch'>>(teacher.socket, { type: 'watch', sessionId });
      if (!watched.ok) throw new Error('watch refused');
      const first = watched.session;
      const firstSeed = first.config.seed;
      expect(first.params).toEqual(startOf(first, firstSeed));
      await stepAndWait(teacher.socket, sessionId, 30);

      // the same start: the weights of epoch 0 again, the seed kept
      const sameSeen = nextEvent<SessionUpdate>(ana.socket, 'session', (u) => u.cause === 'reset');
      const same = await command<CommandAck<'reset'>>(teacher.socket, { type: 'reset', sessionId, start: 'same' });
      expect(same).toMatchObject({ ok: true, seed: firstSeed });
      const afterSame = (await sameSeen).state;
      expect(afterSame).toMatchObject({ epoch: 0, playing: false, config: { seed: firstSeed, dataSeed: first.config.dataSeed } });
      expect(afterSame.params).toEqual(first.params);
      expect(afterSame.lossHistory.points).toEqual([]); // a new loss history

      // a new start: another seed, other weights, exactly the engine's for that seed, the same points
      await stepAndWait(teacher.socket, sessionId, 30);
      const newSeen = nextEvent<SessionUpdate>(ana.socket, 'session', (u) => u.cause === 'reset');
      const rolled = await command<CommandAck<'reset'>>(teacher.socket, { type: 'reset', sessionId, start: 'new' });
      if (!rolled.ok) throw new Error(`reset refused: ${rolled.error.code}`);
      expect(rolled.seed).not.toBe(firstSeed);
      const afterNew = (await newSeen).state;
      expect(afterNew).toMatchObject({ epoch: 0, playing: false, config: { seed: rolled.seed, dataSeed: first.config.dataSeed } });
      expect(afterNew.params).not.toEqual(first.params);
      expect(afterNew.params).toEqual(startOf(afterNew, rolled.seed));

      // no `start` is the same start, now from the new seed
      await stepAndWait(teacher.socket, sessionId, 5);
      const plain = await command<CommandAck<'reset'>>(teacher.socket, { type: 'reset', sessionId });
      expect(plain).toMatchObject({ ok: true, seed: rolled.seed });
      const server1 = server.app.playroom.registry.byId(sessionId)!.classSession;
      expect(Array.from(server1.params)).toEqual(afterNew.params);
    });
  });

  it("CMD-4: a student re-rolls her own fork; the class session's seed does not move, and a bad start is refused", async () => {
    await withClass(server, { students: ['Ana'] }, async ({ created, students: [ana] }) => {
      const classroom = server.app.playroom.registry.byId(created.sessionId)!;
      const classSeed = classroom.classSession.config.seed;
      const own = await fork(ana.socket, created.sessionId);
      const rolled = await command<CommandAck<'reset'>>(ana.socket, { type: 'reset', sessionId: own.sessionId, start: 'new' });
      expect(rolled.ok).toBe(true);
      expect(classroom.session(own.sessionId)!.config.seed).toBe(rolled.ok ? rolled.seed : -1);
      expect(classroom.classSession.config.seed).toBe(classSeed);
      const bad = await command(ana.socket, { type: 'reset', sessionId: own.sessionId, start: 'random' });
      expect(bad.ok ? null : bad.error.code).toBe('badRequest');
      const notHers = await command(ana.socket, { type: 'reset', sessionId: created.sessionId, start: 'new' });
      expect(notHers.ok ? null : notHers.error.code).toBe('forbidden');
      expect(classroom.classSession.config.seed).toBe(classSeed);
    });
  });
});
