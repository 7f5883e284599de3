import { useSyncExternalStore } from 'react';

/**
 * The one home of the phone breakpoint. At most this wide, the playground
 * shows the output first and folds its controls: `Playground` then sets
 * `data-layout="phone"` on `.pg-root`, and every phone rule of the
 * playground's stylesheets keys on that attribute, not on a media query of
 * its own. Desktop and tablet layouts (wider) are not touched.
 */
export const PHONE_MAX_WIDTH = 760;
export const PHONE_QUERY = `(max-width: ${PHONE_MAX_WIDTH}px)`;

function phoneQuery(): MediaQueryList | null {
  return typeof window !== 'undefined' && typeof window.matchMedia === 'function' ? window.matchMedia(PHONE_QUERY) : null;
}

function subscribe(onChange: () => void): () => void {
  const query = phoneQuery();
  query?.addEventListener('change', onChange);
  return () => query?.removeEventListener('change', onChange);
}

const isPhone = (): boolean => phoneQuery()?.matches ?? false;

/** Whether the screen is phone-narrow (PHONE_QUERY), followed as it turns or resizes. */
export function usePhoneLayout(): boolean {
  return useSyncExternalStore(subscribe, isPhone, () => false);
}
