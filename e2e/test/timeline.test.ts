import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { BrowserClass } from '../src/browser-class';
import { epochOf, pollUntil, screenshot, shotPath } from '../src/page-probes';

/*
 * The timeline (issue 11, part 3; SCRUB-1…4): the teacher on a laptop trains
 * the class session, pauses and scrubs back; Bo, watching on a 390×844
 * phone, sees "looking back at epoch E", that epoch and the earlier weights
 * (his heatmap changes, and is the same again back at now), with the output
 * still in his first screen. Back to now; then the teacher resumes from a
 * checkpoint and the class trains on from there. Bo then scrubs a fork of
 * his own from the controls fold of his phone. Screenshots, desktop and
 * phone, en and zh-CN, under e2e/test-results/timeline/.
 */

const SHOTS = 'timeline';
let room: BrowserClass;
let teacher: Page;
let bo: Page;

/** A fingerprint of the output heatmap's pixels, once two reads in a row agree (it is redrawn after each change). */
async function heatmapPrint(page: Page): Promise<string> {
  const read = () =>
    page.getByTestId('output-heatmap').first().evaluate((el) => {
      const canvas = el as HTMLCanvasElement;
      const data = canvas.getContext('2d')?.getImageData(0, 0, canvas.width, canvas.height).data;
      let hash = 0;
      for (let i = 0; data && i < data.length; i++) hash = (hash * 31 + data[i]!) >>> 0;
      return `${canvas.width}x${canvas.height}:${hash}`;
    });
  let last = '';
  const { value } = await pollUntil(
    async () => {
      await new Promise((r) => setTimeout(r, 150));
      const now = await read();
      const same = now === last;
      last = now;
      return same ? now : '';
    },
    (v) => v !== '',
    5000,
    'the heatmap settles',
  );
  return value;
}

async function inLanguage(page: Page, language: 'en' | 'zh-CN'): Promise<void> {
  const toggle = page.getByTestId('language-toggle');
  if ((await toggle.textContent())?.trim() === (language === 'en' ? 'English' : '中文')) await toggle.click();
}

const markedEpoch = (page: Page) => page.getByTestId('looking-back').getAttribute('data-epoch', { timeout: 500 }).catch(() => null);

beforeAll(async () => {
  room = await BrowserClass.start('timeline');
  teacher = await room.newPage({ width: 1280, height: 800 });
  bo = await room.newPage({ width: 390, height: 844 }, true);
});

afterAll(() => room?.close());

