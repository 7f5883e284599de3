import { ACTIVATIONS, type ActivationId } from '@playroom/engine';
import { useT } from '../../i18n';
import { ChartFrame, curvePoints, type Axis } from './ChartFrame';

/** Each activation's colour, the same in the card's figure and in the lab. */
export const ACTIVATION_COLORS: Readonly<Record<ActivationId, string>> = {
  relu: '#c8372d',
  tanh: '#0877bd',
  sigmoid: '#f59322',
  linear: '#5f6b7a',
  leakyRelu: '#8e44ad',
  elu: '#2e9d57',
  swish: '#d35400',
  softplus: '#16a085',
  sine: '#2c3e50',
  gaussian: '#b8860b',
  binaryStep: '#e84393',
  mish: '#1f7a8c',
};

/** An activation and its slope at `x`, from the engine's own `{ f, df }`. */
export function activationAt(id: ActivationId, x: number): { f: number; df: number } {
  const { f, df } = ACTIVATIONS[id];
  const fx = f(x);
  return { f: fx, df: df(x, fx) };
}

export const ACTIVATION_X: Axis = { min: -4, max: 4, ticks: [-4, -2, 0, 2, 4], label: '' };
const Y_AXIS: Omit<Axis, 'label'> = { min: -1.5, max: 2.5, ticks: [-1, 0, 1, 2] };

interface ActivationPlotProps {
  activations: readonly ActivationId[];
  derivatives: boolean;
  /** the input marked with a line and a dot on each curve, or null */
  at: number | null;
  onPointerX?: (x: number | null) => void;
  title: string;
  testId?: string;
}

/** Curves of activations (solid) and their derivatives (dashed) on x ∈ [−4, 4], drawn with the engine. */
export function ActivationPlot({ activations, derivatives, at, onPointerX, title, testId }: ActivationPlotProps) {
  const t = useT();
  return (
    <ChartFrame
      x={{ ...ACTIVATION_X, label: t('teach.fig.input') }}
      y={{ ...Y_AXIS, label: t('teach.fig.value') }}
      title={title}
      testId={testId}
      onPointerX={onPointerX}
      height={220}
    >
      {(scale) => (
        <>
          {activations.map((id) => (
            <g key={id} data-activation={id}>
              <polyline className="teach-curve" stroke={ACTIVATION_COLORS[id]} points={curvePoints((x) => activationAt(id, x).f, -4, 4, scale)} />
              {derivatives && (
                <polyline
                  className="teach-curve is-dashed"
                  stroke={ACTIVATION_COLORS[id]}
                  points={curvePoints((x) => activationAt(id, x).df, -4, 4, scale)}
                />
              )}
            </g>
          ))}
          {at !== null && (
            <g data-testid="activation-marker">
              <line className="teach-marker" x1={scale.x(at)} x2={scale.x(at)} y1={scale.top} y2={scale.bottom} />
              {activations.map((id) => {
                const value = activationAt(id, at);
                return (
                  <g key={id}>
                    <circle cx={scale.x(at)} cy={scale.y(value.f)} r={3.5} fill={ACTIVATION_COLORS[id]} />
                    {derivatives && <circle cx={scale.x(at)} cy={scale.y(value.df)} r={3} fill="#fff" stroke={ACTIVATION_COLORS[id]} strokeWidth={1.5} />}
                  </g>
                );
              })}
            </g>
          )}
        </>
      )}
    </ChartFrame>
  );
}
