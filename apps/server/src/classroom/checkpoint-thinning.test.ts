import { describe, expect, it } from 'vitest';
import { checkpointToDrop, denseCheckpoints } from './checkpoint-thinning';

/** The epochs a timeline of `capacity` keeps after recording every epoch 0…`last`, as SessionTimeline does. */
function thinned(last: number, capacity: number): number[] {
  const dense = denseCheckpoints(capacity);
  const epochs: number[] = [];
  for (let e = 0; e <= last; e++) {
    epochs.push(e);
    while (epochs.length > capacity) epochs.splice(checkpointToDrop(epochs, dense), 1);
  }
  return epochs;
}

describe('checkpoint thinning (SCRUB-1)', () => {
  it('keeps at most the capacity, the first epoch and every one of the newest few', () => {
    for (const [last, capacity] of [[50, 200], [5_000, 200], [30_000, 200], [3_000, 24], [1_000, 8]] as const) {
      const epochs = thinned(last, capacity);
      expect(epochs.length).toBe(Math.min(capacity, last + 1));
      expect(epochs[0]).toBe(0);
      const dense = denseCheckpoints(capacity);
      expect(epochs.slice(-dense)).toEqual(Array.from({ length: dense }, (_, i) => last - dense + 1 + i));
    }
  });

  it('thins older checkpoints geometrically: gaps grow with age, in proportion', () => {
    const last = 30_000;
    const epochs = thinned(last, 200);
    const gaps = epochs.slice(1).map((e, i) => e - epochs[i]!);
    // denser recently: every gap is at most the one before it (older), give or take one merge step
    for (let i = 1; i < gaps.length; i++) expect(gaps[i]!).toBeLessThanOrEqual(2 * gaps[i - 1]! + 1);
    // in proportion to age: gap / age stays within a narrow band for the thinned part
    const dense = denseCheckpoints(200);
    const ratios = epochs.slice(1, -dense).map((e, i) => (e - epochs[i]!) / (last - e));
    expect(Math.max(...ratios) / Math.min(...ratios)).toBeLessThan(4);
    // a class's few hundred epochs: "at epoch 40 the boundary was still a line" has a stop within a few epochs
    const lesson = thinned(500, 200);
    expect(Math.min(...lesson.map((e) => Math.abs(e - 40)))).toBeLessThanOrEqual(3);
  });

  it('is the same rule for the same epochs: deterministic', () => {
    expect(thinned(2_000, 40)).toEqual(thinned(2_000, 40));
    expect(() => checkpointToDrop([0, 1], 1)).toThrow(RangeError);
  });
});
