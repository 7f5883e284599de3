import { describe, expect, it } from 'vitest';
import { createValidator } from '../validation';
import { MetricsSchema } from './state-schemas';

const metrics = {
  trainLoss: 3.2,
  testLoss: 3.1,
  trainAccuracy: 0.5,
  testAccuracy: 0.5,
  learningRate: 10,
  gradientNorms: [0, 0],
};

describe('server state schemas', () => {
  it('TRAIN-3: a divergence carries its kind, or none (servers before the kind)', () => {
    const check = createValidator(MetricsSchema);
    expect(check({ ...metrics, diverged: { reason: 'stuck', epoch: 4, kind: 'saturated' } }).ok).toBe(true);
    expect(check({ ...metrics, diverged: { reason: 'stuck', epoch: 4 } }).ok).toBe(true);
    expect(check({ ...metrics, diverged: null }).ok).toBe(true);
    expect(check({ ...metrics, diverged: { reason: 'stuck', epoch: 4, kind: 'wormhole' } })).toMatchObject({
      ok: false,
      error: { field: '/diverged/kind' },
    });
  });
});
