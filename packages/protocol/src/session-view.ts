/**
 * A session as a client holds and draws it, in one shape from the wire to
 * the view: the server's SessionState with its parameters in a typed array
 * (a snapshot brings Float32, a full state Float64). The store keeps it, the
 * playground draws it, and practice mode produces the same fields, so adding
 * a metric touches its schema, its producer (`sessionMetricsOf`) and its view.
 */
import { mergeLossTail, type Metrics } from '@playroom/engine';
import type { Snapshot } from './snapshot-codec';
import type { SessionMetrics, SessionState } from './schemas/state-schemas';

export interface SessionView extends Omit<SessionState, 'params'> {
  /** every weight and bias in the engine's layout */
  params: Float32Array | Float64Array;
}

/** What a playground needs of a session to draw and drive it (the class session, a fork or practice mode). */
export type TrainingView = Pick<SessionView, 'config' | 'layerSizes' | 'params' | 'epoch' | 'playing' | 'speed' | 'metrics' | 'lossHistory' | 'preset'>;

const finiteOrNull = (value: number | undefined): number | null =>
  value !== undefined && Number.isFinite(value) ? value : null;

/** The engine's metrics as the wire carries them: missing or non-finite values are null, gradient norms finite. */
export function sessionMetricsOf(metrics: Metrics): SessionMetrics {
  const { diverged } = metrics;
  return {
    trainLoss: finiteOrNull(metrics.trainLoss),
    testLoss: finiteOrNull(metrics.testLoss),
    trainAccuracy: finiteOrNull(metrics.trainAccuracy),
    testAccuracy: finiteOrNull(metrics.testAccuracy),
    learningRate: metrics.learningRate,
    gradientNorms: metrics.gradientNorms.map((norm) => (Number.isFinite(norm) ? norm : 0)),
    diverged: diverged && { reason: diverged.reason, epoch: diverged.epoch, kind: diverged.kind },
  };
}

/** The client's copy of a session from a full state (welcome, `session` update, the ack of fork or watch). */
export function sessionViewFromState(state: SessionState): SessionView {
  return { ...state, params: Float64Array.from(state.params) };
}

function sameSizes(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((v, i) => v === b[i]);
}

/**
 * A session with a snapshot folded in, or the same object when the snapshot
 * is stale (its clock not above ours, rule SNAP-3) or describes another
 * network shape (it raced a config change; the next one will match). The
 * snapshot's loss tail extends the loss history by the engine's rule (STATE-3);
 * a divergence keeps the reason the last `session` update gave.
 */
export function withSnapshot(session: SessionView, snapshot: Snapshot): SessionView {
  if (snapshot.clock <= session.clock || !sameSizes(snapshot.layerSizes, session.layerSizes)) return session;
  const { metrics } = session;
  return {
    ...session,
    clock: snapshot.clock,
    epoch: snapshot.epoch,
    params: snapshot.params,
    playing: snapshot.playing,
    metrics: {
      trainLoss: snapshot.trainLoss,
      testLoss: snapshot.testLoss,
      trainAccuracy: snapshot.trainAccuracy,
      testAccuracy: snapshot.testAccuracy,
      learningRate: snapshot.learningRate,
      gradientNorms: Array.from(snapshot.gradientNorms),
      diverged: snapshot.diverged ? (metrics.diverged ?? { reason: '', epoch: snapshot.epoch }) : null,
    },
    lossHistory: mergeLossTail(session.lossHistory, snapshot.lossTail),
  };
}
