import { useState } from 'react';
import { useT } from '../../i18n';
import { ChartFrame } from './ChartFrame';
import { RangeControl } from './FigureControls';

/** The training points of the figure's small epoch. */
const POINTS = 20;

/**
 * The batches of one epoch of `points` in batches of `batch`, as the
 * engine's trainer forms them: an update after every full batch; a last
 * partial batch is not applied but carried into the next epoch's first.
 */
export function epochBatches(points: number, batch: number): { batches: { from: number; to: number }[]; carried: number } {
  const size = Math.max(1, Math.min(batch, points));
  const full = Math.floor(points / size);
  return { batches: Array.from({ length: full }, (_, k) => ({ from: k * size, to: (k + 1) * size })), carried: points - full * size };
}

/** One epoch of 20 points split into batches: each batch a bar at the update it makes. */
export function EpochBatchFigure() {
  const t = useT();
  const [batch, setBatch] = useState(5);
  const { batches, carried } = epochBatches(POINTS, batch);
  const steps = batches.length;
  const yMax = Math.max(steps, 1) + 0.6;
  const yTicks = steps <= 5 ? batches.map((_, k) => k + 1) : [1, Math.ceil(steps / 2), steps];
  return (
    <div className="teach-figure" data-figure="epochBatch">
      <ChartFrame
        x={{ min: 0, max: POINTS, ticks: [0, 5, 10, 15, 20], label: t('teach.fig.eb.points') }}
        y={{ min: 0, max: yMax, ticks: yTicks, label: t('teach.fig.eb.step') }}
        title={t('teach.fig.eb.summary', { points: POINTS, batch, steps })}
      >
        {(scale) => (
          <>
            {batches.map((b, k) => (
              <g key={k} data-testid="epoch-batch">
                <rect className="teach-batch" x={scale.x(b.from) + 0.5} width={scale.x(b.to) - scale.x(b.from) - 1} y={scale.y(k + 1) - 4} height={8} />
                <circle cx={scale.x(b.to)} cy={scale.y(k + 1)} r={3.5} className="teach-dot" />
              </g>
            ))}
            {carried > 0 && (
              <rect className="teach-batch is-carried" x={scale.x(POINTS - carried) + 0.5} width={scale.x(POINTS) - scale.x(POINTS - carried) - 1} y={scale.y(0.4) - 4} height={8} />
            )}
          </>
        )}
      </ChartFrame>
      <RangeControl label={t('teach.fig.eb.batch', { n: batch })} value={batch} min={1} max={POINTS} step={1} testId="figure-batch" onChange={setBatch} />
      <p className="teach-caption" data-testid="figure-outcome">
        {t('teach.fig.eb.summary', { points: POINTS, batch, steps })}
        {carried > 0 && <> {t('teach.fig.eb.carry', { n: carried })}</>}
      </p>
    </div>
  );
}
