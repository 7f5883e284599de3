/**
 * Whether gradients reach the first layers (issue 12, the gradient view):
 * each layer's gradient norm over the output layer's. Far below 1 the first
 * layers barely learn (vanishing); far above, their updates blow up
 * (exploding). The class sees a warning past GRADIENT_WARNING_RATIO either way.
 */

/** 10,000: gradients near the input at 1/10,000 of the output's (or 10,000×) are worth a warning. */
export const GRADIENT_WARNING_RATIO = 1e4;

export type GradientTrouble = 'vanishing' | 'exploding';

export interface GradientHealth {
  /** per weight layer, input side first, its gradient norm over the output layer's (the last is 1); null when the output's is 0 (not trained yet) */
  layerRatios: (number | null)[];
  /** the first layer's ratio, or null */
  inputRatio: number | null;
  trouble: GradientTrouble | null;
}

/** From the metrics' gradient norms (one per weight layer, input side first). A network without hidden layers has nothing to compare. */
export function gradientHealth(gradientNorms: readonly number[]): GradientHealth {
  const output = gradientNorms[gradientNorms.length - 1];
  const comparable = gradientNorms.length >= 2 && output !== undefined && Number.isFinite(output) && output > 0;
  const layerRatios = gradientNorms.map((norm) => (comparable && Number.isFinite(norm) ? norm / output : null));
  const inputRatio = layerRatios.length >= 2 ? layerRatios[0]! : null;
  const trouble: GradientTrouble | null =
    inputRatio === null ? null : inputRatio < 1 / GRADIENT_WARNING_RATIO ? 'vanishing' : inputRatio > GRADIENT_WARNING_RATIO ? 'exploding' : null;
  return { layerRatios, inputRatio, trouble };
}
