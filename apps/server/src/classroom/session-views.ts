/**
 * What a training session shows of itself: the full state a client draws
 * from (JOIN-1), the stored form (PERSIST-1) and the next binary snapshot's
 * content (SNAP-2). Read-only views of a TrainingSession's parts.
 */
import { copyLossHistory, type LossHistory, type Trainer } from '@playroom/engine';
import { sessionMetricsOf, type SessionState, type SnapshotInput } from '@playroom/protocol';
import type { LossTailRounds } from './loss-tail-rounds';
import type { SessionTraining } from './replica-rounds';
import type { SessionRecord } from './session-record';
import type { TrainingSession } from './training-session';

/** The parts of a session its views read besides its public getters. */
export interface SessionViewParts extends SessionTraining {
  preset: string | null;
}

/** The full state a client draws from (rule JOIN-1). */
export function sessionStateOf(session: TrainingSession, { history, timeline, preset }: SessionViewParts): SessionState {
  const { id: sessionId, createdAt: _createdAt, ...identity } = session.identity;
  return {
    sessionId,
    ...identity,
    config: structuredClone(session.config),
    layerSizes: [...session.layerSizes],
    params: Array.from(session.params),
    epoch: session.epoch,
    clock: session.clock,
    playing: session.playing,
    speed: session.speed,
    frozen: session.frozen,
    metrics: session.metrics(),
    lossHistory: copyLossHistory(history),
    preset,
    timeline: timeline.epochs,
    scrubbedTo: timeline.scrubbedTo,
  };
}

/** The next binary snapshot's content (rule SNAP-2) for the snapshot pump's round, with its loss tail (STATE-3, LossTailRounds). */
export function snapshotInputOf(session: TrainingSession, trainer: Trainer, history: LossHistory, tail: LossTailRounds): SnapshotInput {
  const m = sessionMetricsOf(trainer.evaluate());
  return {
    ...m,
    clock: session.clock,
    epoch: session.epoch,
    playing: session.playing,
    diverged: m.diverged !== null,
    layerSizes: session.layerSizes,
    params: session.params,
    lossTail: tail.next(history.points),
  };
}

/** The stored form (rule PERSIST-1). */
export function sessionRecordOf(session: TrainingSession, parts: SessionViewParts): SessionRecord {
  // looking back is no change to keep: storage holds now (SCRUB-4)
  const { trainer, history } = parts.timeline.now ?? parts;
  return {
    ...session.identity,
    speed: session.speed,
    clock: session.clock,
    lossHistory: copyLossHistory(history),
    trainer: trainer.exportState(),
    preset: parts.preset,
  };
}
