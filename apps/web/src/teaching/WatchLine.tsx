import { forwardRef } from 'react';
import { useT } from '../i18n';
import { presetWatch } from './teachingText';

/** "Watch: …" above the playground after "Show me": what the loaded preset will do, in the reader's language. */
export const WatchLine = forwardRef<HTMLParagraphElement, { presetId: string }>(function WatchLine({ presetId }, ref) {
  const t = useT();
  const text = presetWatch(t, presetId);
  if (text === null) return null;
  return (
    <p ref={ref} className="teach-watch" data-testid="watch-line" data-preset={presetId} role="status">
      <span>
        <strong className="teach-watch-label">{t('teach.watch')}</strong>
        {text}
      </span>
    </p>
  );
});
