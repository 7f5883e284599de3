import { useState } from 'react';
import { scheduleRateAt } from '@playroom/engine';
import { useT } from '../../i18n';
import { formatRateNow } from '../../playground/common/formatNumbers';
import { ChartFrame, curvePoints, type Scale } from './ChartFrame';
import { RangeControl } from './FigureControls';

/** The figures' loss of one weight: a bowl, ½w², whose slope is w. */
const bowl = (w: number): number => 0.5 * w * w;
const slope = (w: number): number => w;

/** Gradient descent from `start`: w ← w − rate(k)·L′(w), `steps` times; returns every w visited. */
export function descend(start: number, steps: number, rate: (step: number) => number): number[] {
  const path = [start];
  let w = start;
  for (let k = 0; k < steps; k++) {
    w -= rate(k) * slope(w);
    if (!Number.isFinite(w)) break;
    path.push(w);
  }
  return path;
}

/** How a walk on the bowl went: still far (crawl), straight down (good), over and back (zigzag) or away (diverge). */
export type DescentOutcome = 'crawl' | 'good' | 'zigzag' | 'diverge';

export function descentOutcome(path: readonly number[]): DescentOutcome {
  const start = Math.abs(path[0]!);
  const end = Math.abs(path.at(-1)!);
  if (end >= start) return 'diverge';
  if (path.some((w, i) => i > 0 && Math.sign(w) !== Math.sign(path[i - 1]!) && w !== 0)) return 'zigzag';
  return end > 0.25 * start ? 'crawl' : 'good';
}

const W_AXIS = { min: -4, max: 4, ticks: [-4, -2, 0, 2, 4] };
const LOSS_AXIS = { min: 0, max: 8, ticks: [0, 2, 4, 6, 8] };

/** The walk drawn on the bowl: the curve, each step a segment and a dot, the first in orange. */
function Walk({ path, scale }: { path: readonly number[]; scale: Scale }) {
  return (
    <>
      <polyline className="teach-curve" stroke="#5f6b7a" points={curvePoints(bowl, -4, 4, scale)} />
      <polyline className="teach-walk" points={path.map((w) => `${scale.x(w).toFixed(1)},${scale.y(bowl(w)).toFixed(1)}`).join(' ')} />
      {path.map((w, i) => (
        <circle key={i} data-testid="descent-step" cx={scale.x(w)} cy={scale.y(bowl(w))} r={i === 0 ? 4.5 : 3.5} className={i === 0 ? 'teach-dot is-start' : 'teach-dot'} />
      ))}
    </>
  );
}

/** Gradient descent walking down the bowl: long steps where it is steep, short ones near the bottom. */
export function GradientDescentFigure() {
  const t = useT();
  const [steps, setSteps] = useState(6);
  const path = descend(-3.8, steps, () => 0.3);
  return (
    <div className="teach-figure" data-figure="gradientDescent">
      <ChartFrame x={{ ...W_AXIS, label: t('teach.fig.weight') }} y={{ ...LOSS_AXIS, label: t('teach.fig.loss') }} title={t('teach.fig.gd.caption')}>
        {(scale) => <Walk path={path} scale={scale} />}
      </ChartFrame>
      <RangeControl label={t('teach.fig.gd.steps', { n: steps })} value={steps} min={1} max={15} step={1} testId="figure-steps" onChange={setSteps} />
      <p className="teach-caption">{t('teach.fig.gd.caption')}</p>
    </div>
  );
}

/** The engine's exponential schedule the "shrink the rate" box uses: halved every 2 steps. */
const DECAY = { kind: 'exponential', decayRate: 0.5, decayEpochs: 2 } as const;

/** Ten steps on the bowl at a chosen rate, constant or decaying with the engine's schedule. */
export function LearningRateFigure() {
  const t = useT();
  const [rate, setRate] = useState(0.3);
  const [decay, setDecay] = useState(false);
  const path = descend(-3.5, 10, (k) => (decay ? scheduleRateAt(DECAY, rate, k) : rate));
  const outcome = descentOutcome(path);
  return (
    <div className="teach-figure" data-figure="learningRate">
      <ChartFrame x={{ ...W_AXIS, label: t('teach.fig.weight') }} y={{ ...LOSS_AXIS, label: t('teach.fig.loss') }} title={t(`teach.fig.lr.${outcome}`)}>
        {(scale) => <Walk path={path} scale={scale} />}
      </ChartFrame>
      <RangeControl label={t('teach.fig.lr.rate', { rate: formatRateNow(rate) })} value={rate} min={0.05} max={2.2} step={0.05} testId="figure-rate" onChange={setRate} />
      <label className="teach-check">
        <input type="checkbox" checked={decay} onChange={(event) => setDecay(event.target.checked)} data-testid="figure-decay" />
        {t('teach.fig.lr.decay')}
      </label>
      <p className="teach-caption" data-testid="figure-outcome" data-outcome={outcome}>
        {t(`teach.fig.lr.${outcome}`)}
      </p>
    </div>
  );
}
