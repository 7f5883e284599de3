import type { PlaygroundModel } from '../playground/model';
import type { SessionView } from './sessions-slice';

/** The playground's view of a session; `readOnly` when the viewer may only watch. */
export function toPlaygroundModel(session: SessionView, readOnly: boolean): PlaygroundModel {
  return {
    config: session.config,
    params: session.params,
    epoch: session.epoch,
    playing: session.playing,
    speed: session.speed,
    trainLoss: session.metrics.trainLoss,
    testLoss: session.metrics.testLoss,
    trainAccuracy: session.metrics.trainAccuracy,
    testAccuracy: session.metrics.testAccuracy,
    gradientNorms: session.metrics.gradientNorms,
    weightNorms: session.metrics.weightNorms,
    lossHistory: session.lossHistory,
    diverged: session.diverged,
    readOnly,
  };
}
