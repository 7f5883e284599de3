/**
 * Output units and their losses, in pairs (see `OutputLossId` in config.ts).
 * `OUTPUT_LOSSES` describes them as data; the kernels below are what the
 * network runs per example, on its flat buffers, with no allocation.
 *
 * Losses are per example; the reported train/test loss is their mean, so for
 * the square losses it is the playground's mean of ½(o − y)².
 */
import { OUTPUT_LOSS_IDS, type OutputLossId } from './config';

export interface OutputLoss {
  /** the output layer's activation */
  output: 'tanh' | 'linear' | 'sigmoid' | 'softmax';
  /** one output neuron, or one per class */
  outputs: 'single' | 'perClass';
  /** the loss, written out for people */
  formula: string;
}

export const OUTPUT_LOSSES: Record<OutputLossId, OutputLoss> = {
  'tanh-square': { output: 'tanh', outputs: 'single', formula: '½(o − y)², y = ±1' },
  'linear-square': { output: 'linear', outputs: 'single', formula: '½(o − y)²' },
  'sigmoid-xent': { output: 'sigmoid', outputs: 'single', formula: '−t·log o − (1 − t)·log(1 − o), t = (y + 1)/2' },
  'softmax-xent': { output: 'softmax', outputs: 'perClass', formula: '−log o[y], y = class index' },
};

/** Small integer codes of the output/loss pairs, for the kernels' `switch`. */
export const OutputLossCode = Object.fromEntries(OUTPUT_LOSS_IDS.map((id, i) => [id, i])) as Record<
  OutputLossId,
  number
>;

const TANH_SQUARE = OutputLossCode['tanh-square'];
const LINEAR_SQUARE = OutputLossCode['linear-square'];
const SIGMOID_XENT = OutputLossCode['sigmoid-xent'];
const SOFTMAX_XENT = OutputLossCode['softmax-xent'];

/** a[start..start+k) = output activation of z[start..start+k); `a` may be `z`. */
export function activateOutput(code: number, z: Float64Array, a: Float64Array, start: number, k: number): void {
  switch (code) {
    case TANH_SQUARE:
      a[start] = Math.tanh(z[start]!);
      return;
    case LINEAR_SQUARE:
      a[start] = z[start]!;
      return;
    case SIGMOID_XENT:
      a[start] = 1 / (1 + Math.exp(-z[start]!));
      return;
    case SOFTMAX_XENT: {
      const end = start + k;
      let max = -Infinity;
      for (let i = start; i < end; i++) if (z[i]! > max) max = z[i]!;
      let sum = 0;
      for (let i = start; i < end; i++) {
        const e = Math.exp(z[i]! - max);
        a[i] = e;
        sum += e;
      }
      for (let i = start; i < end; i++) a[i]! /= sum;
      return;
    }
    default:
      throw new RangeError(`unknown output/loss code ${code}`);
  }
}

/** The loss of one example, from the output layer's pre-activations `z` and outputs `a`. */
export function exampleLoss(code: number, z: Float64Array, a: Float64Array, start: number, k: number, label: number): number {
  switch (code) {
    case TANH_SQUARE:
    case LINEAR_SQUARE: {
      const d = a[start]! - label;
      return 0.5 * d * d;
    }
    case SIGMOID_XENT: {
      // softplus(z) − t·z, written to stay finite for any z
      const x = z[start]!;
      const t = label > 0 ? 1 : 0;
      return Math.max(x, 0) - t * x + Math.log1p(Math.exp(-Math.abs(x)));
    }
    case SOFTMAX_XENT: {
      const end = start + k;
      let max = -Infinity;
      for (let i = start; i < end; i++) if (z[i]! > max) max = z[i]!;
      let sum = 0;
      for (let i = start; i < end; i++) sum += Math.exp(z[i]! - max);
      return max + Math.log(sum) - z[start + label]!;
    }
    default:
      throw new RangeError(`unknown output/loss code ${code}`);
  }
}

/** delta[start..start+k) = dLoss/dz of one example (the output layer's error signal). */
export function outputDelta(
  code: number,
  a: Float64Array,
  delta: Float64Array,
  start: number,
  k: number,
  label: number,
): void {
  switch (code) {
    case TANH_SQUARE: {
      // the playground: dL/do = o − y, times tanh'(z) = 1 − o²
      const o = a[start]!;
      delta[start] = (o - label) * (1 - o * o);
      return;
    }
    case LINEAR_SQUARE:
      delta[start] = a[start]! - label;
      return;
    case SIGMOID_XENT:
      delta[start] = a[start]! - (label > 0 ? 1 : 0);
      return;
    case SOFTMAX_XENT: {
      for (let i = 0; i < k; i++) delta[start + i] = a[start + i]! - (i === label ? 1 : 0);
      return;
    }
    default:
      throw new RangeError(`unknown output/loss code ${code}`);
  }
}

/** Whether the output classifies the example right (sign for ±1 labels, argmax for classes). */
export function isCorrect(code: number, a: Float64Array, start: number, k: number, label: number): boolean {
  switch (code) {
    case TANH_SQUARE:
    case LINEAR_SQUARE:
      return a[start]! >= 0 === label >= 0;
    case SIGMOID_XENT:
      return a[start]! >= 0.5 === label > 0;
    case SOFTMAX_XENT:
      return argmax(a, start, k) === label;
    default:
      throw new RangeError(`unknown output/loss code ${code}`);
  }
}

/** Index (0..k-1) of the largest of a[start..start+k); the first one on ties. */
export function argmax(a: ArrayLike<number>, start: number, k: number): number {
  let best = 0;
  let bestValue = a[start]!;
  for (let i = 1; i < k; i++) {
    const v = a[start + i]!;
    if (v > bestValue) {
      bestValue = v;
      best = i;
    }
  }
  return best;
}
