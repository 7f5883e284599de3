/**
 * What a training session shows of itself: the full state a client draws
 * from (JOIN-1), the stored form (PERSIST-1) and a binary snapshot's
 * content (SNAP-2). Read-only views of a TrainingSession's parts.
 */
import { copyLossHistory, type Trainer } from '@playroom/engine';
import { sessionMetricsOf, type SessionState } from '@playroom/protocol';
import type { SessionTraining } from './replica-rounds';
import type { SessionRecord } from './session-record';
import type { SnapshotScalars } from './session-snapshots';
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

/** A binary snapshot's content (rule SNAP-2) but its loss tail (SessionSnapshots adds it). */
export function snapshotScalarsOf(session: TrainingSession, trainer: Trainer): SnapshotScalars {
  const m = sessionMetricsOf(trainer.evaluate());
  return {
    ...m,
    clock: session.clock,
    epoch: session.epoch,
    playing: session.playing,
    diverged: m.diverged !== null,
    layerSizes: session.layerSizes,
    params: session.params,
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
