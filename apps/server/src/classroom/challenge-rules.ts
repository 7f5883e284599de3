import { datasetProblem, type TrainerConfig } from '@playroom/engine';
import type { ChallengeGoal, Disqualification } from '@playroom/protocol';

/** A network's size as the challenge's budgets count it: hidden neurons, and connection weights (biases not counted). */
export interface NetworkSize {
  neurons: number;
  weights: number;
}

/** The size of a network of these layer sizes (input, hidden…, output). */
export function networkSize(layerSizes: readonly number[]): NetworkSize {
  let neurons = 0;
  let weights = 0;
  for (let i = 1; i < layerSizes.length; i++) {
    weights += layerSizes[i - 1]! * layerSizes[i]!;
    if (i < layerSizes.length - 1) neurons += layerSizes[i]!;
  }
  return { neurons, weights };
}

/**
 * Why a fork does not qualify for the goal (CHAL-3), every reason in a fixed
 * order; empty when it does. The fork's own data split is never looked at.
 */
export function disqualifications(goal: ChallengeGoal, config: TrainerConfig, size: NetworkSize, diverged: boolean): Disqualification[] {
  const reasons: Disqualification[] = [];
  if (config.dataset !== goal.dataset || config.problem !== datasetProblem(goal.dataset)) reasons.push({ code: 'dataset' });
  else if (config.noise !== goal.noise) reasons.push({ code: 'noise', noise: config.noise });
  for (const feature of config.features) if (!goal.features.includes(feature)) reasons.push({ code: 'feature', feature });
  const { kind, max } = goal.budget;
  if (size[kind] > max) reasons.push({ code: kind, count: size[kind], max });
  if (diverged) reasons.push({ code: 'diverged' });
  return reasons;
}

/** What ranking compares of a qualifying fork. */
export interface RankedScore {
  testLoss: number;
  /** the size the budget counts */
  size: number;
  timeToTargetMs: number | null;
}

/** CHAL-4: lower test loss first, then the smaller network, then the earlier time to the target (none: last). */
export function compareScores(a: RankedScore, b: RankedScore): number {
  if (a.testLoss !== b.testLoss) return a.testLoss - b.testLoss;
  if (a.size !== b.size) return a.size - b.size;
  const at = a.timeToTargetMs ?? Number.POSITIVE_INFINITY;
  const bt = b.timeToTargetMs ?? Number.POSITIVE_INFINITY;
  return at === bt ? 0 : at < bt ? -1 : 1;
}
