import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { BrowserClass } from '../src/browser-class';
import { pollUntil, screenshot } from '../src/page-probes';

/*
 * Lesson controls in a real browser against the real server (LESSON-1…3):
 * the teacher locks the learning rate and hides regularization (and its
 * rate) for the class; the student's fork shows the rate locked, with a
 * padlock whose tip says so, and no regularization control, in English and
 * Chinese; the teacher's own class session keeps every control. Screenshots
 * under e2e/test-results/lesson-controls/.
 */

const SHOTS = 'lesson-controls';

let lesson: BrowserClass;
let teacher: Page;
let ann: Page;

beforeAll(async () => {
  lesson = await BrowserClass.start('lesson-controls');
  // tall enough that the dashboard shows the whole open panel without scrolling
  teacher = await lesson.newPage({ width: 1440, height: 1600 });
  ann = await lesson.newPage({ width: 1280, height: 900 });
});

afterAll(() => lesson?.close());

describe('lesson controls in the browser', () => {
  it('the teacher starts a class and Ann joins', async () => {
    const code = await lesson.startClass(teacher, 'Ms Chen');
    await lesson.join(ann, code, 'Ann');
    // before any lesson control, the class session shows her every control
    expect(await ann.getByTestId('regularization').count()).toBe(1);
  });

  it('the teacher locks the learning rate and hides regularization and its rate, in the dashboard panel', async () => {
    const panel = teacher.getByTestId('lesson-controls');
    expect(await teacher.getByTestId('lesson-summary').textContent()).toBe('Students may change everything');
    await panel.locator('summary').click();
    await teacher.getByTestId('lesson-learningRate').getByText('Locked').click();
    await pollUntil(() => teacher.getByTestId('lesson-summary').textContent(), (t) => t === '1 locked, 0 hidden', 5000, 'the lock is stored');
    await teacher.getByTestId('lesson-regularization').getByText('Hidden').click();
    await pollUntil(() => teacher.getByTestId('lesson-summary').textContent(), (t) => t === '1 locked, 1 hidden', 5000, 'regularization hidden');
    await teacher.getByTestId('lesson-regularizationRate').getByText('Hidden').click();
    await pollUntil(() => teacher.getByTestId('lesson-summary').textContent(), (t) => t === '1 locked, 2 hidden', 5000, 'its rate hidden');
    await pollUntil(() => teacher.getByTestId('lesson-learningRate').getAttribute('data-state'), (s) => s === 'locked', 5000, 'the switch shows it');
    // the teacher's own class session is never held
    expect(await teacher.getByTestId('learning-rate').isDisabled()).toBe(false);
    expect(await teacher.getByTestId('regularization').count()).toBe(1);
    expect(await teacher.getByTestId('lock-mark').count()).toBe(0);
    await screenshot(teacher, SHOTS, '01-teacher-panel-en');
    await teacher.getByTestId('language-toggle').click();
    expect(await teacher.getByTestId('lesson-summary').textContent()).toBe('锁定 1 项，隐藏 2 项');
    expect(await teacher.getByTestId('lesson-learningRate').getByText('锁定').count()).toBe(1);
    await screenshot(teacher, SHOTS, '02-teacher-panel-zh');
    await teacher.getByTestId('language-toggle').click();
  });

  it("Ann's fork shows the learning rate locked, with a padlock that says why, and no regularization control", async () => {
    // the class session she watches already follows the setting
    await pollUntil(() => ann.getByTestId('regularization').count(), (n) => n === 0, 5000, 'regularization leaves the class view');
    await ann.getByTestId('fork-button').click();
    await pollUntil(() => ann.getByTestId('session-playground').getAttribute('data-readonly'), (r) => r === 'false', 5000, 'her fork is editable');
    const rate = ann.getByTestId('learning-rate');
    expect(await rate.isDisabled()).toBe(true);
    expect(await ann.getByTestId('regularization').count()).toBe(0);
    expect(await ann.getByTestId('regularization-rate').count()).toBe(0);
    expect(await ann.getByText('Regularization', { exact: false }).count()).toBe(0);
    // what is open still works: the activation is hers to change
    expect(await ann.getByTestId('activation').isDisabled()).toBe(false);
    expect(await ann.getByTestId('view-banner').textContent()).toContain('The teacher locked or hid some controls for this lesson');
    const lock = ann.getByTestId('lock-mark');
    expect(await lock.count()).toBe(1);
    expect(await lock.getAttribute('data-tip')).toBe('The teacher locked this for the lesson.');
    await screenshot(ann, SHOTS, '03-student-fork-en');
    // the tip bubble is the padlock's ::after: it shows while hovered (and on focus, which a tap gives)
    const bubble = () => lock.evaluate((el) => getComputedStyle(el, '::after').content);
    expect(await bubble()).toBe('none');
    await lock.hover();
    expect(await bubble()).toBe('"The teacher locked this for the lesson."');
    await screenshot(ann, SHOTS, '04-student-lock-tip-en');
    await ann.getByTestId('language-toggle').click();
    await lock.hover();
    expect(await bubble()).toBe('"老师在本节课锁定了这一项。"');
    expect(await ann.getByText('正则化', { exact: false }).count()).toBe(0);
    await screenshot(ann, SHOTS, '05-student-lock-tip-zh');
    await ann.mouse.move(5, 5);
    await screenshot(ann, SHOTS, '06-student-fork-zh');
    await ann.getByTestId('language-toggle').click();
  });

  it('the teacher opens everything again: the rate is hers to change and regularization is back', async () => {
    await teacher.getByTestId('lesson-open-all').click();
    await pollUntil(() => teacher.getByTestId('lesson-summary').textContent(), (t) => t === 'Students may change everything', 5000, 'all open');
    await pollUntil(() => ann.getByTestId('learning-rate').isDisabled(), (d) => !d, 5000, "Ann's rate opens");
    expect(await ann.getByTestId('regularization').count()).toBe(1);
    expect(await ann.getByTestId('lock-mark').count()).toBe(0);
    expect(lesson.pageErrors).toEqual([]);
  });
});
