import { describe, expect, it } from 'vitest';
import { Rng } from './rng';

function draw(rng: Rng, n: number): number[] {
  return Array.from({ length: n }, () => rng.next());
}

describe('Rng', () => {
  it('gives the same sequence for the same seed and different ones for different seeds', () => {
    expect(draw(new Rng(42), 20)).toEqual(draw(new Rng(42), 20));
    expect(draw(new Rng(42), 20)).not.toEqual(draw(new Rng(43), 20));
    expect(draw(new Rng(1), 5)).not.toEqual(draw(new Rng(1.5), 5));
    expect(draw(new Rng(2 ** 40), 5)).not.toEqual(draw(new Rng(0), 5));
  });

  it('rejects seeds that are not finite', () => {
    expect(() => new Rng(Number.NaN)).toThrow(/finite/);
    expect(() => new Rng(Infinity)).toThrow(/finite/);
  });

  it('draws next() in [0, 1) with a uniform mean and spread', () => {
    const values = draw(new Rng(7), 20000);
    expect(Math.min(...values)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...values)).toBeLessThan(1);
    const mean = values.reduce((a, b) => a + b, 0) / values.length;
    expect(mean).toBeCloseTo(0.5, 1.5);
    const buckets = new Array<number>(10).fill(0);
    for (const v of values) buckets[Math.floor(v * 10)]!++;
    for (const count of buckets) expect(Math.abs(count - 2000)).toBeLessThan(200);
  });

  it('keeps uniform(a, b) and int(n) in range', () => {
    const rng = new Rng(3);
    const seen = new Set<number>();
    for (let i = 0; i < 2000; i++) {
      const u = rng.uniform(-6, 6);
      expect(u).toBeGreaterThanOrEqual(-6);
      expect(u).toBeLessThan(6);
      const k = rng.int(5);
      expect(Number.isInteger(k) && k >= 0 && k < 5).toBe(true);
      seen.add(k);
    }
    expect([...seen].sort()).toEqual([0, 1, 2, 3, 4]);
  });

  it('draws normal(mean, variance) with that mean and that variance', () => {
    const rng = new Rng(11);
    const n = 40000;
    const values = Array.from({ length: n }, () => rng.normal(2, 4));
    const mean = values.reduce((a, b) => a + b, 0) / n;
    const variance = values.reduce((a, b) => a + (b - mean) ** 2, 0) / n;
    expect(Math.abs(mean - 2)).toBeLessThan(0.05);
    expect(Math.abs(variance - 4)).toBeLessThan(0.15);
  });

  it('shuffles in place into a permutation, deterministically', () => {
    const a = Array.from({ length: 50 }, (_, i) => i);
    const b = [...a];
    const returned = new Rng(5).shuffle(a);
    new Rng(5).shuffle(b);
    expect(returned).toBe(a);
    expect(a).toEqual(b);
    expect(a).not.toEqual(Array.from({ length: 50 }, (_, i) => i));
    expect([...a].sort((x, y) => x - y)).toEqual(Array.from({ length: 50 }, (_, i) => i));
  });

  it('continues the exact sequence after a JSON round trip of its state', () => {
    const rng = new Rng(99);
    draw(rng, 17);
    rng.normal(0, 1);
    const state = JSON.parse(JSON.stringify(rng.getState())) as number[];
    expect(state).toHaveLength(4);
    for (const word of state) expect(Number.isInteger(word) && word >= 0 && word < 2 ** 32).toBe(true);
    const restored = Rng.fromState(state);
    expect(draw(restored, 50)).toEqual(draw(rng, 50));
  });

  it('returns a copy of its state, not a live view', () => {
    const rng = new Rng(1);
    const state = rng.getState();
    rng.next();
    expect(rng.getState()).not.toEqual(state);
  });

  it('rejects malformed states', () => {
    expect(() => Rng.fromState([1, 2, 3])).toThrow(/4 uint32/);
    expect(() => Rng.fromState([1, 2, 3, -1])).toThrow(/uint32/);
    expect(() => Rng.fromState([1, 2, 3, 1.5])).toThrow(/uint32/);
    expect(() => Rng.fromState([0, 0, 0, 0])).toThrow(/zeros/);
  });
});
