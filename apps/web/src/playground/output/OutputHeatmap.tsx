import { useCallback, useEffect, useRef } from 'react';
import { LIMITS, type DataSplit, type ProblemType } from '@playroom/engine';
import { drawPoints, type PointLayer } from '../../render/dataPoints';
import { useElementWidth } from '../common/useElementWidth';
import { useHeatmapRenderer } from '../HeatmapContext';

const TICKS = [-6, -4, -2, 0, 2, 4, 6];

interface OutputHeatmapProps {
  data: DataSplit | null;
  problem: ProblemType;
  showTestData: boolean;
}

/** The large decision-boundary heatmap with the data points on top and −6…6 ticks on both axes. */
export function OutputHeatmap({ data, problem, showTestData }: OutputHeatmapProps) {
  const renderer = useHeatmapRenderer();
  const frame = useRef<HTMLDivElement>(null);
  const points = useRef<HTMLCanvasElement>(null);
  const size = useElementWidth(frame, 300);
  const attach = useCallback((canvas: HTMLCanvasElement | null) => renderer?.attachOutput(canvas), [renderer]);

  useEffect(() => {
    if (!points.current || !data) return;
    const layers: PointLayer[] = [{ data: data.train, stroke: '#fff' }];
    if (showTestData) layers.push({ data: data.test, stroke: '#000' });
    // points grow with a large heatmap (the projector), so they stay visible from the back of a room
    drawPoints(points.current, size, layers, problem, size < 260 ? 2.5 : Math.max(3.2, size / 110));
  }, [data, problem, showTestData, size]);

  const at = (tick: number): string => `${((tick + LIMITS.domain) / (2 * LIMITS.domain)) * 100}%`;
  return (
    <div className="pg-heatmap-wrap">
      <div className="pg-heatmap" ref={frame}>
        <canvas ref={attach} className="pg-heatmap-canvas" data-testid="output-heatmap" />
        <canvas ref={points} className="pg-points-canvas" style={{ width: size, height: size }} />
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
