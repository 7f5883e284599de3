import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { BrowserClass } from '../src/browser-class';
import { epochOf, pollUntil, shotPath } from '../src/page-probes';

/*
 * Phone first (issue 9): on a phone the student sees the network's output
 * and the loss first. A teacher on a laptop runs the class; Ann on a
 * 360×640 phone and Bo on a 390×844 one, in English and Chinese, watch the
 * class session, then each in a fork of their own, then in practice mode:
 * the output heatmap, the loss figures and the loss chart lie inside the
 * first screen, the page never scrolls sideways, the controls are folded
 * and open with one tap, and a tapped neuron near the right edge shows
 * large, fully on screen, until a tap elsewhere. Screenshots (the first
 * screen, not the whole page) under e2e/test-results/phone-first/.
 */

const SHOTS = 'phone-first';
const PHONES = [
  { name: 'Ann', viewport: { width: 360, height: 640 } },
  { name: 'Bo', viewport: { width: 390, height: 844 } },
] as const;
const LANGUAGES = ['en', 'zh-CN'] as const;

let room: BrowserClass;
let teacher: Page;
const phones = new Map<string, Page>();
let code = '';

interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** The viewport rectangles of what must be in the first screen, the viewport, and how wide the page is. */
function firstScreen(page: Page): Promise<{ boxes: Record<string, Box>; width: number; height: number; pageWidth: number }> {
  return page.evaluate(() => {
    const boxOf = (selector: string): Box => {
      const rect = document.querySelector(selector)!.getBoundingClientRect();
      return { left: rect.left, top: rect.top, right: rect.right, bottom: rect.bottom };
    };
    return {
      boxes: {
        heatmap: boxOf('[data-testid=output-heatmap]'),
        losses: boxOf('.pg-metrics'),
        lossChart: boxOf('[data-testid=loss-chart]'),
      },
      width: window.innerWidth,
      height: window.innerHeight,
      pageWidth: document.documentElement.scrollWidth,
    };
  });
}

function inside(box: Box, viewport: { width: number; height: number }): boolean {
  return box.left >= 0 && box.top >= 0 && box.right <= viewport.width + 0.5 && box.bottom <= viewport.height + 0.5 && box.bottom > box.top;
}

async function expectNoSidewaysScroll(page: Page, where: string): Promise<void> {
  const { pageWidth, width } = await page.evaluate(() => ({ pageWidth: document.documentElement.scrollWidth, width: window.innerWidth }));
  expect(pageWidth, `${where}: the page is wider than the screen`).toBeLessThanOrEqual(width);
}

async function inLanguage(page: Page, language: 'en' | 'zh-CN'): Promise<void> {
  const toggle = page.getByTestId('language-toggle');
  // the toggle names the other language
  if ((await toggle.textContent())?.trim() === (language === 'en' ? 'English' : '中文')) await toggle.click();
}

/**
 * Everything phone first promises, on the page as it is: the first screen,
 * the folded controls that one tap opens (and one folds again), and a tapped
 * neuron near the right edge; with screenshots named `<prefix>-…`.
 */
async function checkPhoneFirst(page: Page, where: string, prefix: string): Promise<void> {
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.getByTestId('output-heatmap').waitFor();
  await page.screenshot({ path: await shotPath(SHOTS, `${prefix}-1-first-screen`) });
  const screen = await firstScreen(page);
  for (const [name, box] of Object.entries(screen.boxes)) {
    expect(inside(box, screen), `${where}: ${name} ${JSON.stringify(box)} in the first ${screen.width}×${screen.height}`).toBe(true);
  }
  expect(screen.pageWidth, `${where}: no sideways scrolling`).toBeLessThanOrEqual(screen.width);

  // the controls: folded, one tap opens them
  const toggle = page.getByTestId('controls-toggle');
  const panel = page.getByTestId('controls-panel');
  expect(await toggle.getAttribute('aria-expanded'), `${where}: folded`).toBe('false');
  expect(await panel.isVisible()).toBe(false);
  expect(await page.getByTestId('learning-rate').isVisible()).toBe(false);
  await toggle.tap();
  await panel.waitFor({ state: 'visible' });
  expect(await toggle.getAttribute('aria-expanded')).toBe('true');
  expect(await page.getByTestId('learning-rate').isVisible()).toBe(true);
  expect(await page.getByTestId('datasets').isVisible()).toBe(true);
  await expectNoSidewaysScroll(page, `${where}, controls open`);
  await page.screenshot({ path: await shotPath(SHOTS, `${prefix}-2-controls-open`) });
  await toggle.tap();
  await panel.waitFor({ state: 'hidden' });

  // the neuron drawn furthest right (the output), tapped: shown large near the finger, inside the screen
  const neurons = page.locator('.pg-neuron');
  let rightmost = 0;
  let best = -Infinity;
  for (let i = 0; i < (await neurons.count()); i++) {
    const box = await neurons.nth(i).boundingBox();
    if (box && box.x + box.width > best) {
      best = box.x + box.width;
      rightmost = i;
    }
  }
  const neuron = neurons.nth(rightmost);
  await neuron.scrollIntoViewIfNeeded();
  const at = (await neuron.boundingBox())!;
  expect(at.x + at.width, `${where}: the neuron is near the right edge`).toBeGreaterThan(screen.width * 0.75);
  await page.touchscreen.tap(at.x + at.width / 2, at.y + at.height / 2);
  const peek = page.getByTestId('neuron-peek');
  await peek.waitFor({ state: 'visible' });
  const viewport = { width: screen.width, height: screen.height };
  const shown = await pollUntil(
    () => peek.evaluate((el) => {
      const rect = el.getBoundingClientRect();
      return { left: rect.left, top: rect.top, right: rect.right, bottom: rect.bottom, visible: getComputedStyle(el).visibility === 'visible' };
    }),
    (box) => box.visible,
    2000,
    `${where}: the enlarged neuron placed`,
  );
  expect(inside(shown.value, viewport), `${where}: the enlarged neuron ${JSON.stringify(shown.value)} inside ${viewport.width}×${viewport.height}`).toBe(true);
  // near the finger: above or below the neuron, within a box's height of it
  const fingerY = at.y + at.height / 2;
  expect(Math.min(Math.abs(shown.value.bottom - fingerY), Math.abs(shown.value.top - fingerY))).toBeLessThan(40);
  // it draws the neuron's heatmap
  await pollUntil(
    () => peek.locator('canvas').evaluate((el) => {
      const canvas = el as HTMLCanvasElement;
      const data = canvas.getContext('2d')?.getImageData(0, 0, canvas.width, canvas.height).data;
      let painted = 0;
      for (let i = 3; data && i < data.length; i += 4) if (data[i]! > 0) painted++;
      return painted;
    }),
    (painted) => painted > 1000,
    3000,
    `${where}: the enlarged neuron is painted`,
  );
  await expectNoSidewaysScroll(page, `${where}, neuron enlarged`);
  await page.screenshot({ path: await shotPath(SHOTS, `${prefix}-3-neuron`) });
  // a tap elsewhere (the left margin, clear of every node) closes it
  await page.touchscreen.tap(4, Math.min(screen.height - 4, fingerY));
  await peek.waitFor({ state: 'detached' });
}

