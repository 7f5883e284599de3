import { useState } from 'react';
import { findPreset, type CustomPoint } from '@playroom/engine';
import { useT } from '../../i18n';
import { divergingCss } from '../../render/colorScale';
import { ChartFrame } from './ChartFrame';
import { RangeControl } from './FigureControls';

/** The off-centre presets' own points (right of the origin, blue where X₁ > 3.25). */
const POINTS: readonly CustomPoint[] = findPreset('off-centre-bias')?.config.customPoints ?? [];

/** How many points one neuron with weights (1, 0) and bias `b` puts on their colour's side of X₁ + b = 0. */
export function pointsOnTheirSide(bias: number, points: readonly CustomPoint[] = POINTS): number {
  return points.filter((p) => (p.x + bias > 0 ? 1 : -1) === p.label).length;
}

/** The line X₁ + b = 0 over the off-centre points: through (0, 0) at b = 0, between the colours near b = −3.25. */
export function BiasFigure() {
  const t = useT();
  const [bias, setBias] = useState(0);
  const at = -bias;
  return (
    <div className="teach-figure" data-figure="bias">
      <ChartFrame
        x={{ min: -2, max: 6, ticks: [-2, 0, 2, 4, 6], label: 'X₁' }}
        y={{ min: -5, max: 5, ticks: [-4, 0, 4], label: 'X₂' }}
        title={t('teach.fig.bias.right', { n: pointsOnTheirSide(bias), total: POINTS.length })}
      >
        {(scale) => (
          <>
            <rect className="teach-side" x={scale.x(at)} y={scale.top} width={Math.max(0, scale.right - scale.x(at))} height={scale.bottom - scale.top} fill={divergingCss(1)} />
            {POINTS.map((p, i) => (
              <circle key={i} cx={scale.x(p.x)} cy={scale.y(p.y)} r={2.8} fill={divergingCss(p.label)} stroke="#fff" strokeWidth={0.6} />
            ))}
            <line className="teach-boundary" data-testid="bias-line" x1={scale.x(at)} x2={scale.x(at)} y1={scale.top} y2={scale.bottom} />
            <circle cx={scale.x(0)} cy={scale.y(0)} r={3.5} className="teach-origin" />
          </>
        )}
      </ChartFrame>
      <RangeControl label={t('teach.fig.bias.slider', { b: bias.toFixed(2) })} value={bias} min={-5} max={1} step={0.25} testId="figure-bias" onChange={setBias} />
      <p className="teach-caption" data-testid="figure-outcome">
        {t('teach.fig.bias.right', { n: pointsOnTheirSide(bias), total: POINTS.length })}
        {bias === 0 && <> · {t('teach.fig.bias.origin')}</>}
      </p>
    </div>
  );
}
