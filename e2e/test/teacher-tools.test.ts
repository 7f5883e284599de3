import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { BrowserClass } from '../src/browser-class';
import { pollUntil, screenshot } from '../src/page-probes';

/*
 * The teacher's tools in a real browser against the real server: the teacher
 * locks the class (JOIN-3), a new student is told why they cannot join while
 * a student already in comes back after a refresh, the teacher unlocks, the
 * new student joins, and the teacher removes her (CMD-9): her page says so.
 * Screenshots under e2e/test-results/teacher-tools/, in English and Chinese.
 */

const SHOTS = 'teacher-tools';

let lesson: BrowserClass;
let teacher: Page;
let ann: Page;
let bo: Page;
let code = '';

async function tryJoin(page: Page, name: string): Promise<void> {
  await page.getByTestId('join-name').fill(name);
  await page.getByTestId('join-class').click();
}

beforeAll(async () => {
  lesson = await BrowserClass.start('teacher-tools');
  teacher = await lesson.newPage({ width: 1440, height: 900 });
  ann = await lesson.newPage({ width: 390, height: 844 }, true);
  bo = await lesson.newPage({ width: 1280, height: 800 });
});

afterAll(() => lesson?.close());

describe("the teacher's tools in the browser", () => {
  it('the teacher starts a class and Bo joins', async () => {
    code = await lesson.startClass(teacher, 'Ms Chen');
    expect(code).toMatch(/^[A-Z0-9]{6}$/);
    await lesson.join(bo, code, 'Bo');
    await pollUntil(() => teacher.getByTestId('joined-count').getAttribute('data-count'), (n) => n === '1', 5000, 'teacher sees Bo');
  });

  it('the teacher locks the class: the button and a badge by the room code say so', async () => {
    const lock = teacher.getByTestId('lock-class');
    expect(await lock.textContent()).toBe('Lock class');
    await lock.click();
    await pollUntil(() => lock.getAttribute('data-locked'), (v) => v === 'true', 5000, 'the lock reaches the teacher');
    expect(await lock.textContent()).toBe('Unlock class');
    expect(await teacher.getByTestId('locked-badge').textContent()).toBe('Locked');
    await screenshot(teacher, SHOTS, '01-teacher-locked-en');
    await teacher.getByTestId('language-toggle').click();
    expect(await teacher.getByTestId('locked-badge').textContent()).toBe('已锁定');
    expect(await lock.textContent()).toBe('解锁课堂');
    await screenshot(teacher, SHOTS, '02-teacher-locked-zh');
    await teacher.getByTestId('language-toggle').click();
  });

  it('while locked a new student is told why, and a student already in comes back after a refresh', async () => {
    await ann.goto(`${lesson.url}/join/${code}`);
    await tryJoin(ann, 'Ann');
    const error = ann.getByTestId('join-error');
    await error.waitFor();
    expect(await error.textContent()).toBe('The teacher has locked this class. Ask them to unlock it.');
    await screenshot(ann, SHOTS, '03-student-phone-locked-en');
    await ann.getByTestId('language-toggle').click();
    await ann.getByTestId('join-class').click();
    await pollUntil(() => error.textContent(), (t) => t === '老师已锁定这个课堂，请让老师解锁后再加入。', 5000, 'the locked message in Chinese');
    await screenshot(ann, SHOTS, '04-student-phone-locked-zh');
    await ann.getByTestId('language-toggle').click();

    await bo.reload();
    await bo.getByTestId('student-view').waitFor();
  });

  it('the teacher unlocks: the badge goes and the new student joins', async () => {
    await teacher.getByTestId('lock-class').click();
    await pollUntil(() => teacher.getByTestId('lock-class').getAttribute('data-locked'), (v) => v === 'false', 5000, 'unlocked');
    expect(await teacher.getByTestId('locked-badge').count()).toBe(0);
    await ann.getByTestId('join-class').click();
    await ann.getByTestId('student-view').waitFor();
    await pollUntil(() => teacher.getByTestId('joined-count').getAttribute('data-count'), (n) => n === '2', 5000, 'teacher sees Ann');
  });

  it('the teacher removes Ann: her page says so, her place is forgotten, Bo stays', async () => {
    let asked = '';
    teacher.once('dialog', (dialog) => {
      asked = dialog.message();
      void dialog.accept();
    });
    await teacher.getByRole('button', { name: 'Remove Ann from the class' }).click();
    expect(asked).toContain('Remove Ann from the class?');
    await pollUntil(() => ann.getByTestId('class-error').getAttribute('data-code'), (c) => c === 'removed', 5000, 'Ann is told');
    expect(await ann.getByTestId('class-error').textContent()).toContain('The teacher removed you from this class.');
    await screenshot(ann, SHOTS, '05-student-phone-removed-en');
    await ann.getByTestId('language-toggle').click();
    expect(await ann.getByTestId('class-error').textContent()).toContain('老师已将你移出这个课堂。');
    await screenshot(ann, SHOTS, '06-student-phone-removed-zh');
    await ann.getByTestId('language-toggle').click();
    expect(await ann.evaluate((c) => localStorage.getItem(`playroom.identity.${c}`), code)).toBeNull();

    await pollUntil(() => teacher.getByTestId('joined-count').getAttribute('data-count'), (n) => n === '1', 5000, 'Ann leaves the roster');
    expect(await teacher.getByRole('button', { name: 'Remove Ann from the class' }).count()).toBe(0);
    expect(await bo.getByTestId('student-view').isVisible()).toBe(true);

    // the home button; and /class/CODE no longer rejoins her (nothing saved): the join form
    await ann.getByRole('button', { name: 'Back to the home page' }).click();
    await ann.getByTestId('join-class-form').waitFor();
    await ann.goto(`${lesson.url}/class/${code}`);
    await ann.getByTestId('join-class-form').waitFor();
    expect(lesson.pageErrors).toEqual([]);
  });
});