beforeAll(async () => {
  room = await BrowserClass.start('phone-first');
  teacher = await room.newPage({ width: 1280, height: 800 });
  for (const phone of PHONES) phones.set(phone.name, await room.newPage(phone.viewport, true));
});

afterAll(() => room?.close());

describe('phone first', () => {
  it('the teacher starts a class and plays it; Ann and Bo join on their phones', async () => {
    code = await room.startClass(teacher, 'Ms Chen');
    await teacher.getByTestId('play-pause').click();
    await pollUntil(() => epochOf(teacher), (e) => e > 20, 15_000, 'the class session trains');
    for (const { name } of PHONES) await room.join(phones.get(name)!, code, name);
    // the teacher's laptop keeps the desktop layout: no fold, the controls in their bar
    expect(await teacher.getByTestId('controls-toggle').count()).toBe(0);
    expect(await teacher.getByTestId('learning-rate').isVisible()).toBe(true);
  });

  for (const { name, viewport } of PHONES) {
    const size = `${viewport.width}x${viewport.height}`;

    it(`${name} (${size}) watching the class: the output first, the controls folded, a tapped neuron on screen`, async () => {
      const page = phones.get(name)!;
      for (const language of LANGUAGES) {
        await inLanguage(page, language);
        await pollUntil(() => epochOf(page), (e) => e > 20, 5000, `${name} sees the class train`);
        expect(await page.getByTestId('session-playground').getAttribute('data-readonly-reason')).toBe('watchingClass');
        // someone watching gets no greyed-out run buttons
        expect(await page.getByTestId('play-pause').isVisible()).toBe(false);
        if (language === 'zh-CN') expect((await page.getByTestId('controls-toggle').textContent())?.trim()).toBe('设置');
        else expect((await page.getByTestId('controls-toggle').textContent())?.trim()).toBe('Controls');
        await checkPhoneFirst(page, `${name} watching, ${language}`, `${size}-class-${language}`);
      }
      await inLanguage(page, 'en');
    });

    it(`${name} (${size}) in a fork of their own: the same, and the run buttons at hand`, async () => {
      const page = phones.get(name)!;
      await page.getByTestId('fork-button').tap();
      await pollUntil(() => page.getByTestId('session-playground').getAttribute('data-readonly'), (r) => r === 'false', 5000, `${name}'s fork`);
      expect(await page.getByTestId('play-pause').isVisible()).toBe(true);
      await page.getByTestId('play-pause').tap();
      await pollUntil(() => page.getByTestId('play-pause').getAttribute('data-playing'), (p) => p === 'true', 5000, `${name}'s fork plays`);
      for (const language of LANGUAGES) {
        await inLanguage(page, language);
        await checkPhoneFirst(page, `${name}'s fork, ${language}`, `${size}-fork-${language}`);
      }
      // a control in the opened panel works: the fork takes the change
      await inLanguage(page, 'en');
      await page.getByTestId('controls-toggle').tap();
      await page.getByTestId('learning-rate').selectOption({ label: '0.1' });
      await pollUntil(
        () => page.getByTestId('learning-rate').evaluate((el) => (el as HTMLSelectElement).selectedOptions[0]?.textContent ?? ''),
        (label) => label === '0.1',
        5000,
        `${name}'s fork takes a new learning rate`,
      );
      await page.getByTestId('controls-toggle').tap();
    });

    it(`${name} (${size}) in practice mode: the same`, async () => {
      const page = phones.get(name)!;
      await page.goto(`${room.url}/local`);
      await page.getByTestId('local-view').waitFor();
      for (const language of LANGUAGES) {
        await inLanguage(page, language);
        await checkPhoneFirst(page, `${name} practising, ${language}`, `${size}-local-${language}`);
      }
      await inLanguage(page, 'en');
    });
  }

  it('threw no page errors', () => {
    expect(room.pageErrors).toEqual([]);
  });
});
