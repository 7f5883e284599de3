import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { BrowserClass } from '../src/browser-class';
import { pollUntil, screenshot, shotPath } from '../src/page-probes';

/*
 * "Draw your own data" in real browsers against the real server (issue 12,
 * CMD-10): the teacher clears the class session's data and draws four
 * points, which both students see; Ann forks and draws four more (mouse),
 * the teacher spotlights her fork and Bo, on a 390×844 touch phone, sees all
 * eight on his heatmap; then Bo forks and draws with his finger, without the
 * page scrolling, and the teacher sees his points. The probe is the points
 * canvas itself: the colour painted at each drawn point's centre, and its
 * `data-points` count. Screenshots (desktop and phone, en and zh-CN) under
 * e2e/test-results/draw-data/.
 */

const SHOTS = 'draw-data';
const ORANGE = 'rgb(245,147,34)';
const BLUE = 'rgb(8,119,189)';

interface Drawn {
  x: number;
  y: number;
  color: string;
}

/** The class session's points: an exclusive-or of four. */
const CLASS_POINTS: Drawn[] = [
  { x: -3, y: 3, color: ORANGE },
  { x: 3, y: -3, color: ORANGE },
  { x: 3, y: 3, color: BLUE },
  { x: -3, y: -3, color: BLUE },
];
/** Ann's additions in her fork. */
const ANN_POINTS: Drawn[] = [
  { x: -4.5, y: 0.5, color: ORANGE },
  { x: 0.5, y: 4.5, color: ORANGE },
  { x: 4.5, y: -0.5, color: BLUE },
  { x: -0.5, y: -4.5, color: BLUE },
];
/** Bo's, with a finger. */
const BO_POINTS: Drawn[] = [
  { x: 1.5, y: 1.5, color: BLUE },
  { x: -1.5, y: 1.5, color: ORANGE },
  { x: 0, y: -1.5, color: BLUE },
];

let room: BrowserClass;
let teacher: Page;
let ann: Page;
let bo: Page;

beforeAll(async () => {
  room = await BrowserClass.start('draw-data');
  teacher = await room.newPage({ width: 1440, height: 900 });
  ann = await room.newPage({ width: 1280, height: 900 });
  bo = await room.newPage({ width: 390, height: 844 }, true);
});

afterAll(() => room?.close());

const pointsCanvas = (page: Page) => page.getByTestId('output-points').first();

/** Taps each point on the page's output heatmap with its colour's brush (a mouse click, or a finger on a touch screen). */
async function draw(page: Page, points: readonly Drawn[], finger = false): Promise<void> {
  for (const point of points) {
    await page.getByTestId(point.color === ORANGE ? 'draw-brush--1' : 'draw-brush-1').first().click();
    const box = (await pointsCanvas(page).boundingBox())!;
    const px = box.x + ((point.x + 6) / 12) * box.width;
    const py = box.y + ((6 - point.y) / 12) * box.height;
    if (finger) await page.touchscreen.tap(px, py);
    else await page.mouse.click(px, py);
  }
}

/** The colour painted at each point's centre on the page's points canvas (null: nothing there). */
function colorsAt(page: Page, points: readonly Drawn[]): Promise<(string | null)[]> {
  return pointsCanvas(page).evaluate((el, at) => {
    const canvas = el as HTMLCanvasElement;
    const ctx = canvas.getContext('2d')!;
    return at.map(({ x, y }) => {
      const px = Math.floor(((x + 6) / 12) * canvas.width);
      const py = Math.floor(((6 - y) / 12) * canvas.height);
      const [r, g, b, a] = ctx.getImageData(px, py, 1, 1).data;
      return a === 0 ? null : `rgb(${r},${g},${b})`;
    });
  }, points.map(({ x, y }) => ({ x, y })));
}

const pointCount = async (page: Page) => Number(await pointsCanvas(page).getAttribute('data-points'));

/** Waits until the page's heatmap shows exactly these points, each in its colour. */
async function expectPoints(page: Page, points: readonly Drawn[], who: string): Promise<void> {
  await pollUntil(() => pointCount(page), (n) => n === points.length, 5000, `${who}: ${points.length} points on the heatmap`);
  await pollUntil(
    () => colorsAt(page, points),
    (colors) => colors.every((color, i) => color === points[i]!.color),
    5000,
    `${who}: each point in its colour`,
  );
}

/** "Show test data" on: every point of the set is drawn, wherever the split put it. */
async function showTestData(page: Page): Promise<void> {
  await page.getByLabel('Show test data').first().check();
}

/** The data panel's "Your points" thumbnail is selected: the session's config (the server's) is custom. */
const customSelected = (page: Page) =>
  pollUntil(() => page.getByRole('button', { name: 'Your points' }).first().getAttribute('aria-pressed'), (p) => p === 'true', 5000, 'the dataset picker shows Your points');

