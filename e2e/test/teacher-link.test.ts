import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../src/chromium';
import { freePort } from '../src/free-port';
import { screenshot } from '../src/page-probes';
import { RESULTS_DIR } from '../src/repo-paths';
import { ServerProcess } from '../src/server-process';
import { ensureWebBuild } from '../src/web-build';

/*
 * The teacher on any device (JOIN-5): the teacher, in one browser (context
 * A), shows the teacher link on demand, with a QR code drawn in the page.
 * Another browser (context B, the classroom PC) opens the link: it becomes
 * the teacher there, and the token leaves its address bar. Both see the
 * same class; B ends it, and A and a student are told. The token never
 * reaches the server in a request (the fragment is the browser's own):
 * no request B makes carries it, and the server's log does not hold it.
 * Screenshots under e2e/test-results/teacher-link/.
 */

const SHOTS = 'teacher-link';
const LOG = 'server-teacher-link.log';

let dataDir: string;
let server: ServerProcess;
let browser: Browser;
const contexts: BrowserContext[] = [];
const problems: string[] = [];

async function newPage(viewport: { width: number; height: number }): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport, locale: 'en-US' });
  contexts.push(context);
  await context.addInitScript(() => {
    if (location.protocol === 'about:') return;
    if (!localStorage.getItem('playroom.language')) localStorage.setItem('playroom.language', 'en');
  });
  const page = await context.newPage();
  page.on('pageerror', (error) => problems.push(`page: ${error.message}`));
  return { context, page };
}

beforeAll(async () => {
  ensureWebBuild();
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'playroom-e2e-teacher-link-'));
  server = new ServerProcess(await freePort(), dataDir, LOG);
  await server.start();
  browser = await launchChromium();
});

afterAll(async () => {
  for (const context of contexts) await context.close().catch(() => {});
  await browser?.close();
  await server?.kill();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

describe('the teacher on a second device', () => {
  it('B opens the teacher link, teaches, ends the class; A and a student are told', async () => {
    const { page: a } = await newPage({ width: 1440, height: 900 });
    await a.goto(server.url);
    await a.getByTestId('teacher-name').fill('Ms Chen');
    await a.getByTestId('start-class').click();
    await a.getByTestId('teacher-view').waitFor();
    const code = (await a.getByTestId('room-code').textContent())?.trim() ?? '';
    const token = await a.evaluate((c) => (JSON.parse(localStorage.getItem(`playroom.identity.${c}`)!) as { token: string }).token, code);

    // hidden until asked for
    expect(await a.getByTestId('teacher-link').count()).toBe(0);
    await a.getByTestId('teacher-link-show').click();
    const link = (await a.getByTestId('teacher-link').getAttribute('data-href')) ?? '';
    expect(link).toBe(`${new URL((await a.getByTestId('join-url').getAttribute('href'))!).origin}/teach/${code}#${token}`);
    const qr = a.getByTestId('teacher-link-qr');
    await qr.waitFor();
    const qrSource = await qr.evaluate((img: HTMLImageElement) => ({ src: img.src.slice(0, 26), natural: img.naturalWidth }));
    expect(qrSource).toEqual({ src: 'data:image/svg+xml;charset', natural: expect.any(Number) });
    expect(qrSource.natural).toBeGreaterThan(0);
    await screenshot(a, SHOTS, '01-teacher-link-en');
    await a.getByTestId('language-toggle').click();
    expect(await a.getByText('教师链接', { exact: true }).count()).toBe(1);
    await screenshot(a, SHOTS, '02-teacher-link-zh');
    await a.getByTestId('language-toggle').click();
    await a.getByTestId('teacher-link-hide').click();
    expect(await a.getByTestId('teacher-link').count()).toBe(0);

    const { page: student } = await newPage({ width: 1280, height: 800 });
    await student.goto(`${server.url}/join/${code}`);
    await student.getByTestId('join-name').fill('Bo');
    await student.getByTestId('join-class').click();
    await student.getByTestId('student-view').waitFor();

    // B: another browser, the classroom PC
    const { page: b } = await newPage({ width: 1366, height: 768 });
    const asked: string[] = [];
    b.on('request', (request) => asked.push(request.url()));
    b.on('websocket', (ws) => asked.push(ws.url()));
    await b.goto(link.replace(new URL(link).origin, server.url));
    await b.getByTestId('teacher-view').waitFor();
    expect(new URL(b.url()).pathname).toBe(`/class/${code}`);
    expect(new URL(b.url()).hash).toBe('');
    expect(await b.getByTestId('room-code').textContent()).toBe(code);
    expect(asked.length).toBeGreaterThan(0);
    expect(asked.filter((url) => url.includes(token))).toEqual([]);

    // the same state on both teacher devices: B sees the student A sees
    await b.locator('[data-testid="joined-count"][data-count="1"]').waitFor();
    await a.locator('[data-testid="joined-count"][data-count="1"]').waitFor();
    // a change on A reaches B
    await a.getByTestId('play-pause').click();
    await b.waitForFunction(() => Number(document.querySelector('[data-testid="epoch"]')?.getAttribute('data-epoch')) > 5);
    await screenshot(b, SHOTS, '03-second-device-teacher-view-en');

    b.once('dialog', (dialog) => void dialog.accept());
    await b.getByTestId('end-class').click();
    for (const page of [a, student, b]) await page.locator('[data-code="classEnded"]').first().waitFor({ timeout: 10_000 });
    await screenshot(a, SHOTS, '04-first-device-told-en');
    await screenshot(student, SHOTS, '05-student-told-en');
    expect(readFileSync(path.join(RESULTS_DIR, LOG), 'utf8')).not.toContain(token);
    expect(problems).toEqual([]);
  });

  it('a wrong teacher link is refused as a bad teacher token, and forgotten', async () => {
    const { page: a } = await newPage({ width: 1280, height: 800 });
    await a.goto(server.url);
    await a.getByTestId('teacher-name').fill('Mr Wu');
    await a.getByTestId('start-class').click();
    await a.getByTestId('teacher-view').waitFor();
    const code = (await a.getByTestId('room-code').textContent())?.trim() ?? '';

    const { page: b } = await newPage({ width: 1280, height: 800 });
    await b.goto(`${server.url}/teach/${code}#${'W'.repeat(32)}`);
    await b.locator('[data-testid="class-error"][data-code="badToken"]').waitFor();
    expect(new URL(b.url()).hash).toBe('');
    expect(await b.evaluate((c) => localStorage.getItem(`playroom.identity.${c}`), code)).toBeNull();
    await screenshot(b, SHOTS, '06-wrong-link-en');
    await b.getByTestId('language-toggle').click();
    await screenshot(b, SHOTS, '07-wrong-link-zh');
  });
});
