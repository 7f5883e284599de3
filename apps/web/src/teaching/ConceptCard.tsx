import { CONCEPT_PRESETS, type ConceptId } from '@playroom/engine';
import { useT } from '../i18n';
import { CONCEPT_FIGURES } from './figures/conceptFigures';
import { conceptBody, conceptMore, conceptTitle, presetTitle } from './teachingText';
import './teaching.css';

export interface ConceptCardProps {
  concept: ConceptId;
  /** loads a preset into the playground; without it the card has no "Show me" buttons */
  onShowMe?: (presetId: string) => void;
  /** why "Show me" cannot be used now, in the reader's language (the buttons are disabled and this is said); null or absent: enabled */
  showMeDisabled?: string | null;
  /** title, text and buttons only: no figure and no extra line (for a narrow side panel) */
  compact?: boolean;
  /** the title is shown by the list around the card (the concept library) */
  untitled?: boolean;
}

/** One concept: its title, a few sentences, a live figure drawn with the engine, and a "Show me" per preset. */
export function ConceptCard({ concept, onShowMe, showMeDisabled, compact = false, untitled = false }: ConceptCardProps) {
  const t = useT();
  const Figure = CONCEPT_FIGURES[concept];
  const more = compact ? null : conceptMore(t, concept);
  const disabled = typeof showMeDisabled === 'string';
  return (
    <article className={`teach-card${compact ? ' is-compact' : ''}`} data-testid="concept-card" data-concept={concept}>
      {!untitled && <h3 className="teach-card-title">{conceptTitle(t, concept)}</h3>}
      <p className="teach-text" data-testid="concept-body">
        {conceptBody(t, concept)}
      </p>
      {!compact && <Figure />}
      {more && <p className="teach-more">{more}</p>}
      {onShowMe && (
        <div className="teach-show-me">
          {CONCEPT_PRESETS[concept].map((presetId) => (
            <button
              key={presetId}
              type="button"
              className="teach-show-me-button"
              data-testid="show-me"
              data-preset={presetId}
              disabled={disabled}
              title={disabled ? showMeDisabled : t('teach.showMe.tip')}
              onClick={() => onShowMe(presetId)}
            >
              {t('teach.showMe', { preset: presetTitle(t, presetId) })}
            </button>
          ))}
          {disabled && (
            <p className="teach-disabled" data-testid="show-me-disabled">
              {showMeDisabled}
            </p>
          )}
        </div>
      )}
    </article>
  );
}
