import { Trainer, createTrainer, validateConfig, type TrainerState } from '@playroom/engine';
import type { SessionState } from '@playroom/protocol';

/**
 * The engine's trainer for a session's full state: its config (so the same
 * data, rule STATE-2), its exact weights, epoch, learning rate and
 * divergence. A SessionState holds no optimizer moments or random-number
 * state, so momentum and Adam start again from zero and the batches are
 * drawn afresh: training goes on from the same weights, not bit for bit as
 * it would have on the server. Throws when the engine refuses the state.
 */
export function trainerFromState(state: SessionState): Trainer {
  const start = createTrainer(validateConfig(state.config)).exportState();
  const { diverged, learningRate, gradientNorms } = state.metrics;
  const restored: TrainerState = {
    ...start,
    epoch: state.epoch,
    params: state.params,
    learningRate,
    gradientStats: {
      ...start.gradientStats,
      norms: gradientNorms.length === start.gradientStats.norms.length ? [...gradientNorms] : start.gradientStats.norms,
    },
    diverged: diverged && { kind: diverged.kind ?? 'not-finite', reason: diverged.reason, epoch: diverged.epoch },
  };
  return Trainer.fromState(restored);
}
