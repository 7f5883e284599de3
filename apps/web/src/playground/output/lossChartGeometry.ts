/**
 * The loss chart as numbers: SVG polyline points for both curves and the
 * axis ticks, for a given box. Missing losses (null: a diverged run) are
 * left out rather than drawn off the chart.
 */

import type { LossPoint } from '@playroom/engine';

export interface ChartBox {
  width: number;
  height: number;
  /** room for the axis labels */
  left: number;
  bottom: number;
  top: number;
  right: number;
}

export interface LossChartGeometry {
  train: string;
  test: string;
  xMin: number;
  xMax: number;
  yMax: number;
  yTicks: number[];
  /** pixel y of a loss value, for tick marks */
  yOf(loss: number): number;
}

/** A "nice" upper bound for the y axis: 1, 2 or 5 times a power of ten, at least the largest loss. */
export function niceCeiling(value: number): number {
  if (!(value > 0) || !Number.isFinite(value)) return 1;
  const power = 10 ** Math.floor(Math.log10(value));
  for (const step of [1, 2, 5, 10]) if (step * power >= value) return step * power;
  return 10 * power;
}

/**
 * The chart for `history` in `box`. The x axis always starts at epoch 0, as
 * the playground's does: a curve's first point is the first epoch trained
 * (1 on the server), and an axis starting there would hide how far training came.
 */
export function lossChartGeometry(history: readonly LossPoint[], box: ChartBox): LossChartGeometry {
  const xMin = 0;
  let xMax = 0;
  let highest = 0;
  for (const point of history) {
    xMax = Math.max(xMax, point.epoch);
    if (point.trainLoss !== null) highest = Math.max(highest, point.trainLoss);
    if (point.testLoss !== null) highest = Math.max(highest, point.testLoss);
  }
  if (xMax === xMin) xMax = xMin + 1;
  const yMax = niceCeiling(highest);
  const plotWidth = box.width - box.left - box.right;
  const plotHeight = box.height - box.top - box.bottom;
  const xOf = (epoch: number): number => box.left + ((epoch - xMin) / (xMax - xMin)) * plotWidth;
  const yOf = (loss: number): number => box.top + (1 - Math.min(loss, yMax) / yMax) * plotHeight;
  const curve = (pick: (p: LossPoint) => number | null): string => {
    const parts: string[] = [];
    for (const point of history) {
      const loss = pick(point);
      if (loss !== null) parts.push(`${xOf(point.epoch).toFixed(1)},${yOf(loss).toFixed(1)}`);
    }
    return parts.join(' ');
  };
  return {
    train: curve((p) => p.trainLoss),
    test: curve((p) => p.testLoss),
    xMin,
    xMax,
    yMax,
    yTicks: [0, yMax / 2, yMax],
    yOf,
  };
}
