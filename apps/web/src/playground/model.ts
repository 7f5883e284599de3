import type { TrainerConfig } from '@playroom/engine';
import { lessonControlState, type LessonControl, type ResetStart, type LessonControlState, type LessonControls, type TrainingView } from '@playroom/protocol';

/**
 * What the playground view draws: one session (the class session or a fork,
 * from the store; or practice mode's local trainer) in the protocol's own
 * shape, and whether the viewer may drive it. The playground components only
 * read it; a missing value is null, as on the wire.
 */
export interface PlaygroundModel extends TrainingView {
  /** controls are shown but disabled (watching someone else's session, or a fork the teacher paused) */
  readOnly: boolean;
  /** for a student, the controls the teacher locked or hid for the lesson (LESSON-1); absent: every control open */
  lessonControls?: LessonControls;
  /** the epochs of the session's checkpoints (SCRUB-1); absent or empty: no timeline (practice mode) */
  timeline?: readonly number[];
  /** the checkpoint shown while someone looks back (SCRUB-2); null or absent: now */
  scrubbedTo?: number | null;
}

/** What the viewer may do with one control: open, locked (shown, disabled, with a padlock) or hidden. */
export function controlState(model: Pick<PlaygroundModel, 'lessonControls'>, control: LessonControl): LessonControlState {
  return lessonControlState(model.lessonControls ?? {}, control);
}

/** The two questions a panel asks of each control: is it on screen, and is it locked. */
export function lessonAccess(model: Pick<PlaygroundModel, 'lessonControls'>): { shown(control: LessonControl): boolean; locked(control: LessonControl): boolean } {
  return {
    shown: (control) => controlState(model, control) !== 'hidden',
    locked: (control) => controlState(model, control) === 'locked',
  };
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
  /** back to epoch 0: `'new'` initial weights (a new seed, as the playground's reset), or `'same'` as before (CMD-4) */
  reset(start: ResetStart): void;
  regenerateData(): void;
  /** layer ≥ 1 (destination layer), `to` neuron in that layer, `from` neuron in the layer before */
  setWeight(layer: number, to: number, from: number, value: number): void;
  setBias(layer: number, neuron: number, value: number): void;
  setSpeed(epochsPerSecond: number): void;
  /** "Show me": load one of the engine's teaching presets (TEACH-1) */
  loadPreset(presetId: string): void;
  /** look back at the checkpoint of `epoch`, or back to now with null (SCRUB-2); absent: the session keeps no timeline */
  scrub?(epoch: number | null): void;
  /** continue from the checkpoint looked at (SCRUB-3) */
  resumeFrom?(): void;
}
