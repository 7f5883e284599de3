import { DEFAULT_CONFIG } from '@playroom/engine';
import type { ConfigPatch } from '@playroom/protocol';
import { describe, expect, it } from 'vitest';
import { tempDataDir } from '../../test/harness';
import type { SessionRecord } from '../classroom/training-session';
import { Checkpointer } from './checkpointer';
import { SqliteStorage } from './sqlite-storage';
import { DownStorage, SlowStorage, quietRegistry } from '../../test/storage-doubles';

/** SQLite that remembers how many sessions each saveSessions call (one transaction) carried. */
class CountingStorage extends SqliteStorage {
  readonly bursts: number[] = [];
  override async saveSessions(records: SessionRecord[]): Promise<void> {
    this.bursts.push(records.length);
    return super.saveSessions(records);
  }
}

const LARGEST: ConfigPatch = {
  dataset: 'spiral',
  features: ['x1', 'x2', 'x1sq', 'x2sq', 'x1x2', 'sinx1', 'sinx2'],
  hiddenLayers: [8, 8, 8, 8, 8, 8],
  optimizer: { ...DEFAULT_CONFIG.optimizer, kind: 'adam' },
};

/** A class stored through a checkpointer on SlowStorage; `errors` collects what the checkpointer reports. */
async function slowStoredClass() {
  const storage = new SlowStorage(`${tempDataDir()}/playroom.db`);
  const registry = quietRegistry(10);
  const { classroom } = registry.create('T');
  const errors: unknown[] = [];
  const checkpointer = new Checkpointer(registry, storage, { intervalMs: 1000, budgetMs: 2, onError: (error) => errors.push(error) });
  checkpointer.classCreated(classroom);
  await checkpointer.settled();
  return { storage, registry, classroom, errors, checkpointer };
}

