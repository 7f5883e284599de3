import { weightNormsOf, type DivergenceKind } from '@playroom/engine';
import type { SessionState } from '@playroom/protocol';
import type { LossPoint } from '../store/loss-history';
import type { SessionView } from '../store/sessions-slice';

const DIVERGENCE_KINDS: readonly string[] = ['not-finite', 'exploded', 'saturated'] satisfies DivergenceKind[];

/**
 * The divergence as the view needs it: `reason` is English, `kind` (TRAIN-3)
 * lets the view say which way training failed in the reader's language. An
 * older server sends no kind, a newer one may send a kind this build does not
 * know: the view then falls back to the generic text.
 */
function divergenceOf(diverged: SessionState['metrics']['diverged']): SessionView['diverged'] {
  if (!diverged) return null;
  const kind: string | undefined = diverged.kind;
  const base = { reason: diverged.reason, epoch: diverged.epoch };
  return typeof kind === 'string' && DIVERGENCE_KINDS.includes(kind) ? { ...base, kind: kind as DivergenceKind } : base;
}

/** JSON has no NaN: the server sends null for a loss it could not compute. */
const lossOrNaN = (loss: number | null): number => (loss === null ? Number.NaN : loss);

/** The store's view of a session from the server's full state (welcome, session update, fork, watch). */
export function sessionFromState(state: SessionState): SessionView {
  const params = Float64Array.from(state.params);
  const lossHistory: LossPoint[] = [];
  for (const p of state.lossHistory) {
    if (p.trainLoss !== null && p.testLoss !== null) lossHistory.push({ epoch: p.epoch, trainLoss: p.trainLoss, testLoss: p.testLoss });
  }
  return {
    id: state.sessionId,
    kind: state.kind,
    ownerId: state.ownerId,
    ownerName: state.ownerName,
    parentId: state.parentId,
    config: state.config,
    layerSizes: state.layerSizes,
    params,
    epoch: state.epoch,
    clock: state.clock,
    playing: state.playing,
    speed: state.speed,
    frozen: state.frozen,
    metrics: {
      trainLoss: lossOrNaN(state.metrics.trainLoss),
      testLoss: lossOrNaN(state.metrics.testLoss),
      trainAccuracy: state.metrics.trainAccuracy,
      testAccuracy: state.metrics.testAccuracy,
      learningRate: state.metrics.learningRate,
      gradientNorms: state.metrics.gradientNorms,
      weightNorms: weightNormsOf(params, state.layerSizes),
    },
    lossHistory,
    diverged: divergenceOf(state.metrics.diverged),
  };
}
