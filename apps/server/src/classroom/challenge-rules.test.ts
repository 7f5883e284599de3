import { DEFAULT_CONFIG, type TrainerConfig } from '@playroom/engine';
import type { ChallengeGoal } from '@playroom/protocol';
import { describe, expect, it } from 'vitest';
import { compareScores, disqualifications, networkSize } from './challenge-rules';

const goal: ChallengeGoal = { dataset: 'circle', noise: 10, features: ['x1', 'x2', 'x1sq'], budget: { kind: 'neurons', max: 8 }, targetTestLoss: 0.1, timeLimitSec: null };
const config = (patch: Partial<TrainerConfig>): TrainerConfig => ({ ...DEFAULT_CONFIG, noise: 10, ...patch });
const judge = (patch: Partial<TrainerConfig>, layerSizes: number[], g: ChallengeGoal = goal, diverged = false) =>
  disqualifications(g, config(patch), networkSize(layerSizes), diverged);

describe('CHAL-3: what qualifies a fork', () => {
  it('counts hidden neurons and connection weights (biases not)', () => {
    expect(networkSize([2, 4, 2, 1])).toEqual({ neurons: 6, weights: 2 * 4 + 4 * 2 + 2 });
    expect(networkSize([3, 1])).toEqual({ neurons: 0, weights: 3 });
  });

  it('a fork on the dataset and noise, with allowed features, within budget qualifies', () => {
    expect(judge({ features: ['x1', 'x1sq'] }, [2, 4, 2, 1])).toEqual([]);
  });

  it('names every rule it breaks, with what the client needs to say it', () => {
    expect(judge({ features: ['x1', 'x2sq', 'sinx1'], hiddenLayers: [8, 4] }, [3, 8, 4, 1])).toEqual([
      { code: 'feature', feature: 'x2sq' },
      { code: 'feature', feature: 'sinx1' },
      { code: 'neurons', count: 12, max: 8 },
    ]);
    expect(judge({}, [2, 4, 2, 1], { ...goal, budget: { kind: 'weights', max: 10 } })).toEqual([{ code: 'weights', count: 18, max: 10 }]);
  });

  it("not the challenge's dataset: another kind, drawn points, another problem, another noise", () => {
    expect(judge({ dataset: 'xor' }, [2, 1])).toEqual([{ code: 'dataset' }]);
    expect(judge({ dataset: 'custom', customPoints: [{ x: 0, y: 0, label: 1 }] }, [2, 1])).toEqual([{ code: 'dataset' }]);
    expect(judge({ problem: 'regression', outputLoss: 'linear-square' }, [2, 1])).toEqual([{ code: 'dataset' }]);
    expect(judge({ noise: 30 }, [2, 1])).toEqual([{ code: 'noise', noise: 30 }]);
  });

  it('a diverged fork is not ranked', () => {
    expect(judge({}, [2, 1], goal, true)).toEqual([{ code: 'diverged' }]);
  });
});

describe('CHAL-4: ranking', () => {
  const score = (testLoss: number, size: number, timeToTargetMs: number | null) => ({ testLoss, size, timeToTargetMs });
  it('lower test loss first, then the smaller network, then the earlier time to target, never reached last', () => {
    const scores = [score(0.2, 4, 10), score(0.1, 8, 500), score(0.1, 4, null), score(0.1, 4, 900), score(0.1, 4, 300)];
    expect([...scores].sort(compareScores)).toEqual([score(0.1, 4, 300), score(0.1, 4, 900), score(0.1, 4, null), score(0.1, 8, 500), score(0.2, 4, 10)]);
  });
});
