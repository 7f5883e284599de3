import type { SessionState } from '@playroom/protocol';
import type { LossPoint } from '../store/loss-history';
import type { SessionView } from '../store/sessions-slice';
import { weightNormsOf } from '../store/weight-norms';

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
    diverged: state.metrics.diverged,
  };
}
