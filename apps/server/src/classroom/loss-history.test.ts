import { describe, expect, it } from 'vitest';
import { LossHistory } from './loss-history';

describe('LossHistory', () => {
  it('keeps every epoch until full, then halves its resolution', () => {
    const history = new LossHistory(undefined, 8);
    for (let epoch = 1; epoch <= 8; epoch++) history.record(epoch, epoch / 10, epoch / 5);
    expect(history.list().map((p) => p.epoch)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    history.record(9, 1, 1);
    history.record(10, 1, 1);
    const epochs = history.list().map((p) => p.epoch);
    expect(epochs).toEqual([2, 4, 6, 8, 10]);
    expect(history.wants(11)).toBe(false);
    expect(history.wants(12)).toBe(true);
  });

  it('stays within capacity and covers the whole run over a long run', () => {
    const history = new LossHistory(undefined, 16);
    for (let epoch = 1; epoch <= 10_000; epoch++) history.record(epoch, 1 / epoch, 2 / epoch);
    const points = history.list();
    expect(points.length).toBeLessThanOrEqual(16);
    expect(points[0]!.epoch).toBeLessThanOrEqual((10_000 / 16) * 2);
    expect(points[points.length - 1]!.epoch).toBeGreaterThan(9000);
  });

  it('stores non-finite losses as null and round-trips through its data', () => {
    const history = new LossHistory();
    history.record(1, Number.NaN, Number.POSITIVE_INFINITY);
    history.record(2, 0.5, 0.25);
    const copy = new LossHistory(JSON.parse(JSON.stringify(history.toData())));
    expect(copy.list()).toEqual([
      { epoch: 1, trainLoss: null, testLoss: null },
      { epoch: 2, trainLoss: 0.5, testLoss: 0.25 },
    ]);
  });
});
