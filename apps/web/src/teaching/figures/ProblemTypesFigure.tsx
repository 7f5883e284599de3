import { useState } from 'react';
import { ACTIVATIONS, OutputLossCode, activateOutputBlock } from '@playroom/engine';
import { useT } from '../../i18n';
import { CLASS_COLORS, divergingCss } from '../../render/colorScale';
import { ChartFrame, curvePoints } from './ChartFrame';
import { RangeControl } from './FigureControls';

/** The other three classes' sums; the slider sets the first. */
const OTHER_SUMS = [1, 0, -1];

/** Softmax of the four sums [z, 1, 0, −1], with the engine's output kernel. */
export function classProbabilities(z: number): number[] {
  const sums = Float64Array.from([z, ...OTHER_SUMS]);
  const out = new Float64Array(4);
  activateOutputBlock(OutputLossCode['softmax-xent'], sums, out, 0, 4, 1, 1);
  return Array.from(out);
}

const SUM_AXIS = { min: -3, max: 3, ticks: [-3, 0, 3] };
const rgb = (c: readonly number[]) => `rgb(${c.join(',')})`;

/** One sum z read three ways: its tanh's sign (a class), the number itself (a value), softmax over four classes. */
export function ProblemTypesFigure() {
  const t = useT();
  const [z, setZ] = useState(1.5);
  const tanh = ACTIVATIONS.tanh.f;
  const probabilities = classProbabilities(z);
  const sumLabel = t('teach.fig.pt.sumAxis');
  return (
    <div className="teach-figure" data-figure="problemTypes">
      <RangeControl label={t('teach.fig.pt.sum', { z: z.toFixed(1) })} value={z} min={-3} max={3} step={0.1} testId="figure-sum" onChange={setZ} />
      <div className="teach-trio">
        <figure>
          <ChartFrame x={{ ...SUM_AXIS, label: sumLabel }} y={{ min: -1, max: 1, ticks: [-1, 0, 1], label: t('pg.output') }} title={t('teach.fig.pt.class')} width={200} height={170}>
            {(scale) => (
              <>
                <polyline className="teach-curve" stroke="#5f6b7a" points={curvePoints(tanh, -3, 3, scale)} />
                <circle cx={scale.x(z)} cy={scale.y(tanh(z))} r={6} fill={divergingCss(Math.sign(tanh(z)))} stroke="#1f2a37" />
              </>
            )}
          </ChartFrame>
          <figcaption>{t('teach.fig.pt.class')}</figcaption>
        </figure>
        <figure>
          <ChartFrame x={{ ...SUM_AXIS, label: sumLabel }} y={{ min: -3, max: 3, ticks: [-3, 0, 3], label: t('pg.output') }} title={t('teach.fig.pt.value')} width={200} height={170}>
            {(scale) => (
              <>
                <polyline className="teach-curve" stroke="#5f6b7a" points={curvePoints(ACTIVATIONS.linear.f, -3, 3, scale)} />
                <circle cx={scale.x(z)} cy={scale.y(z)} r={6} fill={divergingCss(z / 3)} stroke="#1f2a37" />
              </>
            )}
          </ChartFrame>
          <figcaption>{t('teach.fig.pt.value')}</figcaption>
        </figure>
        <figure>
          <ChartFrame
            x={{ min: 0.5, max: 4.5, ticks: [1, 2, 3, 4], label: t('teach.fig.pt.classAxis') }}
            y={{ min: 0, max: 1, ticks: [0, 0.5, 1], label: t('teach.fig.pt.probability') }}
            title={t('teach.fig.pt.classes')}
            width={200}
            height={170}
          >
            {(scale) =>
              probabilities.map((p, c) => (
                <rect key={c} data-testid="class-probability" data-value={p} x={scale.x(c + 0.7)} width={scale.x(0.6) - scale.x(0)} y={scale.y(p)} height={scale.y(0) - scale.y(p)} fill={rgb(CLASS_COLORS[c]!)} />
              ))
            }
          </ChartFrame>
          <figcaption>{t('teach.fig.pt.classes')}</figcaption>
        </figure>
      </div>
    </div>
  );
}
