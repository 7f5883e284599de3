import type { LossPoint } from '@playroom/engine';
import { encodeSnapshot, withLossTail, type SnapshotInput } from '@playroom/protocol';
import { LossTailRounds } from './loss-tail-rounds';

/** A session's snapshot content but its loss tail (what a training worker encodes, encodeSnapshotBody). */
export type SnapshotScalars = Omit<SnapshotInput, 'lossTail'>;

/** One snapshot's bytes, and whether a training worker encoded them (the main thread only added clock and tail). */
export interface EncodedSnapshot {
  bytes: ArrayBuffer;
  byWorker: boolean;
}

/**
 * A session's snapshot rounds: each round's loss tail (STATE-3,
 * LossTailRounds, always the main thread's), and the snapshot a training
 * worker encoded for the round the session adopted last. Those bytes are
 * used while the session's clock is still the one it had right after the
 * adoption; once a command changed it (or no worker trains the session) the
 * snapshot is encoded here. Either way the bytes are encodeSnapshot's for
 * the session as it is now (withLossTail writes the clock and the tail in).
 */
export class SessionSnapshots {
  private readonly tail = new LossTailRounds();
  private fromWorker: { clock: number; body: Uint8Array } | null = null;

  /** A new curve (or another one shown): the next tails repeat it from its start. */
  resetTail(): void {
    this.tail.reset();
  }

  /** A worker's snapshot body (encodeSnapshotBody) of the state the session has at `clock`. */
  workerEncoded(clock: number, body: Uint8Array): void {
    this.fromWorker = { clock, body };
  }

  /** The next round's snapshot content, with its loss tail. */
  nextInput(scalars: SnapshotScalars, points: readonly LossPoint[]): SnapshotInput {
    return { ...scalars, lossTail: this.tail.next(points) };
  }

  /** The next round's snapshot bytes: the worker's when they are of `clock`, else encoded from `scalars()`. */
  nextBytes(clock: number, scalars: () => SnapshotScalars, points: readonly LossPoint[]): EncodedSnapshot {
    const worker = this.fromWorker;
    this.fromWorker = null;
    if (worker?.clock === clock) return { bytes: withLossTail(worker.body, clock, this.tail.next(points)), byWorker: true };
    return { bytes: encodeSnapshot(this.nextInput(scalars(), points)), byWorker: false };
  }
}
