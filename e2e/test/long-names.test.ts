import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium } from '../src/chromium';
import { freePort } from '../src/free-port';
import { pollUntil, screenshot } from '../src/page-probes';
import { ServerProcess } from '../src/server-process';
import { ensureWebBuild } from '../src/web-build';

/*
 * Names of 32 characters (the most a name may have, NAME-1) without a
 * space wrap wherever they are shown: the teacher's dashboard (forks and
 * students), the banner over a fork the teacher looks at, a student's own
 * line, the spotlight banners and the read-only notes, the home page's
 * "continue" list; on a 1280-wide laptop and a 360-wide phone, in English
 * and Chinese. Nothing that holds a name is wider than its box, and no page
 * scrolls sideways. Screenshots under e2e/test-results/long-names/.
 */

const SHOTS = 'long-names';
const TEACHER = 'Maximiliana_Schwarzenegger_Teach';
const ANN = 'Anastasia_Konstantinopolskaya_An';
const BO = 'Bartholomew_Featherstonehaugh_Bo';

let dataDir: string;
let server: ServerProcess;
let browser: Browser;
const contexts: BrowserContext[] = [];
const pageErrors: string[] = [];
let teacher: Page;
let ann: Page;
let bo: Page;
let code = '';

async function newPage(viewport: { width: number; height: number }, phone = false): Promise<Page> {
  const context = await browser.newContext({ viewport, isMobile: phone, hasTouch: phone, locale: 'en-US', deviceScaleFactor: 1 });
  contexts.push(context);
  await context.addInitScript(() => {
    if (!localStorage.getItem('playroom.language')) localStorage.setItem('playroom.language', 'en');
  });
  const page = await context.newPage();
  page.on('pageerror', (error) => pageErrors.push(error.message));
  return page;
}

async function join(page: Page, name: string): Promise<void> {
  await page.goto(`${server.url}/join/${code}`);
  await page.getByTestId('join-name').fill(name);
  await page.getByTestId('join-class').click();
  await page.getByTestId('student-view').waitFor();
}

/**
 * Every box on the page that holds `name` (and each box around it) whose
 * content is wider than the box, and the page itself if it scrolls
 * sideways: "tag.class 412>268" each. Empty when the name wraps everywhere.
 */
function overflowsOf(page: Page, name: string): Promise<string[]> {
  return page.evaluate((text) => {
    const found: string[] = [];
    const checked = new Set<Element>();
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (!node.textContent?.includes(text)) continue;
      for (let el = node.parentElement; el && el !== document.body; el = el.parentElement) {
        if (checked.has(el)) continue;
        checked.add(el);
        if (getComputedStyle(el).display === 'inline' || el.clientWidth === 0) continue;
        if (el.scrollWidth > el.clientWidth + 1) {
          found.push(`${el.tagName.toLowerCase()}.${[...el.classList].join('.')} ${el.scrollWidth}>${el.clientWidth}`);
        }
      }
    }
    const page = document.documentElement;
    if (page.scrollWidth > window.innerWidth) found.push(`page ${page.scrollWidth}>${window.innerWidth}`);
    return found;
  }, name);
}

/** Expects `name` to be on `page` and to wrap: nothing overflows. */
async function expectWraps(page: Page, name: string, where: string): Promise<void> {
  await pollUntil(() => page.evaluate((text) => document.body.innerText.includes(text), name), Boolean, 5000, `${name} shown (${where})`);
  expect(await overflowsOf(page, name), where).toEqual([]);
}

async function inLanguage(page: Page, language: 'en' | 'zh-CN'): Promise<void> {
  const toggle = page.getByTestId('language-toggle');
  // the toggle names the other language
  if ((await toggle.textContent())?.trim() === (language === 'en' ? 'English' : '中文')) await toggle.click();
}

beforeAll(async () => {
  ensureWebBuild();
  dataDir = mkdtempSync(path.join(tmpdir(), 'playroom-e2e-names-'));
  server = new ServerProcess(await freePort(), dataDir, 'server-long-names.log');
  await server.start();
  browser = await launchChromium();
  teacher = await newPage({ width: 1280, height: 800 });
  ann = await newPage({ width: 360, height: 640 }, true);
  bo = await newPage({ width: 1280, height: 800 });
});

