import type { Divergence } from '@playroom/engine';
import type { Speed } from '@playroom/protocol';

/** What one training call did: how many epochs ran, and why training stopped by itself (null: it did not). */
export interface TrainingResult {
  ran: number;
  stopped: Divergence | null;
}

/** What a scheduler trains (a TrainingSession). */
export interface Trainable {
  readonly id: string;
  /** sessions of one class share that class's part of the training time, however many it has (LIM-9) */
  readonly classId: string;
  readonly playing: boolean;
  readonly speed: Speed;
  /** epochs of `step` commands waiting to be trained, playing or not */
  readonly pendingSteps: number;
  /** train up to `epochs` epochs now */
  train(epochs: number): TrainingResult;
  /** train up to `epochs` of the pending steps now */
  trainSteps(epochs: number): TrainingResult;
}

/** Who hears what training did; the classroom domain turns it into events (classroom/training-outcomes.ts). */
export interface TrainingObserver<S extends Trainable = Trainable> {
  /** a session trained `epochs` > 0 epochs */
  trained?(session: S, epochs: number): void;
  /** training stopped by itself (divergence), playing or stepping */
  stopped?(session: S, reason: Divergence): void;
  /** a session's queued steps are all trained (not called when they stopped by divergence: see `stopped`) */
  stepsDone?(session: S): void;
  /** a training call threw; the session is left to the observer */
  failed?(session: S, error: unknown): void;
}

/** The training loop the server runs: the time-sliced TrainingScheduler, or the benchmark's NaiveScheduler. */
export interface Scheduler {
  start(): void;
  stop(): void;
  /** work was queued (a step): train soon instead of at the end of an idle wait */
  wake(): void;
  /** a snapshot round went out: what trains elsewhere (TrainingPool's workers) comes back for the next one */
  roundDue(): void;
  readonly epochsTrained: number;
}
