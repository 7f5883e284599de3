import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { BrowserClass } from '../src/browser-class';
import { pollUntil, screenshot } from '../src/page-probes';

/*
 * The teacher's dashboard of fork cards in a real browser against the real
 * server (SUM-1, SUM-2): Ann, on a phone, makes two forks and trains them;
 * the teacher sees a card for each with a heatmap drawn from the fork's
 * weights (its canvas holds many colours, not a blank), spotlights one from
 * its card (Bo, in the class, is shown it) and stops it from the class
 * view. Screenshots in English and 简体中文 under e2e/test-results/dashboard/.
 */

const SHOTS = 'dashboard';

let room: BrowserClass;
let teacher: Page;
let ann: Page;
let bo: Page;

/** Distinct colours in each card's heatmap canvas. */
function heatmapColours(page: Page): Promise<number[]> {
  return page.getByTestId('fork-heatmap').evaluateAll((canvases) =>
    canvases.map((el) => {
      const canvas = el as HTMLCanvasElement;
      const data = canvas.getContext('2d')?.getImageData(0, 0, canvas.width, canvas.height).data;
      const colours = new Set<number>();
      for (let i = 0; data && i < data.length; i += 4) if (data[i + 3]! > 0) colours.add((data[i]! << 16) | (data[i + 1]! << 8) | data[i + 2]!);
      return colours.size;
    }),
  );
}

beforeAll(async () => {
  room = await BrowserClass.start('dashboard');
  teacher = await room.newPage({ width: 1440, height: 1000 });
  ann = await room.newPage({ width: 390, height: 844 }, true);
  bo = await room.newPage({ width: 1280, height: 900 });
});

afterAll(() => room?.close());

describe('the dashboard in the browser', () => {
  it('Ann, on a phone, makes two forks and trains them; the teacher sees a card with a heatmap for each', async () => {
    const code = await room.startClass(teacher, 'Ms Chen');
    await room.join(ann, code, 'Ann');
    await room.join(bo, code, 'Bo');
    const shown = () => ann.getByTestId('session-playground').getAttribute('data-session-id');
    for (let n = 0; n < 2; n++) {
      const before = await shown();
      await ann.getByTestId('fork-button').click();
      await pollUntil(shown, (id) => id !== before, 5000, 'her new fork is open');
      await pollUntil(() => ann.getByTestId('session-playground').getAttribute('data-readonly'), (r) => r === 'false', 5000, 'her fork is hers');
      await ann.getByTestId('play-pause').click();
    }
    await pollUntil(() => teacher.getByTestId('fork-row').count(), (n) => n === 2, 5000, 'two cards');
    expect(await teacher.locator('.fork-card-name').allTextContents()).toEqual(['Ann 1', 'Ann 2']);
    const drawn = await pollUntil(() => heatmapColours(teacher), (c) => c.length === 2 && c.every((n) => n >= 3), 10_000, 'both heatmaps drawn from weights');
    expect(drawn.value.every((n) => n >= 3)).toBe(true);
    await pollUntil(() => teacher.getByTestId('fork-epoch').allTextContents(), (e) => e.every((x) => Number(x) > 30), 10_000, 'both train');
    expect(await teacher.locator('.fork-card .status-dot.playing').count()).toBe(2);
    expect(await teacher.getByTestId('fork-shape').first().textContent()).toBe('Network 2-4-2-1');
    await screenshot(teacher, SHOTS, '01-teacher-cards-en');
  });

  it('the teacher spotlights a fork from its card; Bo, in the class, sees it; the class view stops it', async () => {
    await teacher.getByTestId('fork-row').nth(1).getByTestId('card-spotlight').click();
    await pollUntil(() => teacher.getByTestId('spotlight-tag').count(), (n) => n === 1, 5000, 'the card is on screen');
    expect(await teacher.getByTestId('fork-row').nth(1).getByTestId('spotlight-tag').count()).toBe(1);
    // the class sees Ann's fork on the class screen
    await pollUntil(() => bo.getByTestId('spotlight-banner').textContent().catch(() => ''), (t) => t?.includes('Ann') ?? false, 5000, 'Bo sees the spotlight');
    await pollUntil(() => teacher.getByTestId('class-spotlight-banner').textContent(), (t) => t?.includes('Ann 2') ?? false, 5000, 'the class view says what is on screen');
    await screenshot(teacher, SHOTS, '02-teacher-spotlight-en');
    await teacher.getByTestId('language-toggle').click();
    expect(await teacher.getByTestId('needs-help').textContent()).toBe('需要帮助（0）');
    expect(await teacher.getByTestId('class-stop-spotlight').textContent()).toBe('停止投屏');
    await screenshot(teacher, SHOTS, '03-teacher-spotlight-zh');
    await teacher.getByTestId('class-stop-spotlight').click();
    await pollUntil(() => teacher.getByTestId('spotlight-tag').count(), (n) => n === 0, 5000, 'the spotlight is off');
    expect(await teacher.getByTestId('class-spotlight-banner').count()).toBe(0);
    await pollUntil(() => bo.getByTestId('spotlight-banner').count(), (n) => n === 0, 5000, 'the class screen is back to the class');
    await teacher.getByTestId('language-toggle').click();
  });

  it('cards full width, and on a phone-width teacher page they wrap', async () => {
    await teacher.getByTestId('board-wide').click();
    expect(await teacher.getByTestId('session-playground').isVisible()).toBe(false);
    await screenshot(teacher, SHOTS, '04-teacher-cards-wide-en');
    await teacher.setViewportSize({ width: 390, height: 844 });
    const widths = await teacher.getByTestId('fork-row').evaluateAll((cards) => cards.map((c) => c.getBoundingClientRect().right));
    expect(Math.max(...widths)).toBeLessThanOrEqual(390);
    await screenshot(teacher, SHOTS, '05-teacher-phone-en');
    await teacher.getByTestId('language-toggle').click();
    await screenshot(teacher, SHOTS, '06-teacher-phone-zh');
    // watching from a card opens the fork in the playground again
    await teacher.getByTestId('fork-row').first().getByTestId('card-watch').click();
    await teacher.getByTestId('viewing-fork').waitFor();
    expect(room.pageErrors).toEqual([]);
  });
});
