/**
 * A fully connected network on flat typed arrays. All parameters live in one
 * `Float64Array` (layout in README.md: per layer, the weights row-major by
 * destination neuron, then the biases); activations, pre-activations, error
 * signals and accumulated gradients live in preallocated buffers, so a
 * forward or backward pass allocates nothing.
 *
 * The arithmetic follows the playground's nn.ts operation for operation (sum
 * order included), so on its configurations it computes the same numbers.
 */
import { ActivationCode, activateRange, multiplyByDerivativeRange } from './activations';
import type { ActivationId, InitId, OutputLossId } from './config';
import { OUTPUT_LOSSES, OutputLossCode, activateOutputBlock, pointCorrect, pointLoss, pointOutputDelta } from './losses';
import { layerParameterOffsets } from './network-shape';
import type { Rng } from './rng';

/** The shape of a network: what `new Network` needs besides the parameter values. */
export interface NetworkShape {
  /** [inputs, ...hidden, outputs] */
  layerSizes: readonly number[];
  /** one activation per hidden layer */
  hiddenActivations: readonly ActivationId[];
  outputLoss: OutputLossId;
}

export class Network implements NetworkShape {
  readonly layerSizes: readonly number[];
  readonly hiddenActivations: readonly ActivationId[];
  readonly outputLoss: OutputLossId;
  /** layer l's parameters are params[layerOffsets[l], layerOffsets[l + 1]) for l ≥ 1; layerOffsets[0] = 0 */
  readonly layerOffsets: readonly number[];
  /** layer l's neurons are at neuronOffsets[l] .. in `outputs`, `preActivations` and `deltas` */
  readonly neuronOffsets: readonly number[];
  readonly params: Float64Array;
  /** dLoss/dparam summed over the examples since the last optimizer step */
  readonly grads: Float64Array;
  /** every neuron's output after `forward` (inputs first) */
  readonly outputs: Float64Array;
  /** every neuron's weighted input plus bias after `forward` */
  readonly preActivations: Float64Array;
  /** dLoss/d(pre-activation) per neuron after `backward` */
  readonly deltas: Float64Array;
  /** activation code per layer (index 0 unused; the last layer's output comes from `outputLossCode`) */
  readonly activationCodes: Int32Array;
  readonly outputLossCode: number;

  // Typed copies of the shape for the hot loops (no bounds-checked JS arrays).
  private readonly sizes: Int32Array;
  private readonly offsets: Int32Array;
  private readonly starts: Int32Array;

  /** A network of the given shape with all parameters 0 (see `Network.create` for initialization). */
  constructor(shape: NetworkShape) {
    const sizes = shape.layerSizes;
    if (sizes.length < 2) throw new RangeError('a network needs an input and an output layer');
    if (shape.hiddenActivations.length !== sizes.length - 2) {
      throw new RangeError(`need ${sizes.length - 2} hidden activations, got ${shape.hiddenActivations.length}`);
    }
    this.layerSizes = [...sizes];
    this.hiddenActivations = [...shape.hiddenActivations];
    this.outputLoss = shape.outputLoss;
    const layerOffsets = layerParameterOffsets(sizes);
    const paramCount = layerOffsets.at(-1)!;
    const neuronOffsets = [0];
    let neuronCount = sizes[0]!;
    for (let l = 1; l < sizes.length; l++) {
      neuronOffsets.push(neuronCount);
      neuronCount += sizes[l]!;
    }
    this.layerOffsets = layerOffsets;
    this.neuronOffsets = neuronOffsets;
    this.params = new Float64Array(paramCount);
    this.grads = new Float64Array(paramCount);
    this.outputs = new Float64Array(neuronCount);
    this.preActivations = new Float64Array(neuronCount);
    this.deltas = new Float64Array(neuronCount);
    this.activationCodes = new Int32Array(sizes.length);
    shape.hiddenActivations.forEach((id, i) => {
      const code = ActivationCode[id];
      if (code === undefined) throw new RangeError(`unknown activation "${id}"`);
      this.activationCodes[i + 1] = code;
    });
    const lossCode = OutputLossCode[shape.outputLoss];
    if (lossCode === undefined) throw new RangeError(`unknown output/loss "${shape.outputLoss}"`);
    this.outputLossCode = lossCode;
    const outputs = sizes[sizes.length - 1]!;
    if (OUTPUT_LOSSES[shape.outputLoss].outputs === 'single' && outputs !== 1) {
      throw new RangeError(`${shape.outputLoss} has one output neuron, got ${outputs}`);
    }
    this.sizes = Int32Array.from(sizes);
    this.offsets = Int32Array.from(layerOffsets);
    this.starts = Int32Array.from(neuronOffsets);
  }

  /**
   * A network initialized like the playground: weights U(−0.5, 0.5) drawn in
   * parameter order and biases 0.1, or everything 0 for 'zero'.
   */
  static create(shape: NetworkShape, init: InitId, rng: Rng): Network {
    const net = new Network(shape);
    if (init === 'uniform') {
      const sizes = net.layerSizes;
      for (let l = 1; l < sizes.length; l++) {
        const weights = sizes[l]! * sizes[l - 1]!;
        const start = net.layerOffsets[l]!;
        for (let i = 0; i < weights; i++) net.params[start + i] = rng.next() - 0.5;
        for (let j = 0; j < sizes[l]!; j++) net.params[start + weights + j] = 0.1;
      }
    }
    return net;
  }

