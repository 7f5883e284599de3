import { useT } from '../../i18n';
import { classCss, NEGATIVE_COLOR, NEUTRAL_COLOR, POSITIVE_COLOR, type Rgb } from '../../render/colorScale';

const css = ([r, g, b]: Rgb): string => `rgb(${r},${g},${b})`;
const GRADIENT = `linear-gradient(to right, ${css(NEGATIVE_COLOR)}, ${css(NEUTRAL_COLOR)}, ${css(POSITIVE_COLOR)})`;

/** The colour key under the output: the −1…1 scale, or one swatch per class for multiclass. */
export function ColorLegend({ classes }: { classes: number }) {
  const t = useT();
  return (
    <div className="pg-legend">
      {classes > 2 ? (
        <ul className="pg-class-legend">
          {Array.from({ length: classes }, (_, c) => (
            <li key={c}>
              <span className="pg-swatch" style={{ background: classCss(c) }} aria-hidden="true" />
              {t('pg.legend.class', { index: c })}
            </li>
          ))}
        </ul>
      ) : (
        <div className="pg-scale">
          <div className="pg-scale-bar" style={{ background: GRADIENT }} aria-hidden="true" />
          <div className="pg-scale-ticks" aria-hidden="true">
            <span>−1</span>
            <span>0</span>
            <span>1</span>
          </div>
        </div>
      )}
      <p className="pg-caption">{t('pg.legend')}</p>
    </div>
  );
}
