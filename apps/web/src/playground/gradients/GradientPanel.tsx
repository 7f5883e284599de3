import { useMemo } from 'react';
import { gradientHealth, weightNormsOf } from '@playroom/engine';
import { useT } from '../../i18n';
import { InfoTip } from '../common/InfoTip';
import type { PlaygroundModel } from '../model';
import { formatMagnitude, logBarFraction } from './logBar';

/**
 * Mean |gradient| and mean |weight| per layer as log-scale bars: when the
 * first layers' gradient bars are orders of magnitude shorter than the last
 * one's, the class can see gradients vanish.
 */
export function GradientPanel({ model }: { model: PlaygroundModel }) {
  const t = useT();
  const hidden = model.config.hiddenLayers.length;
  // weight norms follow from the parameters, so the wire does not carry them
  const weightNorms = useMemo(() => weightNormsOf(model.params, model.layerSizes), [model.params, model.layerSizes]);
  const rows = Array.from({ length: hidden }, (_, i) => ({
    gradient: model.metrics.gradientNorms[i],
    weight: weightNorms[i],
  }));
  return (
    <section className="pg-panel pg-gradients" aria-label={t('pg.gradients')}>
      <h2 className="pg-panel-title">
        {t('pg.gradients')}
        <InfoTip text={t('pg.gradients.tip')} />
      </h2>
      {hidden === 0 ? (
        <p className="pg-caption">{t('pg.gradients.none')}</p>
      ) : (
        <>
          <div className="pg-gradient-key">
            <span className="pg-swatch pg-bar-gradient" aria-hidden="true" />
            {t('pg.gradients.gradient')}
            <span className="pg-swatch pg-bar-weight" aria-hidden="true" />
            {t('pg.gradients.weight')}
            <span className="pg-gradient-scale">({t('pg.gradients.scale')})</span>
          </div>
          <ol className="pg-gradient-rows">
            {rows.map((row, i) => (
              <li key={i} className="pg-gradient-row">
                <span className="pg-gradient-layer">{t('pg.gradients.layer', { layer: i + 1 })}</span>
                <span className="pg-bars">
                  <Bar className="pg-bar-gradient" value={row.gradient} label={t('pg.gradients.gradient')} />
                  <Bar className="pg-bar-weight" value={row.weight} label={t('pg.gradients.weight')} />
                </span>
              </li>
            ))}
          </ol>
          <GradientWarning gradientNorms={model.metrics.gradientNorms} />
        </>
      )}
    </section>
  );
}

/** "1/130,000": a ratio far from 1 in words a class reads, two significant digits. */
function roundedFactor(ratio: number): string {
  const factor = ratio < 1 ? 1 / ratio : ratio;
  return Number(factor.toPrecision(2)).toLocaleString('en-US');
}

/** When the gradients near the input are 1/10,000 of the output layer's or less (vanishing), or 10,000× or more (exploding). */
function GradientWarning({ gradientNorms }: { gradientNorms: readonly number[] }) {
  const t = useT();
  const { trouble, inputRatio } = gradientHealth(gradientNorms);
  if (trouble === null || inputRatio === null) return null;
  const ratio = roundedFactor(inputRatio);
  return (
    <p className="pg-gradient-warning" role="status" data-testid="gradient-warning" data-trouble={trouble}>
      {trouble === 'vanishing' ? t('pg.gradients.vanishing', { ratio }) : t('pg.gradients.exploding', { ratio })}
    </p>
  );
}

function Bar({ className, value, label }: { className: string; value: number | undefined; label: string }) {
  const text = value === undefined ? '—' : formatMagnitude(value);
  return (
    <span className="pg-bar-line" title={`${label}: ${text}`}>
      <span className="pg-bar-track">
        <span className={`pg-bar ${className}`} style={{ width: `${logBarFraction(value ?? 0) * 100}%` }} />
      </span>
      <span className="pg-bar-value">{text}</span>
    </span>
  );
}
