import type { CommandAck } from '@playroom/protocol';
import { afterAll, describe, expect, it } from 'vitest';
import { PostgresStorage } from '../src/storage/postgres-storage';
import { closeAll, command, connect, fork, startServer, stepAndWait, teacherAuth, withClass } from './harness';
import { TEST_DATABASE_URL, dropSchema, uniqueSchema } from './storage-backends';

/*
 * The whole server on Postgres (DATABASE_URL): a class, a student and a fork
 * survive a restart, as they do on SQLite (rules PERSIST-1, PERSIST-2). An
 * unreachable Postgres fails this file, it does not skip it.
 */

const schema = uniqueSchema();
afterAll(async () => {
  await dropSchema(schema);
});

describe('Postgres storage', () => {
  it('PERSIST-2: with DATABASE_URL a class, its students and forks come back after a restart', async () => {
    const options = { databaseUrl: TEST_DATABASE_URL, databaseSchema: schema };
    const first = await startServer(options);
    expect(first.app.playroom.storage).toBeInstanceOf(PostgresStorage);
    let before;
    try {
      before = await withClass(first, { config: { hiddenLayers: [3] }, students: ['Ana'] }, async ({ created, teacher, students: [student] }) => {
        const forkId = (await fork(student.socket, created.sessionId)).sessionId;
        const forkEpoch = (await stepAndWait(student.socket, forkId, 7)).state.epoch;
        await stepAndWait(teacher.socket, created.sessionId, 3);
        return { created, studentToken: student.welcome.participantToken!, forkId, forkEpoch };
      });
    } finally {
      await first.close();
    }
    const { created, studentToken, forkId, forkEpoch } = before;

    const second = await startServer(options);
    try {
      const teacher = await connect(second.url, teacherAuth(created));
      expect(teacher.welcome.classSession.epoch).toBe(3);
      const student = await connect(second.url, { role: 'student', code: created.code, token: studentToken });
      expect(student.welcome.name).toBe('Ana');
      expect(student.welcome.forks.map((f) => f.sessionId)).toEqual([forkId]);
      const watched = await command<CommandAck<'watch'>>(student.socket, { type: 'watch', sessionId: forkId });
      expect(watched.ok && watched.session.epoch).toBe(forkEpoch);
      closeAll([teacher, student]);
    } finally {
      await second.close();
    }
  });
});
