import { parameterCount } from '@playroom/protocol';

/**
 * Mean |w| of the weights into each layer ≥ 1 (biases excluded), in the
 * engine's layout: per layer, its weights then its biases. Snapshots carry
 * gradient norms but not these, and they are cheap to recompute.
 */
export function weightNormsOf(params: ArrayLike<number>, layerSizes: readonly number[]): number[] {
  if (params.length !== parameterCount(layerSizes)) return [];
  const norms: number[] = [];
  let offset = 0;
  for (let l = 1; l < layerSizes.length; l++) {
    const weights = layerSizes[l]! * layerSizes[l - 1]!;
    let sum = 0;
    for (let i = 0; i < weights; i++) sum += Math.abs(params[offset + i]!);
    norms.push(weights > 0 ? sum / weights : 0);
    offset += weights + layerSizes[l]!;
  }
  return norms;
}
