import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../src/chromium';
import { freePort } from '../src/free-port';
import { epochOf, heatmapStats, pollUntil, screenshot } from '../src/page-probes';
import { ServerProcess } from '../src/server-process';
import { ensureWebBuild } from '../src/web-build';

/*
 * Projector mode (/class/CODE/projector): the teacher opens it from the
 * teacher view, in a new tab of the same browser (the teacher identity is
 * there). While students arrive it shows the code, the QR and the join URL
 * and counts who joined; once the teacher plays, the class session, with
 * the output heatmap at least half the screen's height and wholly on it and
 * a loss chart in large type, at the three usual projector sizes, nothing
 * to scroll, in English and Chinese. The server listens on every address so
 * the join link is one phones can open (JOIN-4) and the QR is shown.
 * Screenshots under e2e/test-results/projector/.
 */

const SHOTS = 'projector';
const SIZES = [
  { width: 1280, height: 720 },
  { width: 1366, height: 768 },
  { width: 1920, height: 1080 },
];

let dataDir: string;
let server: ServerProcess;
let browser: Browser;
const contexts: BrowserContext[] = [];
const problems: string[] = [];

async function newContext(viewport: { width: number; height: number }): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport, locale: 'en-US' });
  contexts.push(context);
  await context.addInitScript(() => {
    // a popup starts on about:blank, which has no localStorage
    if (location.protocol === 'about:') return;
    if (!localStorage.getItem('playroom.language')) localStorage.setItem('playroom.language', 'en');
  });
  context.on('page', (page) => {
    page.on('pageerror', (error) => problems.push(`page: ${error.message}`));
  });
  return context;
}

/** Where a test id's element is, and whether the page scrolls. */
function layoutOf(page: Page, testId: string) {
  return page.evaluate((id) => {
    const element = document.querySelector(`[data-testid="${id}"]`);
    const box = element?.getBoundingClientRect();
    const root = document.documentElement;
    return {
      box: box ? { top: box.top, left: box.left, bottom: box.bottom, right: box.right, width: box.width, height: box.height } : null,
      viewport: { width: window.innerWidth, height: window.innerHeight },
      scrolls: root.scrollHeight > window.innerHeight || root.scrollWidth > window.innerWidth,
    };
  }, testId);
}

/** The element is wholly inside the viewport. */
function expectOnScreen(layout: Awaited<ReturnType<typeof layoutOf>>, what: string): NonNullable<typeof layout.box> {
  const { box, viewport } = layout;
  expect(box, what).not.toBeNull();
  expect(box!.top, `${what} top`).toBeGreaterThanOrEqual(0);
  expect(box!.left, `${what} left`).toBeGreaterThanOrEqual(0);
  expect(box!.bottom, `${what} bottom`).toBeLessThanOrEqual(viewport.height);
  expect(box!.right, `${what} right`).toBeLessThanOrEqual(viewport.width);
  return box!;
}

beforeAll(async () => {
  ensureWebBuild();
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'playroom-e2e-projector-'));
  server = new ServerProcess(await freePort(), dataDir, 'server-projector.log', { host: '0.0.0.0' });
  await server.start();
  browser = await launchChromium();
});