afterAll(async () => {
  for (const context of contexts) await context.close().catch(() => {});
  await browser?.close();
  await server?.kill();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

describe('32-character names without spaces', () => {
  it('wrap on the teacher’s dashboard: the forks and the students', async () => {
    await teacher.goto(server.url);
    await teacher.getByTestId('teacher-name').fill(TEACHER);
    await teacher.getByTestId('start-class').click();
    await teacher.getByTestId('teacher-view').waitFor();
    code = (await teacher.getByTestId('room-code').textContent())?.trim() ?? '';
    await join(ann, ANN);
    await join(bo, BO);
    await bo.getByTestId('fork-button').click();
    await bo.getByTestId('view-banner').waitFor();
    await ann.getByTestId('fork-button').click();
    await ann.getByTestId('view-banner').waitFor();
    await teacher.getByTestId('fork-list').getByText(BO).waitFor();
    await teacher.getByTestId('fork-list').getByText(ANN).waitFor();
    for (const language of ['en', 'zh-CN'] as const) {
      await inLanguage(teacher, language);
      await expectWraps(teacher, BO, `teacher dashboard, ${language}`);
      await expectWraps(teacher, ANN, `teacher dashboard, ${language}`);
      await screenshot(teacher, SHOTS, `01-teacher-dashboard-${language}`);
    }
    await inLanguage(teacher, 'en');
  });

  it('wrap in the banner and the note over a student’s fork the teacher looks at, and spotlights', async () => {
    await teacher.getByTestId('fork-list').getByText(BO).click();
    await teacher.getByTestId('viewing-fork').waitFor();
    await expectWraps(teacher, BO, 'teacher viewing a fork');
    await teacher.getByTestId('spotlight').click();
    await pollUntil(() => ann.getByTestId('spotlight-banner').count(), (n) => n > 0, 5000, 'Ann sees the spotlight');
    await expectWraps(teacher, BO, 'teacher spotlighting a fork');
    await screenshot(teacher, SHOTS, '02-teacher-viewing-fork-en');
  });

  it('wrap on a phone: a student’s own line, the spotlight banner and the read-only note', async () => {
    for (const language of ['en', 'zh-CN'] as const) {
      await inLanguage(ann, language);
      await expectWraps(ann, ANN, `Ann's own line, ${language}`);
      await expectWraps(ann, BO, `spotlight banner on Ann's phone, ${language}`);
      await screenshot(ann, SHOTS, `03-student-phone-spotlight-banner-${language}`);
    }
    await ann.getByTestId('watch-spotlight').click();
    await ann.getByTestId('view-banner').waitFor();
    // the read-only note is in the phone's folded controls: open them, so it is on screen to check
    await ann.getByTestId('controls-toggle').click();
    await ann.getByTestId('readonly-note').waitFor();
    for (const language of ['en', 'zh-CN'] as const) {
      await inLanguage(ann, language);
      await expectWraps(ann, BO, `Ann watching the spotlight, ${language}`);
      await screenshot(ann, SHOTS, `04-student-phone-watching-spotlight-${language}`);
    }
    await inLanguage(ann, 'en');
  });

  it('wrap when the teacher shows a fork of their own, and on the home page’s list of classes to go back to', async () => {
    await teacher.getByTestId('back-to-class').click();
    await teacher.getByTestId('teacher-fork').click();
    await teacher.getByTestId('viewing-fork').and(teacher.locator('[data-mine=true]')).waitFor();
    await teacher.getByTestId('spotlight').click();
    await ann.getByTestId('view-class').click();
    await expectWraps(ann, TEACHER, "the teacher's fork on Ann's phone");
    await screenshot(ann, SHOTS, '05-student-phone-teacher-spotlight-en');
    await ann.goto(server.url);
    await expectWraps(ann, ANN, 'home page on a phone');
    await screenshot(ann, SHOTS, '06-home-phone-en');
    expect(pageErrors).toEqual([]);
  });
});
