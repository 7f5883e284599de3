import { useEffect } from 'react';
import type { TrainerConfig } from '@playroom/engine';
import type { ShareView } from '@playroom/protocol';
import { writeSetupToAddress } from '../../app/share-link';

/** How long the address waits after a change: a slider dragged writes once, not at every step. */
export const ADDRESS_DEBOUNCE_MS = 300;

/**
 * Keeps practice mode's config and view in the address bar's hash, so a
 * reload restores them and the address is a link to them. Only a config or
 * view change writes (the config object is replaced on change; training
 * epochs keep it), debounced.
 */
export function useSetupInAddress(config: TrainerConfig, view: ShareView): void {
  useEffect(() => {
    const timer = setTimeout(() => writeSetupToAddress(config, view), ADDRESS_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [config, view]);
}
