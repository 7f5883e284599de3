import { useEffect, useRef, useState } from 'react';
import type { TrainerConfig } from '@playroom/engine';
import { SHARE_LINK_MAX_POINTS, shareLinkLeavesOut, type ShareView } from '@playroom/protocol';
import { useT } from '../../i18n';
import { shareLinkUrl } from '../../app/share-link';
import './share-link.css';

/** How long "Link copied" stays. */
const COPIED_MS = 2500;

/**
 * "Copy set-up link": copies `<origin>/local#<hash>` of this config (and view) to
 * the clipboard; where the browser has no clipboard for the page (a plain
 * http address on the school network) or refuses, shows the link selected
 * in a field to copy by hand. The last link is on `data-link`.
 */
export function CopyLinkButton({ config, view }: { config: TrainerConfig; view?: ShareView }) {
  const t = useT();
  const [link, setLink] = useState<string | null>(null);
  const [state, setState] = useState<'idle' | 'copied' | 'manual'>('idle');
  const field = useRef<HTMLInputElement>(null);
  const leftOut = shareLinkLeavesOut(config).length > 0;

  useEffect(() => {
    if (state === 'manual') field.current?.select();
    if (state !== 'copied') return;
    const timer = setTimeout(() => setState('idle'), COPIED_MS);
    return () => clearTimeout(timer);
  }, [state, link]);

  async function copy() {
    const url = shareLinkUrl(config, view);
    setLink(url);
    try {
      if (!navigator.clipboard) throw new Error('no clipboard');
      await navigator.clipboard.writeText(url);
      setState('copied');
    } catch {
      setState('manual');
    }
  }

  return (
    <span className="share-link" data-testid="share-link" data-link={link ?? undefined} data-state={state}>
      <button type="button" className="button small" data-testid="copy-link" title={t('app.share.copy.tip')} onClick={() => void copy()}>
        {t('app.share.copy')}
      </button>
      <span className="share-link-status" role="status">
        {state === 'copied' && t('app.share.copied')}
      </span>
      {state === 'manual' && link && (
        <span className="share-link-manual">
          <label>
            <span>{t('app.share.copyHere')}</span>
            <input ref={field} readOnly value={link} data-testid="share-link-field" onFocus={(event) => event.currentTarget.select()} />
          </label>
          <button type="button" className="button small quiet" onClick={() => setState('idle')}>
            {t('app.share.close')}
          </button>
        </span>
      )}
      {state !== 'idle' && leftOut && (
        <span className="share-link-left-out" data-testid="share-link-left-out">
          {t('app.share.leftOut', { max: SHARE_LINK_MAX_POINTS })}
        </span>
      )}
    </span>
  );
}
