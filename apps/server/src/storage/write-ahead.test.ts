import { describe, expect, it } from 'vitest';
import { tempDataDir } from '../../test/harness';
import { DownStorage, SlowStorage, quietRegistry } from '../../test/storage-doubles';
import { StorageUnavailableError } from '../classroom/write-ahead';
import { Checkpointer, type CheckpointerOptions } from './checkpointer';
import type { SqliteStorage } from './sqlite-storage';

/*
 * PERSIST-5 in the checkpointer: an answer that promises storage waits for
 * the commit, and a refusal means nothing was stored — also later.
 */

async function lessonOn<S extends SqliteStorage>(storage: S, options: Partial<CheckpointerOptions> = {}) {
  const registry = quietRegistry();
  const errors: unknown[] = [];
  const checkpointer = new Checkpointer(registry, storage, { intervalMs: 1000, budgetMs: 2, onError: (e) => errors.push(e), retryBaseMs: 5, retryMaxMs: 20, ...options });
  const { classroom } = registry.create('T');
  const { participant } = registry.join(classroom, 'Ana');
  const fork = registry.fork(classroom, { classId: classroom.id, participantId: participant.id, role: 'student' }, classroom.classSession);
  checkpointer.classCreated(classroom);
  checkpointer.participantJoined(classroom, participant);
  checkpointer.forkCreated(classroom, fork);
  expect(await checkpointer.committed()).toBe(true);
  const liveForks = async () => (await storage.loadLiveClasses())[0]!.sessions.filter((s) => s.kind === 'fork').map((s) => s.id);
  return { registry, checkpointer, classroom, fork, errors, liveForks };
}

describe('write-ahead (PERSIST-5)', () => {
  it('refuses at once while the database refuses, writes nothing, and commits before it resolves once it answers', async () => {
    const storage = new DownStorage(`${tempDataDir()}/playroom.db`);
    const { checkpointer, classroom, fork, liveForks } = await lessonOn(storage);
    storage.down = true;
    // a failed periodic write puts storage in the failing state
    classroom.classSession.train(1);
    await checkpointer.flushChanged();
    const started = Date.now();
    await expect(checkpointer.commitFirst({ type: 'deleteFork', fork })).rejects.toBeInstanceOf(StorageUnavailableError);
    expect(await checkpointer.committed()).toBe(false);
    expect(Date.now() - started).toBeLessThan(1000);
    expect(await liveForks()).toEqual([fork.id]);
    storage.down = false;
    // the ping answers: the change goes through, and is stored when the promise resolves
    await checkpointer.commitFirst({ type: 'deleteFork', fork });
    expect(await liveForks()).toEqual([]);
    await storage.close();
  });

  it('NAMES-5: hiding names is refused while the database refuses, and stored with the class once it answers', async () => {
    const storage = new DownStorage(`${tempDataDir()}/playroom.db`);
    const { checkpointer, classroom } = await lessonOn(storage);
    const storedStatus = async () => (await storage.loadLiveClasses())[0]!.record.status;
    storage.down = true;
    classroom.classSession.train(1);
    await checkpointer.flushChanged();
    await expect(checkpointer.commitFirst({ type: 'classSwitches', classroom, switches: { namesHidden: true } })).rejects.toBeInstanceOf(StorageUnavailableError);
    storage.down = false;
    expect((await storedStatus()).namesHidden).toBe(false);
    await checkpointer.commitFirst({ type: 'classSwitches', classroom, switches: { namesHidden: true } });
    expect((await storedStatus()).namesHidden).toBe(true);
    await storage.close();
  });

  it('drops a change whose turn has not come within commitWaitMs: refused, and never written later', async () => {
    const storage = new SlowStorage(`${tempDataDir()}/playroom.db`);
    const { checkpointer, classroom, fork, liveForks } = await lessonOn(storage, { commitWaitMs: 50 });
    // a hung database ahead of the change: far longer than the wait, so even a loaded machine (the suite failed once at a
    // load average of 10 with 400 ms) cannot finish it before commitWaitMs ends
    storage.delays.push(3000);
    classroom.classSession.train(1);
    checkpointer.sessionChanged(classroom, classroom.classSession);
    await expect(checkpointer.commitFirst({ type: 'deleteFork', fork })).rejects.toBeInstanceOf(StorageUnavailableError);
    await checkpointer.settled();
    await storage.idle();
    expect(await liveForks()).toEqual([fork.id]);
    await storage.close();
  });

  it('waits for a change already being written when commitWaitMs ends: a refusal never hides a change that landed', async () => {
    const storage = new SlowStorage(`${tempDataDir()}/playroom.db`);
    const { checkpointer, fork, liveForks } = await lessonOn(storage, { commitWaitMs: 50 });
    storage.archiveDelays.push(300);
    const started = Date.now();
    await checkpointer.commitFirst({ type: 'deleteFork', fork });
    expect(Date.now() - started).toBeGreaterThanOrEqual(250);
    expect(await liveForks()).toEqual([]);
    await storage.close();
  });

  it('committed() is false as soon as a queued write fails, and a class taken back is never written', async () => {
    const storage = new DownStorage(`${tempDataDir()}/playroom.db`);
    const { registry, checkpointer } = await lessonOn(storage);
    storage.down = true;
    const { classroom } = registry.create('Late');
    checkpointer.classCreated(classroom);
    expect(await checkpointer.committed()).toBe(false);
    // taken back, as POST /api/sessions does on false
    registry.remove(classroom);
    storage.down = false;
    expect(await checkpointer.committed()).toBe(true);
    expect(await storage.loadClass(classroom.id)).toBeNull();
    await storage.close();
  });
});
