import type { TrainerConfig } from '@playroom/engine';
import type { TrainingView } from '@playroom/protocol';

/**
 * What the playground view draws: one session (the class session or a fork,
 * from the store; or practice mode's local trainer) in the protocol's own
 * shape, and whether the viewer may drive it. The playground components only
 * read it; a missing value is null, as on the wire.
 */
export interface PlaygroundModel extends TrainingView {
  /** controls are shown but disabled (watching someone else's session, or a fork the teacher paused) */
  readOnly: boolean;
}

/** Why a command was refused: the protocol's error code, English detail, and the config field when one was refused. */
export interface CommandFailure {
  code: string;
  message: string;
  field?: string;
}

/** A command's life as the controls show it (`message` in the reader's language). */
export type CommandStatus = { state: 'idle' } | { state: 'pending' } | { state: 'failed'; message: string };

/** Everything a playground control can ask for; the app shell sends them to the server (or a local trainer). */
export interface PlaygroundActions {
  setConfig(patch: Partial<TrainerConfig>): void;
  play(): void;
  pause(): void;
  step(): void;
  reset(): void;
  regenerateData(): void;
  /** layer ≥ 1 (destination layer), `to` neuron in that layer, `from` neuron in the layer before */
  setWeight(layer: number, to: number, from: number, value: number): void;
  setBias(layer: number, neuron: number, value: number): void;
  setSpeed(epochsPerSecond: number): void;
}
