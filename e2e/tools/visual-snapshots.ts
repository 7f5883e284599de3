/**
 * Deterministic screenshots of the app, for comparing a refactor's before
 * and after pixel for pixel: practice mode (untrained, and after five
 * steps), a teacher's class, a student on a laptop and on a phone (epoch 0,
 * seeded weights), in English and 简体中文. The room code (random) is replaced by a fixed one.
 *
 *   npx tsx e2e/tools/visual-snapshots.ts OUT_DIR        writes OUT_DIR/*.png
 *   npx tsx e2e/tools/visual-snapshots.ts --compare A B  exits 1 unless every PNG in A is pixel-identical in B
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../src/chromium';
import { ServerProcess } from '../src/server-process';
import { ensureWebBuild } from '../src/web-build';

const LANGUAGES = ['en', 'zh-CN'] as const;
const DESKTOP = { width: 1440, height: 900 };
const LAPTOP = { width: 1280, height: 800 };
const PHONE = { width: 390, height: 844 };

async function page(browser: Browser, language: string, viewport: { width: number; height: number }, phone = false): Promise<Page> {
  const context = await browser.newContext({ viewport, isMobile: phone, hasTouch: phone, locale: 'en-US', deviceScaleFactor: 1 });
  await context.addInitScript((lang) => localStorage.setItem('playroom.language', lang), language);
  return context.newPage();
}

async function shoot(p: Page, out: string, name: string): Promise<void> {
  // no caret, no transitions: the same pixels every run
  await p.mouse.move(0, 0); // no hover tooltip where the last click was
  await p.addStyleTag({ content: '*{caret-color:transparent!important;transition:none!important;animation:none!important}' });
  await p.waitForTimeout(1000);
  // the room code is random and its letters differ in width: show a fixed one, so the layout around it holds still
  await p.evaluate(`for (const el of document.querySelectorAll('[data-testid=room-code], [data-testid=join-url]'))
    el.textContent = el.textContent.replace(/[A-Z0-9]{6}$/, 'ABC234')`);
  await p.screenshot({ path: path.join(out, `${name}.png`), fullPage: true });
}

async function snapshots(out: string): Promise<void> {
  mkdirSync(out, { recursive: true });
  ensureWebBuild();
  const dataDir = mkdtempSync(path.join(tmpdir(), 'playroom-shots-'));
  // a fixed port: the join link's length (and so the layout around it) must not change between runs
  const server = new ServerProcess(Number(process.env.SHOTS_PORT ?? 39417), dataDir, 'server-shots.log');
  await server.start();
  const browser = await launchChromium();
  try {
    for (const language of LANGUAGES) {
      for (const [viewport, phone, label] of [[DESKTOP, false, 'desktop'], [PHONE, true, 'phone']] as const) {
        const local = await page(browser, language, viewport, phone);
        await local.goto(`${server.url}/local`);
        await local.getByTestId('local-view').waitFor();
        await shoot(local, out, `local-${label}-${language}`);
        // five single steps: a short loss curve, the gradient bars and trained heatmaps
        for (let i = 1; i <= 5; i++) {
          await local.getByTestId('step').click();
          await local.locator(`[data-testid=epoch][data-epoch="${i}"]`).waitFor();
        }
        await shoot(local, out, `local-stepped-${label}-${language}`);
      }
      const teacher = await page(browser, language, DESKTOP);
      await teacher.goto(server.url);
      await teacher.getByTestId('teacher-name').fill('Ms Chen');
      await teacher.getByTestId('start-class').click();
      await teacher.getByTestId('teacher-view').waitFor();
      await teacher.getByTestId('epoch').waitFor();
      const code = (await teacher.getByTestId('room-code').textContent())?.trim() ?? '';
      for (const [viewport, phone, name] of [[LAPTOP, false, 'Ann'], [PHONE, true, 'Bo']] as const) {
        const student = await page(browser, language, viewport, phone);
        await student.goto(`${server.url}/join/${code}`);
        await student.getByTestId('join-name').fill(name);
        await student.getByTestId('join-class').click();
        await student.getByTestId('student-view').waitFor();
        await student.getByTestId('epoch').waitFor();
        await shoot(student, out, `student-${phone ? 'phone' : 'laptop'}-${language}`);
      }
      await teacher.getByTestId('joined-count').and(teacher.locator('[data-count="2"]')).waitFor();
      await shoot(teacher, out, `teacher-${language}`);
    }
  } finally {
    await browser.close();
    await server.kill();
    rmSync(dataDir, { recursive: true, force: true });
  }
  console.log(`screenshots in ${out}: ${readdirSync(out).join(', ')}`);
}

/** Pixels that differ between two PNGs (decoded by Chromium), and their bounding box. */
async function pixelDiff(browser: Browser, a: Buffer, b: Buffer): Promise<{ count: number; box: number[] }> {
  const p = await browser.newPage();
  try {
    // a string, not a function: tsx would wrap a function's inner helpers in its own __name, unknown in the page
    const script = `(async () => {
      const decode = async (base64) => {
        const image = await createImageBitmap(await (await fetch('data:image/png;base64,' + base64)).blob());
        const canvas = new OffscreenCanvas(image.width, image.height);
        const context = canvas.getContext('2d');
        context.drawImage(image, 0, 0);
        return context.getImageData(0, 0, image.width, image.height);
      };
      const x = await decode('${a.toString('base64')}');
      const y = await decode('${b.toString('base64')}');
      if (x.width !== y.width || x.height !== y.height) return { count: Infinity, box: [x.width, x.height, y.width, y.height] };
      let count = 0;
      const box = [Infinity, Infinity, -1, -1];
      for (let i = 0; i < x.data.length; i += 4) {
        if (x.data[i] === y.data[i] && x.data[i + 1] === y.data[i + 1] && x.data[i + 2] === y.data[i + 2] && x.data[i + 3] === y.data[i + 3]) continue;
        count++;
        const px = (i / 4) % x.width;
        const py = Math.floor(i / 4 / x.width);
        box[0] = Math.min(box[0], px); box[1] = Math.min(box[1], py); box[2] = Math.max(box[2], px); box[3] = Math.max(box[3], py);
      }
      return { count, box };
    })()`;
    return (await p.evaluate(script)) as { count: number; box: number[] };
  } finally {
    await p.close();
  }
}

async function compare(before: string, after: string): Promise<void> {
  const names = readdirSync(before).filter((name) => name.endsWith('.png'));
  const browser = await launchChromium();
  const differing: string[] = [];
  try {
    for (const name of names) {
      const diff = await pixelDiff(browser, readFileSync(path.join(before, name)), readFileSync(path.join(after, name)));
      if (diff.count > 0) differing.push(`${name} (${diff.count} px in [${diff.box.join(', ')}])`);
    }
  } finally {
    await browser.close();
  }
  console.log(`${names.length - differing.length} of ${names.length} screenshots pixel-identical${differing.length ? `; differ: ${differing.join('; ')}` : ''}`);
  if (differing.length > 0 || names.length === 0) process.exit(1);
}

const args = process.argv.slice(2);
if (args[0] === '--compare' && args[1] && args[2]) await compare(args[1], args[2]);
else if (args[0]) await snapshots(path.resolve(args[0]));
else {
  console.error('usage: visual-snapshots.ts OUT_DIR | --compare BEFORE AFTER');
  process.exit(2);
}
