import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { BrowserClass } from '../src/browser-class';
import { pollUntil, screenshot } from '../src/page-probes';

/*
 * Hide names in a real browser against the real server (NAMES-1…4): Ms Chen
 * teaches, Ann joins on a laptop and Bo on a phone (390×844). The teacher
 * hides names and shows Ann's fork to the class: Bo's phone and the
 * projector (/class/CODE/projector, a tab of the teacher's browser) say Ann's
 * alias and never "Ann", in English and Chinese; the teacher's dashboard
 * keeps the real names, says so, and shows each alias beside them. A second
 * "Ann" joins as "Ann (2)". Screenshots under e2e/test-results/hide-names/.
 */

const SHOTS = 'hide-names';
// the aliases the roster gives: the teacher 0, Ann 1, Bo 2 (NAMES-4), as the web app says them
const ANN_ALIAS = { en: 'Blue Otter', zh: '蓝色水獭' };
const BO_ALIAS = { en: 'Green Fox', zh: '绿色狐狸' };

let lesson: BrowserClass;
let teacher: Page;
let ann: Page;
let bo: Page;
let projector: Page;
let code = '';

const text = (page: Page) => page.locator('body').innerText();

beforeAll(async () => {
  lesson = await BrowserClass.start('hide-names');
  teacher = await lesson.newPage({ width: 1440, height: 1000 });
  ann = await lesson.newPage({ width: 1280, height: 900 });
  bo = await lesson.newPage({ width: 390, height: 844 }, true);
});

afterAll(() => lesson?.close());

