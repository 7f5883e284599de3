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
  let count = 0;
  for (let l = 1; l < layerSizes.length; l++) count += layerSizes[l]! * (layerSizes[l - 1]! + 1);
  return count;
}