afterAll(async () => {
  for (const context of contexts) await context.close().catch(() => {});
  await browser?.close();
  await server?.kill();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

describe('projector mode', () => {
  let teacher: Page;
  let projector: Page;
  let student: Page;
  let code = '';

  it('opens from the teacher view and shows the code, the QR and the join URL while students arrive', async () => {
    const context = await newContext({ width: 1440, height: 900 });
    teacher = await context.newPage();
    await teacher.goto(`http://localhost:${server.port}/`);
    await teacher.getByTestId('teacher-name').fill('Ms Chen');
    await teacher.getByTestId('start-class').click();
    await teacher.getByTestId('teacher-view').waitFor();
    code = (await teacher.getByTestId('room-code').textContent())?.trim() ?? '';
    expect(await teacher.getByTestId('open-projector').getAttribute('href')).toBe(`/class/${code}/projector`);

    const opened = context.waitForEvent('page');
    await teacher.getByTestId('open-projector').click();
    projector = await opened;
    await projector.setViewportSize(SIZES[0]!);
    await projector.getByTestId('projector').waitFor();
    await projector.getByTestId('join-qr').waitFor();
    expect(new URL(projector.url()).pathname).toBe(`/class/${code}/projector`);
    expect(await projector.getByTestId('projector').getAttribute('data-screen')).toBe('join');
    expect(await projector.getByTestId('room-code').textContent()).toBe(code);
    const joinUrl = (await projector.getByTestId('join-url').getAttribute('href')) ?? '';
    expect(new URL(joinUrl).pathname).toBe(`/join/${code}`);
    expect(new URL(joinUrl).hostname).not.toBe('localhost');
    await projector.waitForFunction(() => {
      const img = document.querySelector<HTMLImageElement>('[data-testid="join-qr"]');
      return img !== null && img.complete && img.naturalWidth > 0;
    });
    // read-only: the teacher's buttons stay in the teacher view
    expect(await projector.getByTestId('open-projector').count()).toBe(0);
    expect(await projector.getByTestId('play-pause').count()).toBe(0);

    const codeBox = expectOnScreen(await layoutOf(projector, 'room-code'), 'room code');
    expect(codeBox.height, 'the code in huge type').toBeGreaterThan(90);
    const qr = await layoutOf(projector, 'join-qr');
    expect(expectOnScreen(qr, 'QR').height).toBeGreaterThanOrEqual(300);
    expectOnScreen(await layoutOf(projector, 'join-url'), 'join URL');
    expect(qr.scrolls, 'nothing to scroll').toBe(false);
    expect(await projector.getByTestId('joined-count').getAttribute('data-count')).toBe('0');
    await screenshot(projector, SHOTS, '01-lobby-1280x720-en');
  });

  it('counts a student who joins', async () => {
    const context = await newContext({ width: 1280, height: 800 });
    student = await context.newPage();
    await student.goto(`${server.url}/join/${code}`);
    await student.getByTestId('join-name').fill('Bo');
    await student.getByTestId('join-class').click();
    await student.getByTestId('student-view').waitFor();
    await projector.locator('[data-testid="joined-count"][data-count="1"]').waitFor({ timeout: 5000 });
    await screenshot(projector, SHOTS, '02-lobby-joined-1280x720-en');
    await projector.getByTestId('language-toggle').click();
    expect(await projector.getByText('扫码加入').count()).toBe(1);
    expect(await projector.getByTestId('joined-count').textContent()).toBe('已加入 1 人');
    expect((await layoutOf(projector, 'room-code')).scrolls).toBe(false);
    await screenshot(projector, SHOTS, '03-lobby-joined-1280x720-zh');
    await projector.getByTestId('language-toggle').click();
  });

  it('shows the class session large once the teacher plays', async () => {
    await teacher.getByTestId('play-pause').click();
    await projector.locator('[data-testid="projector"][data-screen="class"]').waitFor({ timeout: 5000 });
    await pollUntil(
      async () => Number((await projector.getByTestId('projector-epoch').textContent())?.replace(/\D/g, '') ?? 0),
      (epoch) => epoch >= 60,
      10_000,
      'the projector follows training',
    );
    expect(await epochOf(teacher)).toBeGreaterThan(0);
    const stats = await heatmapStats(projector);
    expect(stats.painted, 'the heatmap is painted').toBeGreaterThan(0);
    expect(stats.colors, 'with more than one colour').toBeGreaterThan(10);

    for (const size of SIZES) {
      const label = `${size.width}x${size.height}`;
      await projector.setViewportSize(size);
      await projector.waitForTimeout(300); // resize observers, one frame
      for (const language of ['en', 'zh'] as const) {
        const heatmap = await layoutOf(projector, 'output-heatmap');
        const box = expectOnScreen(heatmap, `heatmap at ${label} (${language})`);
        expect(box.height, `heatmap at ${label}: at least half the height`).toBeGreaterThanOrEqual(size.height / 2);
        expect(heatmap.scrolls, `nothing to scroll at ${label} (${language})`).toBe(false);
        const chart = expectOnScreen(await layoutOf(projector, 'loss-chart'), `loss chart at ${label}`);
        expect(chart.height, `loss chart at ${label}`).toBeGreaterThanOrEqual(size.height / 4);
        expect(chart.width).toBeGreaterThanOrEqual(size.width / 4);
        const tick = await projector.locator('[data-testid="loss-chart"] text.pg-tick').first().evaluate((t) => parseFloat(getComputedStyle(t).fontSize));
        expect(tick, 'chart ticks read from the back row').toBeGreaterThanOrEqual(14);
        expectOnScreen(await layoutOf(projector, 'test-loss'), `test loss at ${label}`);
        await screenshot(projector, SHOTS, `${size === SIZES[0] ? '04' : size === SIZES[1] ? '05' : '06'}-class-${label}-${language}`);
        await projector.getByTestId('language-toggle').click();
      }
    }
    expect(await projector.getByTestId('projector-fullscreen').textContent()).toBe('Full screen');
    expect(problems).toEqual([]);
  });

  it('shows the spotlighted fork while it lasts, then the class session again', async () => {
    const classSessionId = await projector.getByTestId('projector-stage').getAttribute('data-session-id');
    await student.getByTestId('fork-button').click();
    await teacher.getByTestId('fork-row').filter({ hasText: 'Bo' }).waitFor({ timeout: 5000 });
    await teacher.getByTestId('fork-row').filter({ hasText: 'Bo' }).click();
    await teacher.getByTestId('viewing-fork').waitFor();
    await teacher.getByTestId('spotlight').click();
    await projector.getByTestId('projector-session-title').filter({ hasText: 'Bo' }).waitFor({ timeout: 5000 });
    expect(await projector.getByTestId('projector-session-title').textContent()).toBe('On the class screen: Bo’s fork');
    expect(await projector.getByTestId('projector-stage').getAttribute('data-session-id')).not.toBe(classSessionId);
    expect((await heatmapStats(projector)).colors).toBeGreaterThan(10);
    expectOnScreen(await layoutOf(projector, 'output-heatmap'), 'the fork’s heatmap');
    await screenshot(projector, SHOTS, '07-spotlight-1920x1080-en');
    await teacher.getByTestId('spotlight').click();
    await projector.locator(`[data-testid="projector-stage"][data-session-id="${classSessionId}"]`).waitFor({ timeout: 5000 });
    expect(await projector.getByTestId('projector-session-title').textContent()).toBe('Class session');
  });

  it('switches back to how to join by hand', async () => {
    await projector.getByTestId('projector-switch').click();
    expect(await projector.getByTestId('projector').getAttribute('data-screen')).toBe('join');
    await projector.getByTestId('join-qr').waitFor();
    await projector.getByTestId('projector-switch').click();
    await projector.getByTestId('projector-stage').waitFor();
  });
});
