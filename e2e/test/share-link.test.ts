import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { hashToConfig, playgroundSeed, readPlaygroundFile, type SessionState } from '@playroom/protocol';
import { BrowserClass } from '../src/browser-class';
import { epochOf, pollUntil, screenshot, selectedLabel, shotPath } from '../src/page-probes';

/*
 * Links that reproduce a set-up (issue 11): practice mode's address follows
 * its config, "Copy link" gives it, a second browser opens the same network
 * bit for bit; a TensorFlow Playground link and a junk link; "Start a class
 * from this" opens a teacher view whose class session has that config.
 */

const SHOTS = 'share-link';
const DESKTOP = { width: 1280, height: 800 };
const PHONE = { width: 390, height: 844 };
const STEPS = 7;

let room: BrowserClass;

beforeAll(async () => {
  room = await BrowserClass.start('share-link');
}, 240_000);

afterAll(async () => {
  await room?.close();
});

/** The session practice mode holds, exactly (Float64 weights), through its own "Save to file". */
async function savedSession(page: Page): Promise<SessionState> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('save-file').click()]);
  const contents = readPlaygroundFile(readFileSync((await download.path())!, 'utf8'));
  if (!contents.ok) throw new Error(`not a playground file: ${contents.detail}`);
  return contents.sessions[0]!;
}

/** Copy link, then the link the page gave (the clipboard's text, also on `data-link`). */
async function copyLink(page: Page): Promise<string> {
  await page.getByTestId('copy-link').first().click();
  await pollUntil(() => page.getByTestId('share-link').first().getAttribute('data-link'), (link) => link !== null, 5000, 'the link');
  return (await page.getByTestId('share-link').first().getAttribute('data-link'))!;
}

async function stepTimes(page: Page, n: number): Promise<void> {
  for (let i = 0; i < n; i++) await page.getByTestId('step').first().click();
  await pollUntil(() => epochOf(page), (epoch) => epoch === n, 5000, `${n} steps`);
}

const toggleLanguage = (page: Page) => page.getByTestId('language-toggle').click();
const localHash = (page: Page) => page.evaluate(() => window.location.hash);

