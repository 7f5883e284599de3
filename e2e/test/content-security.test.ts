import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../src/chromium';
import { freePort } from '../src/free-port';
import { ServerProcess } from '../src/server-process';
import { ensureWebBuild } from '../src/web-build';

/*
 * SEC-2: the server's Content-Security-Policy lets the built web app do
 * everything it does (inline React styles, canvases, the data: favicon, the
 * same-origin websocket) without one violation, and SEC-1 lets the app's own
 * pages write and connect.
 */

let dataDir: string;
let server: ServerProcess;
let browser: Browser;

beforeAll(async () => {
  ensureWebBuild();
  dataDir = mkdtempSync(path.join(tmpdir(), 'playroom-e2e-csp-'));
  server = new ServerProcess(await freePort(), dataDir, 'server-csp.log');
  await server.start();
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.kill();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

/** A page that records every CSP violation, console error and page error into `problems`. */
async function watchedPage(problems: string[]): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      console.error(`CSP violation: ${event.violatedDirective} ${event.blockedURI}`);
    });
  });
  const page = await context.newPage();
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page: ${error.message}`));
  return page;
}

describe('content security policy', () => {
  it('home, practice mode, a teacher\'s class page and a student\'s run with no CSP violation or console error', async () => {
    const problems: string[] = [];
    const home = await watchedPage(problems);
    const response = await home.goto(server.url);
    expect(response?.headers()['content-security-policy']).toContain("default-src 'self'");
    await home.getByTestId('practice').click();
    await home.getByTestId('local-view').waitFor();
    await home.getByTestId('play-pause').click();
    await home.waitForTimeout(1000);
    // saving and opening a playground file checks it against the protocol's schema, in the page (FILE-1)
    const [download] = await Promise.all([home.waitForEvent('download'), home.getByTestId('save-file').click()]);
    const saved = path.join(dataDir, 'practice.json');
    await download.saveAs(saved);
    await home.getByTestId('open-file-input').setInputFiles(saved);
    await home.getByTestId('open-file-input').setInputFiles({ name: 'notes.json', mimeType: 'application/json', buffer: Buffer.from('{"hello":1}') });
    await home.getByTestId('practice-file-error').waitFor();

    const teacher = await watchedPage(problems);
    await teacher.goto(server.url);
    await teacher.getByTestId('teacher-name').fill('Ms Chen');
    await teacher.getByTestId('start-class').click();
    await teacher.getByTestId('teacher-view').waitFor();
    await teacher.getByTestId('epoch').waitFor();
    const code = (await teacher.getByTestId('room-code').textContent())?.trim() ?? '';
    expect(code).toMatch(/^[A-Z0-9]{6}$/);

    const student = await watchedPage(problems);
    await student.goto(`${server.url}/join/${code}`);
    await student.getByTestId('join-name').fill('Ann');
    await student.getByTestId('join-class').click();
    await student.getByTestId('student-view').waitFor();
    await student.getByTestId('epoch').waitFor();
    await student.waitForTimeout(1000);
    expect(problems).toEqual([]);

    // the watch itself works: an inline script, which the policy forbids, is reported
    await student.evaluate(() => {
      const script = document.createElement('script');
      script.textContent = 'window.injected = true';
      document.head.append(script);
    });
    await student.waitForTimeout(200);
    expect(problems.some((problem) => problem.includes('CSP violation: script-src'))).toBe(true);
  });
});
