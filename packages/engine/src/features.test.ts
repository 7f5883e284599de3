import { describe, expect, it } from 'vitest';
import { FEATURE_IDS } from './config';
import { ALL_FEATURES, FEATURES, PLAYGROUND_FEATURES, featurize, featurizeAll } from './features';

describe('FEATURES', () => {
  it('computes every transform of a point', () => {
    const [x, y] = [1.5, -2];
    expect(FEATURES.x1.f(x, y)).toBe(1.5);
    expect(FEATURES.x2.f(x, y)).toBe(-2);
    expect(FEATURES.x1sq.f(x, y)).toBe(2.25);
    expect(FEATURES.x2sq.f(x, y)).toBe(4);
    expect(FEATURES.x1x2.f(x, y)).toBe(-3);
    expect(FEATURES.sinx1.f(x, y)).toBe(Math.sin(1.5));
    expect(FEATURES.sinx2.f(x, y)).toBe(Math.sin(-2));
    expect(FEATURES.cosx1.f(x, y)).toBe(Math.cos(1.5));
    expect(FEATURES.cosx2.f(x, y)).toBe(Math.cos(-2));
  });

  it('has a definition for every id and the two presets', () => {
    expect(Object.keys(FEATURES).sort()).toEqual([...FEATURE_IDS].sort());
    expect(PLAYGROUND_FEATURES).toEqual(['x1', 'x2', 'x1sq', 'x2sq', 'x1x2', 'sinx1', 'sinx2']);
    expect(ALL_FEATURES).toHaveLength(9);
  });
});

describe('featurize', () => {
  it('writes the chosen features in order at the offset and returns the next offset', () => {
    const out = new Float64Array(6).fill(-99);
    const next = featurize(['x1x2', 'x1', 'cosx2'], 2, 3, out, 2);
    expect(next).toBe(5);
    expect(Array.from(out)).toEqual([-99, -99, 6, 2, Math.cos(3), -99]);
  });

  it('featurizes interleaved points row by row', () => {
    const xs = new Float64Array([1, 2, -3, 4]);
    const out = featurizeAll(['x1sq', 'x2'], xs, 2);
    expect(Array.from(out)).toEqual([1, 2, 9, 4]);
  });
});
