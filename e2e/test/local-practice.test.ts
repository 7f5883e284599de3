import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../src/chromium';
import { freePort } from '../src/free-port';
import { epochOf, heatmapStats, pollUntil, screenshot, selectedLabel, shotPath } from '../src/page-probes';
import { ServerProcess } from '../src/server-process';
import { ensureWebBuild } from '../src/web-build';

/* "Practice on my own": the playground trains in the browser, with no class and no socket. */

let dataDir: string;
let server: ServerProcess;
let browser: Browser;

beforeAll(async () => {
  ensureWebBuild();
  dataDir = mkdtempSync(path.join(tmpdir(), 'playroom-e2e-local-'));
  server = new ServerProcess(await freePort(), dataDir, 'server-local.log');
  await server.start();
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.kill();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

describe('practice on my own', () => {
  it('opens from the home page and trains in the browser', async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(server.url);
    await page.getByTestId('practice').click();
    await page.getByTestId('local-view').waitFor();
    expect(new URL(page.url()).pathname).toBe('/local');
    expect(await page.getByTestId('connection-badge').count()).toBe(0);

    // on a phone the controls are folded under the output (phone first): one tap opens them
    await page.getByTestId('controls-toggle').click();
    await page.getByTestId('learning-rate').selectOption({ label: '0.1' });
    expect(await selectedLabel(page, 'learning-rate')).toBe('0.1');
    // a decaying schedule: its own settings appear, and the rate it reaches drops while training
    expect(await page.getByTestId('decay-rate').count()).toBe(0);
    await page.getByTestId('schedule').selectOption({ label: 'Exponential decay' });
    await page.getByTestId('decay-epochs').selectOption({ label: '10 epochs' });
    expect(await page.getByTestId('learning-rate-now').textContent()).toBe('0.1');
    await page.getByTestId('play-pause').click();
    await pollUntil(() => epochOf(page), (e) => e > 30, 15_000, 'local epochs');
    // 0.1 · 0.5^(epoch / 10): below 0.0125 after 30 epochs
    expect(Number(await page.getByTestId('learning-rate-now').textContent())).toBeLessThan(0.0125);
    const stats = await heatmapStats(page);
    expect(stats.colors).toBeGreaterThan(20);
    await screenshot(page, 'local', 'phone-training');
    await page.getByTestId('language-toggle').click();
    await page.getByTestId('optimizer').selectOption({ label: 'Adam' });
    await page.getByTestId('beta1').waitFor();
    await page.locator('.pg-controls').screenshot({ path: await shotPath('local', 'phone-controls-zh') });
    expect(errors).toEqual([]);
    await context.close();
  });

  it('shows a schedule’s and an optimizer’s settings in the desktop controls bar, in both languages', async () => {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${server.url}/local`);
    await page.getByTestId('local-view').waitFor();
    if ((await page.getByTestId('language-toggle').textContent()) !== '中文') await page.getByTestId('language-toggle').click();
    await page.getByTestId('schedule').selectOption({ label: 'Reduce on plateau' });
    await page.getByTestId('optimizer').selectOption({ label: 'Adam' });
    await page.getByTestId('patience').waitFor();
    await page.locator('.pg-controls').screenshot({ path: await shotPath('local', 'desktop-controls-en') });
    await page.getByTestId('language-toggle').click();
    await page.getByTestId('optimizer').selectOption({ label: '动量' });
    await page.getByTestId('momentum').waitFor();
    await page.locator('.pg-controls').screenshot({ path: await shotPath('local', 'desktop-controls-zh') });

    // the keyboard path to a weight: one tab stop for the links, arrows along them, Enter to edit, focus comes back
    await page.getByTestId('language-toggle').click();
    await page.locator('.pg-link-hits path[tabindex="0"]').focus();
    await page.keyboard.press('ArrowDown');
    const focused = () => page.evaluate(() => document.activeElement?.getAttribute('data-link') ?? null);
    expect(await focused()).toBe('1:0:1');
    await page.locator('.pg-network').screenshot({ path: await shotPath('local', 'desktop-link-focused') });
    await page.keyboard.press('Enter');
    await page.keyboard.press('ControlOrMeta+a');
    await page.keyboard.type('1.5');
    await page.keyboard.press('Enter');
    expect(await focused()).toBe('1:0:1');
    expect(await page.getByRole('tooltip').textContent()).toContain('1.500');
    await context.close();
  });
});
