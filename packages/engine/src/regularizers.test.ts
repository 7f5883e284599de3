import { describe, expect, it } from 'vitest';
import { REGULARIZERS, RegularizerCode, regularizedWeight } from './regularizers';

describe('regularizers', () => {
  it('describe the penalties as data: |w| and ½w² with their derivatives', () => {
    expect(REGULARIZERS.l1.f(-3)).toBe(3);
    expect([REGULARIZERS.l1.df(-2), REGULARIZERS.l1.df(0), REGULARIZERS.l1.df(5)]).toEqual([-1, 0, 1]);
    expect(REGULARIZERS.l2.f(4)).toBe(8);
    expect(REGULARIZERS.l2.df(-4)).toBe(-4);
    expect(REGULARIZERS.none.f(4) + REGULARIZERS.none.df(4)).toBe(0);
  });

  it('L1 steps a weight toward 0 by step·sign(old weight)', () => {
    expect(regularizedWeight(RegularizerCode.l1, 0.5, 0.4, 0.1)).toBeCloseTo(0.3, 15);
    expect(regularizedWeight(RegularizerCode.l1, -0.5, -0.4, 0.1)).toBeCloseTo(-0.3, 15);
  });

  it('L1 sets a weight that would cross zero to exactly 0 (the playground rule)', () => {
    // after the gradient step the weight is 0.05; the penalty step of 0.1 would carry it to −0.05
    expect(regularizedWeight(RegularizerCode.l1, 0.2, 0.05, 0.1)).toBe(0);
    expect(regularizedWeight(RegularizerCode.l1, -0.2, -0.05, 0.1)).toBe(0);
    // the sign comes from the weight BEFORE the gradient step, as in the playground
    expect(regularizedWeight(RegularizerCode.l1, 0.2, -0.05, 0.1)).toBeCloseTo(-0.15, 15);
  });

  it('L2 shrinks by step·(old weight) and never zeroes; none leaves the weight alone', () => {
    expect(regularizedWeight(RegularizerCode.l2, 2, 1.5, 0.1)).toBeCloseTo(1.3, 15);
    expect(regularizedWeight(RegularizerCode.l2, 0.01, -0.001, 0.1)).toBeCloseTo(-0.002, 15);
    expect(regularizedWeight(RegularizerCode.none, 2, 1.5, 0.1)).toBe(1.5);
  });
});