describe('share links', () => {
  let link = '';
  let first: Page;

  it('practice mode’s address follows its controls, and Copy link gives that link', async () => {
    first = await room.newPage(DESKTOP);
    await first.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: room.url });
    await first.goto(`${room.url}/local`);
    await first.getByTestId('local-view').waitFor();
    await first.getByTestId('learning-rate').selectOption({ label: '0.1' });
    await first.getByTestId('activation').selectOption({ label: 'ReLU' });
    await first.getByTestId('add-layer').click();
    await first.getByTestId('show-test-data').check();
    await pollUntil(() => localHash(first), (hash) => hashToConfig(hash).config.hiddenLayers.length === 3 && hashToConfig(hash).view.showTestData, 5000, 'the address follows');

    link = await copyLink(first);
    expect(new URL(link).pathname).toBe('/local');
    expect(new URL(link).hash).toBe(await localHash(first));
    expect(await first.evaluate(() => navigator.clipboard.readText())).toBe(link);
    const shared = hashToConfig(new URL(link).hash);
    expect(shared.notes).toEqual([]);
    expect(shared.config).toMatchObject({ learningRate: 0.1, activation: 'relu', hiddenLayers: [4, 2, 2] });
    await screenshot(first, SHOTS, '01-desktop-copied-en');
  });

  it('a second browser opens the link: the same config and, after the same steps, identical weights', async () => {
    const second = await room.newPage(DESKTOP);
    await second.goto(link);
    await second.getByTestId('local-view').waitFor();
    expect(await selectedLabel(second, 'learning-rate')).toBe('0.1');
    expect(await selectedLabel(second, 'activation')).toBe('ReLU');
    expect(await second.getByTestId('show-test-data').isChecked()).toBe(true);
    expect(await second.getByTestId('share-notes').count()).toBe(0);

    await stepTimes(first, STEPS);
    await stepTimes(second, STEPS);
    const [a, b] = [await savedSession(first), await savedSession(second)];
    expect(b.config).toEqual(a.config);
    expect(b.epoch).toBe(STEPS);
    expect(b.params).toEqual(a.params);
    expect(b.metrics).toEqual(a.metrics);
    // a reload keeps the set-up (the address holds it), at epoch 0 on the same start
    await second.reload();
    await second.getByTestId('local-view').waitFor();
    expect(await selectedLabel(second, 'activation')).toBe('ReLU');
    expect(await epochOf(second)).toBe(0);
    await screenshot(second, SHOTS, '02-desktop-opened-link-en');
  });

  it('a TensorFlow Playground link opens the same set-up', async () => {
    const page = await room.newPage(DESKTOP);
    const hash =
      '#activation=sigmoid&batchSize=20&dataset=spiral&regDataset=reg-plane&learningRate=0.3&regularizationRate=0.001&regularization=L2&noise=10&networkShape=6,3&seed=0.61234&showTestData=true&discretize=true&percTrainData=60&x=true&y=true&xTimesY=false&xSquared=true&ySquared=true&cosX=false&sinX=true&cosY=false&sinY=true&collectStats=false&problem=classification&initZero=false&hideText=false';
    await page.goto(`${room.url}/local${hash}`);
    await page.getByTestId('local-view').waitFor();
    expect(await selectedLabel(page, 'activation')).toBe('Sigmoid');
    expect(await selectedLabel(page, 'learning-rate')).toBe('0.3');
    expect(await page.getByTestId('discretize').isChecked()).toBe(true);
    expect(await page.getByTestId('share-notes').count()).toBe(0);
    await pollUntil(() => localHash(page), (h) => h.startsWith('#v=1&'), 5000, 'the address in our keys');
    const opened = hashToConfig(await localHash(page)).config;
    expect(opened).toMatchObject({
      dataset: 'spiral',
      hiddenLayers: [6, 3],
      trainRatio: 60,
      noise: 10,
      batchSize: 20,
      regularization: 'l2',
      regularizationRate: 0.001,
      features: ['x1', 'x2', 'x1sq', 'x2sq', 'sinx1', 'sinx2'],
      seed: playgroundSeed('0.61234'),
    });
    await screenshot(page, SHOTS, '03-desktop-playground-link-en');
  });

  it('a junk link shows the note and the default playground, in both languages, on a phone', async () => {
    const page = await room.newPage(PHONE, true);
    await page.goto(`${room.url}/local#learningRate=zzz&colour=red&%%%`);
    await page.getByTestId('share-notes').waitFor();
    expect(await page.getByTestId('share-notes').textContent()).toContain('“colour” is not a setting Playroom knows');
    await screenshot(page, SHOTS, '04-phone-junk-link-en');
    await toggleLanguage(page);
    expect(await page.getByTestId('share-notes').textContent()).toContain('“colour”不是 Playroom 认识的设置');
    await screenshot(page, SHOTS, '05-phone-junk-link-zh');
    await page.getByTestId('share-notes-dismiss').click();
    expect(await page.getByTestId('share-notes').count()).toBe(0);

    await page.goto(`${room.url}/local#nothing-here`);
    await page.getByTestId('share-notes').waitFor();
    expect(await page.getByTestId('share-notes').textContent()).toContain('无法读取这个链接');
    await page.getByTestId('controls-toggle').click();
    expect(await selectedLabel(page, 'learning-rate')).toBe('0.03');
    expect(await selectedLabel(page, 'activation')).toBe('Tanh');
  });

  it('on a phone the shared link opens with the output first, Copy link in the controls fold (en, zh)', async () => {
    const page = await room.newPage(PHONE, true);
    await page.goto(link);
    await page.getByTestId('local-view').waitFor();
    expect(await page.getByTestId('copy-link').isVisible()).toBe(false);
    await screenshot(page, SHOTS, '06-phone-opened-link-en');
    await page.getByTestId('controls-toggle').click();
    expect(await selectedLabel(page, 'activation')).toBe('ReLU');
    const again = await copyLink(page);
    expect(hashToConfig(new URL(again).hash).config).toEqual(hashToConfig(new URL(link).hash).config);
    await toggleLanguage(page);
    await screenshot(page, SHOTS, '07-phone-fold-copy-link-zh');
    // a page with no clipboard (a plain http address on the school network): the link, selected, to copy by hand
    await page.evaluate(() => Object.defineProperty(navigator, 'clipboard', { value: undefined, configurable: true }));
    await page.getByTestId('copy-link').click();
    await page.getByTestId('share-link-field').waitFor();
    expect(await page.getByTestId('share-link-field').inputValue()).toBe(again);
    expect(await page.getByTestId('share-link-field').evaluate((el) => (el as HTMLInputElement).selectionEnd === (el as HTMLInputElement).value.length)).toBe(true);
    await screenshot(page, SHOTS, '07b-phone-copy-by-hand-zh');
  });

  it('Start a class with this playground opens a teacher view whose class session has that config; its Copy link gives it back', async () => {
    const page = await room.newPage(DESKTOP);
    await page.goto(link);
    await page.getByTestId('local-view').waitFor();
    await page.getByTestId('start-class-from-session').click();
    await page.getByTestId('start-class-from-session-name').fill('Ms Li');
    // the viewport only: a full-page shot narrows the window for a moment, which remounts the controls bar and its half-filled form
    await page.screenshot({ path: await shotPath(SHOTS, '08-desktop-start-class-en') });
    await page.getByTestId('start-class-from-session-submit').click();
    await page.getByTestId('teacher-view').waitFor();
    await page.getByTestId('session-playground').first().waitFor();
    expect(await selectedLabel(page, 'learning-rate')).toBe('0.1');
    expect(await selectedLabel(page, 'activation')).toBe('ReLU');
    await page.getByTestId('show-test-data').first().check();
    const fromClass = await copyLink(page);
    expect(hashToConfig(new URL(fromClass).hash)).toEqual({ ...hashToConfig(new URL(link).hash), view: { showTestData: true, discretize: false } });
    await toggleLanguage(page);
    await screenshot(page, SHOTS, '09-desktop-teacher-view-zh');
    expect(room.pageErrors).toEqual([]);
  });
});
