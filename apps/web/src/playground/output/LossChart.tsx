import { useRef } from 'react';
import { useT } from '../../i18n';
import { useElementWidth } from '../common/useElementWidth';
import type { LossPoint } from '@playroom/engine';
import { lossChartGeometry } from './lossChartGeometry';

const SMALL = { height: 96, box: { left: 34, right: 6, top: 8, bottom: 18 }, tickGap: 4 };
// the projector's: ticks in large type need room, and the y axis gets its name
const LARGE = { height: 240, box: { left: 100, right: 24, top: 14, bottom: 44 }, tickGap: 10 };

interface LossChartProps {
  history: readonly LossPoint[];
  /** large type, a named y axis and `height` px tall: read from the back of a classroom (the projector) */
  large?: boolean;
  height?: number;
}

/** Both loss curves over the epochs, labelled, with axes. */
export function LossChart({ history, large = false, height }: LossChartProps) {
  const t = useT();
  const container = useRef<HTMLDivElement>(null);
  const width = useElementWidth(container, 280);
  const { box: BOX, tickGap } = large ? LARGE : SMALL;
  const HEIGHT = height ?? (large ? LARGE : SMALL).height;
  const g = lossChartGeometry(history, { ...BOX, width, height: HEIGHT });
  const bottom = HEIGHT - BOX.bottom;
  const labelY = HEIGHT - (large ? 10 : 4);
  return (
    <figure className={large ? 'pg-loss-chart is-large' : 'pg-loss-chart'} ref={container} data-testid="loss-chart">
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
          <text key={tick} className="pg-tick" x={BOX.left - tickGap} y={g.yOf(tick)} dominantBaseline="middle" textAnchor="end">
            {Number(tick.toPrecision(2))}
          </text>
        ))}
        <text className="pg-tick" x={BOX.left} y={labelY} textAnchor="start">
          {g.xMin}
        </text>
        <text className="pg-tick" x={(BOX.left + width - BOX.right) / 2} y={labelY} textAnchor="middle">
          {t('pg.chart.epoch')}
        </text>
        <text className="pg-tick" x={width - BOX.right} y={labelY} textAnchor="end">
          {history.length ? g.xMax : ''}
        </text>
        {large && (
          <text className="pg-tick" transform={`translate(4 ${(BOX.top + bottom) / 2}) rotate(-90)`} textAnchor="middle" dominantBaseline="hanging">
            {t('pg.chart.loss')}
          </text>
        )}
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
