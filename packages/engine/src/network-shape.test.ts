import { describe, expect, it } from 'vitest';
import { Network } from './network';
import { parameterCount } from './network-shape';

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
