import { useT } from '../i18n';

/** The "Concepts" button that shows or hides the concept cards (practice mode's tools, a class's controls bar). */
export function ConceptsToggle({ open, onToggle }: { open: boolean; onToggle: () => void }) {
  const t = useT();
  return (
    <button type="button" className="button small" aria-pressed={open} data-testid="concepts-toggle" title={t('teach.library.toggle.tip')} onClick={onToggle}>
      {open ? t('teach.library.hide') : t('teach.library.toggle')}
    </button>
  );
}
