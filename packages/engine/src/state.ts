/**
 * A trainer's complete state as JSON: enough to continue training exactly
 * where it was taken, bit for bit (a checkpoint, a fork, a restart). Doubles
 * round-trip exactly through JSON.stringify / JSON.parse.
 */
import type { TrainerConfig } from './config';
import type { Divergence } from './divergence';
import type { HandSetParameter } from './hand-set-parameters';
import type { OptimizerState } from './optimizers';
import type { RngState } from './rng';

export const TRAINER_STATE_VERSION = 1;

export interface TrainerState {
  version: typeof TRAINER_STATE_VERSION;
  config: TrainerConfig;
  /** completed epochs */
  epoch: number;
  /** the next training example of the current pass (0 at an epoch boundary) */
  cursor: number;
  /** the network's parameters in the layout of README.md */
  params: number[];
  /**
   * The playground applies no update for a last partial batch: those
   * examples' gradients carry over into the next epoch's first batch. They
   * are here, summed over `pendingExamples` examples (absent when 0).
   */
  pendingExamples: number;
  pendingGrads?: number[];
  optimizer: OptimizerState;
  rng: RngState;
  /** the rate the next updates use */
  learningRate: number;
  /** reduce-on-plateau bookkeeping */
  schedule: { bestLoss: number | null; badEpochs: number };
  bestTestLoss: number | null;
  /** per weight layer: sums of mean |gradient| this epoch, update count, last epoch's norms */
  gradientStats: { sums: number[]; updates: number; norms: number[] };
  diverged: Divergence | null;
  /** absurd weights and biases typed into this network (absent when none), so a divergence can name them */
  handSet?: HandSetParameter[];
}

/** Throws a readable error when `input` is not a trainer state this version can load. */
export function checkTrainerState(input: unknown): TrainerState {
  if (typeof input !== 'object' || input === null) throw new TypeError('trainer state must be an object');
  const s = input as Record<string, unknown>;
  if (s.version !== TRAINER_STATE_VERSION) {
    throw new TypeError(`trainer state version must be ${TRAINER_STATE_VERSION}, got ${String(s.version)}`);
  }
  nonNegativeInteger(s.epoch, 'epoch');
  nonNegativeInteger(s.cursor, 'cursor');
  nonNegativeInteger(s.pendingExamples, 'pendingExamples');
  finiteNumbers(s.params, 'params');
  if (s.pendingGrads !== undefined) finiteNumbers(s.pendingGrads, 'pendingGrads');
  if (typeof s.learningRate !== 'number' || !Number.isFinite(s.learningRate)) {
    throw new TypeError('trainer state learningRate must be a finite number');
  }
  const optimizer = s.optimizer as Record<string, unknown> | undefined;
  if (typeof optimizer !== 'object' || optimizer === null) throw new TypeError('trainer state optimizer must be an object');
  nonNegativeInteger(optimizer.step, 'optimizer.step');
  if (optimizer.m !== undefined) finiteNumbers(optimizer.m, 'optimizer.m');
  if (optimizer.v !== undefined) finiteNumbers(optimizer.v, 'optimizer.v');
  const schedule = s.schedule as Record<string, unknown> | undefined;
  if (typeof schedule !== 'object' || schedule === null) throw new TypeError('trainer state schedule must be an object');
  nonNegativeInteger(schedule.badEpochs, 'schedule.badEpochs');
  const stats = s.gradientStats as Record<string, unknown> | undefined;
  if (typeof stats !== 'object' || stats === null) throw new TypeError('trainer state gradientStats must be an object');
  finiteNumbers(stats.sums, 'gradientStats.sums');
  finiteNumbers(stats.norms, 'gradientStats.norms');
  nonNegativeInteger(stats.updates, 'gradientStats.updates');
  if (!Array.isArray(s.rng)) throw new TypeError('trainer state rng must be an array');
  if (s.handSet !== undefined) checkHandSet(s.handSet);
  return input as TrainerState;
}

function checkHandSet(value: unknown): void {
  const valid = (p: Record<string, unknown>) =>
    Number.isInteger(p.layer) && Number.isInteger(p.to) && (p.from === null || Number.isInteger(p.from)) && Number.isFinite(p.value);
  if (!Array.isArray(value) || !value.every((p) => typeof p === 'object' && p !== null && valid(p as Record<string, unknown>))) {
    throw new TypeError('trainer state handSet must be an array of {layer, to, from, value}');
  }
}

function nonNegativeInteger(value: unknown, field: string): void {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) {
    throw new TypeError(`trainer state ${field} must be a non-negative integer`);
  }
}

function finiteNumbers(value: unknown, field: string): void {
  if (!Array.isArray(value) || !value.every((v) => typeof v === 'number' && Number.isFinite(v))) {
    throw new TypeError(`trainer state ${field} must be an array of finite numbers`);
  }
}

/** A state's arrays and counts fit the network and data it is loaded into (a hostile file's do not have to). */
export function checkStateFits(state: TrainerState, params: number, weightLayers: number, trainCount: number): void {
  const sized = (value: readonly number[] | undefined, length: number, field: string): void => {
    if (value !== undefined && value.length !== length) {
      throw new RangeError(`state ${field} has ${value.length} numbers, the config's network needs ${length}`);
    }
  };
  sized(state.pendingGrads, params, 'pendingGrads');
  sized(state.gradientStats.sums, weightLayers, 'gradientStats.sums');
  sized(state.gradientStats.norms, weightLayers, 'gradientStats.norms');
  if (state.pendingExamples > trainCount) {
    throw new RangeError(`state pendingExamples ${state.pendingExamples} is more than the ${trainCount} training points`);
  }
  if (state.pendingExamples > 0 && state.pendingGrads === undefined) throw new RangeError('state has pendingExamples but no pendingGrads');
}
