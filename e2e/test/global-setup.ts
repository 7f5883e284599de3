import { ensureChromium } from '../src/chromium';

/** Before any browser test: Debian's Chromium is there, or gets installed, or the run stops at once saying how to get it. */
export default function setup(): void {
  ensureChromium();
}
