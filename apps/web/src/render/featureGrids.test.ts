import { describe, expect, it } from 'vitest';
import { featureGrid } from './featureGrids';

describe('featureGrid', () => {
  it('puts x = −6 on the left and y = +6 on the top, normalized to ±1', () => {
    const x1 = featureGrid('x1', 5);
    expect(x1.data[0]).toBe(-1); // top-left: x = −6
    expect(x1.data[4]).toBe(1); // top-right: x = +6
    expect(x1.data[2]).toBe(0); // middle column: x = 0
    const x2 = featureGrid('x2', 5);
    expect(x2.data[0]).toBe(1); // top row: y = +6
    expect(x2.data[20]).toBe(-1); // bottom row: y = −6
  });

  it('normalizes squares to [0, 1] and keeps the product antisymmetric', () => {
    const sq = featureGrid('x1sq', 5);
    expect(Math.min(...sq.data)).toBe(0);
    expect(Math.max(...sq.data)).toBe(1);
    const product = featureGrid('x1x2', 5);
    expect(product.data[0]).toBe(-1); // x = −6, y = +6
    expect(product.data[4]).toBe(1); // x = +6, y = +6
  });

  it('computes each grid once', () => {
    expect(featureGrid('sinx1', 9)).toBe(featureGrid('sinx1', 9));
  });
});
