import { PROTOCOL_LIMITS } from '@playroom/protocol';

/** The epochs `step` commands asked of a session that training has not run yet, and who asked last (rule CMD-8). */
export class StepQueue {
  private queued = 0;
  private by: string | null = null;

  /** Epochs still to train (the scheduler trains them in slices). */
  get pending(): number {
    return this.queued;
  }
  /** Who queued the last steps (the `by` of the update when they are done). */
  get requestedBy(): string | null {
    return this.by;
  }

  /** Adds `epochs` more, the total capped at `maxStepEpochs`; returns the epochs now pending. */
  add(epochs: number, by: string): number {
    this.queued = Math.min(PROTOCOL_LIMITS.maxStepEpochs, this.queued + Math.max(0, Math.floor(epochs)));
    if (this.queued > 0) this.by = by;
    return this.queued;
  }

  /** `ran` of them were trained. */
  trained(ran: number): void {
    this.queued -= ran;
  }

  /** What a training replica has left to train (its round's count, or the session's when the replica starts). */
  leaveQueued(pending: number): void {
    this.queued = pending;
  }

  cancel(): void {
    this.queued = 0;
    this.by = null;
  }
}
