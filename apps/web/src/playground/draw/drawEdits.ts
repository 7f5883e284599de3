/**
 * What the draw tools do to a list of custom points (engine config
 * `customPoints`), apart from the components so the rules are tested:
 * where drawing starts, adding one point, erasing the nearest, the limit.
 */
import { LIMITS, type CustomPoint, type DataSplit, type Dataset, type ProblemType, type TrainerConfig } from '@playroom/engine';

/** What a tap on the heatmap does while drawing. */
export type DrawTool = 'add' | 'erase';

/**
 * Coordinates and regression values are kept to two decimals: 0.01 is well under a pixel on the
 * largest heatmap, and a full set of 2,000 points is then a message of
 * about 80 KB, far under the wire's 256 KiB (LIM-2).
 */
const round2 = (value: number): number => Math.round(value * 100) / 100;
const clampToDomain = (value: number): number => Math.max(-LIMITS.domain, Math.min(LIMITS.domain, value));

/** A point at a position (kept inside the [-6, 6]² domain) with a label, all rounded (a class or ±1 stays as it is). */
export function customPoint(x: number, y: number, label: number): CustomPoint {
  return { x: round2(clampToDomain(x)), y: round2(clampToDomain(y)), label: round2(label) };
}

function pointsOf(data: Dataset): CustomPoint[] {
  return Array.from({ length: data.count }, (_, i) => customPoint(data.xs[2 * i]!, data.xs[2 * i + 1]!, data.labels[i]!));
}

/**
 * The points drawing starts from. A custom dataset: its own points. A
 * generated one: the points it shows now, training and test alike, because
 * a teacher who says "add a few orange points in the blue corner and watch
 * the boundary bend" expects the class's circle to stay where it was, with
 * the new points on top; starting from an empty square would throw away the
 * lesson's data at the first tap (Clear is one button away for a fresh
 * start). The generated sets hold 500 or 1,200 points, under the limit; the
 * slice only guards it.
 */
export function startingPoints(config: Pick<TrainerConfig, 'dataset' | 'customPoints'>, data: DataSplit | null): CustomPoint[] {
  if (config.dataset === 'custom') return config.customPoints ?? [];
  if (!data) return [];
  return [...pointsOf(data.train), ...pointsOf(data.test)].slice(0, LIMITS.maxCustomPoints);
}

/** Whether no further point fits (LIMITS.maxCustomPoints). */
export function isFull(points: readonly CustomPoint[]): boolean {
  return points.length >= LIMITS.maxCustomPoints;
}

/** The list with one more point, or null when it is full (nothing is added). */
export function withPoint(points: readonly CustomPoint[], point: CustomPoint): CustomPoint[] | null {
  return isFull(points) ? null : [...points, point];
}

/** The list without the point nearest (x, y), if one lies within `reach` (data units); null when none does. */
export function withoutNearest(points: readonly CustomPoint[], x: number, y: number, reach: number): CustomPoint[] | null {
  let nearest = -1;
  let best = reach * reach;
  points.forEach((point, i) => {
    const distance = (point.x - x) ** 2 + (point.y - y) ** 2;
    if (distance <= best) {
      best = distance;
      nearest = i;
    }
  });
  return nearest < 0 ? null : points.filter((_, i) => i !== nearest);
}

/**
 * The labels a tap can give, one button each: −1 (orange) and +1 (blue) for
 * classification, the classes 0–3 for multiclass (the engine's most, so a
 * class can be added to a two- or three-class set), and for regression none:
 * the value comes from a slider (`REGRESSION_VALUES`).
 */
export function brushLabels(problem: ProblemType): readonly number[] {
  switch (problem) {
    case 'classification':
      return [-1, 1];
    case 'multiclass':
      return Array.from({ length: LIMITS.maxClasses }, (_, c) => c);
    case 'regression':
      return [];
  }
}

/** The regression brush's slider: a target value in [-1, 1] (what the engine accepts), in tenths. */
export const REGRESSION_VALUES = { min: -1, max: 1, step: 0.1 } as const;

/** The label a new point gets at first: blue (+1), class 0, or the value 1. */
export function firstLabel(problem: ProblemType): number {
  switch (problem) {
    case 'classification':
      return 1;
    case 'multiclass':
      return 0;
    case 'regression':
      return REGRESSION_VALUES.max;
  }
}
