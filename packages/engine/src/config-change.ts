/**
 * What a config change costs: whether the running network can keep its
 * weights, must be rebuilt, or the data must be regenerated as well.
 */
import type { CustomPoint, TrainerConfig } from './config';
import { hiddenActivations } from './network-shape';

/**
 * - 'keep': only training settings changed (learning rate, schedule,
 *   optimizer, regularization, batch size); weights and epoch stay.
 * - 'rebuild': the network changed (features, layers, activations,
 *   output/loss, initialization, biases on or off, seed); new weights, epoch 0, same data.
 * - 'regenerate': the data changed (problem, dataset, noise, split, data
 *   seed, custom points); new data and a new network.
 */
export type ConfigChangeEffect = 'keep' | 'rebuild' | 'regenerate';

/** The effect of going from `prev` to `next` (both valid configs). */
export function configChangeEffect(prev: TrainerConfig, next: TrainerConfig): ConfigChangeEffect {
  // The problem decides the labels (±1 sets become classes 0/1 for multiclass), so it is data.
  if (
    prev.problem !== next.problem ||
    prev.dataset !== next.dataset ||
    prev.noise !== next.noise ||
    prev.trainRatio !== next.trainRatio ||
    prev.dataSeed !== next.dataSeed ||
    (next.dataset === 'custom' && !samePoints(prev, next))
  ) {
    return 'regenerate';
  }
  if (
    !sameList(prev.features, next.features) ||
    !sameList(prev.hiddenLayers, next.hiddenLayers) ||
    !sameList(hiddenActivations(prev), hiddenActivations(next)) ||
    prev.outputLoss !== next.outputLoss ||
    prev.initialization !== next.initialization ||
    (prev.biases ?? true) !== (next.biases ?? true) ||
    prev.seed !== next.seed
  ) {
    return 'rebuild';
  }
  return 'keep';
}

function sameList<T>(a: readonly T[], b: readonly T[]): boolean {
  return a.length === b.length && a.every((value, i) => value === b[i]);
}

function samePoints(prev: TrainerConfig, next: TrainerConfig): boolean {
  return sameCustomPoints(prev.customPoints ?? [], next.customPoints ?? []);
}

/** Whether two custom point lists are the same points in the same order (a copy is the same list). */
export function sameCustomPoints(a: readonly CustomPoint[], b: readonly CustomPoint[]): boolean {
  return (
    a.length === b.length &&
    a.every((p, i) => {
      const q = b[i]!;
      return p.x === q.x && p.y === q.y && p.label === q.label;
    })
  );
}
