import { useState } from 'react';
import type { ActivationId } from '@playroom/engine';
import { useT } from '../../i18n';
import { ACTIVATION_COLORS, activationAt } from './ActivationPlot';
import { ChartFrame, ChartLegend } from './ChartFrame';
import { RangeControl } from './FigureControls';

const COMPARED: readonly ActivationId[] = ['sigmoid', 'tanh', 'relu'];
const LAYERS = 6;
/** the sum each neuron is taken to have: the slope is read there */
const SUM = 0.5;

/**
 * The gradient's size after passing back through k layers, relative to the
 * output's: (weight × f′(sum))^k, the chain rule's product, f′ from the engine.
 */
export function gradientThroughLayers(activation: ActivationId, weight: number, layers = LAYERS): number[] {
  const factor = weight * activationAt(activation, SUM).df;
  return Array.from({ length: layers + 1 }, (_, k) => factor ** k);
}

const Y = { min: 1e-5, max: 1e3, ticks: [1e-4, 1e-2, 1, 1e2], log: true, format: (v: number) => (v === 1 ? '1' : `10${superscript(Math.log10(v))}`) };

function superscript(power: number): string {
  const digits = '⁰¹²³⁴⁵⁶⁷⁸⁹';
  return (power < 0 ? '⁻' : '') + String(Math.abs(Math.round(power))).split('').map((d) => digits[Number(d)]).join('');
}

/** Gradient size per layer through sigmoid, tanh and ReLU layers, for a chosen weight size (log axis). */
export function GradientHealthFigure() {
  const t = useT();
  const [weight, setWeight] = useState(1);
  return (
    <div className="teach-figure" data-figure="gradientHealth">
      <ChartFrame
        x={{ min: 0, max: LAYERS, ticks: [0, 1, 2, 3, 4, 5, 6], label: t('teach.fig.gh.layer') }}
        y={{ ...Y, label: t('teach.fig.gh.size') }}
        title={t('teach.fig.gh.caption')}
      >
        {(scale) =>
          COMPARED.map((id) => {
            const sizes = gradientThroughLayers(id, weight);
            return (
              <g key={id} data-activation={id}>
                <polyline className="teach-curve" stroke={ACTIVATION_COLORS[id]} points={sizes.map((s, k) => `${scale.x(k)},${scale.y(s).toFixed(1)}`).join(' ')} />
                {sizes.map((s, k) => (
                  <circle key={k} cx={scale.x(k)} cy={scale.y(s)} r={3} fill={ACTIVATION_COLORS[id]} />
                ))}
              </g>
            );
          })
        }
      </ChartFrame>
      <ChartLegend items={COMPARED.map((id) => ({ label: t(`pg.activation.${id}`), color: ACTIVATION_COLORS[id] }))} />
      <RangeControl label={t('teach.fig.gh.weight', { w: weight.toFixed(1) })} value={weight} min={0.5} max={3} step={0.1} testId="figure-weight" onChange={setWeight} />
      <p className="teach-caption">{t('teach.fig.gh.caption')}</p>
    </div>
  );
}
