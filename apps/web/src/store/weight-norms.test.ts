import { describe, expect, it } from 'vitest';
import { weightNormsOf } from './weight-norms';

describe('weightNormsOf', () => {
  it('averages |w| per layer and skips biases', () => {
    // [2, 2, 1]: layer 1 has 4 weights + 2 biases, layer 2 has 2 weights + 1 bias
    const params = [1, -1, 3, -3, 100, 100, 0.5, -1.5, 100];
    expect(weightNormsOf(params, [2, 2, 1])).toEqual([2, 1]);
  });

  it('gives nothing when the parameters do not fit the shape', () => {
    expect(weightNormsOf([1, 2, 3], [2, 2, 1])).toEqual([]);
  });
});
