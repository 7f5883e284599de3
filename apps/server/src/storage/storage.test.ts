import { DEFAULT_CONFIG } from '@playroom/engine';
import { afterEach, describe, expect, it } from 'vitest';
import { STORAGE_BACKENDS, type StoreUnderTest } from '../../test/storage-backends';
import type { ClassRecord } from '../classroom/classroom';
import type { Participant } from '../classroom/roster';
import { TrainingSession, type SessionIdentity } from '../classroom/training-session';
import type { Storage } from './storage';

/* The Storage contract, run against SQLite and Postgres alike. */

const classRecord = (id: string, code: string): ClassRecord => ({
  id,
  code,
  teacherName: 'T',
  createdAt: 1_700_000_000_000,
  lastActivityAt: 1_700_000_000_500,
  status: { spotlightId: null, forksFrozen: true, locked: false, lessonControls: { learningRate: 'locked', regularization: 'hidden' }, namesHidden: true, lesson: { lessonId: 'overfitting', steps: ['overfitting', 'overfitting-l2'], step: 1 } },
});
const teacherOf = (classId: string): Participant => ({
  id: `p_t_${classId}`,
  classId,
  name: 'T',
  role: 'teacher',
  tokenHash: `h_${classId}`,
  joinedAt: 1_700_000_000_000,
});
const identity = (id: string, classId: string): SessionIdentity => ({
  id,
  classId,
  kind: id === classId ? 'class' : 'fork',
  ownerId: `p_t_${classId}`,
  ownerName: 'T',
  parentId: id === classId ? null : classId,
  forkedAtEpoch: id === classId ? null : 4,
  createdAt: 1,
});

