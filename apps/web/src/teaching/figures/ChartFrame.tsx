import { useId, type PointerEvent, type ReactNode } from 'react';

/**
 * The one chart scaffold of the teaching figures: an SVG with both axes,
 * their ticks and names, the plot area clipped, and scales from data to
 * pixels. Every figure draws inside it, so none can forget its axes.
 */

export interface Axis {
  min: number;
  max: number;
  ticks: readonly number[];
  /** the axis name, in the reader's language */
  label: string;
  /** a tick's text; plain numbers by default */
  format?: (value: number) => string;
  /** a base-10 logarithmic axis (y only) */
  log?: boolean;
}

/** Data to pixel coordinates inside one chart. */
export interface Scale {
  x(value: number): number;
  y(value: number): number;
  /** the plot area in pixels */
  left: number;
  right: number;
  top: number;
  bottom: number;
}

interface ChartFrameProps {
  x: Axis;
  y: Axis;
  /** what the chart shows, for screen readers */
  title: string;
  width?: number;
  height?: number;
  testId?: string;
  /** the data x under the pointer (null when it leaves): hover on a mouse, drag on a touch screen */
  onPointerX?: (x: number | null) => void;
  children: (scale: Scale) => ReactNode;
}

const MARGIN = { left: 50, right: 12, top: 10, bottom: 36 };

/** Ticks as the charts print them: at most three significant digits, no "-0". */
export function formatTick(value: number): string {
  if (value === 0) return '0';
  const abs = Math.abs(value);
  if (abs >= 1000 || abs < 0.01) return value.toExponential(0).replace('e+', 'e');
  return String(Number(value.toPrecision(3)));
}

/** The scale of a chart of `width` × `height` for two axes. */
export function chartScale(x: Axis, y: Axis, width: number, height: number): Scale {
  const left = MARGIN.left;
  const right = width - MARGIN.right;
  const top = MARGIN.top;
  const bottom = height - MARGIN.bottom;
  const yPos = (v: number): number => {
    if (y.log) {
      const lo = Math.log10(y.min);
      const hi = Math.log10(y.max);
      return bottom - ((Math.log10(Math.max(v, y.min / 1e3)) - lo) / (hi - lo)) * (bottom - top);
    }
    return bottom - ((v - y.min) / (y.max - y.min)) * (bottom - top);
  };
  return { x: (v) => left + ((v - x.min) / (x.max - x.min)) * (right - left), y: yPos, left, right, top, bottom };
}

/**
 * SVG polyline points of `f` over [from, to] in `samples` pieces; values
 * far off the chart are clamped just outside it (the clip hides them) and
 * non-finite ones break nothing: they are left out.
 */
export function curvePoints(f: (x: number) => number, from: number, to: number, scale: Scale, samples = 160): string {
  const parts: string[] = [];
  for (let i = 0; i <= samples; i++) {
    const x = from + ((to - from) * i) / samples;
    const value = f(x);
    if (!Number.isFinite(value)) continue;
    const py = Math.min(Math.max(scale.y(value), scale.top - 50), scale.bottom + 50);
    parts.push(`${scale.x(x).toFixed(1)},${py.toFixed(1)}`);
  }
  return parts.join(' ');
}

/** The data x at a pointer's clientX over an SVG whose viewBox is `width` wide. */
export function dataXAt(clientX: number, rect: { left: number; width: number }, x: Axis, width: number): number | null {
  if (!(rect.width > 0)) return null;
  const px = ((clientX - rect.left) / rect.width) * width;
  const value = x.min + ((px - MARGIN.left) / (width - MARGIN.left - MARGIN.right)) * (x.max - x.min);
  return value < x.min || value > x.max ? null : value;
}

export function ChartFrame({ x, y, title, width = 320, height = 200, testId, onPointerX, children }: ChartFrameProps) {
  const clipId = useId();
  const scale = chartScale(x, y, width, height);
  const fx = x.format ?? formatTick;
  const fy = y.format ?? formatTick;
  const pointer = (event: PointerEvent<SVGSVGElement>): void => {
    onPointerX?.(dataXAt(event.clientX, event.currentTarget.getBoundingClientRect(), x, width));
  };
  const zeroX = x.min < 0 && x.max > 0;
  const zeroY = !y.log && y.min < 0 && y.max > 0;
  return (
    <svg
      className="teach-chart"
      viewBox={`0 0 ${width} ${height}`}
      role="img"
      aria-label={title}
      data-testid={testId}
      onPointerMove={onPointerX ? pointer : undefined}
      onPointerDown={onPointerX ? pointer : undefined}
      onPointerLeave={onPointerX ? () => onPointerX(null) : undefined}
    >
      <defs>
        <clipPath id={clipId}>
          <rect x={scale.left} y={scale.top} width={scale.right - scale.left} height={scale.bottom - scale.top} />
        </clipPath>
      </defs>
      {zeroX && <line className="teach-zero" x1={scale.x(0)} x2={scale.x(0)} y1={scale.top} y2={scale.bottom} />}
      {zeroY && <line className="teach-zero" x1={scale.left} x2={scale.right} y1={scale.y(0)} y2={scale.y(0)} />}
      <g clipPath={`url(#${clipId})`}>{children(scale)}</g>
      <g className="teach-axis" data-testid="axis-x">
        <line x1={scale.left} x2={scale.right} y1={scale.bottom} y2={scale.bottom} />
        {x.ticks.map((tick) => (
          <g key={tick}>
            <line x1={scale.x(tick)} x2={scale.x(tick)} y1={scale.bottom} y2={scale.bottom + 4} />
            <text x={scale.x(tick)} y={scale.bottom + 14} textAnchor="middle">
              {fx(tick)}
            </text>
          </g>
        ))}
        <text className="teach-axis-label" x={(scale.left + scale.right) / 2} y={height - 4} textAnchor="middle">
          {x.label}
        </text>
      </g>
      <g className="teach-axis" data-testid="axis-y">
        <line x1={scale.left} x2={scale.left} y1={scale.top} y2={scale.bottom} />
        {y.ticks.map((tick) => (
          <g key={tick}>
            <line x1={scale.left - 4} x2={scale.left} y1={scale.y(tick)} y2={scale.y(tick)} />
            <text x={scale.left - 6} y={scale.y(tick) + 3.5} textAnchor="end">
              {fy(tick)}
            </text>
          </g>
        ))}
        <text
          className="teach-axis-label"
          transform={`translate(12 ${(scale.top + scale.bottom) / 2}) rotate(-90)`}
          textAnchor="middle"
        >
          {y.label}
        </text>
      </g>
    </svg>
  );
}

/** One legend entry: a swatch in the series' colour (dashed for a derivative) and its name. */
export interface LegendItem {
  label: string;
  color: string;
  dashed?: boolean;
}

/** The legend under a chart, as HTML so it wraps on a phone. */
export function ChartLegend({ items }: { items: readonly LegendItem[] }) {
  return (
    <ul className="teach-legend">
      {items.map((item) => (
        <li key={item.label + String(item.dashed)}>
          <svg width="22" height="8" aria-hidden="true">
            <line x1="1" x2="21" y1="4" y2="4" stroke={item.color} strokeWidth="2.5" strokeDasharray={item.dashed ? '4 3' : undefined} />
          </svg>
          {item.label}
        </li>
      ))}
    </ul>
  );
}
