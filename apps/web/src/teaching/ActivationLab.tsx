import { useState } from 'react';
import { ACTIVATION_IDS, type ActivationId } from '@playroom/engine';
import { useT } from '../i18n';
import { ACTIVATION_COLORS, ACTIVATION_X, ActivationPlot, activationAt } from './figures/ActivationPlot';
import { ChartLegend } from './figures/ChartFrame';
import './teaching.css';

/** Readout numbers: three decimals, no "-0.000". */
export function formatReadout(value: number): string {
  const text = value.toFixed(3);
  return text === '-0.000' ? '0.000' : text;
}

const FIRST_SHOWN: readonly ActivationId[] = ACTIVATION_IDS.filter((id) => id === 'relu' || id === 'tanh' || id === 'sigmoid');

/**
 * Every engine activation and its derivative on one chart: chips choose
 * which are drawn, the pointer (or the slider, for touch and keyboard)
 * picks an input, and a list reads f(x) and f′(x) there. Sigmoid's slope
 * never passes 0.25 and ReLU's is 0 left of zero, which is the point.
 */
export function ActivationLab({ untitled = false }: { /** the title is shown by the list around it */ untitled?: boolean }) {
  const t = useT();
  const [shown, setShown] = useState<readonly ActivationId[]>(FIRST_SHOWN);
  const [derivatives, setDerivatives] = useState(true);
  const [at, setAt] = useState(1);
  const toggle = (id: ActivationId): void =>
    setShown((list) => (list.includes(id) ? list.filter((other) => other !== id) : ACTIVATION_IDS.filter((other) => other === id || list.includes(other))));
  const name = (id: ActivationId): string => t(`pg.activation.${id}`);
  const x = Math.round(at * 100) / 100;
  return (
    <section className="teach-lab" data-testid="activation-lab" aria-label={t('teach.lab.title')}>
      {!untitled && <h3 className="teach-card-title">{t('teach.lab.title')}</h3>}
      <p className="teach-text">{t('teach.lab.intro')}</p>
      <div className="teach-chips" role="group" aria-label={t('pg.activation')}>
        {ACTIVATION_IDS.map((id) => (
          <button
            key={id}
            type="button"
            className="teach-chip"
            aria-pressed={shown.includes(id)}
            data-testid="lab-toggle"
            data-activation={id}
            style={{ borderColor: ACTIVATION_COLORS[id], ...(shown.includes(id) ? { background: ACTIVATION_COLORS[id], color: '#fff' } : {}) }}
            onClick={() => toggle(id)}
          >
            {name(id)}
          </button>
        ))}
      </div>
      <label className="teach-check">
        <input type="checkbox" checked={derivatives} onChange={(event) => setDerivatives(event.target.checked)} data-testid="lab-derivatives" />
        {t('teach.lab.derivatives')}
      </label>
      <ActivationPlot
        activations={shown}
        derivatives={derivatives}
        at={x}
        onPointerX={(value) => value !== null && setAt(value)}
        title={t('teach.lab.title')}
        testId="lab-chart"
      />
      <ChartLegend
        items={shown.flatMap((id) => [
          { label: `${name(id)} f(x)`, color: ACTIVATION_COLORS[id] },
          ...(derivatives ? [{ label: `${name(id)} f′(x)`, color: ACTIVATION_COLORS[id], dashed: true }] : []),
        ])}
      />
      <label className="teach-slider">
        <span>{t('teach.lab.x', { x: formatReadout(x) })}</span>
        <input
          type="range"
          min={ACTIVATION_X.min}
          max={ACTIVATION_X.max}
          step={0.05}
          value={x}
          data-testid="lab-x"
          onChange={(event) => setAt(Number(event.target.value))}
        />
      </label>
      <table className="teach-readout" data-testid="lab-readout" aria-label={t('teach.lab.readout', { x: formatReadout(x) })}>
        <thead>
          <tr>
            <th scope="col">{t('pg.activation')}</th>
            <th scope="col">{t('teach.fig.f')}</th>
            <th scope="col">f′(x)</th>
          </tr>
        </thead>
        <tbody>
          {shown.map((id) => {
            const value = activationAt(id, x);
            return (
              <tr key={id} data-activation={id} data-x={x}>
                <th scope="row" style={{ color: ACTIVATION_COLORS[id] }}>
                  {name(id)}
                </th>
                <td data-testid="lab-f">{formatReadout(value.f)}</td>
                <td data-testid="lab-df">{formatReadout(value.df)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <p className="teach-hint">{t('teach.lab.hint')}</p>
    </section>
  );
}
