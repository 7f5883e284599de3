import { afterEach, describe, expect, it, vi } from 'vitest';
import { sessionState } from '../net/test-fixtures';
import { KEPT_DAYS, forgetKeptWork, keepEndedWork, keptWorkFor, listKeptWork } from './kept-work';

const ann = { code: 'ABC234', role: 'student' as const, token: 'tok_ann', name: 'Ann' };
const fork = sessionState({ sessionId: 's_fork', kind: 'fork', ownerId: 'p-ann', ownerName: 'Ann', parentId: 'class-1' });
const DAY = 24 * 60 * 60 * 1000;

afterEach(() => {
  for (const work of listKeptWork()) forgetKeptWork(work.code);
  vi.restoreAllMocks();
});

describe('work kept from an ended class', () => {
  it('keeps the forks classEnded brought, across a reload (localStorage), exactly', () => {
    keepEndedWork(ann, { reason: 'endedByTeacher', forks: [fork] }, 'class-1', 1_000);
    const stored = JSON.parse(localStorage.getItem('playroom.kept.ABC234')!);
    expect(stored).toEqual({ code: 'ABC234', role: 'student', name: 'Ann', reason: 'endedByTeacher', endedAt: 1_000, forks: [fork] });
    expect(keptWorkFor('ABC234', 2_000)!.forks).toEqual([fork]);
    expect(JSON.stringify(stored)).not.toContain('tok_ann');
  });

  it("keeps the teacher's export access (their token and the class id), never a student's token", () => {
    keepEndedWork({ code: 'GHJ234', role: 'teacher', token: 'tok_teacher', name: 'Ms Chen' }, { reason: 'endedByTeacher', forks: [] }, 'class-1', 1_000);
    expect(keptWorkFor('GHJ234', 1_000)!.teacherExport).toEqual({ classId: 'class-1', token: 'tok_teacher' });
    keepEndedWork(ann, { reason: 'endedByTeacher', forks: [] }, 'class-1', 1_000);
    expect(keptWorkFor('ABC234', 1_000)!.teacherExport).toBeUndefined();
  });

  it('keeps an end without forks (the page still says it ended), and nothing for a removed student', () => {
    keepEndedWork({ ...ann, code: 'BCD345' }, { reason: 'archived' }, null, 1_000);
    expect(keptWorkFor('BCD345', 1_000)).toMatchObject({ reason: 'archived', forks: [] });
    expect(keepEndedWork({ ...ann, code: 'CDE456' }, { reason: 'removed' })).toBeNull();
    expect(keptWorkFor('CDE456')).toBeNull();
  });

  it('a later end without forks (a connection that raced the end) does not replace what the end brought', () => {
    keepEndedWork(ann, { reason: 'endedByTeacher', forks: [fork] }, null, 1_000);
    keepEndedWork(ann, { reason: 'archived' }, null, 2_000);
    expect(keptWorkFor('ABC234', 2_000)).toMatchObject({ reason: 'endedByTeacher', forks: [fork] });
  });

  it(`forgets it after ${KEPT_DAYS} days, and lists the latest first`, () => {
    keepEndedWork(ann, { reason: 'endedByTeacher', forks: [fork] }, null, 0);
    keepEndedWork({ ...ann, code: 'DEF567' }, { reason: 'endedByTeacher', forks: [] }, null, 5 * DAY);
    expect(listKeptWork(6 * DAY).map((w) => w.code)).toEqual(['DEF567', 'ABC234']);
    expect(keptWorkFor('ABC234', (KEPT_DAYS + 1) * DAY)).toBeNull();
    expect(localStorage.getItem('playroom.kept.ABC234')).toBeNull();
    expect(listKeptWork((KEPT_DAYS + 1) * DAY).map((w) => w.code)).toEqual(['DEF567']);
  });

  it('keeps it for this tab when the browser refuses to store it', () => {
    vi.spyOn(Storage.prototype, 'setItem').mockImplementation(() => {
      throw new DOMException('full', 'QuotaExceededError');
    });
    keepEndedWork(ann, { reason: 'endedByTeacher', forks: [fork] }, 'class-1', 1_000);
    expect(localStorage.getItem('playroom.kept.ABC234')).toBeNull();
    expect(keptWorkFor('ABC234', 1_000)!.forks).toEqual([fork]);
  });

  it('ignores a corrupt entry', () => {
    localStorage.setItem('playroom.kept.EFG678', '{"code":"EFG678"');
    localStorage.setItem('playroom.kept.FGH789', JSON.stringify({ code: 'other' }));
    expect(keptWorkFor('EFG678')).toBeNull();
    expect(keptWorkFor('FGH789')).toBeNull();
    localStorage.clear();
  });
});