describe('hide names in the browser', () => {
  it('the teacher starts a class, Ann joins on a laptop and Bo on a phone; Ann forks', async () => {
    code = await lesson.startClass(teacher, 'Ms Chen');
    await lesson.join(ann, code, 'Ann');
    await lesson.join(bo, code, 'Bo');
    await ann.getByTestId('fork-button').click();
    await pollUntil(() => ann.getByTestId('session-playground').getAttribute('data-readonly'), (r) => r === 'false', 5000, 'her fork is open');
    await teacher.getByTestId('fork-row').filter({ hasText: 'Ann' }).waitFor({ timeout: 5000 });
  });

  it('NAMES-1: the teacher hides names; the dashboard keeps real names, says so, with the alias the class sees beside each', async () => {
    await teacher.getByTestId('hide-names').click();
    await pollUntil(() => teacher.getByTestId('hide-names').getAttribute('data-hidden'), (h) => h === 'true', 5000, 'names hidden');
    expect(await teacher.getByTestId('hide-names').textContent()).toBe('Show names');
    expect(await teacher.getByTestId('names-hidden-note').textContent()).toContain('You still see real names here');
    const annChip = teacher.getByTestId('student-chip').filter({ hasText: 'Ann' });
    expect(await annChip.textContent()).toContain(`the class sees “${ANN_ALIAS.en}”`);
    expect(await teacher.getByTestId('student-chip').filter({ hasText: 'Bo' }).textContent()).toContain(BO_ALIAS.en);
    // and shows Ann's fork to the class
    await teacher.getByTestId('fork-row').filter({ hasText: 'Ann' }).click();
    await teacher.getByTestId('viewing-fork').waitFor();
    await teacher.getByTestId('spotlight').click();
    await pollUntil(() => teacher.getByTestId('spotlight-tag').count(), (n) => n === 1, 5000, 'the dashboard marks the spotlight');
    await screenshot(teacher, SHOTS, '01-teacher-dashboard-en');
  });

  it('NAMES-2: Bo\'s phone says Ann\'s alias in the spotlight, and his own, and never "Ann"', async () => {
    const banner = bo.getByTestId('spotlight-banner');
    await pollUntil(() => banner.textContent(), (t) => t?.includes(ANN_ALIAS.en) === true, 5000, 'the banner says the alias');
    expect(await bo.getByTestId('my-alias').textContent()).toContain(BO_ALIAS.en);
    expect(await text(bo)).not.toContain('Ann');
    await screenshot(bo, SHOTS, '02-student-phone-banner-en');
    await bo.getByTestId('watch-spotlight').click();
    await pollUntil(() => bo.getByTestId('session-playground').getAttribute('data-readonly-reason'), (r) => r === 'spotlight', 5000, "Bo watches Ann's fork");
    expect(await bo.getByTestId('readonly-note').textContent()).toContain(ANN_ALIAS.en);
    expect(await text(bo)).not.toContain('Ann');
    await screenshot(bo, SHOTS, '03-student-phone-spotlight-en');
    // Ann sees herself as herself, and learns her alias
    expect(await ann.getByTestId('my-alias').textContent()).toContain(ANN_ALIAS.en);
    expect(await text(ann)).not.toContain('Bo');
    await screenshot(ann, SHOTS, '04-student-laptop-en');
  });

  it('NAMES-2: the projector, a tab of the teacher\'s browser, shows the alias too', async () => {
    projector = await teacher.context().newPage();
    projector.on('pageerror', (error) => lesson.pageErrors.push(`projector: ${error.message}`));
    await projector.setViewportSize({ width: 1280, height: 720 });
    await projector.goto(`${lesson.url}/class/${code}/projector`);
    const title = projector.getByTestId('projector-session-title');
    await pollUntil(() => title.textContent().catch(() => null), (t) => t?.includes(ANN_ALIAS.en) === true, 10_000, 'the projector names the alias');
    expect(await text(projector)).not.toContain('Ann');
    await screenshot(projector, SHOTS, '05-projector-en');
  });

  it('says the same in 简体中文 on every screen', async () => {
    for (const page of [teacher, bo, ann, projector]) await page.getByTestId('language-toggle').click();
    await pollUntil(() => projector.getByTestId('projector-session-title').textContent(), (t) => t?.includes(ANN_ALIAS.zh) === true, 5000, 'the projector in Chinese');
    await screenshot(projector, SHOTS, '06-projector-zh');
    expect(await bo.getByTestId('view-banner').textContent()).toContain(ANN_ALIAS.zh);
    expect(await bo.getByTestId('my-alias').textContent()).toContain(BO_ALIAS.zh);
    expect(await text(bo)).not.toContain('Ann');
    await screenshot(bo, SHOTS, '07-student-phone-spotlight-zh');
    expect(await ann.getByTestId('my-alias').textContent()).toContain(ANN_ALIAS.zh);
    await screenshot(ann, SHOTS, '08-student-laptop-zh');
    expect(await teacher.getByTestId('hide-names').textContent()).toBe('显示姓名');
    expect(await teacher.getByTestId('student-chip').filter({ hasText: 'Ann' }).textContent()).toContain(`全班看到“${ANN_ALIAS.zh}”`);
    await screenshot(teacher, SHOTS, '09-teacher-dashboard-zh');
    for (const page of [teacher, bo, ann, projector]) await page.getByTestId('language-toggle').click();
  });

  it('NAMES-3: a second Ann joins as "Ann (2)"; the teacher shows names again and the class sees them', async () => {
    const second = await lesson.newPage({ width: 1280, height: 900 });
    await lesson.join(second, code, 'Ann');
    expect(await second.getByTestId('student-view').innerText()).toContain('Ann (2)');
    await teacher.getByTestId('student-chip').filter({ hasText: 'Ann (2)' }).waitFor({ timeout: 5000 });
    await teacher.getByTestId('hide-names').click();
    await pollUntil(() => bo.getByTestId('view-banner').textContent(), (t) => t?.includes('Ann') === true, 5000, "Bo sees Ann's name again");
    await pollUntil(() => projector.getByTestId('projector-session-title').textContent(), (t) => t?.includes('Ann') === true, 5000, 'the projector too');
    expect(await bo.getByTestId('my-alias').count()).toBe(0);
    expect(await teacher.getByTestId('names-hidden-note').count()).toBe(0);
    await screenshot(teacher, SHOTS, '10-teacher-names-shown-en');
    expect(lesson.pageErrors).toEqual([]);
  });
});
