/** One point of the loss chart. */
export interface LossPoint {
  epoch: number;
  trainLoss: number;
  testLoss: number;
}

/** How many points the chart keeps; beyond it the history is thinned by half. */
export const MAX_LOSS_POINTS = 400;

/**
 * Adds a point to a loss history, returning a new array.
 * A point at an earlier epoch than the last starts a new history (the session
 * was reset); a point at the same epoch replaces the last. When the history
 * grows past `max`, every other old point is dropped, so a long run keeps its
 * whole shape at a coarser resolution and the array never grows without bound.
 */
export function appendLossPoint(history: readonly LossPoint[], point: LossPoint, max = MAX_LOSS_POINTS): LossPoint[] {
  const last = history[history.length - 1];
  if (!Number.isFinite(point.trainLoss) || !Number.isFinite(point.testLoss)) return history.slice();
  if (last && point.epoch < last.epoch) return [point];
  if (last && point.epoch === last.epoch) return [...history.slice(0, -1), point];
  const next = [...history, point];
  if (next.length <= max) return next;
  const thinned: LossPoint[] = [];
  for (let i = 0; i < next.length - 1; i += 2) thinned.push(next[i] as LossPoint);
  thinned.push(point);
  return thinned;
}
