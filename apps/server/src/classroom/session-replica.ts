/**
 * What travels between a session on the main thread and its training
 * replica in a worker (scheduler/training-pool.ts, training-worker.ts):
 * the session's whole state whenever it changes, and back, once per round,
 * what the replica's training did. Plain data: it crosses `postMessage`.
 */
import type { Divergence, LossPoint, MeasuredLosses, TrainerState } from '@playroom/engine';
import type { SessionRecord } from './session-record';
import type { TimelineChanges, TimelineSeed } from './session-timeline';

/** What a worker needs to train a session; sent again whenever the session's revision grows. */
export interface SessionReplicaState {
  revision: number;
  record: SessionRecord;
  playing: boolean;
  pendingSteps: number;
  timeline: TimelineSeed;
}

/** Where a replica's round began: its epoch, and its loss history's stride and length. */
export interface RoundStart {
  epoch: number;
  historyStride: number;
  historyLength: number;
}

/** How a replica's training went in one round. */
export interface RoundOutcome {
  /** epochs trained this round */
  ran: number;
  /** training stopped by itself (divergence) */
  stopped: Divergence | null;
  /** the queued steps were all trained */
  stepsDone: boolean;
}

/** A replica's training call threw (a bug): the worker dropped the replica; the session is left to TrainingOutcomes.failed. */
export interface TrainingFailure {
  sessionId: string;
  revision: number;
  message: string;
}

/** What a replica's training did in one round, for the session to adopt (TrainingSession.adoptTraining). */
export interface TrainedRound extends RoundOutcome {
  sessionId: string;
  /** the session revision the replica trained from: a session changed since drops the round */
  revision: number;
  trainer: TrainerState;
  losses: MeasuredLosses;
  /** the loss history's points from index `from` on (all of them when its stride doubled), and its stride */
  history: { stride: number; from: number; points: LossPoint[] };
  timeline: TimelineChanges;
  pendingSteps: number;
}
