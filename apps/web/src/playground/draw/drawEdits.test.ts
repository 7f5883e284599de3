import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG, LIMITS, buildDataSplit, customPointsError } from '@playroom/engine';
import { brushLabels, customPoint, startingPoints, withoutNearest, withPoint } from './drawEdits';

describe('draw edits', () => {
  it('a point is rounded to hundredths and kept inside the domain', () => {
    expect(customPoint(1.23456, -6.4, 0.30000000000000004)).toEqual({ x: 1.23, y: -6, label: 0.3 });
  });

  it('generated points start a drawing as points the engine accepts, for every problem', () => {
    for (const [problem, dataset] of [['classification', 'spiral'], ['multiclass', 'four-class'], ['regression', 'regress-gauss']] as const) {
      const config = { ...DEFAULT_CONFIG, problem, dataset, noise: 50 };
      const points = startingPoints(config, buildDataSplit(config));
      expect(points.length).toBeGreaterThan(0);
      expect(points.length).toBeLessThanOrEqual(LIMITS.maxCustomPoints);
      expect(customPointsError(points, problem)).toBeNull();
    }
  });

  it('erase takes the nearest of the points in reach', () => {
    const points = [
      { x: 0, y: 0, label: 1 },
      { x: 0.3, y: 0, label: -1 },
    ];
    expect(withoutNearest(points, 0.2, 0, 0.5)).toEqual([points[0]]);
    expect(withoutNearest(points, 2, 2, 0.5)).toBeNull();
  });

  it('adds nothing to a full list', () => {
    const full = Array.from({ length: LIMITS.maxCustomPoints }, () => ({ x: 0, y: 0, label: 1 }));
    expect(withPoint(full, { x: 1, y: 1, label: 1 })).toBeNull();
    expect(withPoint(full.slice(1), { x: 1, y: 1, label: 1 })).toHaveLength(LIMITS.maxCustomPoints);
  });

  it('brushes: orange and blue, four classes, none for regression (a slider)', () => {
    expect(brushLabels('classification')).toEqual([-1, 1]);
    expect(brushLabels('multiclass')).toEqual([0, 1, 2, 3]);
    expect(brushLabels('regression')).toEqual([]);
  });
});
