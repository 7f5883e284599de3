import { useMemo, useState } from 'react';
import { FEATURES, Rng, generatePoints, type FeatureId } from '@playroom/engine';
import { useT } from '../../i18n';
import { divergingCss } from '../../render/colorScale';
import { ChartFrame, type Axis, type Scale } from './ChartFrame';
import { ChoiceControl } from './FigureControls';

type Shape = 'circle' | 'xor';

/**
 * The same points twice: on the inputs X₁, X₂, and on two features the
 * engine computes from them, where one straight line (drawn) splits them.
 */
interface FeatureView {
  features: readonly [FeatureId, FeatureId];
  x: Omit<Axis, 'label'>;
  y: Omit<Axis, 'label'>;
  /** the separating line in feature space, as two of its points */
  line: readonly [readonly [number, number], readonly [number, number]];
}

const VIEWS: Record<Shape, FeatureView> = {
  // inside radius 2.5 and outside 3.5 (the engine's circle): X₁² + X₂² = 9 between them
  circle: { features: ['x1sq', 'x2sq'], x: { min: 0, max: 26, ticks: [0, 9, 18, 25] }, y: { min: 0, max: 26, ticks: [0, 9, 18, 25] }, line: [[0, 9], [9, 0]] },
  // the engine's XOR: the class is the sign of X₁X₂
  xor: { features: ['x1', 'x1x2'], x: { min: -6, max: 6, ticks: [-5, 0, 5] }, y: { min: -30, max: 30, ticks: [-25, 0, 25] }, line: [[-6, 0], [6, 0]] },
};

const PLANE: Omit<Axis, 'label'> = { min: -6, max: 6, ticks: [-5, 0, 5] };

function Dots({ points, scale }: { points: readonly { u: number; v: number; label: number }[]; scale: Scale }) {
  return (
    <>
      {points.map((p, i) => (
        <circle key={i} cx={scale.x(p.u)} cy={scale.y(p.v)} r={2.6} fill={divergingCss(p.label)} stroke="#fff" strokeWidth={0.6} />
      ))}
    </>
  );
}

export function FeaturesFigure() {
  const t = useT();
  const [shape, setShape] = useState<Shape>('circle');
  const view = VIEWS[shape];
  const points = useMemo(() => generatePoints(shape, 120, 0, new Rng(7)), [shape]);
  const [a, b] = view.features;
  const mapped = points.map((p) => ({ u: FEATURES[a].f(p.x, p.y), v: FEATURES[b].f(p.x, p.y), label: p.label }));
  return (
    <div className="teach-figure" data-figure="features">
      <ChoiceControl<Shape>
        label={t('pg.data')}
        value={shape}
        options={[{ value: 'circle', label: t('pg.dataset.circle') }, { value: 'xor', label: t('pg.dataset.xor') }]}
        onChange={setShape}
      />
      <div className="teach-pair">
        <figure>
          <ChartFrame x={{ ...PLANE, label: FEATURES.x1.label }} y={{ ...PLANE, label: FEATURES.x2.label }} title={t('teach.fig.features.before')} width={220} height={210}>
            {(scale) => <Dots points={points.map((p) => ({ u: p.x, v: p.y, label: p.label }))} scale={scale} />}
          </ChartFrame>
          <figcaption>{t('teach.fig.features.before')}</figcaption>
        </figure>
        <figure>
          <ChartFrame
            x={{ ...view.x, label: FEATURES[a].label }}
            y={{ ...view.y, label: FEATURES[b].label }}
            title={t('teach.fig.features.after', { a: FEATURES[a].label, b: FEATURES[b].label })}
            width={220}
            height={210}
          >
            {(scale) => (
              <>
                <Dots points={mapped} scale={scale} />
                <line
                  className="teach-boundary"
                  x1={scale.x(view.line[0][0])}
                  y1={scale.y(view.line[0][1])}
                  x2={scale.x(view.line[1][0])}
                  y2={scale.y(view.line[1][1])}
                />
              </>
            )}
          </ChartFrame>
          <figcaption>{t('teach.fig.features.after', { a: FEATURES[a].label, b: FEATURES[b].label })}</figcaption>
        </figure>
      </div>
    </div>
  );
}