describe('Checkpointer', () => {
  it('PERSIST-1: 31 training sessions are written in several short transactions, with socket I/O between them', async () => {
    const storage = new CountingStorage(`${tempDataDir()}/playroom.db`);
    const registry = quietRegistry(100);
    const classes = Array.from({ length: 31 }, (_, i) => registry.create(`T${i}`, LARGEST).classroom);
    const checkpointer = new Checkpointer(registry, storage, { intervalMs: 1000, budgetMs: 2, onError: (error) => { throw error; } });
    // the classes rows exist (the registry's classCreated normally writes them)
    for (const classroom of classes) await storage.saveClass(classroom.toRecord());
    for (const classroom of classes) classroom.classSession.train(3);

    let turnsOfTheLoop = 0;
    let spinning = true;
    const spin = () => {
      turnsOfTheLoop++;
      if (spinning) setImmediate(spin);
    };
    setImmediate(spin);
    await checkpointer.flushChanged();
    spinning = false;

    expect(storage.bursts.reduce((a, b) => a + b, 0)).toBe(31);
    expect(storage.bursts.length).toBeGreaterThan(1);
    expect(storage.bursts.length).toBeLessThan(31); // batched: not one transaction per session
    expect(turnsOfTheLoop).toBeGreaterThanOrEqual(storage.bursts.length - 1);
    // every session is stored as it is now, and a second flush has nothing to write
    const stored = await storage.loadLiveClasses();
    expect(stored.map((c) => c.sessions[0]!.trainer.epoch)).toEqual(classes.map(() => 3));
    const before = storage.bursts.length;
    await checkpointer.flushChanged();
    expect(storage.bursts.length).toBe(before);
    await storage.close();
  });

  it('PERSIST-1: writes reach storage in the order things happened, even when an earlier one is slower', async () => {
    const { storage, registry, classroom, errors, checkpointer } = await slowStoredClass();
    const session = classroom.classSession;
    storage.delays.push(40, 0); // the first of the next two writes is slow (a busy network database)
    session.train(1);
    checkpointer.sessionChanged(classroom, session);
    session.train(1);
    checkpointer.sessionChanged(classroom, session);
    await checkpointer.settled();
    await storage.idle();
    expect((await storage.loadClass(classroom.id))!.sessions[0]!.trainer.epoch).toBe(2);
    expect(errors).toEqual([]);
    await storage.close();
  });

  it('CMD-7, REST-3: an ended class is stored as it ended, also when a fork trained while its end was being written first', async () => {
    const { storage, registry, classroom, errors, checkpointer } = await slowStoredClass();
    const fork = classroom.classSession.forkAs({ ...classroom.classSession.identity, id: 's_fork', kind: 'fork', parentId: classroom.id, forkedAtEpoch: 0 });
    classroom.addFork(fork);
    checkpointer.forkCreated(classroom, fork);
    const deleted = classroom.classSession.forkAs({ ...fork.identity, id: 's_deleted' });
    classroom.addFork(deleted);
    checkpointer.forkCreated(classroom, deleted);
    classroom.removeFork(deleted.id);
    checkpointer.forkRemoved(classroom, deleted);

    // endClass is written before it is done (PERSIST-5); over a slow network the fork trains meanwhile
    storage.classDelays.push(30);
    const written = checkpointer.commitFirst({ type: 'endClass', classroom });
    fork.train(2);
    await written;
    fork.train(3);
    // then the end happens: the class leaves the registry (nothing trains it) and the event is told
    registry.remove(classroom);
    checkpointer.classEnded(classroom);
    await checkpointer.settled();
    await storage.idle();

    const stored = (await storage.loadClass(classroom.id))!;
    expect(stored.sessions.map((s) => s.id).sort()).toEqual([classroom.id, fork.id].sort());
    expect(stored.sessions.find((s) => s.id === fork.id)!.trainer).toEqual(fork.toRecord().trainer);
    expect(stored.sessions.find((s) => s.id === fork.id)!.trainer.epoch).toBe(5);
    expect(await storage.loadLiveClasses()).toEqual([]);
    expect(errors).toEqual([]);
    await storage.close();
  });

  it('PERSIST-4: a class created while the database is down is written once it is back, its sessions after it', async () => {
    const storage = new DownStorage(`${tempDataDir()}/playroom.db`);
    const registry = quietRegistry(10);
    const errors: unknown[] = [];
    const checkpointer = new Checkpointer(registry, storage, { intervalMs: 1000, budgetMs: 2, onError: (error) => errors.push(error), retryBaseMs: 5, retryMaxMs: 20 });
    storage.down = true;
    const { classroom } = registry.create('T');
    checkpointer.classCreated(classroom);
    classroom.classSession.train(2);
    checkpointer.sessionChanged(classroom, classroom.classSession);
    await new Promise((resolve) => setTimeout(resolve, 100)); // an outage of several tries
    storage.down = false;
    await checkpointer.settled();
    // before: the failed class row was counted as written and never tried again (loadClass was null)
    expect((await storage.loadClass(classroom.id))!.sessions[0]!.trainer.epoch).toBe(2);
    expect(errors.length).toBe(1); // one report per outage, not one per try
    await storage.close();
  });

  it('PERSIST-4: one session that cannot be written does not keep the rest of its batch from landing', async () => {
    const storage = new DownStorage(`${tempDataDir()}/playroom.db`);
    const registry = quietRegistry(10);
    const classes = Array.from({ length: 3 }, (_, i) => registry.create(`T${i}`).classroom);
    for (const classroom of classes.slice(1)) await storage.saveClass(classroom.toRecord());
    // the first class's row is missing: its session fails the foreign key
    for (const classroom of classes) classroom.classSession.train(3);
    const errors: unknown[] = [];
    const checkpointer = new Checkpointer(registry, storage, { intervalMs: 1000, budgetMs: 1000, onError: (error) => errors.push(error) });
    await checkpointer.flushChanged(false).catch((error: unknown) => errors.push(error));
    // before: the one multi-row write failed whole and no session was stored
    for (const classroom of classes.slice(1)) expect((await storage.loadClass(classroom.id))!.sessions[0]!.trainer.epoch).toBe(3);
    expect(errors.length).toBeGreaterThan(0);
    // the bad row is tried again on the next flush and lands once its class row is there
    await storage.saveClass(classes[0]!.toRecord());
    await checkpointer.flushChanged(false);
    expect((await storage.loadClass(classes[0]!.id))!.sessions[0]!.trainer.epoch).toBe(3);
    await storage.close();
  });

  it('PERSIST-4: a write the database refuses while it answers is dropped after three tries, so one bad row cannot stop all saving', async () => {
    const storage = new DownStorage(`${tempDataDir()}/playroom.db`);
    const registry = quietRegistry(10);
    const errors: unknown[] = [];
    const checkpointer = new Checkpointer(registry, storage, { intervalMs: 1000, budgetMs: 2, onError: (error) => errors.push(error), retryBaseMs: 5, retryMaxMs: 20 });
    // a session whose class row is missing fails the foreign key on every try, while the database answers
    const orphan = registry.create('Orphan').classroom;
    checkpointer.sessionChanged(orphan, orphan.classSession);
    const { classroom } = registry.create('T');
    checkpointer.classCreated(classroom);
    const settled = await Promise.race([checkpointer.settled().then(() => 'settled'), new Promise((resolve) => setTimeout(() => resolve('stuck'), 3000))]);
    // before: the queue retried the bad row forever and nothing after it was ever written
    expect(settled).toBe('settled');
    expect(await storage.loadClass(classroom.id)).not.toBeNull();
    expect(String(errors.at(-1))).toContain('given up after 3 tries');
    await storage.close();
  });

  it('PERSIST-4: at shutdown a write the database still refuses is given up after shutdownRetryMs, so closing is bounded', async () => {
    const storage = new DownStorage(`${tempDataDir()}/playroom.db`);
    const registry = quietRegistry(10);
    const errors: unknown[] = [];
    const checkpointer = new Checkpointer(registry, storage, { intervalMs: 1000, budgetMs: 2, onError: (error) => errors.push(error), retryBaseMs: 5, retryMaxMs: 20, shutdownRetryMs: 100 });
    storage.down = true;
    const { classroom } = registry.create('T');
    checkpointer.classCreated(classroom);
    const started = Date.now();
    await checkpointer.flushAll();
    expect(Date.now() - started).toBeLessThan(2000);
    expect(errors.length).toBeGreaterThan(0);
    storage.down = false;
    await storage.close();
  });
});