describe('drawing your own data in a class', () => {
  it('the teacher clears the class data and draws four points; both students see them', async () => {
    const code = await room.startClass(teacher, 'Ms Chen');
    await room.join(ann, code, 'Ann');
    await room.join(bo, code, 'Bo');
    await teacher.getByTestId('draw-toggle').first().click();
    expect(await teacher.locator('.pg-heatmap[data-drawing]').count()).toBe(1);
    await teacher.getByTestId('draw-clear').first().click();
    expect(await pointCount(teacher)).toBe(0);
    await draw(teacher, CLASS_POINTS);
    await customSelected(teacher);
    await expectPoints(teacher, CLASS_POINTS, 'the teacher');
    expect(await teacher.getByTestId('draw-count').first().textContent()).toBe('4 / 2,000 points');
    await screenshot(teacher, SHOTS, '01-teacher-draws-class-en');
    for (const [page, who] of [[ann, 'Ann'], [bo, 'Bo']] as const) {
      await showTestData(page);
      await expectPoints(page, CLASS_POINTS, who);
      // watching the class session, they may not draw in it
      expect(await page.getByTestId('draw-toggle').first().isDisabled()).toBe(true);
    }
  });

  it('Ann forks and draws four more points in her fork (desktop, en and zh-CN)', async () => {
    await ann.getByTestId('fork-button').click();
    await pollUntil(() => ann.getByTestId('session-playground').getAttribute('data-readonly'), (r) => r === 'false', 5000, 'her fork is editable');
    await ann.getByTestId('draw-toggle').first().click();
    // drawing starts from what she sees: the class's four points
    expect(await ann.getByTestId('draw-count').first().textContent()).toBe('4 / 2,000 points');
    await draw(ann, ANN_POINTS);
    await expectPoints(ann, [...CLASS_POINTS, ...ANN_POINTS], 'Ann');
    await customSelected(ann);
    await screenshot(ann, SHOTS, '02-student-draws-fork-en');
    await ann.getByTestId('language-toggle').click();
    expect(await ann.getByTestId('draw-toggle').first().textContent()).toBe('绘制数据');
    expect(await ann.getByTestId('draw-count').first().textContent()).toBe('8 / 2,000 个数据点');
    await screenshot(ann, SHOTS, '03-student-draws-fork-zh');
    await ann.getByTestId('language-toggle').click();
    // the class session is untouched
    await teacher.getByTestId('draw-toggle').first().click();
    await showTestData(teacher);
    await expectPoints(teacher, CLASS_POINTS, 'the class session');
  });

  it("the teacher spotlights Ann's fork; Bo, on a phone, sees all eight points", async () => {
    await teacher.getByTestId('fork-row').filter({ hasText: 'Ann' }).click();
    await teacher.getByTestId('viewing-fork').waitFor();
    await teacher.getByTestId('spotlight').click();
    await bo.getByTestId('spotlight-banner').waitFor({ timeout: 5000 });
    await bo.getByTestId('watch-spotlight').click();
    await pollUntil(() => bo.getByTestId('session-playground').getAttribute('data-readonly-reason'), (r) => r === 'spotlight', 5000, "Bo watches Ann's fork");
    await showTestData(bo);
    await expectPoints(bo, [...CLASS_POINTS, ...ANN_POINTS], "Ann's fork on Bo's phone");
    expect(await bo.getByTestId('draw-toggle').first().isDisabled()).toBe(true);
    await bo.screenshot({ path: await shotPath(SHOTS, '04-phone-sees-spotlight-en') });
    await teacher.getByTestId('spotlight').click();
    await pollUntil(() => bo.getByTestId('student-view').getAttribute('data-tab'), (tab) => tab === 'class', 5000, 'Bo back in class');
  });

  it('Bo forks and draws with his finger: the page does not scroll, and the teacher sees his points (phone, en and zh-CN)', async () => {
    await bo.getByTestId('fork-button').click();
    await pollUntil(() => bo.getByTestId('session-playground').getAttribute('data-readonly'), (r) => r === 'false', 5000, 'his fork is editable');
    await bo.getByTestId('draw-toggle').first().tap();
    const heatmap = bo.locator('.pg-heatmap[data-drawing]');
    expect(await heatmap.evaluate((el) => getComputedStyle(el).touchAction)).toBe('none');
    await heatmap.scrollIntoViewIfNeeded();
    const scrolled = await bo.evaluate(() => window.scrollY);
    await draw(bo, BO_POINTS, true);
    expect(await bo.evaluate(() => window.scrollY)).toBe(scrolled);
    await expectPoints(bo, [...CLASS_POINTS, ...BO_POINTS], 'Bo');
    await bo.screenshot({ path: await shotPath(SHOTS, '05-phone-draws-en') });
    await bo.getByTestId('draw-note').scrollIntoViewIfNeeded();
    await screenshot(bo, SHOTS, '05a-phone-draws-en-full');
    await bo.getByTestId('language-toggle').tap();
    await bo.getByTestId('draw-erase').tap();
    expect(await bo.getByTestId('draw-note').textContent()).toContain('点击一个数据点，将它删除。');
    await bo.screenshot({ path: await shotPath(SHOTS, '06-phone-draws-zh') });
    await screenshot(bo, SHOTS, '06a-phone-draws-zh-full');
    await bo.getByTestId('language-toggle').tap();

    await teacher.getByTestId('fork-row').filter({ hasText: 'Bo' }).click();
    await pollUntil(() => teacher.getByTestId('viewing-fork').textContent(), (t) => (t ?? '').includes('Bo'), 5000, "the teacher views Bo's fork");
    await showTestData(teacher);
    await expectPoints(teacher, [...CLASS_POINTS, ...BO_POINTS], "Bo's fork on the teacher's screen");
    expect(room.pageErrors).toEqual([]);
  });
});
