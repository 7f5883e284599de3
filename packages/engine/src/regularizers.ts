/**
 * Weight penalties, as `{ f, df }` data like the playground, and the in-place
 * step the optimizer applies after each update. Biases are never penalized.
 */
import { REGULARIZATION_IDS, type RegularizationId } from './config';

export interface Regularizer {
  /** the penalty of one weight */
  f(w: number): number;
  /** its derivative */
  df(w: number): number;
}

export const REGULARIZERS: Record<RegularizationId, Regularizer> = {
  none: { f: () => 0, df: () => 0 },
  l1: { f: (w) => Math.abs(w), df: (w) => (w < 0 ? -1 : w > 0 ? 1 : 0) },
  l2: { f: (w) => 0.5 * w * w, df: (w) => w },
};

/** Small integer codes of the regularizers, for the `switch` in `regularizeRange`. */
export const RegularizerCode = Object.fromEntries(REGULARIZATION_IDS.map((id, i) => [id, i])) as Record<
  RegularizationId,
  number
>;

const L1 = RegularizerCode.l1;
const L2 = RegularizerCode.l2;

/**
 * The weight after the penalty step that follows a gradient step, exactly as
 * the playground does it: `updated − step·df(old)`, where `old` is the weight
 * before the gradient step and step = learning rate × regularization rate.
 * L1 sets a weight that would cross zero to exactly 0 (the playground's
 * `w·w_new < 0` rule), which is what makes L1 produce sparse networks.
 *
 * Unlike the playground we do not mark such a weight "dead" forever: the next
 * gradient step may revive it, and L1 zeroes it again unless its gradient
 * outweighs the penalty. That is the proximal (soft-threshold) form of L1, and
 * it needs no extra state.
 */
export function regularizedWeight(code: number, old: number, updated: number, step: number): number {
  if (code === L1) {
    const next = updated - step * (old < 0 ? -1 : old > 0 ? 1 : 0);
    return updated * next < 0 ? 0 : next;
  }
  if (code === L2) return updated - step * old;
  return updated;
}
