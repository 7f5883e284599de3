import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { BrowserClass } from '../src/browser-class';
import { pollUntil, screenshot, selectedLabel } from '../src/page-probes';

/*
 * "Show me" and lessons in a class, in real browsers against the real
 * server (TEACH-1…4): Ms Chen teaches on a laptop, Ann joins on a laptop and
 * Bo on a phone (390×844). The teacher opens a concept card and presses Show
 * me: the class session changes for every student, with its "Watch:" line.
 * A student watching the class session cannot load an example there and is
 * told to fork; in her fork she can. The teacher starts a ready lesson and
 * moves it on: each student sees the step card, Bo in Chinese. Screenshots
 * under e2e/test-results/teaching-class/.
 */

const SHOTS = 'teaching-class';

let lesson: BrowserClass;
let teacher: Page;
let ann: Page;
let bo: Page;
let code = '';

beforeAll(async () => {
  lesson = await BrowserClass.start('teaching-class');
  teacher = await lesson.newPage({ width: 1440, height: 1000 });
  ann = await lesson.newPage({ width: 1280, height: 900 });
  bo = await lesson.newPage({ width: 390, height: 844 }, true);
});

afterAll(() => lesson?.close());

/** The preset the playground on `page` runs, as its "Watch:" line names it (null: no line). */
const watchedPreset = (page: Page) =>
  page.getByTestId('watch-line').count().then((n) => (n === 0 ? null : page.getByTestId('watch-line').first().getAttribute('data-preset')));
/** The preset of the session on screen, as the server's state names it (TEACH-1). */
const sessionPreset = (page: Page) => page.getByTestId('session-playground').getAttribute('data-preset');

