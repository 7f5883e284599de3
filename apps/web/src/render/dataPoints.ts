/**
 * Training and test points over a heatmap (and in the dataset thumbnails).
 * They change only when the data does, so they live on their own canvas,
 * drawn at the display's pixel density, and are not redrawn per frame.
 */
import { LIMITS, type Dataset, type ProblemType } from '@playroom/engine';
import { classCss, divergingCss } from './colorScale';
import { context2d } from './pixelSurface';

/** Where a data coordinate lands on a square of `sizePx` pixels: x grows right, y grows up. */
export function pointPixel(x: number, y: number, sizePx: number, domain: number = LIMITS.domain): [number, number] {
  return [((x + domain) / (2 * domain)) * sizePx, ((domain - y) / (2 * domain)) * sizePx];
}

/** The inverse of `pointPixel`: the data coordinate under a pixel of a square of `sizePx` pixels. */
export function pixelPoint(px: number, py: number, sizePx: number, domain: number = LIMITS.domain): [number, number] {
  return [(px / sizePx) * 2 * domain - domain, domain - (py / sizePx) * 2 * domain];
}

/** A point's fill: class colour for multiclass, the diverging scale for ±1 labels and regression targets. */
export function pointColor(label: number, problem: ProblemType): string {
  return problem === 'multiclass' ? classCss(label) : divergingCss(label);
}

export interface PointLayer {
  data: Dataset;
  /** outline colour: white for training points, black for test points (the playground's convention) */
  stroke: string | null;
}

/**
 * Clears the canvas and draws the layers, sizing its backing store to
 * `sizePx` CSS pixels at the device pixel ratio.
 */
export function drawPoints(
  canvas: HTMLCanvasElement,
  sizePx: number,
  layers: readonly PointLayer[],
  problem: ProblemType,
  radius: number,
): void {
  const ratio = typeof devicePixelRatio === 'number' && devicePixelRatio > 0 ? devicePixelRatio : 1;
  const backing = Math.round(sizePx * ratio);
  if (canvas.width !== backing) canvas.width = backing;
  if (canvas.height !== backing) canvas.height = backing;
  const ctx = context2d(canvas);
  if (!ctx) return;
  ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
  ctx.clearRect(0, 0, sizePx, sizePx);
  for (const { data, stroke } of layers) {
    ctx.lineWidth = stroke ? 1 : 0;
    if (stroke) ctx.strokeStyle = stroke;
    for (let i = 0; i < data.count; i++) {
      const [px, py] = pointPixel(data.xs[2 * i]!, data.xs[2 * i + 1]!, sizePx);
      ctx.beginPath();
      ctx.arc(px, py, radius, 0, 2 * Math.PI);
      ctx.fillStyle = pointColor(data.labels[i]!, problem);
      ctx.fill();
      if (stroke) ctx.stroke();
    }
  }
}
