import { DEFAULT_CONFIG, Trainer, type TrainerConfig } from '@playroom/engine';
import { CHALLENGE_LIMITS, type ChallengeGoal } from '@playroom/protocol';
import { describe, expect, it } from 'vitest';
import { Challenge } from './challenge';
import { TrainingSession, type SessionIdentity } from './training-session';

const goal: ChallengeGoal = { dataset: 'circle', noise: 0, features: ['x1', 'x2', 'x1sq', 'x2sq'], budget: { kind: 'neurons', max: 8 }, targetTestLoss: 0.2, timeLimitSec: 60 };
const identity = (id: string, owner = `p_${id}`): SessionIdentity => ({ id, classId: 'c', kind: 'fork', ownerId: owner, ownerName: owner, parentId: 'c', forkedAtEpoch: 0, createdAt: 0 });
const fork = (id: string, patch: Partial<TrainerConfig>, epochs = 0) => {
  const session = TrainingSession.create(identity(id), { ...DEFAULT_CONFIG, ...patch });
  if (epochs > 0) session.train(epochs);
  return session;
};

describe('Challenge', () => {
  it('CHAL-2: scores a fork on its own held-out set, whatever the fork’s own test split says', () => {
    const challenge = Challenge.start(goal, 0, 12345);
    const good = fork('good', { features: ['x1sq', 'x2sq'], hiddenLayers: [2], learningRate: 0.1 }, 60);
    challenge.evaluate([good], 0);
    const [standing] = challenge.standings([good]);
    const trainer = Trainer.fromState(good.toRecord().trainer);
    expect(standing!.testLoss).toBe(challenge.heldOutSet.loss(trainer.network, good.config.features));
    expect(standing!.testLoss).not.toBe(good.metrics().testLoss);
    expect(standing!.rank).toBe(1);
  });

  it('CHAL-3/4: a fork breaking a rule is listed with its reasons and no rank; time to target is measured by the server', () => {
    const challenge = Challenge.start(goal, 1000, 7);
    const good = fork('good', { features: ['x1sq', 'x2sq'], hiddenLayers: [2], learningRate: 0.1 }, 80);
    const untrained = fork('untrained', { features: ['x1sq', 'x2sq'], hiddenLayers: [2] });
    const cheat = fork('cheat', { features: ['x1', 'sinx1'], hiddenLayers: [8, 4] }, 5);
    challenge.evaluate([good, untrained, cheat], 3500);
    const standings = challenge.standings([cheat, untrained, good]);
    expect(standings.map((s) => [s.forkId, s.rank])).toEqual([['good', 1], ['untrained', 2], ['cheat', null]]);
    expect(standings[0]!.timeToTargetMs).toBe(2500);
    expect(standings[1]!.timeToTargetMs).toBeNull();
    expect(standings[2]!.disqualified).toEqual([{ code: 'feature', feature: 'sinx1' }, { code: 'neurons', count: 12, max: 8 }]);
    expect(standings[2]!.testLoss).toBeNull();
  });

  it('CHAL-7: a fork is scored again only when its clock moved and a second has passed', () => {
    const challenge = Challenge.start(goal, 0, 1);
    const session = fork('a', { features: ['x1', 'x2'] });
    expect(challenge.evaluate([session], 0)).toBe(1);
    session.train(1);
    expect(challenge.evaluate([session], 500)).toBe(0);
    expect(challenge.evaluate([session], 1000)).toBe(1);
    expect(challenge.evaluate([session], 5000)).toBe(0);
  });

  it('CHAL-6/8: ends at its time limit with final standings, and comes back from its record the same', () => {
    const challenge = Challenge.start(goal, 0, 99);
    const session = fork('a', { features: ['x1', 'x2'] }, 3);
    expect(challenge.expired(59_999)).toBe(false);
    expect(challenge.expired(60_000)).toBe(true);
    challenge.end([session], 60_000);
    session.train(20);
    const final = challenge.standings([session]);
    expect(challenge.running).toBe(false);
    const restored = new Challenge(challenge.toRecord());
    expect(restored.standings([session])).toEqual(final);
    expect(restored.heldOutSet.xs).toEqual(challenge.heldOutSet.xs);
  });

  it('CHAL-7: scoring 100 forks of the largest network stays within one round’s budget', () => {
    const all: ChallengeGoal = { ...goal, features: ['x1', 'x2', 'x1sq', 'x2sq', 'x1x2', 'sinx1', 'sinx2', 'cosx1', 'cosx2'], budget: { kind: 'weights', max: CHALLENGE_LIMITS.maxWeights } };
    const challenge = Challenge.start(all, 0, 5);
    const forks = Array.from({ length: 100 }, (_, i) => fork(`f${i}`, { features: all.features, hiddenLayers: [8, 8, 8, 8, 8, 8], seed: i + 1 }));
    challenge.evaluateAll(forks, 0); // warm-up
    const started = performance.now();
    challenge.evaluateAll(forks, 1);
    const ms = performance.now() - started;
    console.log(`CHAL-7: 100 forks of ${forks[0]!.layerSizes.join('-')} scored on ${challenge.heldOutSet.count} held-out points in ${ms.toFixed(1)} ms`);
    expect(ms).toBeLessThan(500);
  });
});