describe('Show me and lessons in a class', () => {
  it('the teacher starts a class; Ann joins on a laptop and Bo on a phone', async () => {
    code = await lesson.startClass(teacher, 'Ms Chen');
    await lesson.join(ann, code, 'Ann');
    await lesson.join(bo, code, 'Bo');
  });

  it('TEACH-1: the teacher opens the non-linearity card and presses Show me; every student sees XOR with linear activations and what to watch', async () => {
    await teacher.getByTestId('concepts-toggle').click();
    await teacher.getByTestId('concepts-drawer').waitFor();
    await teacher.getByTestId('concept-item').and(teacher.locator('[data-concept="nonLinearity"]')).click();
    const card = teacher.getByTestId('concept-card').and(teacher.locator('[data-concept="nonLinearity"]'));
    await card.waitFor();
    expect(await card.textContent()).toContain('Show me');
    await card.getByTestId('show-me').and(teacher.locator('[data-preset="xor-linear"]')).click();
    for (const page of [teacher, ann, bo]) {
      await pollUntil(() => watchedPreset(page), (id) => id === 'xor-linear', 8000, 'the watch line names the preset');
      await pollUntil(() => selectedLabel(page, 'activation'), (label) => label === 'Linear', 5000, 'the class session is linear');
    }
    expect(await ann.getByTestId('watch-line').textContent()).toMatch(/Watch:/);
    await screenshot(teacher, SHOTS, '01-teacher-show-me-en');
    await teacher.getByTestId('concepts-close').click();
    await screenshot(ann, SHOTS, '02-student-sees-preset-en');
  });

  it('TEACH-1: a student watching the class session presses Show me: she gets a fork of it with the example; the class session stays', async () => {
    await ann.getByTestId('concepts-toggle').click();
    await ann.getByTestId('concept-item').and(ann.locator('[data-concept="gradientHealth"]')).click();
    await ann.getByTestId('show-me').and(ann.locator('[data-preset="vanishing-gradients"]')).click();
    await pollUntil(() => ann.getByTestId('session-playground').getAttribute('data-readonly'), (r) => r === 'false', 8000, 'her new fork is open');
    await pollUntil(() => sessionPreset(ann), (id) => id === 'vanishing-gradients', 8000, 'her fork runs the vanishing preset');
    expect(await watchedPreset(ann)).toBe('vanishing-gradients');
    expect(await selectedLabel(ann, 'activation')).toBe('Sigmoid');
    expect(await ann.getByTestId('view-forks').getAttribute('aria-selected')).toBe('true');
    await screenshot(ann, SHOTS, '03-student-fork-show-me-en');
    // the class session did not move, for the teacher and for Bo
    expect(await sessionPreset(teacher)).toBe('xor-linear');
    expect(await selectedLabel(teacher, 'activation')).toBe('Linear');
    expect(await sessionPreset(bo)).toBe('xor-linear');
  });

  it('TEACH-1: while the teacher pauses the class, Show me is off for a student and says why', async () => {
    await teacher.getByTestId('freeze-forks').click();
    await bo.getByTestId('frozen-banner').waitFor({ timeout: 5000 });
    // on a phone the Concepts button waits in the controls fold, so the output keeps the first screen
    await bo.getByTestId('controls-toggle').click();
    await bo.getByTestId('concepts-toggle').click();
    await bo.getByTestId('concept-item').and(bo.locator('[data-concept="bias"]')).click();
    expect(await bo.getByTestId('show-me').first().isDisabled()).toBe(true);
    expect(await bo.getByTestId('show-me-disabled').textContent()).toContain('paused the class');
    await screenshot(bo, SHOTS, '03b-student-phone-concepts-paused-en');
    await bo.getByTestId('concepts-close').click();
    await bo.getByTestId('controls-toggle').click();
    await teacher.getByTestId('freeze-forks').click();
    await pollUntil(() => bo.getByTestId('frozen-banner').count(), (n) => n === 0, 5000, 'the class goes on');
  });

  it('TEACH-3: the teacher starts the non-linearity lesson; every student sees step 1 with its card, Bo in Chinese', async () => {
    await bo.getByTestId('language-toggle').click();
    await teacher.getByTestId('lesson-choose').click();
    await teacher.getByTestId('ready-lesson').and(teacher.locator('[data-lesson="non-linearity"]')).getByTestId('ready-lesson-start').click();
    for (const page of [teacher, ann, bo]) {
      await pollUntil(() => page.getByTestId('lesson-step').getAttribute('data-step'), (s) => s === '0', 8000, 'step 1 is shown');
    }
    expect(await ann.getByTestId('lesson-step').textContent()).toContain('Step 1 of 5');
    expect(await ann.getByTestId('lesson-step').getByTestId('concept-card').getAttribute('data-concept')).toBe('nonLinearity');
    const boCard = await bo.getByTestId('lesson-step').textContent();
    expect(boCard).toContain('第 1 步，共 5 步');
    expect(boCard).toContain('注意观察');
    // the step card says what to watch, so the class session's own watch line is not said twice
    expect(await watchedPreset(bo)).toBeNull();
    expect(await sessionPreset(bo)).toBe('xor-linear');
    // on a phone the concept card waits folded, so the playground keeps the first screen
    expect(await bo.getByTestId('lesson-step').getByTestId('concept-card').count()).toBe(0);
    await screenshot(teacher, SHOTS, '04-teacher-lesson-step1-en');
    // the projector, a tab of the teacher's browser, shows the step and what to watch in large type
    const projector = await teacher.context().newPage();
    projector.on('pageerror', (error) => lesson.pageErrors.push(`projector: ${error.message}`));
    await projector.setViewportSize({ width: 1280, height: 720 });
    await projector.goto(`${lesson.url}/class/${code}/projector`);
    await pollUntil(() => projector.getByTestId('projector-lesson').textContent(), (text) => text?.includes('Step 1 of 5') === true, 8000, 'the projector shows the step');
    expect(await projector.getByTestId('projector-lesson').textContent()).toContain('Watch:');
    await screenshot(projector, SHOTS, '04b-projector-lesson-step1-en');
    await projector.close();
    await screenshot(bo, SHOTS, '05-student-phone-lesson-step1-zh');
  });

  it('TEACH-4: Next moves every student to step 2 and loads its example into the class session', async () => {
    await teacher.getByTestId('lesson-next').click();
    for (const page of [teacher, ann, bo]) {
      await pollUntil(() => page.getByTestId('lesson-step').getAttribute('data-preset'), (id) => id === 'xor-product', 8000, 'step 2 is shown');
    }
    await pollUntil(() => sessionPreset(bo), (id) => id === 'xor-product', 8000, "Bo's class session runs step 2's preset");
    await bo.getByTestId('lesson-card-toggle').click();
    expect(await bo.getByTestId('lesson-step').getByTestId('concept-card').textContent()).toMatch(/特征/);
    await bo.getByTestId('lesson-step').locator('svg').first().waitFor();
    await screenshot(bo, SHOTS, '06-student-phone-lesson-step2-figure-zh');
    // Ann's own fork keeps what she loaded: lessons change the class session only
    expect(await watchedPreset(ann)).toBe('vanishing-gradients');
    await teacher.getByTestId('lesson-end').click();
    for (const page of [teacher, ann, bo]) await pollUntil(() => page.getByTestId('lesson-step').count(), (n) => n === 0, 8000, 'the lesson ended');
    expect(lesson.pageErrors).toEqual([]);
  });
});
