import { describe, expect, it } from 'vitest';
import { ErrorCode } from '../error-codes';
import { validateCommand } from '../validation';
import { CHALLENGE_LIMITS } from './challenge-schemas';

const goal = { dataset: 'circle', noise: 10, features: ['x1', 'x2'], budget: { kind: 'neurons', max: 8 }, targetTestLoss: 0.1, timeLimitSec: null };
const start = (patch: Record<string, unknown>) => validateCommand({ type: 'startChallenge', goal: { ...goal, ...patch } });

describe('CHAL-1: a challenge goal is validated', () => {
  it('accepts a goal without a time limit and one with the largest budgets', () => {
    expect(start({}).ok).toBe(true);
    expect(start({ budget: { kind: 'weights', max: CHALLENGE_LIMITS.maxWeights }, timeLimitSec: CHALLENGE_LIMITS.timeLimitSec.max }).ok).toBe(true);
  });

  it.each([
    ['an unknown feature', { features: ['x3'] }],
    ['no feature', { features: [] }],
    ['a feature twice', { features: ['x1', 'x1'] }],
    ['a drawn dataset', { dataset: 'custom' }],
    ['noise out of range', { noise: 51 }],
    ['a budget of 0', { budget: { kind: 'neurons', max: 0 } }],
    ['more neurons than the engine builds', { budget: { kind: 'neurons', max: CHALLENGE_LIMITS.maxNeurons + 1 } }],
    ['more weights than the engine builds', { budget: { kind: 'weights', max: CHALLENGE_LIMITS.maxWeights + 1 } }],
    ['an unknown budget kind', { budget: { kind: 'layers', max: 2 } }],
    ['a target of 0', { targetTestLoss: 0 }],
    ['a target above 1', { targetTestLoss: 1.5 }],
    ['a time limit too short', { timeLimitSec: 5 }],
    ['a time limit too long', { timeLimitSec: CHALLENGE_LIMITS.timeLimitSec.max + 1 }],
  ])('refuses %s', (_what, patch) => {
    const result = start(patch);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe(ErrorCode.badRequest);
  });
});
