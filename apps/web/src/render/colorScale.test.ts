import { describe, expect, it } from 'vitest';
import {
  buildDivergingLut,
  divergingCss,
  divergingRgb,
  NEGATIVE_COLOR,
  NEUTRAL_COLOR,
  POSITIVE_COLOR,
  shadeIndex,
} from './colorScale';

describe('divergingRgb', () => {
  it('maps −1, 0, +1 to the playground stops', () => {
    expect(divergingRgb(-1)).toEqual([...NEGATIVE_COLOR]);
    expect(divergingRgb(0)).toEqual([...NEUTRAL_COLOR]);
    expect(divergingRgb(1)).toEqual([...POSITIVE_COLOR]);
  });

  it('clamps values outside [-1, 1] and treats infinities by sign', () => {
    expect(divergingRgb(-7)).toEqual([...NEGATIVE_COLOR]);
    expect(divergingRgb(42)).toEqual([...POSITIVE_COLOR]);
    expect(divergingRgb(Infinity)).toEqual([...POSITIVE_COLOR]);
    expect(divergingRgb(NaN)).toEqual([...NEUTRAL_COLOR]);
  });

  it('interpolates halfway between neutral and blue at 0.5', () => {
    const [r, g, b] = divergingRgb(0.5);
    expect(r).toBe(Math.round((NEUTRAL_COLOR[0] + POSITIVE_COLOR[0]) / 2));
    expect(g).toBe(Math.round((NEUTRAL_COLOR[1] + POSITIVE_COLOR[1]) / 2));
    expect(b).toBe(Math.round((NEUTRAL_COLOR[2] + POSITIVE_COLOR[2]) / 2));
  });

  it('formats a CSS colour', () => {
    expect(divergingCss(1)).toBe('rgb(8,119,189)');
  });
});

describe('shadeIndex and the LUT', () => {
  it('puts −1 in the first shade, +1 in the last and 0 in the middle of an odd LUT', () => {
    expect(shadeIndex(-1, 31)).toBe(0);
    expect(shadeIndex(1, 31)).toBe(30);
    expect(shadeIndex(0, 31)).toBe(15);
    expect(shadeIndex(-5, 31)).toBe(0);
    expect(shadeIndex(5, 31)).toBe(30);
    expect(shadeIndex(NaN, 31)).toBe(15);
  });

  it('is monotonic in the value', () => {
    let previous = -1;
    for (let v = -1.2; v <= 1.2; v += 0.01) {
      const s = shadeIndex(v, 31);
      expect(s).toBeGreaterThanOrEqual(previous);
      previous = s;
    }
  });

  it('builds opaque RGBA shades from orange through neutral to blue', () => {
    const lut = buildDivergingLut(31);
    expect(lut.length).toBe(31 * 4);
    expect([...lut.slice(0, 4)]).toEqual([...NEGATIVE_COLOR, 255]);
    expect([...lut.slice(15 * 4, 16 * 4)]).toEqual([...NEUTRAL_COLOR, 255]);
    expect([...lut.slice(30 * 4)]).toEqual([...POSITIVE_COLOR, 255]);
  });
});
