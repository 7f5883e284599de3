import { useRef } from 'react';
import { useT } from '../../i18n';
import { useElementWidth } from '../common/useElementWidth';
import type { LossPoint } from '@playroom/engine';
import { lossChartGeometry } from './lossChartGeometry';

const HEIGHT = 96;
const BOX = { left: 34, right: 6, top: 8, bottom: 18 };

/** Both loss curves over the epochs, labelled, with axes. */
export function LossChart({ history }: { history: readonly LossPoint[] }) {
  const t = useT();
  const container = useRef<HTMLDivElement>(null);
  const width = useElementWidth(container, 280);
  const g = lossChartGeometry(history, { ...BOX, width, height: HEIGHT });
  const bottom = HEIGHT - BOX.bottom;
  return (
    <figure className="pg-loss-chart" ref={container}>
      <figcaption className="pg-chart-legend">
        <span className="pg-swatch pg-swatch-test" aria-hidden="true" />
        {t('pg.testLoss')}
        <span className="pg-swatch pg-swatch-train" aria-hidden="true" />
        {t('pg.trainLoss')}
      </figcaption>
      <svg width={width} height={HEIGHT} role="img" aria-label={t('pg.chart')}>
        <line className="pg-axis" x1={BOX.left} y1={BOX.top} x2={BOX.left} y2={bottom} />
        <line className="pg-axis" x1={BOX.left} y1={bottom} x2={width - BOX.right} y2={bottom} />
        {g.yTicks.map((tick) => (
          <text key={tick} className="pg-tick" x={BOX.left - 4} y={g.yOf(tick) + 3} textAnchor="end">
            {Number(tick.toPrecision(2))}
          </text>
        ))}
        <text className="pg-tick" x={BOX.left} y={HEIGHT - 4} textAnchor="start">
          {g.xMin}
        </text>
        <text className="pg-tick" x={(BOX.left + width - BOX.right) / 2} y={HEIGHT - 4} textAnchor="middle">
          {t('pg.chart.epoch')}
        </text>
        <text className="pg-tick" x={width - BOX.right} y={HEIGHT - 4} textAnchor="end">
          {history.length ? g.xMax : ''}
        </text>
        {history.length === 0 ? (
          <text className="pg-chart-empty" x={(BOX.left + width) / 2} y={HEIGHT / 2} textAnchor="middle">
            {t('pg.chart.empty')}
          </text>
        ) : (
          <>
            <polyline className="pg-curve pg-curve-test" points={g.test} />
            <polyline className="pg-curve pg-curve-train" points={g.train} />
          </>
        )}
      </svg>
    </figure>
  );
}