  /** Sets every bias position of `values` (parameters or gradients in this network's layout) to 0. */
  clearBiases(values: Float64Array): void {
    for (let l = 1; l < this.sizes.length; l++) {
      values.fill(0, this.offsets[l]! + this.sizes[l]! * this.sizes[l - 1]!, this.offsets[l + 1]!);
    }
  }

  /** Number of inputs (features). */
  get inputCount(): number {
    return this.sizes[0]!;
  }

  /** Number of output neurons (1, or the number of classes for softmax). */
  get outputCount(): number {
    return this.sizes[this.sizes.length - 1]!;
  }

  /** Position in `params` of the weight from neuron `from` of layer l−1 to neuron `to` of layer l (l ≥ 1). */
  weightIndex(layer: number, to: number, from: number): number {
    this.checkNeuron(layer, to);
    const fanIn = this.layerSizes[layer - 1]!;
    if (!Number.isInteger(from) || from < 0 || from >= fanIn) {
      throw new RangeError(`layer ${layer - 1} has neurons 0..${fanIn - 1}, got ${from}`);
    }
    return this.layerOffsets[layer]! + to * fanIn + from;
  }

  /** Position in `params` of the bias of neuron `to` of layer l (l ≥ 1). */
  biasIndex(layer: number, to: number): number {
    this.checkNeuron(layer, to);
    return this.layerOffsets[layer]! + this.layerSizes[layer]! * this.layerSizes[layer - 1]! + to;
  }

  private checkNeuron(layer: number, to: number): void {
    if (!Number.isInteger(layer) || layer < 1 || layer >= this.layerSizes.length) {
      throw new RangeError(`layer must be 1..${this.layerSizes.length - 1}, got ${layer}`);
    }
    const size = this.layerSizes[layer]!;
    if (!Number.isInteger(to) || to < 0 || to >= size) {
      throw new RangeError(`layer ${layer} has neurons 0..${size - 1}, got ${to}`);
    }
  }

  /** Runs the network on input[offset .. offset + inputCount); results in `outputs`. */
  forward(input: ArrayLike<number>, offset = 0): void {
    const { sizes, offsets, starts, params, outputs: a, preActivations: z } = this;
    const n0 = sizes[0]!;
    for (let i = 0; i < n0; i++) a[i] = input[offset + i]!;
    const last = sizes.length - 1;
    for (let l = 1; l <= last; l++) {
      const fanIn = sizes[l - 1]!;
      const size = sizes[l]!;
      const inStart = starts[l - 1]!;
      const outStart = starts[l]!;
      let w = offsets[l]!;
      const b = w + size * fanIn;
      for (let j = 0; j < size; j++) {
        let sum = params[b + j]!;
        for (let i = 0; i < fanIn; i++) sum += params[w++]! * a[inStart + i]!;
        z[outStart + j] = sum;
      }
      if (l < last) activateRange(this.activationCodes[l]!, z, a, outStart, outStart + size);
      else activateOutputBlock(this.outputLossCode, z, a, outStart, size, 1, 1);
    }
  }

  /** The i-th output after `forward`. */
  output(i = 0): number {
    return this.outputs[this.starts[this.sizes.length - 1]! + i]!;
  }

  /** The loss of the last `forward` for this label. */
  loss(label: number): number {
    const start = this.starts[this.sizes.length - 1]!;
    return pointLoss(this.outputLossCode, this.preActivations, this.outputs, start, this.outputCount, 1, label);
  }

  /** Whether the last `forward` classifies this label right. */
  isCorrect(label: number): boolean {
    return pointCorrect(this.outputLossCode, this.outputs, this.starts[this.sizes.length - 1]!, this.outputCount, 1, label);
  }

  /** Backpropagates the last `forward` against `label` and adds dLoss/dparam into `grads`. */
  backward(label: number): void {
    const { sizes, offsets, starts, params, grads, outputs: a, preActivations: z, deltas: delta } = this;
    const last = sizes.length - 1;
    pointOutputDelta(this.outputLossCode, a, delta, starts[last]!, sizes[last]!, 1, label);
    for (let l = last; l >= 1; l--) {
      const fanIn = sizes[l - 1]!;
      const size = sizes[l]!;
      const inStart = starts[l - 1]!;
      const outStart = starts[l]!;
      const wStart = offsets[l]!;
      const b = wStart + size * fanIn;
      let w = wStart;
      for (let j = 0; j < size; j++) {
        const d = delta[outStart + j]!;
        grads[b + j]! += d;
        for (let i = 0; i < fanIn; i++) grads[w++]! += d * a[inStart + i]!;
      }
      if (l === 1) break;
      for (let i = 0; i < fanIn; i++) {
        let sum = 0;
        for (let j = 0, k = wStart + i; j < size; j++, k += fanIn) sum += params[k]! * delta[outStart + j]!;
        delta[inStart + i] = sum;
      }
      multiplyByDerivativeRange(this.activationCodes[l - 1]!, z, a, delta, inStart, inStart + fanIn);
    }
  }
}
