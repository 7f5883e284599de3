import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from './config';
import { Network } from './network';
import { layerParameterOffsets, parameterCount, parameterLayout } from './network-shape';
import { createTrainer } from './trainer';

describe('parameterCount', () => {
  it('counts each layer’s weights and biases', () => {
    // [2, 2, 1]: 2·2 weights + 2 biases, then 2·1 weights + 1 bias
    expect(parameterCount([2, 2, 1])).toBe(9);
    expect(parameterCount([0, 3])).toBe(3);
    expect(parameterCount([4])).toBe(0);
  });

  it('matches the parameters a network allocates', () => {
    const layerSizes = [7, 8, 8, 3, 4];
    const network = new Network({ layerSizes, hiddenActivations: ['relu', 'tanh', 'sigmoid'], outputLoss: 'softmax-xent' });
    expect(parameterCount(layerSizes)).toBe(network.params.length);
  });
});

describe('parameterLayout', () => {
  it('indexes every weight and bias exactly where the network keeps them', () => {
    const network = createTrainer({ ...DEFAULT_CONFIG, features: ['x1', 'x2', 'x1x2'], hiddenLayers: [4, 3] }).network;
    const layout = parameterLayout(network.layerSizes);
    expect(layout.total).toBe(network.params.length);
    expect(layerParameterOffsets(network.layerSizes)).toEqual(network.layerOffsets);
    const seen = new Set<number>();
    for (let l = 1; l < network.layerSizes.length; l++) {
      for (let to = 0; to < network.layerSizes[l]!; to++) {
        for (let from = 0; from < network.layerSizes[l - 1]!; from++) {
          expect(layout.weight(l, to, from)).toBe(network.weightIndex(l, to, from));
          seen.add(layout.weight(l, to, from));
        }
        expect(layout.bias(l, to)).toBe(network.biasIndex(l, to));
        seen.add(layout.bias(l, to));
      }
    }
    expect(seen.size).toBe(layout.total);
  });
});
