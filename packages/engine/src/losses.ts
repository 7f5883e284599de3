/**
 * Output units and their losses, in pairs (see `OutputLossId` in config.ts).
 * `OUTPUT_LOSSES` describes them as data; the kernels below are what the
 * network runs per example, on its flat buffers, with no allocation.
 *
 * Losses are per example; the reported train/test loss is their mean, so for
 * the square losses it is the playground's mean of ½(o − y)².
 */
import { ActivationCode, activateRange } from './activations';
import { OUTPUT_LOSS_IDS, type OutputLossId } from './config';
import { exp } from './exp-math';

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

// The kernels below address output neuron c of point q at base + c·stride + q
// (see block-kernels.ts); the one-example functions are the stride-1 case.

/** a = output activation of z for `count` points (k output neurons each); `a` may be `z`. */
export function activateOutputBlock(
  code: number,
  z: Float64Array,
  a: Float64Array,
  base: number,
  k: number,
  stride: number,
  count: number,
): void {
  switch (code) {
    case TANH_SQUARE:
      activateRange(ActivationCode.tanh, z, a, base, base + count);
      return;
    case LINEAR_SQUARE:
      activateRange(ActivationCode.linear, z, a, base, base + count);
      return;
    case SIGMOID_XENT:
      activateRange(ActivationCode.sigmoid, z, a, base, base + count);
      return;
    case SOFTMAX_XENT:
      for (let q = base; q < base + count; q++) {
        const end = q + k * stride;
        let max = -Infinity;
        for (let i = q; i < end; i += stride) if (z[i]! > max) max = z[i]!;
        let sum = 0;
        for (let i = q; i < end; i += stride) {
          const e = exp(z[i]! - max);
          a[i] = e;
          sum += e;
        }
        for (let i = q; i < end; i += stride) a[i]! /= sum;
      }
      return;
    default:
      throw new RangeError(`unknown output/loss code ${code}`);
  }
}

/** The loss of the point whose first output neuron is at `at`. */
export function pointLoss(
  code: number,
  z: Float64Array,
  a: Float64Array,
  at: number,
  k: number,
  stride: number,
  label: number,
): number {
  switch (code) {
    case TANH_SQUARE:
    case LINEAR_SQUARE: {
      const d = a[at]! - label;
      return 0.5 * d * d;
    }
    case SIGMOID_XENT: {
      // softplus(z) − t·z, written to stay finite for any z
      const x = z[at]!;
      const t = label > 0 ? 1 : 0;
      return Math.max(x, 0) - t * x + Math.log1p(exp(-Math.abs(x)));
    }
    case SOFTMAX_XENT: {
      const end = at + k * stride;
      let max = -Infinity;
      for (let i = at; i < end; i += stride) if (z[i]! > max) max = z[i]!;
      let sum = 0;
      for (let i = at; i < end; i += stride) sum += exp(z[i]! - max);
      return max + Math.log(sum) - z[at + label * stride]!;
    }
    default:
      throw new RangeError(`unknown output/loss code ${code}`);
  }
}

/** Writes dLoss/dz of the point whose first output neuron is at `at` (the output layer's error signal). */
export function pointOutputDelta(
  code: number,
  a: Float64Array,
  delta: Float64Array,
  at: number,
  k: number,
  stride: number,
  label: number,
): void {
  switch (code) {
    case TANH_SQUARE: {
      // the playground: dL/do = o − y, times tanh'(z) = 1 − o²
      const o = a[at]!;
      delta[at] = (o - label) * (1 - o * o);
      return;
    }
    case LINEAR_SQUARE:
      delta[at] = a[at]! - label;
      return;
    case SIGMOID_XENT:
      delta[at] = a[at]! - (label > 0 ? 1 : 0);
      return;
    case SOFTMAX_XENT:
      for (let c = 0; c < k; c++) delta[at + c * stride] = a[at + c * stride]! - (c === label ? 1 : 0);
      return;
    default:
      throw new RangeError(`unknown output/loss code ${code}`);
  }
}

/** The output error signal of `count` points against labels[first ..]. */
export function outputDeltaBlock(
  code: number,
  a: Float64Array,
  delta: Float64Array,
  base: number,
  k: number,
  stride: number,
  count: number,
  labels: Float64Array,
  first: number,
): void {
  for (let q = 0; q < count; q++) pointOutputDelta(code, a, delta, base + q, k, stride, labels[first + q]!);
}

/** Whether the point whose first output neuron is at `at` is classified right (sign for ±1 labels, argmax for classes). */
export function pointCorrect(code: number, a: Float64Array, at: number, k: number, stride: number, label: number): boolean {
  switch (code) {
    case TANH_SQUARE:
    case LINEAR_SQUARE:
      return a[at]! >= 0 === label >= 0;
    case SIGMOID_XENT:
      return a[at]! >= 0.5 === label > 0;
    case SOFTMAX_XENT: {
      let best = 0;
      for (let c = 1; c < k; c++) if (a[at + c * stride]! > a[at + best * stride]!) best = c;
      return best === label;
    }
    default:
      throw new RangeError(`unknown output/loss code ${code}`);
  }
}