describe.each(STORAGE_BACKENDS)('$name storage', (backend) => {
  const opened: { store: StoreUnderTest; extra: Storage[] }[] = [];
  const open = async () => {
    const store = await backend.open();
    opened.push({ store, extra: [] });
    return store;
  };
  const reopen = async (store: StoreUnderTest) => {
    const again = await store.reopen();
    opened.find((o) => o.store === store)!.extra.push(again);
    return again;
  };
  afterEach(async () => {
    for (const { store, extra } of opened.splice(0)) {
      for (const storage of [store.storage, ...extra]) await storage.close().catch(() => {});
      await store.cleanup();
    }
  });

  it('PERSIST-2: keeps classes, participants and sessions across reopening, and archives without deleting', async () => {
    const store = await open();
    const { storage } = store;
    const record = classRecord('s_class', 'ABCDEF');
    const teacher = teacherOf('s_class');
    const session = TrainingSession.create(identity('s_class', 's_class'), DEFAULT_CONFIG);
    session.train(4);
    const fork = session.forkAs(identity('s_fork', 's_class'));
    await storage.saveClass(record);
    await storage.saveParticipant(teacher);
    await storage.saveSessions([session.toRecord(), fork.toRecord()]);
    await storage.close();

    const reopened = await reopen(store);
    const [live] = await reopened.loadLiveClasses();
    expect(live!.record).toEqual(record);
    expect(live!.participants).toEqual([teacher]);
    expect(live!.sessions.map((s) => s.id).sort()).toEqual(['s_class', 's_fork']);
    expect(live!.sessions.find((s) => s.id === 's_class')).toEqual(session.toRecord());
    // what a process looking for classes without an owner reads (many processes)
    expect(await reopened.liveClassIds()).toEqual(['s_class']);

    await reopened.archiveSession('s_fork');
    await reopened.saveSessions([fork.toRecord()]); // a late periodic write does not revive it
    expect((await reopened.loadLiveClasses())[0]!.sessions.map((s) => s.id)).toEqual(['s_class']);
    await reopened.archiveClass('s_class');
    expect(await reopened.loadLiveClasses()).toEqual([]);
    expect(await reopened.liveClassIds()).toEqual([]);
    // kept as it ended: the fork deleted before the end is not one of its sessions
    expect((await reopened.loadClass('s_class'))!.sessions.map((s) => s.id)).toEqual(['s_class']);
    expect(await reopened.loadClass('s_nothing')).toBeNull();
  });

  it('CMD-7, REST-3: a class is archived with its sessions as they ended, written over an earlier end, never over a deleted fork', async () => {
    const { storage } = await open();
    await storage.saveClass(classRecord('s_end', 'CDEFGH'));
    await storage.saveParticipant(teacherOf('s_end'));
    const session = TrainingSession.create(identity('s_end', 's_end'), DEFAULT_CONFIG);
    const fork = session.forkAs(identity('s_end_fork', 's_end'));
    const deleted = session.forkAs(identity('s_end_gone', 's_end'));
    await storage.saveSessions([session.toRecord(), fork.toRecord(), deleted.toRecord()]);
    await storage.archiveSession(deleted.id);
    // the end written first (PERSIST-5), then once more as it was when done: the fork trained meanwhile
    await storage.archiveClass('s_end', [session.toRecord(), fork.toRecord()]);
    fork.train(3);
    deleted.train(3);
    await storage.saveSessions([fork.toRecord()]); // a late periodic write does not change an archived row
    expect((await storage.loadClass('s_end'))!.sessions.find((s) => s.id === fork.id)!.trainer.epoch).toBe(0);
    await storage.archiveClass('s_end', [session.toRecord(), fork.toRecord(), deleted.toRecord()]);
    const ended = (await storage.loadClass('s_end'))!;
    expect(ended.sessions.map((s) => s.id).sort()).toEqual([fork.id, session.id].sort());
    expect(ended.sessions.find((s) => s.id === fork.id)).toEqual(fork.toRecord());
    expect(ended.participants).toEqual([teacherOf('s_end')]);
    expect(await storage.loadLiveClasses()).toEqual([]);
  });

  it('HS-3: the codes of archived classes come back, oldest first, within the window and the limit; live ones do not', async () => {
    const store = await open();
    const { storage } = store;
    const at = (code: string, lastActivityAt: number) => ({ ...classRecord(`s_${code}`, code), lastActivityAt });
    for (const [code, when] of [['OLDEST', 1000], ['ENDEDA', 2000], ['ENDEDB', 3000], ['ENDEDC', 4000], ['LIVEAA', 5000]] as const) {
      await storage.saveClass(at(code, when));
      await storage.saveParticipant(teacherOf(`s_${code}`));
      if (code !== 'LIVEAA') await storage.archiveClass(`s_${code}`);
    }
    expect(await storage.loadEndedCodes(1500, 10)).toEqual([
      { code: 'ENDEDA', endedAt: 2000 },
      { code: 'ENDEDB', endedAt: 3000 },
      { code: 'ENDEDC', endedAt: 4000 },
    ]);
    expect((await storage.loadEndedCodes(0, 2)).map((e) => e.code)).toEqual(['ENDEDB', 'ENDEDC']);
  });

  it('PERSIST-1: weights come back bit for bit, and later writes replace earlier ones', async () => {
    const { storage } = await open();
    await storage.saveClass(classRecord('s_c', 'BCDEFG'));
    const session = TrainingSession.create(identity('s_c', 's_c'), DEFAULT_CONFIG);
    const record = session.toRecord();
    const awkward = [0.1 + 0.2, 5e-324, 1.7976931348623157e308, -2.2250738585072014e-308, 1 / 3, -123456.789e-7];
    record.trainer.params.splice(0, awkward.length, ...awkward);
    await storage.saveSessions([record]);
    expect((await storage.loadClass('s_c'))!.sessions[0]!.trainer.params.slice(0, awkward.length)).toEqual(awkward);

    session.train(3);
    await storage.saveSessions([session.toRecord()]);
    expect((await storage.loadClass('s_c'))!.sessions[0]!.trainer.epoch).toBe(3);
  });

  it('PERSIST-2: many classes come back each with its own people and sessions', async () => {
    const { storage } = await open();
    const ids = ['s_a', 's_b', 's_c'];
    for (const [i, id] of ids.entries()) {
      await storage.saveClass(classRecord(id, `CODE${'ABC'[i]}2`));
      await storage.saveParticipant(teacherOf(id));
      await storage.saveParticipant({ ...teacherOf(id), id: `p_s_${id}`, role: 'student', name: `S${i}`, joinedAt: 1_700_000_000_100 });
    }
    // 31 sessions in one call, spread over the classes
    const records = Array.from({ length: 31 }, (_, i) => {
      const classId = ids[i % 3]!;
      const id = i < 3 ? classId : `s_f${i}`;
      return TrainingSession.create(identity(id, classId), DEFAULT_CONFIG).toRecord();
    });
    await storage.saveSessions(records);
    const live = await storage.loadLiveClasses();
    expect(live.map((c) => c.record.id)).toEqual(ids);
    for (const stored of live) {
      expect(stored.participants.map((p) => p.role)).toEqual(['teacher', 'student']);
      expect(stored.participants.every((p) => p.classId === stored.record.id)).toBe(true);
      expect(stored.sessions.every((s) => s.classId === stored.record.id)).toBe(true);
    }
    expect(live.flatMap((c) => c.sessions)).toHaveLength(31);
  });
});
