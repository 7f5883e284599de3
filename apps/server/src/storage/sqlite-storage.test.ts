import fs from 'node:fs';
import path from 'node:path';
import { DEFAULT_CONFIG } from '@playroom/engine';
import { describe, expect, it } from 'vitest';
import { tempDataDir } from '../../test/harness';
import type { ClassRecord } from '../classroom/classroom';
import type { Participant } from '../classroom/roster';
import { TrainingSession } from '../classroom/training-session';
import { SqliteStorage } from './sqlite-storage';

describe('SqliteStorage', () => {
  it('keeps classes, participants and sessions across reopening, and archives without deleting', async () => {
    const dir = tempDataDir();
    const storage = SqliteStorage.open(dir);
    const record: ClassRecord = {
      id: 's_class',
      code: 'ABCDEF',
      teacherName: 'T',
      createdAt: 1,
      lastActivityAt: 2,
      status: { spotlightId: null, forksFrozen: true },
    };
    const teacher: Participant = { id: 'p_t', classId: 's_class', name: 'T', role: 'teacher', tokenHash: 'h1', joinedAt: 1 };
    const session = TrainingSession.create(
      { id: 's_class', classId: 's_class', kind: 'class', ownerId: 'p_t', ownerName: 'T', parentId: null, forkedAtEpoch: null, createdAt: 1 },
      DEFAULT_CONFIG,
    );
    session.train(4);
    const fork = session.forkAs({ ...session.identity, id: 's_fork', kind: 'fork', parentId: 's_class', forkedAtEpoch: 4 });
    await storage.saveClass(record);
    await storage.saveParticipant(teacher);
    await storage.saveSessions([session.toRecord(), fork.toRecord()]);
    await storage.close();

    const reopened = new SqliteStorage(path.join(dir, 'playroom.db'));
    const [live] = await reopened.loadLiveClasses();
    expect(live!.record).toEqual(record);
    expect(live!.participants).toEqual([teacher]);
    expect(live!.sessions.map((s) => s.id).sort()).toEqual(['s_class', 's_fork']);
    expect(live!.sessions.find((s) => s.id === 's_class')!.trainer.params).toEqual(Array.from(session.params));

    await reopened.archiveSession('s_fork');
    await reopened.saveSessions([fork.toRecord()]); // a late periodic write does not revive it
    expect((await reopened.loadLiveClasses())[0]!.sessions.map((s) => s.id)).toEqual(['s_class']);
    await reopened.archiveClass('s_class');
    expect(await reopened.loadLiveClasses()).toEqual([]);
    expect((await reopened.loadClass('s_class'))!.sessions).toHaveLength(2);
    await reopened.close();
  });

  it('keeps the write-ahead log short, so no commit carries a long checkpoint', async () => {
    const dir = tempDataDir();
    const storage = SqliteStorage.open(dir);
    const session = TrainingSession.create(
      { id: 's_class', classId: 's_class', kind: 'class', ownerId: 'p_t', ownerName: 'T', parentId: null, forkedAtEpoch: null, createdAt: 1 },
      DEFAULT_CONFIG,
    );
    await storage.saveClass({ id: 's_class', code: 'ABCDEF', teacherName: 'T', createdAt: 1, lastActivityAt: 1, status: { spotlightId: null, forksFrozen: false } });
    for (let i = 0; i < 300; i++) {
      session.train(1);
      await storage.saveSessions([session.toRecord()]);
    }
    // a checkpoint runs once the log passes 100 pages (~400 KB), so it never grows to SQLite's default 4 MB
    expect(fs.statSync(path.join(dir, 'playroom.db-wal')).size).toBeLessThan(1_000_000);
    await storage.close();
  });
});
