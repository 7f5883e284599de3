/**
 * How a config becomes a network shape: the features are the inputs, the
 * hidden layers keep their sizes and activations, and the output layer has
 * one neuron, or one per class for softmax.
 */
import type { ActivationId, TrainerConfig } from './config';
import { OUTPUT_LOSSES } from './losses';
import type { NetworkShape } from './network';

/** The activation of each hidden layer: its `layerActivations` entry, else `activation`. */
export function hiddenActivations(
  config: Pick<TrainerConfig, 'hiddenLayers' | 'activation' | 'layerActivations'>,
): ActivationId[] {
  return config.hiddenLayers.map((_, i) => config.layerActivations?.[i] ?? config.activation);
}

/** The network shape of a config; `numClasses` comes from the data split (used for softmax only). */
export function networkShape(
  config: Pick<TrainerConfig, 'features' | 'hiddenLayers' | 'activation' | 'layerActivations' | 'outputLoss'>,
  numClasses: number,
): NetworkShape {
  const outputs = OUTPUT_LOSSES[config.outputLoss].outputs === 'perClass' ? numClasses : 1;
  return {
    layerSizes: [config.features.length, ...config.hiddenLayers, outputs],
    hiddenActivations: hiddenActivations(config),
    outputLoss: config.outputLoss,
  };
}

/** Number of weights and biases of a network with these layer sizes. */
export function parameterCount(layerSizes: ArrayLike<number>): number {
  return layerParameterOffsets(layerSizes).at(-1)!;
}

/**
 * Where each layer's parameters start in the flat parameter array: entry l
 * (l ≥ 1) is layer l's first weight (its weights row by row, one row per
 * neuron, then its biases); entry 0 is 0 and the last entry is the total.
 */
export function layerParameterOffsets(layerSizes: ArrayLike<number>): number[] {
  const offsets = [0];
  let total = 0;
  for (let l = 1; l < layerSizes.length; l++) {
    offsets.push(total);
    total += layerSizes[l]! * (layerSizes[l - 1]! + 1);
  }
  offsets.push(total);
  return offsets;
}

/** The engine's parameter layout for these layer sizes, unchecked (a view computes thousands of indices). */
export function parameterLayout(layerSizes: readonly number[]) {
  const offsets = layerParameterOffsets(layerSizes);
  return {
    total: offsets.at(-1)!,
    /** weight into neuron `to` of layer l (l ≥ 1) from neuron `from` of layer l − 1 */
    weight: (layer: number, to: number, from: number): number => offsets[layer]! + to * layerSizes[layer - 1]! + from,
    /** bias of neuron `to` of layer l (l ≥ 1) */
    bias: (layer: number, to: number): number => offsets[layer]! + layerSizes[layer]! * layerSizes[layer - 1]! + to,
  };
}
