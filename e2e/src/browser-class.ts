import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium } from './chromium';
import { freePort } from './free-port';
import { ServerProcess } from './server-process';
import { ensureWebBuild } from './web-build';

/**
 * What a browser test of a class needs: the built web app, a real server
 * with a data directory of its own, headless Chromium, and pages in
 * contexts of their own (each a separate person), every page error
 * collected. `close()` takes all of it down again.
 */
export class BrowserClass {
  readonly pageErrors: string[] = [];
  private readonly contexts: BrowserContext[] = [];

  private constructor(
    readonly server: ServerProcess,
    readonly browser: Browser,
    private readonly dataDir: string,
  ) {}

  /** Builds the web app if stale, starts a server (its log `server-<name>.log`) and Chromium. */
  static async start(name: string): Promise<BrowserClass> {
    ensureWebBuild();
    const dataDir = mkdtempSync(path.join(tmpdir(), `playroom-e2e-${name}-`));
    const server = new ServerProcess(await freePort(), dataDir, `server-${name}.log`);
    await server.start();
    return new BrowserClass(server, await launchChromium(), dataDir);
  }

  get url(): string {
    return this.server.url;
  }

  /** A page of a new person, in English unless they switch; `phone` for a touch screen. */
  async newPage(viewport: { width: number; height: number }, phone = false): Promise<Page> {
    const context = await this.browser.newContext({ viewport, isMobile: phone, hasTouch: phone, locale: 'en-US' });
    this.contexts.push(context);
    await context.addInitScript(() => {
      if (!localStorage.getItem('playroom.language')) localStorage.setItem('playroom.language', 'en');
    });
    const page = await context.newPage();
    page.on('pageerror', (error) => this.pageErrors.push(error.message));
    return page;
  }

  /** The teacher starts a class from the home page; resolves with its room code. */
  async startClass(page: Page, teacherName: string): Promise<string> {
    await page.goto(this.url);
    await page.getByTestId('teacher-name').fill(teacherName);
    await page.getByTestId('start-class').click();
    await page.getByTestId('teacher-view').waitFor();
    return (await page.getByTestId('room-code').textContent())?.trim() ?? '';
  }

  /** A student joins by the class's /join/CODE link and waits for the student view. */
  async join(page: Page, code: string, name: string): Promise<void> {
    await page.goto(`${this.url}/join/${code}`);
    await page.getByTestId('join-name').fill(name);
    await page.getByTestId('join-class').click();
    await page.getByTestId('student-view').waitFor();
  }

  async close(): Promise<void> {
    for (const context of this.contexts) await context.close().catch(() => {});
    await this.browser.close();
    await this.server.kill();
    rmSync(this.dataDir, { recursive: true, force: true });
  }
}
