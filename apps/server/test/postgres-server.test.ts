import type { CommandAck } from '@playroom/protocol';
import { afterAll, describe, expect, it } from 'vitest';
import { PostgresStorage } from '../src/storage/postgres-storage';
import { closeAll, command, connect, createClass, startServer, stepAndWait, teacherAuth } from './harness';
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
    let created: Awaited<ReturnType<typeof createClass>>;
    let studentToken: string;
    let forkId: string;
    let forkEpoch: number;
    try {
      created = await createClass(first.url, 'Ms Li', { hiddenLayers: [3] });
      const teacher = await connect(first.url, teacherAuth(created));
      const student = await connect(first.url, { role: 'student', code: created.code, name: 'Ana' });
      studentToken = student.welcome.participantToken!;
      const forked = await command<CommandAck<'fork'>>(student.socket, { type: 'fork', sessionId: created.sessionId });
      if (!forked.ok) throw new Error('fork refused');
      forkId = forked.session.sessionId;
      forkEpoch = (await stepAndWait(student.socket, forkId, 7)).state.epoch;
      await stepAndWait(teacher.socket, created.sessionId, 3);
      closeAll([teacher, student]);
    } finally {
      await first.close();
    }

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
