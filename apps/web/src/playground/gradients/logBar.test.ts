import { describe, expect, it } from 'vitest';
import { formatMagnitude, logBarFraction } from './logBar';

describe('logBarFraction', () => {
  it('places each power of ten at an equal step between 1e-6 and 10', () => {
    expect(logBarFraction(1e-6)).toBe(0);
    expect(logBarFraction(10)).toBe(1);
    expect(logBarFraction(1e-3)).toBeCloseTo(3 / 7, 10);
    expect(logBarFraction(1)).toBeCloseTo(6 / 7, 10);
  });

  it('clamps out-of-range values and empties the bar for non-positive or non-finite ones', () => {
    expect(logBarFraction(1e-12)).toBe(0);
    expect(logBarFraction(1e6)).toBe(1);
    expect(logBarFraction(0)).toBe(0);
    expect(logBarFraction(-1)).toBe(0);
    expect(logBarFraction(NaN)).toBe(0);
    expect(logBarFraction(Infinity)).toBe(0);
  });
});

describe('formatMagnitude', () => {
  it('uses two significant digits, exponents for tiny or huge values', () => {
    expect(formatMagnitude(0.01234)).toBe('0.012');
    expect(formatMagnitude(2.06)).toBe('2.1');
    expect(formatMagnitude(0.0000346)).toBe('3.5e-5');
    expect(formatMagnitude(0)).toBe('0');
    expect(formatMagnitude(NaN)).toBe('—');
  });
});
