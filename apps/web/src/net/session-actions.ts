import type { PlaygroundActions } from '../playground/model';
import type { ClassConnection } from './class-connection';

/** The playground's actions on one server session, sent as commands. */
export function sessionActions(connection: ClassConnection, sessionId: string): PlaygroundActions {
  const send = connection.send.bind(connection);
  return {
    setConfig: (patch) => void send({ type: 'setConfig', sessionId, patch }),
    play: () => void send({ type: 'play', sessionId }),
    pause: () => void send({ type: 'pause', sessionId }),
    step: () => void send({ type: 'step', sessionId }),
    reset: (start) => void send({ type: 'reset', sessionId, start }),
    regenerateData: () => void send({ type: 'regenerateData', sessionId }),
    setWeight: (layer, to, from, value) => void send({ type: 'setWeight', sessionId, layer, to, from, value }),
    setBias: (layer, neuron, value) => void send({ type: 'setBias', sessionId, layer, to: neuron, value }),
    setSpeed: (speed) => void send({ type: 'setSpeed', sessionId, speed }),
    loadPreset: (presetId) => void send({ type: 'loadPreset', sessionId, presetId }),
    scrub: (epoch) => void send({ type: 'scrub', sessionId, epoch }),
    resumeFrom: () => void send({ type: 'resumeFrom', sessionId }),
  };
}
