import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { RESULTS_DIR } from './repo-paths';

/** The text of the selected option of a `<select data-testid=…>`. */
export function selectedLabel(page: Page, testId: string): Promise<string> {
  return page.getByTestId(testId).first().evaluate((el) => {
    const select = el as HTMLSelectElement;
    return select.options[select.selectedIndex]?.textContent ?? '';
  });
}

/** The playground's epoch counter. */
export async function epochOf(page: Page): Promise<number> {
  const value = await page.getByTestId('epoch').first().getAttribute('data-epoch');
  return Number(value);
}

/** What the output heatmap canvas holds: how many pixels are painted and how many distinct colours. */
export function heatmapStats(page: Page): Promise<{ width: number; height: number; painted: number; colors: number }> {
  return page.getByTestId('output-heatmap').first().evaluate((el) => {
    const canvas = el as HTMLCanvasElement;
    const ctx = canvas.getContext('2d');
    if (!ctx || canvas.width === 0 || canvas.height === 0) return { width: canvas.width, height: canvas.height, painted: 0, colors: 0 };
    const { data } = ctx.getImageData(0, 0, canvas.width, canvas.height);
    const colors = new Set<number>();
    let painted = 0;
    for (let i = 0; i < data.length; i += 4) {
      if (data[i + 3]! === 0) continue;
      painted++;
      colors.add((data[i]! << 16) | (data[i + 1]! << 8) | data[i + 2]!);
    }
    return { width: canvas.width, height: canvas.height, painted, colors: colors.size };
  });
}

/**
 * Polls `probe` until `accept` says yes; returns the accepted value and how
 * long it took. Throws with the last value seen when time runs out.
 */
export async function pollUntil<T>(
  probe: () => Promise<T>,
  accept: (value: T) => boolean,
  timeoutMs: number,
  what: string,
): Promise<{ value: T; ms: number }> {
  const start = performance.now();
  let last: T | undefined;
  for (;;) {
    last = await probe();
    if (accept(last)) return { value: last, ms: performance.now() - start };
    if (performance.now() - start > timeoutMs) {
      throw new Error(`${what}: not within ${timeoutMs} ms (last value: ${JSON.stringify(last)})`);
    }
    await new Promise((r) => setTimeout(r, 25));
  }
}

/** The file e2e/test-results/<folder>/<name>.png (its folder made). */
export async function shotPath(folder: string, name: string): Promise<string> {
  const dir = path.join(RESULTS_DIR, folder);
  mkdirSync(dir, { recursive: true });
  return path.join(dir, `${name}.png`);
}

/** Saves a full-page screenshot as e2e/test-results/<folder>/<name>.png. */
export async function screenshot(page: Page, folder: string, name: string): Promise<string> {
  const file = await shotPath(folder, name);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}
