import { describe, expect, it } from 'vitest';
import { appendLossPoint, type LossPoint } from './loss-history';

const p = (epoch: number, loss = 1 / (epoch + 1)): LossPoint => ({ epoch, trainLoss: loss, testLoss: loss * 1.1 });

describe('appendLossPoint', () => {
  it('appends in epoch order without mutating the input', () => {
    const a: LossPoint[] = [p(0)];
    const b = appendLossPoint(a, p(1));
    expect(a).toHaveLength(1);
    expect(b.map((x) => x.epoch)).toEqual([0, 1]);
  });

  it('replaces a point at the same epoch', () => {
    const h = appendLossPoint([p(0), p(1, 0.5)], p(1, 0.25));
    expect(h).toHaveLength(2);
    expect(h[1]?.trainLoss).toBe(0.25);
  });

  it('starts over when the epoch goes back (reset)', () => {
    expect(appendLossPoint([p(5), p(6)], p(0))).toEqual([p(0)]);
  });

  it('skips non-finite losses', () => {
    const h = appendLossPoint([p(0)], { epoch: 1, trainLoss: Number.NaN, testLoss: 1 });
    expect(h).toEqual([p(0)]);
  });

  it('thins a long history but keeps its first and latest point', () => {
    let h: LossPoint[] = [];
    for (let e = 0; e < 1000; e++) h = appendLossPoint(h, p(e), 50);
    expect(h.length).toBeLessThanOrEqual(50);
    expect(h.length).toBeGreaterThan(20);
    expect(h[0]?.epoch).toBe(0);
    expect(h[h.length - 1]?.epoch).toBe(999);
    for (let i = 1; i < h.length; i++) expect(h[i]!.epoch).toBeGreaterThan(h[i - 1]!.epoch);
  });
});
