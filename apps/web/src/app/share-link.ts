import type { TrainerConfig } from '@playroom/engine';
import { configToHash, hashToConfig, type SharedSetup, type ShareView } from '@playroom/protocol';
import { routePath } from './route';

/*
 * Share links in the page (the codec is the protocol's share-link.ts): the
 * link to practice mode with a set-up, the set-up the address bar names, and
 * keeping the address bar in step with practice mode's config.
 */

/** `<origin>/local#<hash>`: opens this config and view in practice mode. */
export function shareLinkUrl(config: TrainerConfig, view?: ShareView, origin = window.location.origin): string {
  return `${origin}${routePath({ page: 'local' })}#${configToHash(config, view)}`;
}

/** The set-up this page's address names (ours or a TensorFlow Playground hash), or null when it has no hash. */
export function setupInAddress(): SharedSetup | null {
  const hash = window.location.hash;
  return hash === '' || hash === '#' ? null : hashToConfig(hash);
}

/** Puts this config and view in the address bar's hash, as a reload or a copy of the address keeps them (no new history entry). */
export function writeSetupToAddress(config: TrainerConfig, view: ShareView): void {
  const hash = `#${configToHash(config, view)}`;
  if (window.location.hash === hash) return;
  try {
    window.history.replaceState(window.history.state, '', `${window.location.pathname}${window.location.search}${hash}`);
  } catch {
    // a browser that refuses (too long, too often) keeps the address it has
  }
}
