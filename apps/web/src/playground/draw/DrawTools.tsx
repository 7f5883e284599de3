import { LIMITS, type ProblemType } from '@playroom/engine';
import { useT, type Translate } from '../../i18n';
import { pointColor } from '../../render/dataPoints';
import { EraserIcon, PencilIcon } from '../common/icons';
import { LockMark } from '../common/LockMark';
import { SliderField } from '../common/SliderField';
import { brushLabels, REGRESSION_VALUES } from './drawEdits';
import type { Drawing } from './useDrawing';

/** A brush's name: the colour for ±1, the class for multiclass (as the legend says it). */
function brushName(t: Translate, problem: ProblemType, label: number): string {
  switch (problem) {
    case 'classification':
      return t(label < 0 ? 'pg.draw.orange' : 'pg.draw.blue');
    case 'multiclass':
      return t('pg.legend.class', { index: label });
    case 'regression':
      return t('pg.draw.add');
  }
}

function Swatch({ label, problem }: { label: number; problem: ProblemType }) {
  return <span className="pg-draw-swatch" style={{ background: pointColor(label, problem) }} aria-hidden="true" />;
}

/**
 * The draw mode's buttons under the output heatmap: Draw on/off, then one
 * brush per label (or, for regression, Add with a value slider), Erase and
 * Clear, and a line that says what a tap does and how many points there are.
 * Hidden with the `dataset` lesson control, disabled (with its padlock) when
 * it is locked, disabled in a read-only session, as the dataset picker is.
 */
export function DrawTools({ drawing, problem }: { drawing: Drawing; problem: ProblemType }) {
  const t = useT();
  const { access, active, tool, label } = drawing;
  if (access === 'hidden') return null;
  const labels = problem === 'regression' ? [label] : brushLabels(problem);
  const max = LIMITS.maxCustomPoints.toLocaleString('en');
  const hint = drawing.full
    ? t('pg.draw.full', { max })
    : drawing.drafting && drawing.count === 0
      ? t('pg.draw.hint.empty')
      : t(tool === 'add' ? 'pg.draw.hint.add' : 'pg.draw.hint.erase');
  return (
    <div className="pg-draw" data-testid="draw-tools" data-active={active || undefined}>
      <div className="pg-draw-bar" role="toolbar" aria-label={t('pg.draw.tools')}>
        <button
          type="button"
          className="pg-button pg-draw-button pg-draw-toggle"
          aria-pressed={active}
          disabled={access !== 'open'}
          title={t('pg.draw.tip')}
          data-testid="draw-toggle"
          onClick={() => drawing.setActive(!active)}
        >
          <PencilIcon />
          {t('pg.draw')}
        </button>
        {access === 'locked' && <LockMark />}
        {active && (
          <>
            {labels.map((brush) => (
              <button
                key={brush}
                type="button"
                className="pg-button pg-draw-button"
                aria-pressed={tool === 'add' && brush === label}
                data-testid={`draw-brush-${brush}`}
                onClick={() => {
                  drawing.setTool('add');
                  drawing.setLabel(brush);
                }}
              >
                <Swatch label={brush} problem={problem} />
                {brushName(t, problem, brush)}
              </button>
            ))}
            <button
              type="button"
              className="pg-button pg-draw-button"
              aria-pressed={tool === 'erase'}
              data-testid="draw-erase"
              onClick={() => drawing.setTool('erase')}
            >
              <EraserIcon />
              {t('pg.draw.erase')}
            </button>
            <button type="button" className="pg-button pg-draw-button" data-testid="draw-clear" disabled={drawing.count === 0} onClick={drawing.clear}>
              {t('pg.draw.clear')}
            </button>
          </>
        )}
      </div>
      {active && problem === 'regression' && (
        <SliderField
          label={(value) => t('pg.draw.value', { value: value.toFixed(1) })}
          testId="draw-value"
          value={label}
          min={REGRESSION_VALUES.min}
          max={REGRESSION_VALUES.max}
          step={REGRESSION_VALUES.step}
          onChange={drawing.setLabel}
        />
      )}
      {active && (
        <p className="pg-draw-note" aria-live="polite" data-testid="draw-note" data-full={drawing.full || undefined}>
          <span className="pg-draw-count" data-testid="draw-count">
            {t('pg.draw.count', { count: drawing.count.toLocaleString('en'), max })}
          </span>{' '}
          {hint}
        </p>
      )}
    </div>
  );
}
