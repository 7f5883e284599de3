import { describe, expect, it } from 'vitest';
import { weightNorms, weightNormsOf } from './metrics';
import { Network } from './network';
import { Rng } from './rng';

describe('weight norms', () => {
  it('average |w| per layer and skip biases', () => {
    // [2, 2, 1]: layer 1 has 4 weights + 2 biases, layer 2 has 2 weights + 1 bias
    const params = [1, -1, 3, -3, 100, 100, 0.5, -1.5, 100];
    expect(weightNormsOf(params, [2, 2, 1])).toEqual([2, 1]);
  });

  it('give nothing when the parameters do not fit the shape', () => {
    expect(weightNormsOf([1, 2, 3], [2, 2, 1])).toEqual([]);
  });

  it("of a network follow the network's own layer offsets", () => {
    const network = new Network({ layerSizes: [3, 4, 2, 1], hiddenActivations: ['tanh', 'relu'], outputLoss: 'tanh-square' });
    const rng = new Rng(11);
    for (let i = 0; i < network.params.length; i++) network.params[i] = rng.uniform(-2, 2);
    const meanAbs = (values: Float64Array) => values.reduce((sum, v) => sum + Math.abs(v), 0) / values.length;
    const expected = [1, 2, 3].map((l) => {
      const start = network.layerOffsets[l]!;
      return meanAbs(network.params.subarray(start, start + network.layerSizes[l]! * network.layerSizes[l - 1]!));
    });
    const norms = weightNorms(network);
    expect(norms).toHaveLength(3);
    norms.forEach((norm, i) => expect(norm).toBeCloseTo(expected[i]!, 12));
  });
});
