import { Trainer, copyLossHistory, createTrainer, validateConfig, type LossHistory, type TrainerState } from '@playroom/engine';
import type { SavedSession } from './playground-file';
import type { SessionState } from './schemas/state-schemas';
import { PROTOCOL_LIMITS } from './limits';
import { sessionMetricsOf } from './session-view';

/** Who a session is, as a playground file names it: kept from the class session or fork it was opened from. */
export type SessionOrigin = Pick<SessionState, 'sessionId' | 'classId' | 'kind' | 'ownerId' | 'ownerName' | 'parentId' | 'forkedAtEpoch'>;

/** A session started away from any class (practice mode, `playroom-train`): nobody's. */
export const PRACTICE_ORIGIN: SessionOrigin = {
  sessionId: 'practice',
  classId: 'practice',
  kind: 'fork',
  ownerId: 'practice',
  ownerName: '',
  parentId: null,
  forkedAtEpoch: null,
};

/** A trainer's session as a playground file keeps it: paused, exact, with the trainer's state (FILE-2). */
export function savedSessionOfTrainer(
  trainer: Trainer,
  lossHistory: LossHistory,
  origin: SessionOrigin = PRACTICE_ORIGIN,
  view: Pick<SessionState, 'speed' | 'preset'> = { speed: PROTOCOL_LIMITS.speed.default, preset: null },
): SavedSession {
  const { network, config, epoch } = trainer;
  return {
    ...origin,
    config: structuredClone(config),
    layerSizes: [...network.layerSizes],
    params: Array.from(network.params),
    epoch,
    clock: 1,
    playing: false,
    speed: view.speed,
    frozen: false,
    metrics: sessionMetricsOf(trainer.evaluate()),
    lossHistory: copyLossHistory(lossHistory),
    preset: view.preset,
    // checkpoints are the server's (SCRUB-1): a saved session has no timeline
    timeline: [],
    scrubbedTo: null,
    trainer: trainer.exportState(),
  };
}

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
