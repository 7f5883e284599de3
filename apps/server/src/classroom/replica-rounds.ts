/**
 * The round side of a training session (see session-replica.ts): where a
 * worker's replica begins a round, what the round carries back, and how the
 * session on the main thread adopts it, as if it had trained the round itself.
 */
import type { LossHistory, Trainer } from '@playroom/engine';
import type { RoundOutcome, RoundStart, TrainedRound } from './session-replica';
import type { SessionTimeline } from './session-timeline';

/** What training moves in a session: its trainer, its loss history and its timeline. */
export interface SessionTraining {
  trainer: Trainer;
  history: LossHistory;
  timeline: SessionTimeline;
}

/** Who the round is of, and what the replica's bookkeeping says at its end. */
export type RoundSession = Pick<TrainedRound, 'sessionId' | 'revision' | 'pendingSteps'>;

/** Where a replica's next round begins (see trainedRoundOf). */
export function roundStartOf({ trainer, history }: Pick<SessionTraining, 'trainer' | 'history'>): RoundStart {
  return { epoch: trainer.epoch, historyStride: history.stride, historyLength: history.points.length };
}

/** A replica's round: its state now and what its training since `start` recorded. */
export function trainedRoundOf(training: SessionTraining, session: RoundSession, start: RoundStart, outcome: RoundOutcome): TrainedRound {
  const { trainer, timeline } = training;
  const { stride, points } = training.history;
  // the points before the round's are unchanged unless the stride doubled (a thinning)
  const from = stride === start.historyStride ? Math.min(start.historyLength, points.length) : 0;
  return {
    ...outcome,
    ...session,
    trainer: trainer.exportState(),
    losses: trainer.measuredLosses(),
    history: { stride, from, points: points.slice(from) },
    timeline: timeline.changesSince(start.epoch),
  };
}

/** Adopts a round's trainer state and timeline into `training`; returns the loss history after the round. */
export function adoptRound(training: SessionTraining, round: TrainedRound): LossHistory {
  const { stride, from, points } = round.history;
  const { history } = training;
  if (from > history.points.length) throw new Error(`a round's loss history starts at point ${from}, this session has ${history.points.length}`);
  training.trainer.adoptState(round.trainer, round.losses);
  training.timeline.adopt(round.timeline);
  return { stride, points: history.points.slice(0, from).concat(points) };
}
