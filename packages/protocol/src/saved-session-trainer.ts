import { Trainer, createTrainer, validateConfig, type TrainerState } from '@playroom/engine';
import type { SavedSession } from './playground-file';

/**
 * The engine's trainer for a saved session (FILE-2), for practice mode and
 * for a class started from a file (REST-1 `from`). With its `trainer` state
 * it continues bit for bit. Without (a file from before FILE-2, a fork of
 * `classEnded`): its config (so the same data, rule STATE-2), exact weights,
 * epoch, learning rate and divergence; momentum and Adam start again from
 * zero and the batches are drawn afresh. Throws when the engine refuses it.
 */
export function trainerOfSavedSession(session: SavedSession): Trainer {
  if (session.trainer) return Trainer.fromState(session.trainer);
  const start = createTrainer(validateConfig(session.config)).exportState();
  const { diverged, learningRate, gradientNorms } = session.metrics;
  const restored: TrainerState = {
    ...start,
    epoch: session.epoch,
    params: session.params,
    learningRate,
    gradientStats: {
      ...start.gradientStats,
      norms: gradientNorms.length === start.gradientStats.norms.length ? [...gradientNorms] : start.gradientStats.norms,
    },
    diverged: diverged && { kind: diverged.kind ?? 'not-finite', reason: diverged.reason, epoch: diverged.epoch },
  };
  return Trainer.fromState(restored);
}
