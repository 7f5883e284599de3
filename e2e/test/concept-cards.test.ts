import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { BrowserClass } from '../src/browser-class';
import { epochOf, pollUntil, screenshot, selectedLabel, shotPath } from '../src/page-probes';

/* Issue 12: the concept cards in practice mode. "Show me" loads a preset into the local session, and the watch line says what to look for. */

const CONCEPTS = ['nonLinearity', 'features', 'gradientDescent', 'gradientHealth', 'loss', 'bias', 'learningRate', 'regularization', 'problemTypes', 'epochBatch'];

let run: BrowserClass;

beforeAll(async () => {
  run = await BrowserClass.start('concepts');
});

afterAll(async () => {
  await run?.close();
});

async function language(page: Page, wanted: 'en' | 'zh-CN'): Promise<void> {
  // the toggle names the other language
  const other = wanted === 'en' ? '中文' : 'English';
  if ((await page.getByTestId('language-toggle').textContent()) !== other) await page.getByTestId('language-toggle').click();
  await page.waitForFunction((lang) => document.documentElement.lang === lang, wanted);
}

async function openConcept(page: Page, concept: string): Promise<void> {
  await page.locator(`[data-testid="concept-item"][data-concept="${concept}"]`).click();
  await page.locator(`[data-testid="concept-card"][data-concept="${concept}"]`).waitFor();
}

/** Widest element sticking out of the viewport, if any (overflow on a phone). */
function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
}

describe('concept cards in practice mode', () => {
  it('on a desktop: every card has a figure with axes; Show me loads the preset, the watch line stays until a change by hand', async () => {
    const page = await run.newPage({ width: 1440, height: 900 });
    await page.goto(`${run.url}/local`);
    await page.getByTestId('local-view').waitFor();
    await language(page, 'en');
    await page.getByTestId('concepts-toggle').click();
    await page.getByTestId('concept-library').waitFor();
    expect(await page.getByTestId('concept-item').count()).toBe(CONCEPTS.length + 1);

    for (const concept of CONCEPTS) {
      await openConcept(page, concept);
      const card = page.locator(`[data-testid="concept-card"][data-concept="${concept}"]`);
      expect(await card.locator('[data-testid="axis-x"]').count(), concept).toBeGreaterThan(0);
      expect(await card.locator('[data-testid="axis-y"]').count(), concept).toBeGreaterThan(0);
      await card.screenshot({ path: await shotPath('concepts', `desktop-card-${concept}-en`) });
    }

    await openConcept(page, 'nonLinearity');
    await page.locator('[data-testid="show-me"][data-preset="xor-linear"]').click();
    await page.getByTestId('watch-line').waitFor();
    expect(await page.getByTestId('watch-line').textContent()).toBe('Watch:' + 'The boundary stays one straight line and the loss stays high: linear layers cannot bend it around the four corners.');
    expect(await selectedLabel(page, 'activation')).toBe('Linear');
    expect(await page.getByTestId('hidden-layer-count').getAttribute('data-count')).toBe('2');
    await pollUntil(() => epochOf(page), (e) => e > 5, 15_000, 'xor-linear trains');
    await page.screenshot({ path: await shotPath('concepts', 'desktop-show-me-xor-linear-en') });

    // a change by hand ends the watch line
    await page.getByTestId('learning-rate').selectOption({ label: '0.1' });
    await page.getByTestId('watch-line').waitFor({ state: 'detached' });

    // 简体中文: the features card and its Show me
    await language(page, 'zh-CN');
    await openConcept(page, 'features');
    const features = page.locator('[data-testid="concept-card"][data-concept="features"]');
    expect(await features.textContent()).toContain('特征就是用来描述每个数据点的那些数');
    await features.screenshot({ path: await shotPath('concepts', 'desktop-card-features-zh') });
    await features.locator('.teach-choice [data-value="xor"]').click();
    await features.screenshot({ path: await shotPath('concepts', 'desktop-card-features-xor-zh') });
    await page.locator('[data-testid="show-me"][data-preset="circle-squares"]').click();
    await page.getByTestId('watch-line').waitFor();
    expect(await page.getByTestId('watch-line').textContent()).toContain('注意观察：加上 X₁² 和 X₂² 后');
    expect(await page.getByTestId('hidden-layer-count').getAttribute('data-count')).toBe('0');
    await page.screenshot({ path: await shotPath('concepts', 'desktop-show-me-circle-squares-zh') });
    await screenshot(page, 'concepts', 'desktop-full-page-zh');

    // the activation lab: hovering the chart reads the values there
    await openConcept(page, 'nonLinearity');
    await page.locator('[data-testid="concept-item"][data-concept="activationLab"]').click();
    const chart = page.getByTestId('lab-chart');
    const box = (await chart.boundingBox())!;
    await page.mouse.move(box.x + box.width * 0.3, box.y + box.height * 0.5);
    await page.getByTestId('activation-lab').screenshot({ path: await shotPath('concepts', 'desktop-activation-lab-zh') });
    // a common laptop: the panel still beside the playground, nothing wider than the window
    for (const [width, height] of [[1366, 768], [1280, 800]] as const) {
      await page.setViewportSize({ width, height });
      expect(await horizontalOverflow(page), `${width}`).toBeLessThanOrEqual(0);
      await page.screenshot({ path: await shotPath('concepts', `desktop-${width}-zh`) });
    }
    expect(run.pageErrors).toEqual([]);
  });

  it('on a 390 × 844 phone, in both languages: no overflow, Show me changes the session and shows the watch line', async () => {
    const page = await run.newPage({ width: 390, height: 844 }, true);
    await page.goto(`${run.url}/local`);
    await page.getByTestId('local-view').waitFor();
    await language(page, 'zh-CN');
    await page.getByTestId('concepts-toggle').click();
    for (const concept of CONCEPTS) {
      await openConcept(page, concept);
      expect(await horizontalOverflow(page), concept).toBeLessThanOrEqual(0);
      await page.locator(`[data-testid="concept-card"][data-concept="${concept}"]`).screenshot({ path: await shotPath('concepts', `phone-card-${concept}-zh`) });
    }
    await openConcept(page, 'gradientHealth');
    await page.locator('[data-testid="show-me"][data-preset="vanishing-gradients"]').tap();
    await page.getByTestId('watch-line').waitFor();
    expect(await page.getByTestId('watch-line').textContent()).toContain('注意观察：看梯度面板');
    expect(await page.getByTestId('hidden-layer-count').getAttribute('data-count')).toBe('6');
    await pollUntil(() => epochOf(page), (e) => e > 3, 15_000, 'vanishing-gradients trains');
    await page.screenshot({ path: await shotPath('concepts', 'phone-show-me-zh') });

    await language(page, 'en');
    await openConcept(page, 'learningRate');
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    const rate = page.locator('[data-testid="concept-card"][data-concept="learningRate"]');
    await rate.getByTestId('figure-rate').fill('1.6');
    expect(await rate.getByTestId('figure-outcome').getAttribute('data-outcome')).toBe('zigzag');
    await rate.screenshot({ path: await shotPath('concepts', 'phone-card-learningRate-en') });
    await page.locator('[data-testid="show-me"][data-preset="rate-too-high"]').tap();
    expect(await page.getByTestId('watch-line').textContent()).toContain('Watch:The loss jumps up and down');
    await page.getByTestId('controls-toggle').click();
    expect(await selectedLabel(page, 'learning-rate')).toBe('3');
    await page.screenshot({ path: await shotPath('concepts', 'phone-show-me-en') });
    expect(run.pageErrors).toEqual([]);
  });
});
