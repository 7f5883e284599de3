import fs from 'node:fs';
import path from 'node:path';
import { DEFAULT_CONFIG } from '@playroom/engine';
import { describe, expect, it } from 'vitest';
import { tempDataDir } from '../../test/harness';
import { TrainingSession } from '../classroom/training-session';
import { SqliteStorage } from './sqlite-storage';

describe('SqliteStorage', () => {
  it('keeps the write-ahead log short, so no commit carries a long checkpoint', async () => {
    const dir = tempDataDir();
    const storage = SqliteStorage.open(dir);
    const session = TrainingSession.create(
      { id: 's_class', classId: 's_class', kind: 'class', ownerId: 'p_t', ownerName: 'T', parentId: null, forkedAtEpoch: null, createdAt: 1 },
      DEFAULT_CONFIG,
    );
    await storage.saveClass({ id: 's_class', code: 'ABCDEF', teacherName: 'T', createdAt: 1, lastActivityAt: 1, status: { spotlightId: null, forksFrozen: false, locked: false, lessonControls: {}, namesHidden: false, lesson: null } });
    for (let i = 0; i < 300; i++) {
      session.train(1);
      await storage.saveSessions([session.toRecord()]);
    }
    // a checkpoint runs once the log passes 100 pages (~400 KB), so it never grows to SQLite's default 4 MB
    expect(fs.statSync(path.join(dir, 'playroom.db-wal')).size).toBeLessThan(1_000_000);
    await storage.close();
  });
});
