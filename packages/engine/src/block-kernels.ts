/**
 * The network run over a block of points at once: layer by layer, with the
 * innermost loop over the block's points. Long, simple loops are what the
 * JIT makes fast, so training, evaluation and the decision grids all go
 * through here; `Network.forward` / `backward` are the one-point reference.
 *
 * Layout: every buffer is neuron-major, neuron n's value for point q at
 * n·stride + q (n counts all neurons, inputs first). Inputs come from their
 * own feature-major array (feature f of point p at f·inputStride + p).
 *
 * Each per-point result is computed with the same operations in the same
 * order as the one-point path, and gradients are accumulated in example
 * order, so both paths give bit-identical numbers.
 */
import { activateRange, multiplyByDerivativeRange } from './activations';
import { activateOutputBlock, outputDeltaBlock } from './losses';
import { accumulateWeightGradients, linearCombination } from './layer-kernels';
import type { Network } from './network';

/** Preallocated z (pre-activation), a (output) and d (error) buffers for blocks of up to `stride` points. */
export class BlockBuffers {
  readonly z: Float64Array;
  readonly a: Float64Array;
  readonly d: Float64Array;

  constructor(
    neurons: number,
    readonly stride: number,
  ) {
    this.z = new Float64Array(neurons * stride);
    this.a = new Float64Array(neurons * stride);
    this.d = new Float64Array(neurons * stride);
  }
}

/**
 * Forward pass of points [first, first + count) of `inputs` into `buf`
 * (count ≤ buf.stride). Afterwards buf.z holds pre-activations, buf.a the
 * outputs (for softmax: the class probabilities), input rows included in buf.a.
 */
export function forwardBlock(
  net: Network,
  inputs: Float64Array,
  inputStride: number,
  first: number,
  count: number,
  buf: BlockBuffers,
): void {
  const { z, a, stride } = buf;
  const params = net.params;
  const sizes = net.layerSizes;
  const starts = net.neuronOffsets;
  const inputCount = sizes[0]!;
  for (let f = 0; f < inputCount; f++) {
    const from = f * inputStride + first;
    const to = f * stride;
    for (let q = 0; q < count; q++) a[to + q] = inputs[from + q]!;
  }
  const last = sizes.length - 1;
  for (let l = 1; l <= last; l++) {
    const fanIn = sizes[l - 1]!;
    const size = sizes[l]!;
    const inBase = starts[l - 1]! * stride;
    const outBase = starts[l]! * stride;
    const w = net.layerOffsets[l]!;
    const b = w + fanIn * size;
    for (let j = 0; j < size; j++) {
      const zj = outBase + j * stride;
      linearCombination(z, zj, params[b + j]!, params, w + j * fanIn, 1, fanIn, a, inBase, stride, count);
      if (l < last) activateRange(net.activationCodes[l]!, z, a, zj, zj + count);
    }
  }
  activateOutputBlock(net.outputLossCode, z, a, starts[last]! * stride, sizes[last]!, stride, count);
}

/**
 * Backpropagates the block last run by `forwardBlock` against
 * labels[first .. first + count) and adds dLoss/dparam into `net.grads`,
 * example after example.
 */
export function backwardBlock(net: Network, labels: Float64Array, first: number, count: number, buf: BlockBuffers): void {
  const { z, a, d, stride } = buf;
  const { params, grads } = net;
  const sizes = net.layerSizes;
  const starts = net.neuronOffsets;
  const last = sizes.length - 1;
  outputDeltaBlock(net.outputLossCode, a, d, starts[last]! * stride, sizes[last]!, stride, count, labels, first);
  for (let l = last; l >= 1; l--) {
    const fanIn = sizes[l - 1]!;
    const size = sizes[l]!;
    const inBase = starts[l - 1]! * stride;
    const outBase = starts[l]! * stride;
    const wStart = net.layerOffsets[l]!;
    const b = wStart + size * fanIn;
    for (let j = 0; j < size; j++) {
      const dj = outBase + j * stride;
      let gb = grads[b + j]!;
      for (let q = 0; q < count; q++) gb += d[dj + q]!;
      grads[b + j] = gb;
      accumulateWeightGradients(grads, wStart + j * fanIn, fanIn, d, dj, a, inBase, stride, count);
    }
    if (l === 1) break;
    // d[l−1][i] = Σ_j w[j][i]·d[l][j], summed from 0 over j as in Network.backward
    for (let i = 0; i < fanIn; i++) {
      linearCombination(d, inBase + i * stride, 0, params, wStart + i, fanIn, size, d, outBase, stride, count);
    }
    const code = net.activationCodes[l - 1]!;
    for (let i = 0; i < fanIn; i++) {
      const di = inBase + i * stride;
      multiplyByDerivativeRange(code, z, a, d, di, di + count);
    }
  }
}
