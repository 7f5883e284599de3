import type { ForkSummary, SessionMetrics } from '@playroom/protocol';
import type { TrainingSession } from './training-session';

/** One line of the fork dashboard (SUM-1): a session as it is now, with its metrics `m`. */
export function forkSummaryOf(session: TrainingSession, m: SessionMetrics): ForkSummary {
  return {
    sessionId: session.id,
    ownerId: session.identity.ownerId,
    ownerName: session.identity.ownerName,
    parentId: session.identity.parentId,
    epoch: session.epoch,
    clock: session.clock,
    trainLoss: m.trainLoss,
    testLoss: m.testLoss,
    playing: session.playing,
    frozen: session.frozen,
    diverged: m.diverged !== null,
    layerSizes: [...session.layerSizes],
    dataset: session.config.dataset,
  };
}
