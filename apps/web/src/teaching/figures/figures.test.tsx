import { fireEvent, render, screen } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { ACTIVATIONS, REGULARIZERS, createTrainer, findPreset, presetConfig } from '@playroom/engine';
import { useLanguageStore } from '../../i18n';
import { pointsOnTheirSide, BiasFigure } from './BiasFigure';
import { chartScale, curvePoints, dataXAt, formatTick } from './ChartFrame';
import { LearningRateFigure, descend, descentOutcome } from './DescentFigures';
import { epochBatches } from './EpochBatchFigure';
import { gradientThroughLayers } from './GradientHealthFigure';
import { crossEntropy, squareLoss } from './LossFigure';
import { classProbabilities } from './ProblemTypesFigure';
import { penalized } from './RegularizationFigure';

/* What the cards' figures compute, through the engine, is what their texts say. */

beforeEach(() => useLanguageStore.getState().setLanguage('en'));

describe('the chart frame', () => {
  it('maps data to pixels and back, and prints ticks short', () => {
    const x = { min: -4, max: 4, ticks: [], label: '' };
    const scale = chartScale(x, { min: 0, max: 8, ticks: [], label: '' }, 320, 200);
    expect(scale.x(-4)).toBe(scale.left);
    expect(scale.x(4)).toBe(scale.right);
    expect(scale.y(0)).toBe(scale.bottom);
    expect(dataXAt((scale.left + scale.right) / 2, { left: 0, width: 320 }, x, 320)).toBeCloseTo(0, 12);
    expect(dataXAt(2, { left: 0, width: 320 }, x, 320)).toBeNull();
    expect([formatTick(0), formatTick(0.25), formatTick(-1.5), formatTick(1e-4)]).toEqual(['0', '0.25', '-1.5', '1e-4']);
    expect(curvePoints(() => NaN, 0, 1, scale)).toBe('');
  });
});

describe('the descent figures', () => {
  it('take long steps first and short ones near the bottom', () => {
    const path = descend(-3.8, 6, () => 0.3);
    const steps = path.slice(1).map((w, i) => Math.abs(w - path[i]!));
    for (let i = 1; i < steps.length; i++) expect(steps[i]!).toBeLessThan(steps[i - 1]!);
  });

  it('name what a rate does on the bowl: crawl, good, zigzag, diverge; the engine’s decay tames a big one', () => {
    const outcome = (rate: number) => descentOutcome(descend(-3.5, 10, () => rate));
    expect([outcome(0.05), outcome(0.3), outcome(1.5), outcome(2.2)]).toEqual(['crawl', 'good', 'zigzag', 'diverge']);
    render(<LearningRateFigure />);
    fireEvent.change(screen.getByTestId('figure-rate'), { target: { value: '2.2' } });
    expect(screen.getByTestId('figure-outcome').getAttribute('data-outcome')).toBe('diverge');
    fireEvent.click(screen.getByTestId('figure-decay'));
    expect(screen.getByTestId('figure-outcome').getAttribute('data-outcome')).toBe('zigzag');
  });
});

describe('the other figures', () => {
  it('gradient health: sigmoid layers fade the gradient below 1/1000 in six layers, large ReLU weights blow it up', () => {
    const sigmoid = gradientThroughLayers('sigmoid', 1);
    expect(sigmoid[0]).toBe(1);
    expect(sigmoid[6]!).toBeLessThan(1e-3);
    expect(gradientThroughLayers('relu', 1)[6]).toBe(1);
    expect(gradientThroughLayers('relu', 2)[6]).toBe(64);
  });

  it('loss: both are 0 at the right answer; cross-entropy punishes a confident wrong one far more', () => {
    expect(squareLoss(1, 1)).toBe(0);
    expect(crossEntropy(1 - 1e-9, 1)).toBeLessThan(1e-6);
    expect(squareLoss(0.01, 1)).toBeCloseTo(0.5 * 0.99 * 0.99, 12);
    expect(crossEntropy(0.01, 1)).toBeCloseTo(-Math.log(0.01), 6);
    expect(crossEntropy(0.01, 1)).toBeGreaterThan(8 * squareLoss(0.01, 1));
    expect(crossEntropy(0.01, 0)).toBeCloseTo(-Math.log(0.99), 6);
  });

  it('bias: through the origin half the preset’s points are on the wrong side; at b = −3.25 none', () => {
    expect(pointsOnTheirSide(0)).toBe(50);
    expect(pointsOnTheirSide(-3.25)).toBe(100);
    render(<BiasFigure />);
    expect(screen.getByTestId('figure-outcome').textContent).toContain('50 of 100');
    fireEvent.change(screen.getByTestId('figure-bias'), { target: { value: '-3.25' } });
    expect(screen.getByTestId('figure-outcome').textContent).toBe('100 of 100 points on their own colour’s side of the line');
  });

  it('regularization: L1 sets small weights to exactly 0, L2 shrinks every weight by the same factor', () => {
    const weights = [-1.5, -0.15, 0.1, 1.3];
    expect(penalized('l1', weights, 5).map((w) => Number(w.toFixed(12)))).toEqual([-1, 0, 0, 0.8]);
    penalized('l2', weights, 5).forEach((w, i) => expect(w).toBeCloseTo(weights[i]! * 0.9 ** 5, 12));
    expect(REGULARIZERS.l1.f(-2)).toBe(2);
  });

  it('problem types: softmax of the four sums is a probability for each class', () => {
    const p = classProbabilities(1.5);
    expect(p.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
    expect(p[0]!).toBeGreaterThan(p[1]!);
    const low = classProbabilities(-3);
    expect(Math.max(...low)).toBe(low[1]);
    expect(ACTIVATIONS.tanh.f(1.5)).toBeGreaterThan(0);
  });

  it('epochs and batches: an update per full batch, the partial rest carried over as the trainer does', () => {
    expect(epochBatches(20, 5)).toEqual({ batches: [0, 5, 10, 15].map((from) => ({ from, to: from + 5 })), carried: 0 });
    expect(epochBatches(20, 1).batches).toHaveLength(20);
    expect(epochBatches(20, 20).batches).toHaveLength(1);
    expect(epochBatches(20, 6)).toMatchObject({ carried: 2 });
    expect(epochBatches(20, 6).batches).toHaveLength(3);
  });

  it('epochs and batches: as many updates in an epoch as the engine’s trainer makes (batch-full: 2 for 250 points)', () => {
    for (const batchSize of [1, 7, 50, 100]) {
      const trainer = createTrainer({ ...presetConfig(findPreset('batch-full')!), batchSize });
      const points = 250;
      let updates = 0;
      for (;;) {
        trainer.trainBatches(1);
        // an update in epoch 0, or the one that ended it exactly at its last point
        if (trainer.epoch === 0 || trainer.exportState().cursor === 0) updates++;
        if (trainer.epoch > 0) break;
      }
      expect(updates, `batch ${batchSize}`).toBe(epochBatches(points, batchSize).batches.length);
    }
    expect(epochBatches(250, 100)).toMatchObject({ carried: 50 });
  });
});
