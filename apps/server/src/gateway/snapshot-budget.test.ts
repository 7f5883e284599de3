import { describe, expect, it } from 'vitest';
import { SnapshotBudget } from './snapshot-budget';

describe('snapshot budget', () => {
  it('SNAP-6: frames of 1 KB offered 15 times a second go about 8 times a second at 8 KB/s; small ones always go', () => {
    let now = 0;
    const budget = new SnapshotBudget(8000, () => now);
    let sentBytes = 0;
    let smallSent = 0;
    for (let round = 0; round < 15 * 60; round++, now += 1000 / 15) {
      if (budget.take('big', 1000)) sentBytes += 1000;
      if (budget.take('small', 160)) smallSent++;
    }
    // one minute: 8 KB/s, give or take the first quarter second's bank and one frame
    expect(sentBytes).toBeLessThanOrEqual(8000 * 60 + 2000 + 1000);
    expect(sentBytes).toBeGreaterThanOrEqual(8000 * 60 - 1000);
    expect(smallSent).toBe(15 * 60);
  });

  it('a budget of 0 never refuses; a forgotten socket starts with a full bank', () => {
    let now = 0;
    const unlimited = new SnapshotBudget(0, () => now);
    for (let i = 0; i < 100; i++) expect(unlimited.take('s', 1e6)).toBe(true);
    const budget = new SnapshotBudget(8000, () => now);
    expect(budget.take('a', 5000)).toBe(true);
    expect(budget.take('a', 10)).toBe(false);
    budget.keepOnly(new Set(['b']));
    expect(budget.take('a', 10)).toBe(true);
  });
});
