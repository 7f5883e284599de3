import { PROTOCOL_LIMITS } from '@playroom/protocol';
import type { PlaygroundModel } from '../playground/model';
import type { SessionView } from './sessions-slice';

/** The playground's view of a session; `readOnly` when the viewer may only watch. */
export function toPlaygroundModel(session: SessionView, readOnly: boolean): PlaygroundModel {
  const { metrics } = session;
  return {
    config: session.config,
    params: session.params,
    epoch: session.epoch,
    playing: session.playing,
    // 'max' means "as fast as the server's fair share allows": show it as the top of the scale
    speed: session.speed === 'max' ? PROTOCOL_LIMITS.speed.max : session.speed,
    trainLoss: metrics.trainLoss,
    testLoss: metrics.testLoss,
    learningRateNow: metrics.learningRate,
    trainAccuracy: metrics.trainAccuracy ?? undefined,
    testAccuracy: metrics.testAccuracy ?? undefined,
    gradientNorms: metrics.gradientNorms,
    weightNorms: metrics.weightNorms,
    lossHistory: session.lossHistory,
    diverged: session.diverged,
    readOnly,
  };
}
