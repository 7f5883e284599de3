import { describe, expect, it } from 'vitest';
import { formatEpoch, formatLoss, formatParam, formatPercent, formatRate, formatRateNow } from './formatNumbers';

describe('formatEpoch', () => {
  it('pads to six digits with a thousands comma like the playground', () => {
    expect(formatEpoch(0)).toBe('000,000');
    expect(formatEpoch(123)).toBe('000,123');
    expect(formatEpoch(45678)).toBe('045,678');
    expect(formatEpoch(1234567)).toBe('1,234,567');
  });

  it('never shows a negative or fractional epoch', () => {
    expect(formatEpoch(-3)).toBe('000,000');
    expect(formatEpoch(12.9)).toBe('000,012');
    expect(formatEpoch(NaN)).toBe('000,000');
  });
});

describe('formatLoss and formatPercent', () => {
  it('prints three decimals and a dash for non-finite values', () => {
    expect(formatLoss(0.12345)).toBe('0.123');
    expect(formatLoss(NaN)).toBe('—');
    expect(formatLoss(Infinity)).toBe('—');
    expect(formatLoss(null)).toBe('—');
  });

  it('rounds accuracies to whole percent', () => {
    expect(formatPercent(0.876)).toBe('88%');
    expect(formatPercent(null)).toBe('—');
  });
});

describe('formatParam', () => {
  it('uses fixed decimals for ordinary values and exponents for tiny or huge ones', () => {
    expect(formatParam(0.23456)).toBe('0.235');
    expect(formatParam(-1.5)).toBe('-1.500');
    expect(formatParam(-0.0000001)).toBe('-1.00e-7');
    expect(formatParam(12345)).toBe('1.23e+4');
    expect(formatParam(0)).toBe('0.000');
    expect(formatParam(NaN)).toBe('—');
  });
});

describe('formatRate', () => {
  it('prints every menu rate in plain decimals', () => {
    expect(formatRate(0.00001)).toBe('0.00001');
    expect(formatRate(0.003)).toBe('0.003');
    expect(formatRate(10)).toBe('10');
    expect(formatRate(0)).toBe('0');
  });
});

describe('formatRateNow', () => {
  it('keeps a decaying rate short: two significant digits', () => {
    expect(formatRateNow(0.3)).toBe('0.3');
    expect(formatRateNow(0.0075342)).toBe('0.0075');
    expect(formatRateNow(0.000012345)).toBe('0.000012');
    expect(formatRateNow(Number.NaN)).toBe('—');
  });
});
