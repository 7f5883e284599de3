import type { TrainerConfig } from '@playroom/engine';

/**
 * What the playground view draws: one session (the class session or a fork),
 * whatever its source (server snapshots or a local trainer). The app shell
 * builds it from the store; the playground components only read it.
 */
export interface PlaygroundModel {
  config: TrainerConfig;
  /** network parameters in the engine's layout (see packages/engine/README.md) */
  params: Float32Array | Float64Array;
  epoch: number;
  playing: boolean;
  /** epochs per second the session trains at when playing */
  speed: number;
  trainLoss: number;
  testLoss: number;
  /** the learning rate training uses now (a schedule lowers it from config.learningRate) */
  learningRateNow?: number;
  trainAccuracy?: number;
  testAccuracy?: number;
  /** per-layer mean |gradient| and |weight| (index 0 = first hidden layer) */
  gradientNorms: number[];
  weightNorms: number[];
  /** down-sampled loss history for the chart */
  lossHistory: { epoch: number; trainLoss: number; testLoss: number }[];
  /** `kind` (the engine's DivergenceKind) lets the view explain it in the reader's language */
  diverged: null | { reason: string; epoch: number; kind?: 'not-finite' | 'exploded' | 'saturated' };
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
