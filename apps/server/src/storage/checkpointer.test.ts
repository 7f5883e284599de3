import { DEFAULT_CONFIG } from '@playroom/engine';
import type { ConfigPatch } from '@playroom/protocol';
import { describe, expect, it } from 'vitest';
import { tempDataDir } from '../../test/harness';
import { ClassroomRegistry } from '../classroom/classroom-registry';
import type { SessionRecord } from '../classroom/training-session';
import { Checkpointer } from './checkpointer';
import { SqliteStorage } from './sqlite-storage';

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

describe('Checkpointer', () => {
  it('PERSIST-1: 31 training sessions are written in several short transactions, with socket I/O between them', async () => {
    const storage = new CountingStorage(`${tempDataDir()}/playroom.db`);
    const registry = new ClassroomRegistry({ maxSessions: 100, maxForksPerParticipant: 5, maxParticipantsPerClass: 10 }, {
      classCreated: () => {},
      participantJoined: () => {},
    });
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
});
