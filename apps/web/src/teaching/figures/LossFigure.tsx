import { useState } from 'react';
import { OutputLossCode, pointLoss } from '@playroom/engine';
import { useT } from '../../i18n';
import { NEGATIVE_COLOR, POSITIVE_COLOR } from '../../render/colorScale';
import { ChartFrame, ChartLegend, curvePoints } from './ChartFrame';
import { ChoiceControl } from './FigureControls';

const SQUARE_COLOR = '#5f6b7a';
const XENT_COLOR = '#c8372d';
const z = new Float64Array(1);
const a = new Float64Array(1);

/** The engine's square loss of an output `o` against target `t` (0 or 1): ½(o − t)². */
export function squareLoss(o: number, target: 0 | 1): number {
  a[0] = o;
  return pointLoss(OutputLossCode['linear-square'], z, a, 0, 1, 1, target);
}

/** The engine's cross-entropy of a sigmoid output `o` (its sum is logit o) against target `t`. */
export function crossEntropy(o: number, target: 0 | 1): number {
  z[0] = Math.log(o / (1 - o));
  return pointLoss(OutputLossCode['sigmoid-xent'], z, a, 0, 1, 1, target === 1 ? 1 : -1);
}

/** Square loss and cross-entropy against the output, for a target of blue (1) or orange (0). */
export function LossFigure() {
  const t = useT();
  const [target, setTarget] = useState<'1' | '0'>('1');
  const y = target === '1' ? 1 : 0;
  const rgb = (c: readonly number[]) => `rgb(${c.join(',')})`;
  return (
    <div className="teach-figure" data-figure="loss">
      <ChoiceControl<'1' | '0'>
        label={t('teach.fig.loss.target')}
        value={target}
        options={[{ value: '1', label: t('teach.fig.loss.blue') }, { value: '0', label: t('teach.fig.loss.orange') }]}
        onChange={setTarget}
      />
      <ChartFrame
        x={{ min: 0, max: 1, ticks: [0, 0.25, 0.5, 0.75, 1], label: t('teach.fig.loss.output') }}
        y={{ min: 0, max: 3, ticks: [0, 1, 2, 3], label: t('teach.fig.loss') }}
        title={`${t('teach.fig.loss.square')}, ${t('teach.fig.loss.xent')}`}
      >
        {(scale) => (
          <>
            <line className="teach-target" x1={scale.x(y)} x2={scale.x(y)} y1={scale.top} y2={scale.bottom} stroke={rgb(y === 1 ? POSITIVE_COLOR : NEGATIVE_COLOR)} />
            <polyline className="teach-curve" stroke={SQUARE_COLOR} points={curvePoints((o) => squareLoss(o, y), 0, 1, scale)} />
            <polyline className="teach-curve" stroke={XENT_COLOR} points={curvePoints((o) => crossEntropy(Math.min(Math.max(o, 1e-4), 1 - 1e-4), y), 0, 1, scale)} />
          </>
        )}
      </ChartFrame>
      <ChartLegend items={[{ label: t('teach.fig.loss.square'), color: SQUARE_COLOR }, { label: t('teach.fig.loss.xent'), color: XENT_COLOR }]} />
    </div>
  );
}
