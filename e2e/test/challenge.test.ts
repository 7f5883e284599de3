import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { BrowserClass } from '../src/browser-class';
import { pollUntil, screenshot } from '../src/page-probes';

/*
 * A challenge in real browsers against the real server (CHAL-1…6): Ms Chen
 * sets a goal (circle, x₁ and x₂, at most 6 neurons); Ann on a laptop and Bo
 * on a phone (390×844) fork the class session and train; the teacher's
 * leaderboard ranks both with the server's scores. Ann adds a neuron and is
 * told why her fork no longer counts. The teacher hides names and ends the
 * challenge: the projector shows the podium with aliases. Screenshots under
 * e2e/test-results/challenge/, en and zh-CN.
 */

const SHOTS = 'challenge';

let room: BrowserClass;
let teacher: Page;
let ann: Page;
let bo: Page;
let projector: Page;
let code = '';

beforeAll(async () => {
  room = await BrowserClass.start('challenge');
  teacher = await room.newPage({ width: 1440, height: 1000 });
  ann = await room.newPage({ width: 1280, height: 900 });
  bo = await room.newPage({ width: 390, height: 844 }, true);
});

afterAll(() => room?.close());

const ranks = (page: Page) => page.getByTestId('leaderboard-entry').evaluateAll((rows) => rows.map((row) => row.getAttribute('data-rank')));

describe('a challenge', () => {
  it('the teacher starts a class and opens the projector; Ann joins on a laptop, Bo on a phone', async () => {
    code = await room.startClass(teacher, 'Ms Chen');
    await teacher.getByTestId('play-pause').click();
    projector = await teacher.context().newPage();
    projector.on('pageerror', (error) => room.pageErrors.push(`projector: ${error.message}`));
    await projector.setViewportSize({ width: 1280, height: 720 });
    await projector.goto(`${room.url}/class/${code}/projector`);
    await room.join(ann, code, 'Ann');
    await room.join(bo, code, 'Bo');
  });

  it('CHAL-1: the teacher sets the goal and starts it; every student sees the banner', async () => {
    await teacher.getByTestId('challenge-set').click();
    await teacher.getByTestId('challenge-budget-max').fill('6');
    await teacher.getByTestId('challenge-target').fill('0.3');
    await teacher.getByTestId('challenge-start').click();
    await teacher.locator('[data-testid="challenge-panel"][data-state="running"]').waitFor({ timeout: 5000 });
    for (const page of [ann, bo]) await page.getByTestId('challenge-banner').waitFor({ timeout: 5000 });
    expect(await ann.getByTestId('challenge-status').textContent()).toContain('Fork the class session');
  });

  it('CHAL-2/4: both students fork and train; the leaderboard ranks both', async () => {
    await ann.getByTestId('fork-button').click();
    await pollUntil(() => ann.getByTestId('session-playground').getAttribute('data-readonly'), (r) => r === 'false', 5000, 'her fork is open');
    await ann.getByTestId('play-pause').click();
    await bo.getByTestId('fork-button').tap();
    await pollUntil(() => bo.getByTestId('session-playground').getAttribute('data-readonly'), (r) => r === 'false', 5000, 'his fork is open');
    await bo.getByTestId('play-pause').tap();
    await pollUntil(() => ranks(teacher), (r) => r.join() === '1,2', 10_000, 'the teacher sees two ranked forks');
    const rows = await teacher.getByTestId('leaderboard-entry').allTextContents();
    expect(rows.join(' ')).toContain('Ann');
    expect(rows.join(' ')).toContain('Bo');
    await pollUntil(() => bo.getByTestId('challenge-status').textContent(), (t) => /Your fork: #\d of 2/.test(t ?? ''), 5000, 'Bo sees his rank');
    await screenshot(teacher, SHOTS, '01-teacher-leaderboard-en');
    await screenshot(bo, SHOTS, '02-student-phone-rank-en');
    await projector.getByTestId('projector-challenge').waitFor({ timeout: 5000 });
    await screenshot(projector, SHOTS, '03-projector-live-en');
  });

  it('CHAL-3: Ann adds a neuron: her fork is out, and she is told why', async () => {
    await ann.getByTestId('add-neuron-1').click();
    await pollUntil(() => ann.getByTestId('challenge-status').getAttribute('data-out'), (out) => out === 'true', 10_000, 'her fork does not count');
    expect(await ann.getByTestId('challenge-status').textContent()).toBe('Your fork does not count: 7 neurons, the budget is 6');
    await pollUntil(() => ranks(teacher), (r) => r.join() === '1,', 10_000, 'the teacher sees one ranked fork and one out');
    expect(await teacher.getByTestId('leaderboard-reasons').textContent()).toContain('7 neurons, the budget is 6');
    await ann.getByTestId('challenge-banner').locator('summary').click();
    await screenshot(ann, SHOTS, '04-student-out-en');
  });

  it('CHAL-6/NAMES-2: names hidden, the teacher ends it; the projector shows the podium with aliases', async () => {
    await teacher.getByTestId('hide-names').click();
    await teacher.getByTestId('challenge-end').click();
    await teacher.locator('[data-testid="challenge-panel"][data-state="ended"]').waitFor({ timeout: 5000 });
    await projector.getByTestId('podium').waitFor({ timeout: 5000 });
    const podium = (await projector.getByTestId('podium').textContent()) ?? '';
    expect(podium).not.toContain('Bo');
    expect(podium).not.toContain('Ann');
    expect(await projector.getByTestId('podium-entry').count()).toBe(1);
    await screenshot(projector, SHOTS, '05-projector-podium-en');
    await pollUntil(() => bo.getByTestId('challenge-banner').getAttribute('data-state'), (s) => s === 'ended', 5000, 'Bo hears it ended');
    await bo.getByTestId('challenge-banner').locator('summary').tap();
    expect(await bo.getByTestId('challenge-banner').textContent()).not.toContain('Ann');
  });

  it('says it in 简体中文: the phone, the projector and the dashboard', async () => {
    for (const page of [bo, projector]) await page.getByTestId('language-toggle').click();
    await pollUntil(() => projector.getByTestId('projector-challenge').textContent(), (t) => t?.includes('领奖台') === true, 5000, 'the podium in Chinese');
    await screenshot(projector, SHOTS, '06-projector-podium-zh');
    await screenshot(bo, SHOTS, '07-student-phone-ended-zh');
    await teacher.reload();
    await teacher.locator('[data-testid="challenge-panel"][data-state="ended"]').waitFor({ timeout: 10_000 });
    await screenshot(teacher, SHOTS, '08-teacher-ended-zh');
    expect(await ann.getByTestId('challenge-status').textContent()).toContain('7 neurons');
    await ann.getByTestId('language-toggle').click();
    await pollUntil(() => ann.getByTestId('challenge-status').textContent(), (t) => t?.includes('7 个神经元，上限是 6') === true, 5000, 'Ann in Chinese');
    await screenshot(ann, SHOTS, '09-student-out-zh');
    expect(room.pageErrors).toEqual([]);
  });
});
