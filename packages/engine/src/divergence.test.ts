import { describe, expect, it } from 'vitest';
import { EXPLODED_WEIGHT, divergenceReason, firstOutOfRange, isSaturated, uninformedLoss } from './divergence';

describe('divergence signs', () => {
  it('firstOutOfRange finds NaN, ±Infinity and, with a limit, huge values', () => {
    expect(firstOutOfRange(Float64Array.from([1, -2, 3]))).toBe(-1);
    expect(firstOutOfRange(Float64Array.from([1, Number.NaN, Infinity]))).toBe(1);
    expect(firstOutOfRange(Float64Array.from([1, -Infinity]))).toBe(1);
    expect(firstOutOfRange(Float64Array.from([1, -2e6]), EXPLODED_WEIGHT)).toBe(1);
    expect(firstOutOfRange(Float64Array.from([1, -2e6]))).toBe(-1);
  });

  it('the uninformed loss is what output 0 or uniform probabilities would score', () => {
    expect(uninformedLoss('tanh-square', Float64Array.from([1, -1, 1]), 3, 2)).toBe(0.5);
    expect(uninformedLoss('linear-square', Float64Array.from([0.5, -1]), 2, 0)).toBe((0.125 + 0.5) / 2);
    expect(uninformedLoss('sigmoid-xent', new Float64Array(4), 4, 2)).toBe(Math.LN2);
    expect(uninformedLoss('softmax-xent', new Float64Array(4), 4, 3)).toBe(Math.log(3));
  });

  it('saturation needs both a loss far above uninformed and vanished gradients in every layer', () => {
    expect(isSaturated(1, 0.5, [1e-6, 0, 1e-9])).toBe(true);
    expect(isSaturated(1, 0.5, [1e-6, 0.01, 1e-9])).toBe(false);
    expect(isSaturated(0.6, 0.5, [0, 0, 0])).toBe(false);
    expect(isSaturated(1, 0, [0])).toBe(false);
  });

  it('the reason names the epoch and the learning rate, and what to do', () => {
    expect(divergenceReason('not-finite', 10, 3)).toMatch(/epoch 3.*NaN.*learning rate \(10\).*lower the learning rate/);
    expect(divergenceReason('saturated', 3, 1)).toMatch(/reset the network/);
  });
});
