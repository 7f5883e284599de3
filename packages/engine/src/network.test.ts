import { describe, expect, it } from 'vitest';
import { Network } from './network';
import { Rng } from './rng';

const shape = { layerSizes: [3, 4, 2, 1], hiddenActivations: ['tanh', 'relu'] as const, outputLoss: 'tanh-square' as const };

describe('Network', () => {
  it('lays parameters out per layer: weights row-major by destination, then biases', () => {
    const net = new Network({ ...shape, hiddenActivations: [...shape.hiddenActivations] });
    expect(net.layerOffsets).toEqual([0, 0, 16, 26, 29]);
    expect(net.params.length).toBe(29);
    expect(net.weightIndex(1, 0, 0)).toBe(0);
    expect(net.weightIndex(1, 3, 2)).toBe(11);
    expect(net.biasIndex(1, 0)).toBe(12);
    expect(net.weightIndex(2, 1, 3)).toBe(16 + 4 + 3);
    expect(net.biasIndex(3, 0)).toBe(28);
    expect(net.neuronOffsets).toEqual([0, 3, 7, 9]);
  });

  it('initializes like the playground: weights U(−0.5, 0.5) drawn in parameter order, biases 0.1', () => {
    const net = Network.create({ ...shape, hiddenActivations: [...shape.hiddenActivations] }, 'uniform', new Rng(5));
    const rng = new Rng(5);
    for (let l = 1; l < 4; l++) {
      const start = net.layerOffsets[l]!;
      const weights = net.layerSizes[l]! * net.layerSizes[l - 1]!;
      for (let i = 0; i < weights; i++) expect(net.params[start + i]).toBe(rng.next() - 0.5);
      for (let j = 0; j < net.layerSizes[l]!; j++) expect(net.params[start + weights + j]).toBe(0.1);
    }
    const zero = Network.create({ ...shape, hiddenActivations: [...shape.hiddenActivations] }, 'zero', new Rng(5));
    expect(zero.params.every((p) => p === 0)).toBe(true);
  });

  it('computes bias + Σ w·x through each layer', () => {
    const net = new Network({ layerSizes: [2, 1, 1], hiddenActivations: ['relu'], outputLoss: 'linear-square' });
    net.params.set([2, -1, 0.5, 3, -1]); // hidden = relu(2x − y + 0.5), out = 3·hidden − 1
    net.forward([1, 1]);
    expect(net.output()).toBe(3 * 1.5 - 1);
    net.forward([0, 1]);
    expect(net.output()).toBe(-1);
    expect(net.loss(1)).toBe(2);
  });

  it('checks its shape and indices', () => {
    expect(() => new Network({ layerSizes: [2, 3, 1], hiddenActivations: [], outputLoss: 'tanh-square' })).toThrow(/hidden activations/);
    expect(() => new Network({ layerSizes: [2, 2], hiddenActivations: [], outputLoss: 'tanh-square' })).toThrow(/one output/);
    const net = new Network({ layerSizes: [2, 1], hiddenActivations: [], outputLoss: 'tanh-square' });
    expect(() => net.weightIndex(1, 0, 2)).toThrow(/neurons 0..1/);
    expect(() => net.biasIndex(2, 0)).toThrow(/layer must be 1..1/);
  });
});
