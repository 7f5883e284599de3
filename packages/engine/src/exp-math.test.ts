import { describe, expect, it } from 'vitest';
import { exp, expm1, sigmoid, tanh } from './exp-math';
import { Rng } from './rng';

/** Relative error, measured against Math.* (itself within an ulp of the truth). */
function relativeError(actual: number, expected: number): number {
  if (actual === expected) return 0;
  return Math.abs(actual - expected) / Math.max(Math.abs(expected), Number.MIN_VALUE);
}

/** Points spread over many magnitudes, both signs. */
function samples(seed: number, count: number, maxExponent: number): number[] {
  const rng = new Rng(seed);
  return Array.from({ length: count }, () => (rng.next() < 0.5 ? -1 : 1) * Math.exp(rng.uniform(-30, maxExponent)));
}

describe('exp-math', () => {
  it('exp is within a few ulp of Math.exp wherever the result is a normal double', () => {
    let worst = 0;
    for (const x of [...samples(1, 20000, Math.log(700)), -708, -1e-300, 0, 1e-300, 709.7]) {
      worst = Math.max(worst, relativeError(exp(x), Math.exp(x)));
    }
    expect(worst).toBeLessThan(4 * Number.EPSILON);
    // subnormal results lose relative precision, as any exp does there
    expect(Math.abs(exp(-740) - Math.exp(-740))).toBeLessThanOrEqual(1e-323);
  });

  it('exp overflows to Infinity, underflows to 0 and keeps NaN', () => {
    expect(exp(710)).toBe(Infinity);
    expect(exp(Infinity)).toBe(Infinity);
    expect(exp(-746)).toBe(0);
    expect(exp(-Infinity)).toBe(0);
    expect(exp(Number.NaN)).toBeNaN();
  });

  // The worst case, about 20 ulp, is near ±ln2/64 where the table step meets
  // the polynomial; the absolute error there is ~1e-17, irrelevant to training.
  it('expm1 is accurate to 1e-14 relative near 0 as well as far from it', () => {
    let worst = 0;
    for (const x of samples(2, 20000, Math.log(700))) worst = Math.max(worst, relativeError(expm1(x), Math.expm1(x)));
    expect(worst).toBeLessThan(1e-14);
    expect(expm1(-50)).toBe(-1);
    expect(expm1(1e-20)).toBe(1e-20);
  });

  it('tanh is accurate to 1e-14 relative (both signs) and exactly ±1 far out', () => {
    let worst = 0;
    for (const x of samples(3, 20000, Math.log(40))) worst = Math.max(worst, relativeError(tanh(x), Math.tanh(x)));
    expect(worst).toBeLessThan(1e-14);
    expect(tanh(0)).toBe(0);
    expect(tanh(25)).toBe(1);
    expect(tanh(-25)).toBe(-1);
    expect(tanh(Infinity)).toBe(1);
    expect(tanh(Number.NaN)).toBeNaN();
  });

  it('sigmoid is 1 / (1 + e^−x) with saturation instead of NaN', () => {
    for (const x of samples(5, 2000, 4)) expect(relativeError(sigmoid(x), 1 / (1 + Math.exp(-x)))).toBeLessThan(1e-14);
    expect(sigmoid(1000)).toBe(1);
    expect(sigmoid(-1000)).toBe(0);
  });
});
