import { useState } from 'react';
import { REGULARIZERS, RegularizerCode, regularizedWeight } from '@playroom/engine';
import { useT } from '../../i18n';
import { ChartFrame, ChartLegend, curvePoints } from './ChartFrame';
import { RangeControl } from './FigureControls';

const L1_COLOR = '#8e44ad';
const L2_COLOR = '#2e9d57';
const BEFORE_COLOR = '#b8c0cc';
const WEIGHTS = [-1.5, -0.6, -0.15, 0.1, 0.5, 1.3];
/** learning rate × regularization rate of each penalty step */
const STEP = 0.1;

/** The weights after `steps` penalty steps alone (no gradient), the engine's way: L1 stops at exactly 0. */
export function penalized(kind: 'l1' | 'l2', weights: readonly number[], steps: number): number[] {
  return weights.map((w) => {
    let value = w;
    for (let i = 0; i < steps; i++) value = regularizedWeight(RegularizerCode[kind], value, value, STEP);
    return value;
  });
}

/** The L1 and L2 penalties of one weight, and what repeated penalty steps do to six weights. */
export function RegularizationFigure() {
  const t = useT();
  const [steps, setSteps] = useState(5);
  const l1 = penalized('l1', WEIGHTS, steps);
  const l2 = penalized('l2', WEIGHTS, steps);
  const width = 0.26;
  return (
    <div className="teach-figure" data-figure="regularization">
      <div className="teach-pair">
        <figure>
          <ChartFrame
            x={{ min: -2, max: 2, ticks: [-2, -1, 0, 1, 2], label: t('teach.fig.weight') }}
            y={{ min: 0, max: 2, ticks: [0, 1, 2], label: t('teach.fig.reg.penalty') }}
            title={t('teach.fig.reg.penalty')}
            width={220}
            height={200}
          >
            {(scale) => (
              <>
                <polyline className="teach-curve" stroke={L1_COLOR} points={curvePoints(REGULARIZERS.l1.f, -2, 2, scale)} />
                <polyline className="teach-curve" stroke={L2_COLOR} points={curvePoints(REGULARIZERS.l2.f, -2, 2, scale)} />
              </>
            )}
          </ChartFrame>
        </figure>
        <figure>
          <ChartFrame
            x={{ min: 0.5, max: 6.5, ticks: [1, 2, 3, 4, 5, 6], label: t('teach.fig.reg.weightAxis') }}
            y={{ min: -1.6, max: 1.6, ticks: [-1.5, 0, 1.5], label: t('teach.fig.value') }}
            title={t('teach.fig.reg.weights', { n: steps })}
            width={220}
            height={200}
          >
            {(scale) =>
              WEIGHTS.map((w, i) => {
                const bar = (value: number, offset: number, color: string, testId?: string) => (
                  <rect
                    data-testid={testId}
                    data-value={value}
                    x={scale.x(i + 1 + offset - width / 2)}
                    width={scale.x(width) - scale.x(0)}
                    y={Math.min(scale.y(value), scale.y(0))}
                    height={Math.abs(scale.y(value) - scale.y(0))}
                    fill={color}
                  />
                );
                return (
                  <g key={i}>
                    {bar(w, -width, BEFORE_COLOR)}
                    {bar(l1[i]!, 0, L1_COLOR, 'weight-l1')}
                    {bar(l2[i]!, width, L2_COLOR, 'weight-l2')}
                  </g>
                );
              })
            }
          </ChartFrame>
        </figure>
      </div>
      <ChartLegend items={[{ label: t('teach.fig.reg.before'), color: BEFORE_COLOR }, { label: 'L1', color: L1_COLOR }, { label: 'L2', color: L2_COLOR }]} />
      <RangeControl label={t('teach.fig.reg.weights', { n: steps })} value={steps} min={0} max={15} step={1} testId="figure-steps" onChange={setSteps} />
    </div>
  );
}
