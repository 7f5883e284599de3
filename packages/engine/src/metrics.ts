/**
 * What the trainer reports after an epoch: losses, accuracy, the per-layer
 * gradient and weight magnitudes that show vanishing or exploding gradients,
 * and whether training diverged.
 */
import type { Divergence } from './divergence';
import { forwardBlock, type BlockBuffers } from './block-kernels';
import { pointCorrect, pointLoss } from './losses';
import type { Network } from './network';
import { parameterCount } from './network-shape';

export interface Metrics {
  /** completed epochs */
  epoch: number;
  /** mean loss over the training set (for the square losses: the playground's mean of ½(o − y)²) */
  trainLoss: number;
  testLoss: number;
  /** fraction 0–1 of points classified right; classification and multiclass only */
  trainAccuracy?: number;
  testAccuracy?: number;
  /** lowest test loss after any epoch so far (null before the first epoch) */
  bestTestLoss: number | null;
  /** the rate the next updates use (after the schedule) */
  learningRate: number;
  /**
   * per weight layer (entry i = weights into layer i+1, the last is the output
   * layer): mean |dLoss/dw| over the weights and over the updates of the last
   * epoch that had any update
   */
  gradientNorms: number[];
  /** per weight layer: mean |w| */
  weightNorms: number[];
  diverged: Divergence | null;
}

/** Mean loss and accuracy of a network over a featurized set. */
export interface SetEvaluation {
  loss: number;
  /** null when the problem has no accuracy (regression) */
  accuracy: number | null;
}

/**
 * Runs the network on every point of a featurized set (feature-major:
 * feature f of point p at f·count + p), block by block through `buf`. The
 * loss of an empty set is 0, so an empty test set never looks like divergence.
 */
export function evaluateSet(
  network: Network,
  inputs: Float64Array,
  labels: Float64Array,
  count: number,
  withAccuracy: boolean,
  buf: BlockBuffers,
): SetEvaluation {
  if (count === 0) return { loss: 0, accuracy: withAccuracy ? 0 : null };
  const code = network.outputLossCode;
  const k = network.outputCount;
  const base = network.neuronOffsets[network.layerSizes.length - 1]! * buf.stride;
  let loss = 0;
  let correct = 0;
  for (let first = 0; first < count; first += buf.stride) {
    const n = Math.min(buf.stride, count - first);
    forwardBlock(network, inputs, count, first, n, buf);
    for (let q = 0; q < n; q++) {
      const label = labels[first + q]!;
      loss += pointLoss(code, buf.z, buf.a, base + q, k, buf.stride, label);
      if (withAccuracy && pointCorrect(code, buf.a, base + q, k, buf.stride, label)) correct++;
    }
  }
  return { loss: loss / count, accuracy: withAccuracy ? correct / count : null };
}

/** Mean |w| of each weight layer (biases excluded). */
export function weightNorms(network: Network): number[] {
  return weightNormsOf(network.params, network.layerSizes);
}

/**
 * Mean |w| of each weight layer (biases excluded) of parameters in the engine's layout (per layer ≥ 1: its
 * weights, then its biases), e.g. a snapshot's; none when the parameters do not fit the sizes.
 */
export function weightNormsOf(params: ArrayLike<number>, layerSizes: ArrayLike<number>): number[] {
  if (params.length !== parameterCount(layerSizes)) return [];
  const norms: number[] = [];
  let offset = 0;
  for (let l = 1; l < layerSizes.length; l++) {
    const count = layerSizes[l]! * layerSizes[l - 1]!;
    let sum = 0;
    for (let i = offset; i < offset + count; i++) sum += Math.abs(params[i]!);
    norms.push(count === 0 ? 0 : sum / count);
    offset += count + layerSizes[l]!;
  }
  return norms;
}
