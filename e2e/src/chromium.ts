import { chromium, type Browser } from 'playwright-core';
import { CHROMIUM_PATH, ensureChromium } from '../../scripts/test-prerequisites';

/** Debian's Chromium (never a downloaded one): installed by `ensureChromium` when absent. */
export { CHROMIUM_PATH, ensureChromium };
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
];

/** Launches headless Chromium for a test or a benchmark. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: ensureChromium(), args: CHROMIUM_ARGS, headless: true });
}
