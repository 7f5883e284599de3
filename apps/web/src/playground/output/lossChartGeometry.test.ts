import { describe, expect, it } from 'vitest';
import { lossChartGeometry, niceCeiling } from './lossChartGeometry';

const box = { width: 120, height: 70, left: 20, right: 0, top: 0, bottom: 20 };

describe('niceCeiling', () => {
  it('rounds up to 1, 2 or 5 times a power of ten', () => {
    expect(niceCeiling(0.43)).toBe(0.5);
    expect(niceCeiling(0.5)).toBe(0.5);
    expect(niceCeiling(0.51)).toBe(1);
    expect(niceCeiling(1.3)).toBe(2);
    expect(niceCeiling(27)).toBe(50);
    expect(niceCeiling(0)).toBe(1);
    expect(niceCeiling(NaN)).toBe(1);
  });
});

describe('lossChartGeometry', () => {
  it('maps the first epoch to the left edge and the last to the right, 0 loss to the bottom', () => {
    const g = lossChartGeometry(
      [
        { epoch: 0, trainLoss: 0.5, testLoss: 0.4 },
        { epoch: 100, trainLoss: 0, testLoss: 0.25 },
      ],
      box,
    );
    expect(g.yMax).toBe(0.5);
    expect(g.train).toBe('20.0,0.0 120.0,50.0');
    expect(g.test).toBe('20.0,10.0 120.0,25.0');
    expect(g.yTicks).toEqual([0, 0.25, 0.5]);
  });

  it('starts the x axis at epoch 0: the server records each epoch after training it, so its first point is epoch 1', () => {
    const g = lossChartGeometry(
      [
        { epoch: 1, trainLoss: 0.5, testLoss: 0.5 },
        { epoch: 100, trainLoss: 0.1, testLoss: 0.2 },
      ],
      box,
    );
    expect(g.xMin).toBe(0);
    expect(g.xMax).toBe(100);
    // epoch 1 sits one hundredth of the way along, not at the left edge
    expect(g.train.split(' ')[0]).toBe('21.0,0.0');
  });

  it('keeps 0 at the left however late the first point is', () => {
    const g = lossChartGeometry([{ epoch: 40, trainLoss: 0.3, testLoss: 0.3 }], box);
    expect(g.xMin).toBe(0);
    expect(g.xMax).toBe(40);
  });

  it('skips missing losses (null: a diverged run) instead of drawing them', () => {
    const g = lossChartGeometry(
      [
        { epoch: 0, trainLoss: 1, testLoss: 1 },
        { epoch: 10, trainLoss: null, testLoss: null },
      ],
      box,
    );
    expect(g.train.split(' ')).toHaveLength(1);
    expect(g.test.split(' ')).toHaveLength(1);
    expect(g.yMax).toBe(1);
  });

  it('handles an empty history', () => {
    const g = lossChartGeometry([], box);
    expect(g.train).toBe('');
    expect(g.xMin).toBe(0);
    expect(g.xMax).toBe(1);
  });
});