describe('timeline', () => {
  let nowEpoch = 0;
  let nowPrint = '';
  let scrubbed = 0;

  it('the teacher trains the class session and pauses; the scrubber waits for the pause', async () => {
    const code = await room.startClass(teacher, 'Ms Chen');
    await room.join(bo, code, 'Bo');
    await teacher.getByTestId('play-pause').click();
    await pollUntil(() => epochOf(teacher), (e) => e > 90, 20_000, 'the class session trains');
    expect(await teacher.getByTestId('timeline-slider').isDisabled()).toBe(true);
    await teacher.getByTestId('play-pause').click();
    await pollUntil(() => teacher.getByTestId('timeline-slider').isEnabled(), (on) => on, 5000, 'the slider once paused');
    nowEpoch = await epochOf(teacher);
    await pollUntil(() => epochOf(bo), (e) => e === nowEpoch, 5000, 'Bo sees the paused epoch');
    nowPrint = await heatmapPrint(bo);
    // a student watching gets the marks, never the scrubber
    expect(await bo.getByTestId('timeline').count()).toBe(0);
  });

  it('the teacher scrubs back; Bo sees the marked epoch and the earlier weights, the output still in his first screen', async () => {
    const slider = teacher.getByTestId('timeline-slider');
    const max = Number(await slider.getAttribute('max'));
    await slider.fill(String(Math.round(max * 0.3)));
    const { value } = await pollUntil(() => markedEpoch(teacher), (e) => e !== null, 5000, 'the teacher sees the mark');
    scrubbed = Number(value);
    expect(scrubbed).toBeLessThan(nowEpoch);
    await pollUntil(() => markedEpoch(bo), (e) => Number(e) === scrubbed, 5000, 'Bo sees the mark');
    expect(await epochOf(bo)).toBe(scrubbed);
    expect(await bo.getByTestId('looking-back').textContent()).toBe(`Looking back at epoch ${scrubbed}`);
    expect(await heatmapPrint(bo)).not.toBe(nowPrint);
    // the projector the teacher opens shows the class the same mark
    const opened = teacher.context().waitForEvent('page');
    await teacher.getByTestId('open-projector').click();
    const projector = await opened;
    await projector.setViewportSize({ width: 1280, height: 720 });
    await pollUntil(() => markedEpoch(projector), (e) => Number(e) === scrubbed, 10_000, 'the projector shows the mark');
    await projector.screenshot({ path: await shotPath(SHOTS, 'projector-looking-back-en') });
    await projector.close();
    const heatmap = (await bo.getByTestId('output-heatmap').boundingBox())!;
    expect(heatmap.y + heatmap.height).toBeLessThanOrEqual(844.5);
    for (const language of ['en', 'zh-CN'] as const) {
      await inLanguage(teacher, language);
      await inLanguage(bo, language);
      if (language === 'zh-CN') expect(await bo.getByTestId('looking-back').textContent()).toBe(`正在回看第 ${scrubbed} 次迭代`);
      await screenshot(teacher, SHOTS, `desktop-teacher-looking-back-${language}`);
      await bo.evaluate(() => window.scrollTo(0, 0));
      await bo.screenshot({ path: await shotPath(SHOTS, `phone-390x844-student-looking-back-${language}`) });
    }
    await inLanguage(teacher, 'en');
    await inLanguage(bo, 'en');
  });

  it('back to now: the class is as it was, nothing lost', async () => {
    await teacher.getByTestId('timeline-now').click();
    await pollUntil(() => markedEpoch(bo), (e) => e === null, 5000, 'the mark goes');
    expect(await epochOf(bo)).toBe(nowEpoch);
    expect(await heatmapPrint(bo)).toBe(nowPrint);
  });

  it('resume from a checkpoint: the class trains on from there', async () => {
    const slider = teacher.getByTestId('timeline-slider');
    await slider.fill(String(Math.round(Number(await slider.getAttribute('max')) * 0.3)));
    const { value } = await pollUntil(() => markedEpoch(bo), (e) => e !== null, 5000, 'Bo sees the mark again');
    const from = Number(value);
    await teacher.getByTestId('timeline-resume').click();
    await pollUntil(() => markedEpoch(bo), (e) => e === null, 5000, 'the mark goes on resume');
    const { value: after } = await pollUntil(() => epochOf(bo), (e) => e > from, 5000, 'Bo sees training go on');
    // on from the checkpoint, not from where the class had been
    expect(after).toBeLessThan(nowEpoch);
    await teacher.getByTestId('play-pause').click();
  });

  it('Bo scrubs his own fork on his phone: the scrubber waits in the controls fold', async () => {
    await bo.getByTestId('fork-button').tap();
    await pollUntil(() => bo.getByTestId('session-playground').getAttribute('data-readonly'), (r) => r === 'false', 5000, "Bo's fork");
    const start = await epochOf(bo);
    await bo.getByTestId('play-pause').tap();
    await pollUntil(() => epochOf(bo), (e) => e > start + 40, 15_000, "Bo's fork trains");
    await bo.getByTestId('play-pause').tap();
    await pollUntil(() => bo.getByTestId('play-pause').getAttribute('data-playing'), (p) => p === 'false', 5000, "Bo's fork paused");
    const forkNow = await epochOf(bo);
    // folded, the first screen is the output's; the scrubber is one tap away
    expect(await bo.getByTestId('timeline-slider').isVisible()).toBe(false);
    await bo.getByTestId('controls-toggle').tap();
    const slider = bo.getByTestId('timeline-slider');
    await pollUntil(() => slider.isEnabled(), (on) => on, 5000, "Bo's slider once paused");
    await slider.fill('1');
    const { value } = await pollUntil(() => markedEpoch(bo), (e) => e !== null, 5000, 'Bo looks back in his fork');
    expect(Number(value)).toBeLessThan(forkNow);
    expect(await epochOf(bo)).toBe(Number(value));
    for (const language of ['en', 'zh-CN'] as const) {
      await inLanguage(bo, language);
      await bo.getByTestId('timeline').scrollIntoViewIfNeeded();
      await bo.screenshot({ path: await shotPath(SHOTS, `phone-390x844-own-fork-scrubber-${language}`) });
    }
    await inLanguage(bo, 'en');
    await bo.getByTestId('timeline-now').tap();
    await pollUntil(() => markedEpoch(bo), (e) => e === null, 5000, 'Bo back to now');
    expect(await epochOf(bo)).toBe(forkNow);
    expect(room.pageErrors).toEqual([]);
  });
});
