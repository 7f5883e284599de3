import { useRef, type ReactNode } from 'react';
import { useT } from '../i18n';
import { usePhoneLayout } from '../playground/phone/phoneLayout';
import { ConceptLibrary } from './ConceptLibrary';
import { WatchLine } from './WatchLine';
import './teaching.css';

export interface WithConceptsProps {
  /** whether the concept cards are shown */
  open: boolean;
  /**
   * `beside`: a column next to the playground (practice mode, which has the page to itself);
   * `drawer`: over the right edge of the page (a class, whose page has the dashboard or the
   * lesson beside the playground), closed by its own button and, on a phone, by "Show me"
   */
  placement: 'beside' | 'drawer';
  onClose?: () => void;
  /** loads a preset into the session on screen (PlaygroundActions.loadPreset) */
  onShowMe: (presetId: string) => void;
  /** why "Show me" cannot be used on this session, in the reader's language; null: it can */
  showMeDisabled: string | null;
  /** the preset whose "Watch:" line is shown above the playground (the session's, TEACH-1), or null */
  preset: string | null;
  children: ReactNode;
}

/**
 * A playground with the concept cards when open, and the "Watch:" line of
 * the preset it runs above it: the same in practice mode, a class session
 * and a fork. "Show me" brings the line (and the playground under it) into view.
 */
export function WithConcepts({ open, placement, onClose, onShowMe, showMeDisabled, preset, children }: WithConceptsProps) {
  const t = useT();
  const phone = usePhoneLayout();
  const watchLine = useRef<HTMLParagraphElement>(null);
  function showMe(presetId: string) {
    onShowMe(presetId);
    if (placement === 'drawer' && phone) onClose?.();
    // on a phone the playground is below the cards, on a desktop it may be scrolled up under the header:
    // bring what changed into view (the line's scroll margin clears the sticky header)
    requestAnimationFrame(() => {
      const top = watchLine.current?.getBoundingClientRect().top;
      if (top !== undefined && (top < 64 || top > window.innerHeight / 2)) watchLine.current?.scrollIntoView?.({ block: 'start' });
    });
  }
  const library = open && <ConceptLibrary onShowMe={showMe} showMeDisabled={showMeDisabled} />;
  return (
    <div className={`local-teach${open && placement === 'beside' ? ' has-concepts' : ''}`}>
      {placement === 'beside' ? (
        library
      ) : (
        open && (
          <aside className="teach-drawer" data-testid="concepts-drawer">
            <button type="button" className="button small teach-drawer-close" data-testid="concepts-close" onClick={onClose}>
              {t('teach.library.hide')}
            </button>
            {library}
          </aside>
        )
      )}
      <div className="local-main">
        {preset !== null && <WatchLine ref={watchLine} presetId={preset} />}
        {children}
      </div>
    </div>
  );
}
