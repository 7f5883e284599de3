import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../src/chromium';
import { freePort } from '../src/free-port';
import { screenshot } from '../src/page-probes';
import { ServerProcess } from '../src/server-process';
import { ensureWebBuild } from '../src/web-build';
import { machineNetworkAddresses } from '../../scripts/network-addresses';

/*
 * The join link a teacher shows is one a student's phone can open (REST-1,
 * JOIN-4, REST-8): the server listens on every address, the teacher opens
 * the app on `localhost` (as the server's log line invites) and starts a
 * class; the page shows the machine's network address, not localhost, with a
 * QR code that loads under the app's CSP. A phone opens that link and lands
 * on the join form with the code filled. The phone's requests to the network
 * address are answered by the same server over 127.0.0.1 (Playwright's
 * routing), so no test traffic goes to a network address.
 * Screenshots under e2e/test-results/join-link/, in English and Chinese.
 */

const SHOTS = 'join-link';

let dataDir: string;
let server: ServerProcess;
let browser: Browser;
const contexts: BrowserContext[] = [];
const problems: string[] = [];

async function newPage(viewport: { width: number; height: number }, phone = false): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport, isMobile: phone, hasTouch: phone, locale: 'en-US' });
  contexts.push(context);
  await context.addInitScript(() => {
    if (!localStorage.getItem('playroom.language')) localStorage.setItem('playroom.language', 'en');
    document.addEventListener('securitypolicyviolation', (event) => {
      console.error(`CSP violation: ${event.violatedDirective} ${event.blockedURI}`);
    });
  });
  const page = await context.newPage();
  page.on('pageerror', (error) => problems.push(`page: ${error.message}`));
  // no console error at all: the server sends no COOP header, which Chromium would report as ignored on plain http to a LAN address
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });
  return { context, page };
}

beforeAll(async () => {
  ensureWebBuild();
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'playroom-e2e-join-link-'));
  server = new ServerProcess(await freePort(), dataDir, 'server-join-link.log', { host: '0.0.0.0' });
  await server.start();
  browser = await launchChromium();
});

afterAll(async () => {
  for (const context of contexts) await context.close().catch(() => {});
  await browser?.close();
  await server?.kill();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

describe('a join link other devices can open', () => {
  let code = '';
  let joinUrl = '';

  it('the teacher on localhost is shown the network address and its QR code', async () => {
    const addresses = machineNetworkAddresses();
    expect(addresses.length, 'this machine has a network address (hostname -I)').toBeGreaterThan(0);
    const { page: teacher } = await newPage({ width: 1440, height: 900 });
    await teacher.goto(`http://localhost:${server.port}/`);
    await teacher.getByTestId('teacher-name').fill('Ms Chen');
    await teacher.getByTestId('start-class').click();
    await teacher.getByTestId('teacher-view').waitFor();
    code = (await teacher.getByTestId('room-code').textContent())?.trim() ?? '';
    expect(code).toMatch(/^[A-Z0-9]{6}$/);

    joinUrl = (await teacher.getByTestId('join-url').getAttribute('href')) ?? '';
    const link = new URL(joinUrl);
    expect(link.hostname).not.toBe('localhost');
    expect(link.hostname.startsWith('127.')).toBe(false);
    expect(addresses).toContain(link.hostname);
    expect(link.port).toBe(String(server.port));
    expect(link.pathname).toBe(`/join/${code}`);
    expect(await teacher.getByTestId('join-url').textContent()).toBe(`${link.host}/join/${code}`);
    expect(await teacher.getByTestId('join-loopback').count()).toBe(0);

    const qr = teacher.getByTestId('join-qr');
    await qr.waitFor();
    await teacher.waitForFunction(() => {
      const img = document.querySelector<HTMLImageElement>('[data-testid="join-qr"]');
      return img !== null && img.complete;
    });
    const loaded = await qr.evaluate((img: HTMLImageElement) => ({ natural: img.naturalWidth, shown: img.getBoundingClientRect().width, src: img.currentSrc }));
    expect(loaded.natural, 'the SVG decoded').toBeGreaterThan(0);
    expect(loaded.shown).toBeGreaterThanOrEqual(160);
    expect(loaded.src).toBe(`http://localhost:${server.port}/api/rooms/${code}/qr.svg`);
    await screenshot(teacher, SHOTS, '01-teacher-join-link-en');

    await teacher.getByTestId('language-toggle').click();
    expect(await teacher.getByText('扫码加入').count()).toBe(1);
    expect(await qr.getAttribute('alt')).toBe(`加入网址 ${joinUrl} 的二维码`);
    await screenshot(teacher, SHOTS, '02-teacher-join-link-zh');
    expect(problems).toEqual([]);
  });

  it('a phone opens that link and lands on the join form with the code filled', async () => {
    const { context, page: phone } = await newPage({ width: 390, height: 844 }, true);
    const origin = new URL(joinUrl).origin;
    const asked: string[] = [];
    // the network address is answered by the same server over loopback: nothing leaves this machine
    await context.route(`${origin}/**`, async (route) => {
      const url = route.request().url();
      asked.push(url);
      const response = await route.fetch({ url: url.replace(origin, server.url) });
      await route.fulfill({ response });
    });
    const sockets: string[] = [];
    await context.routeWebSocket(/.*/, (ws) => {
      sockets.push(ws.url());
      void ws.close();
    });
    await phone.goto(joinUrl);
    await phone.getByTestId('join-class-form').waitFor();
    expect(new URL(phone.url()).pathname).toBe(`/join/${code}`);
    expect(await phone.getByTestId('join-code').inputValue()).toBe(code);
    expect(asked[0]).toBe(joinUrl);
    expect(sockets).toEqual([]);
    await screenshot(phone, SHOTS, '03-phone-join-form-en');
    await phone.getByTestId('language-toggle').click();
    expect(await phone.getByTestId('join-code').inputValue()).toBe(code);
    await screenshot(phone, SHOTS, '04-phone-join-form-zh');
    expect(problems).toEqual([]);
  });

  it('a server on 127.0.0.1 only: the teacher is told students cannot open the link, and how to fix it', async () => {
    const loopbackDir = mkdtempSync(path.join(os.tmpdir(), 'playroom-e2e-join-loopback-'));
    const loopback = new ServerProcess(await freePort(), loopbackDir, 'server-join-link-loopback.log');
    try {
      await loopback.start();
      const { page: teacher } = await newPage({ width: 1280, height: 800 });
      await teacher.goto(`http://localhost:${loopback.port}/`);
      await teacher.getByTestId('teacher-name').fill('Ms Chen');
      await teacher.getByTestId('start-class').click();
      await teacher.getByTestId('teacher-view').waitFor();
      expect(await teacher.getByTestId('join-url').getAttribute('href')).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/join\/[A-Z0-9]{6}$/);
      expect(await teacher.getByTestId('join-qr').count()).toBe(0);
      expect(await teacher.getByTestId('join-loopback').textContent()).toContain('Restart the server with HOST=0.0.0.0, or set PUBLIC_URL');
      await screenshot(teacher, SHOTS, '05-teacher-loopback-en');
      await teacher.getByTestId('language-toggle').click();
      expect(await teacher.getByTestId('join-loopback').textContent()).toContain('请用 HOST=0.0.0.0 重新启动服务器');
      await screenshot(teacher, SHOTS, '06-teacher-loopback-zh');
      expect(problems).toEqual([]);
    } finally {
      await loopback.kill();
      rmSync(loopbackDir, { recursive: true, force: true });
    }
  });
});
