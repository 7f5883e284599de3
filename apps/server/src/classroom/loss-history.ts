import { PROTOCOL_LIMITS, type LossPoint } from '@playroom/protocol';

/** The stored form: the points and the epoch stride between them. */
export interface LossHistoryData {
  stride: number;
  points: LossPoint[];
}

const finiteOrNull = (value: number) => (Number.isFinite(value) ? value : null);

/**
 * A loss curve that never grows past `capacity` points: it keeps every
 * `stride`-th epoch and, when full, drops every other point and doubles the
 * stride, so a long run keeps its whole shape at a coarser grain.
 */
export class LossHistory {
  private stride: number;
  private points: LossPoint[];

  constructor(
    data: LossHistoryData = { stride: 1, points: [] },
    private readonly capacity: number = PROTOCOL_LIMITS.lossHistoryPoints,
  ) {
    this.stride = data.stride;
    this.points = data.points.slice();
  }

  /** Whether a point for this epoch would be kept (so the caller can skip measuring it). */
  wants(epoch: number): boolean {
    return epoch % this.stride === 0;
  }

  /** Record the losses after `epoch`. */
  record(epoch: number, trainLoss: number, testLoss: number): void {
    if (!this.wants(epoch)) return;
    const last = this.points[this.points.length - 1];
    if (last && last.epoch >= epoch) return;
    this.points.push({ epoch, trainLoss: finiteOrNull(trainLoss), testLoss: finiteOrNull(testLoss) });
    while (this.points.length > this.capacity) {
      this.stride *= 2;
      this.points = this.points.filter((point) => point.epoch % this.stride === 0);
    }
  }

  /** Points oldest first (a copy). */
  list(): LossPoint[] {
    return this.points.map((point) => ({ ...point }));
  }

  /** The stored form. */
  toData(): LossHistoryData {
    return { stride: this.stride, points: this.list() };
  }

  /** Forget everything (a rebuilt network starts a new curve). */
  clear(): void {
    this.stride = 1;
    this.points = [];
  }
}
