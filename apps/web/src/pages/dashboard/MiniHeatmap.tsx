import { useEffect, useRef } from 'react';
import type { ForkPreview } from '@playroom/protocol';
import { MINI_HEATMAP_SIZE, miniHeatmaps } from '../../render/miniHeatmaps';

/** A fork's output heatmap from its preview (SUM-2), redrawn only when the preview changes. */
export function MiniHeatmap({ preview, label }: { preview: ForkPreview | undefined; label: string }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const element = canvas.current;
    if (!element || !preview) return;
    miniHeatmaps.request(element, preview);
    return () => miniHeatmaps.forget(element);
  }, [preview]);
  return (
    <canvas
      ref={canvas}
      className="fork-card-heatmap"
      data-testid="fork-heatmap"
      data-drawn={preview ? 'yes' : 'no'}
      width={MINI_HEATMAP_SIZE}
      height={MINI_HEATMAP_SIZE}
      role="img"
      aria-label={label}
    />
  );
}
