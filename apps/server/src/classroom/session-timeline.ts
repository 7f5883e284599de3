import { Trainer, copyLossHistory, type LossHistory, type TrainerConfig, type TrainerState } from '@playroom/engine';
import { ErrorCode } from '@playroom/protocol';
import { checkpointToDrop, denseCheckpoints } from './checkpoint-thinning';
import { Refusal } from './refusal';

/** At most this many checkpoints per session (SCRUB-1). */
export const TIMELINE_MAX_POINTS = 200;
/** Fewer for a network whose checkpoints are big: a session's timeline holds at most about this many bytes (SCRUB-1). */
export const TIMELINE_BYTES = 512 * 1024;
/** Even the biggest network keeps this many. */
const TIMELINE_MIN_POINTS = 8;

/**
 * What one checkpoint holds in V8's heap, measured (`session-timeline.test.ts`
 * prints the figures): ~1.4 KB of objects and ~11 bytes per number of the
 * state's arrays (params, optimizer moments, pending gradients counted as
 * present, gradient statistics, RNG). The config is shared by the
 * checkpoints of one config and not counted.
 */
export function checkpointBytes(state: TrainerState): number {
  const { params, optimizer, gradientStats, rng } = state;
  const numbers = 2 * params.length + (optimizer.m?.length ?? 0) + (optimizer.v?.length ?? 0) + gradientStats.sums.length + gradientStats.norms.length + rng.length;
  return 1400 + 11 * numbers;
}

/** How many checkpoints a timeline of checkpoints of `bytes` keeps. */
export function timelineCapacity(bytes: number): number {
  return Math.max(TIMELINE_MIN_POINTS, Math.min(TIMELINE_MAX_POINTS, Math.floor(TIMELINE_BYTES / bytes)));
}

/** What a training replica's timeline starts from. */
export interface TimelineSeed {
  epochs: number[];
  capacity: number;
}

/** What a replica's training did to its timeline. */
export interface TimelineChanges {
  epochs: number[];
  added: TrainerState[];
}

/** A trainer and its curve: what a session shows. */
export interface TrainedState {
  trainer: Trainer;
  history: LossHistory;
}

/**
 * A session's timeline (rules SCRUB-1…SCRUB-4): full trainer states at
 * down-sampled epochs, so the session can show any of them and continue from
 * it bit for bit, and while it looks back, the state it left ("now"), kept
 * whole until it returns there or resumes from the past. Memory only:
 * checkpoints do not survive a restart.
 */
export class SessionTimeline {
  private points: TrainerState[] = [];
  private capacity = TIMELINE_MAX_POINTS;
  /** the config the newest checkpoints share, and the trainer config it copies */
  private config: { source: TrainerConfig; copy: TrainerConfig } | null = null;
  private looking: { epoch: number; now: TrainedState } | null = null;

  /** The epochs it can show, oldest first. */
  get epochs(): number[] {
    return this.points.map((p) => p.epoch);
  }
  /** The epoch looked back at, or null at now. */
  get scrubbedTo(): number | null {
    return this.looking?.epoch ?? null;
  }
  /** What the session left to look back, while it does. */
  get now(): TrainedState | null {
    return this.looking?.now ?? null;
  }

  /** A new network: the timeline starts again with its state now. */
  restart(trainer: Trainer): void {
    this.points = [];
    this.looking = null;
    this.config = null;
    this.record(trainer);
    this.capacity = timelineCapacity(checkpointBytes(this.points[0]!));
  }

  /** The trainer's state now becomes the newest checkpoint (replacing one of the same epoch or later: an edit, a resume). */
  record(trainer: Trainer): void {
    const state = trainer.exportState();
    if (this.config?.source !== trainer.config) this.config = { source: trainer.config, copy: state.config };
    state.config = this.config.copy;
    while (this.points.length > 0 && this.points[this.points.length - 1]!.epoch >= state.epoch) this.points.pop();
    this.points.push(state);
    const dense = denseCheckpoints(this.capacity);
    while (this.points.length > this.capacity) this.points.splice(checkpointToDrop(this.epochs, dense), 1);
  }

  /** The checkpoint of `epoch` to show, keeping `now` (the first look back) to come back to; badRequest when there is none. */
  lookBack(epoch: number, now: TrainedState): TrainedState {
    const point = this.points.find((p) => p.epoch === epoch);
    if (!point) throw new Refusal(ErrorCode.badRequest, `no checkpoint at epoch ${epoch}`, '/epoch');
    const kept = this.looking?.now ?? now;
    this.looking = { epoch, now: kept };
    const history = copyLossHistory(kept.history);
    history.points = history.points.filter((p) => p.epoch <= epoch);
    return { trainer: Trainer.fromState(structuredClone(point)), history };
  }

  /** Stop looking back: what the session left, or null when it was at now. */
  backToNow(): TrainedState | null {
    const now = this.looking?.now ?? null;
    this.looking = null;
    return now;
  }

  /** Continue from the checkpoint looked at: the later checkpoints and the state left go (SCRUB-3); badRequest at now. */
  resumeHere(): void {
    if (!this.looking) throw new Refusal(ErrorCode.badRequest, 'not looking back: nothing to resume from', '/sessionId');
    const { epoch } = this.looking;
    this.points = this.points.filter((p) => p.epoch <= epoch);
    this.looking = null;
  }

  /** Its epochs and capacity: what a training replica's timeline starts from (see `seedReplica`). */
  replicaSeed(): TimelineSeed {
    return { epochs: this.epochs, capacity: this.capacity };
  }

  /**
   * A training replica's timeline (training-worker.ts), just restarted with
   * the session's state now: it takes the epochs and capacity of the
   * session's, so it keeps and drops the same epochs as it records more.
   * The older checkpoints are stand-ins (the state now under an older
   * epoch): a replica never shows them, it only reports the ones it records.
   */
  seedReplica(seed: TimelineSeed): void {
    const now = this.points[this.points.length - 1]!;
    this.capacity = seed.capacity;
    this.points = [...seed.epochs.filter((epoch) => epoch < now.epoch).map((epoch) => ({ ...now, epoch })), now];
  }

  /** What a replica's training changed since `epoch`: the epochs kept and the checkpoints recorded after `epoch` (see `adopt`). */
  changesSince(epoch: number): TimelineChanges {
    return { epochs: this.epochs, added: this.points.filter((p) => p.epoch > epoch) };
  }

  /** A replica's training, as if recorded here: its kept epochs, its new checkpoints after the ones kept here. */
  adopt({ epochs, added }: TimelineChanges): void {
    const kept = new Set(epochs);
    const first = added[0]?.epoch ?? Infinity;
    const shared = this.config?.copy;
    if (shared) for (const point of added) point.config = shared;
    this.points = [...this.points.filter((p) => p.epoch < first && kept.has(p.epoch)), ...added];
  }

  /**
   * A replica's checkpoints once reported (posted to the main thread, which keeps them): their epochs stay,
   * as thinning needs them, their states become stand-ins for the newest, so a worker does not hold a
   * second copy of every session's timeline (up to 512 KiB each; LIM-4 measured 0.69 MB per socket with it).
   */
  forgetReported(): void {
    const newest = this.points[this.points.length - 1];
    if (!newest) return;
    this.points = this.points.map((point) => (point === newest ? point : { ...newest, epoch: point.epoch }));
  }

  /** What its checkpoints hold, by `checkpointBytes`. */
  bytes(): number {
    return this.points.reduce((sum, p) => sum + checkpointBytes(p), 0);
  }
}
