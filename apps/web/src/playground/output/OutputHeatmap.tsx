import { useCallback, useEffect, useRef, type PointerEvent } from 'react';
import { LIMITS, type DataSplit, type ProblemType } from '@playroom/engine';
import { drawPoints, pixelPoint, type PointLayer } from '../../render/dataPoints';
import { useElementWidth } from '../common/useElementWidth';
import { useFirstScreenFit } from '../phone/useFirstScreenFit';
import { useHeatmapRenderer } from '../HeatmapContext';

const TICKS = [-6, -4, -2, 0, 2, 4, 6];

interface OutputHeatmapProps {
  data: DataSplit | null;
  problem: ProblemType;
  showTestData: boolean;
  /** no taller than what is left of the first screen (a phone: the output is the first thing to see) */
  fitFirstScreen?: boolean;
  /** draw mode: a tap at data coordinates (x, y); `reach` is a few pixels in data units (for erasing the nearest point) */
  onDraw?(x: number, y: number, reach: number): void;
}

/** How near a point a tap must land to erase it: a fingertip is less precise than a mouse. */
const REACH_PX = { mouse: 8, touch: 18 } as const;

/** The axis labels' room: left of the heatmap and under it (.pg-heatmap-wrap's padding), and a margin under that. */
const AXIS_LEFT = 22;
const AXIS_BELOW = 18;
const MARGIN_BELOW = 6;
/** Smaller than this, a phone shows it this large anyway (and scrolls). */
const MIN_FIT = 180;

/** The large decision-boundary heatmap with the data points on top and −6…6 ticks on both axes. */
export function OutputHeatmap({ data, problem, showTestData, fitFirstScreen = false, onDraw }: OutputHeatmapProps) {
  const renderer = useHeatmapRenderer();
  const wrap = useRef<HTMLDivElement>(null);
  const frame = useRef<HTMLDivElement>(null);
  const fit = useFirstScreenFit(wrap, AXIS_BELOW + MARGIN_BELOW, fitFirstScreen);
  const points = useRef<HTMLCanvasElement>(null);
  const size = useElementWidth(frame, 300);
  const attach = useCallback((canvas: HTMLCanvasElement | null) => renderer?.attachOutput(canvas), [renderer]);

  useEffect(() => {
    if (!points.current) return;
    const layers: PointLayer[] = [];
    if (data) layers.push({ data: data.train, stroke: '#fff' });
    if (data && showTestData) layers.push({ data: data.test, stroke: '#000' });
    // points grow with a large heatmap (the projector), so they stay visible from the back of a room
    drawPoints(points.current, size, layers, problem, size < 260 ? 2.5 : Math.max(3.2, size / 110));
  }, [data, problem, showTestData, size]);

  const draw = (event: PointerEvent<HTMLDivElement>): void => {
    if (!onDraw || !points.current || event.button !== 0) return;
    event.preventDefault(); // no text selection, no emulated mouse events after a touch
    const box = points.current.getBoundingClientRect();
    const width = box.width > 0 ? box.width : size;
    const [x, y] = pixelPoint(event.clientX - box.left, event.clientY - box.top, width);
    if (Math.abs(x) > LIMITS.domain || Math.abs(y) > LIMITS.domain) return;
    onDraw(x, y, (REACH_PX[event.pointerType === 'touch' ? 'touch' : 'mouse'] * 2 * LIMITS.domain) / width);
  };

  const at = (tick: number): string => `${((tick + LIMITS.domain) / (2 * LIMITS.domain)) * 100}%`;
  return (
    <div className="pg-heatmap-wrap" ref={wrap} style={fit === null ? undefined : { width: Math.max(MIN_FIT, fit) + AXIS_LEFT }}>
      <div className="pg-heatmap" ref={frame} data-drawing={onDraw ? true : undefined} onPointerDown={onDraw && draw}>
        <canvas ref={attach} className="pg-heatmap-canvas" data-testid="output-heatmap" />
        <canvas
          ref={points}
          className="pg-points-canvas"
          style={{ width: size, height: size }}
          data-testid="output-points"
          data-points={(data?.train.count ?? 0) + (data && showTestData ? data.test.count : 0)}
        />
      </div>
      <div className="pg-axis-x" aria-hidden="true">
        {TICKS.map((tick) => (
          <span key={tick} style={{ left: at(tick) }}>
            {tick}
          </span>
        ))}
      </div>
      <div className="pg-axis-y" aria-hidden="true">
        {TICKS.map((tick) => (
          <span key={tick} style={{ top: at(-tick) }}>
            {tick}
          </span>
        ))}
      </div>
    </div>
  );
}
