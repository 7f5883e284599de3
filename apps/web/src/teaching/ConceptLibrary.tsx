import { useState } from 'react';
import { CONCEPT_IDS, type ConceptId } from '@playroom/engine';
import { useT } from '../i18n';
import { ActivationLab } from './ActivationLab';
import { ConceptCard } from './ConceptCard';
import { conceptTitle } from './teachingText';
import './teaching.css';

export interface ConceptLibraryProps {
  onShowMe?: (presetId: string) => void;
  /** why "Show me" cannot be used now, in the reader's language; null or absent: enabled */
  showMeDisabled?: string | null;
}

type Entry = ConceptId | 'activationLab';

/** The "Concepts" panel: the ten cards, one open at a time, and the activation lab. */
export function ConceptLibrary({ onShowMe, showMeDisabled }: ConceptLibraryProps) {
  const t = useT();
  const [open, setOpen] = useState<Entry | null>(null);
  const entries: readonly Entry[] = [...CONCEPT_IDS, 'activationLab'];
  const title = (entry: Entry): string => (entry === 'activationLab' ? t('teach.lab.title') : conceptTitle(t, entry));
  return (
    <section className="teach-library" data-testid="concept-library" aria-label={t('teach.library.title')}>
      <h2 className="teach-library-title">{t('teach.library.title')}</h2>
      <p className="teach-text">{t('teach.library.intro')}</p>
      <ul className="teach-list">
        {entries.map((entry) => {
          const isOpen = entry === open;
          return (
            <li key={entry} className={isOpen ? 'is-open' : undefined}>
              <button
                type="button"
                className="teach-item"
                aria-expanded={isOpen}
                data-testid="concept-item"
                data-concept={entry}
                onClick={() => setOpen(isOpen ? null : entry)}
              >
                <span>{title(entry)}</span>
                <span className="teach-chevron" aria-hidden="true">
                  {isOpen ? '−' : '+'}
                </span>
              </button>
              {isOpen &&
                (entry === 'activationLab' ? (
                  <ActivationLab untitled />
                ) : (
                  <ConceptCard concept={entry} onShowMe={onShowMe} showMeDisabled={showMeDisabled} untitled />
                ))}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
