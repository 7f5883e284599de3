/**
 * The loss curve of a training run, bounded in size: one implementation for
 * the server (which records every epoch it trains), the browser (which
 * folds in the epochs its snapshots happen to carry) and practice mode, so
 * every viewer of a session sees a curve of the same grain.
 */
import type { Trainer } from './trainer';

/** How many points a loss history keeps at most. */
export const LOSS_HISTORY_POINTS = 256;

/** One point of the curve; a loss that was not a finite number is null (JSON has no NaN). */
export interface LossPoint {
  epoch: number;
  trainLoss: number | null;
  testLoss: number | null;
}

/**
 * The curve: `points` oldest first, at most one per `stride` epochs (the
 * first seen in each run of `stride` epochs: floor(epoch / stride) differs
 * from point to point). When it would exceed the capacity the stride doubles
 * and the points that now share a run are thinned to the first, so a long
 * run keeps its whole shape at a coarser grain.
 */
export interface LossHistory {
  stride: number;
  points: LossPoint[];
}

export const emptyLossHistory = (): LossHistory => ({ stride: 1, points: [] });

const finiteOrNull = (value: number | null): number | null => (value !== null && Number.isFinite(value) ? value : null);
const runOf = (epoch: number, stride: number): number => Math.floor(epoch / stride);

/** Whether a point at `epoch` would be kept, so a caller can skip measuring the losses otherwise. */
export function lossHistoryWants(history: LossHistory, epoch: number): boolean {
  const last = history.points[history.points.length - 1];
  return !last || epoch < last.epoch || runOf(epoch, history.stride) > runOf(last.epoch, history.stride);
}

/**
 * Records the losses after `epoch` in place; returns whether the history
 * changed. A point before the last one starts a new curve (the network was
 * rebuilt or reset).
 */
export function recordLoss(
  history: LossHistory,
  epoch: number,
  trainLoss: number | null,
  testLoss: number | null,
  capacity = LOSS_HISTORY_POINTS,
): boolean {
  if (!lossHistoryWants(history, epoch)) return false;
  const last = history.points[history.points.length - 1];
  if (last && epoch < last.epoch) {
    history.stride = 1;
    history.points = [];
  }
  history.points.push({ epoch, trainLoss: finiteOrNull(trainLoss), testLoss: finiteOrNull(testLoss) });
  while (history.points.length > capacity) {
    history.stride *= 2;
    history.points = history.points.filter(
      (point, i, all) => i === 0 || runOf(point.epoch, history.stride) > runOf(all[i - 1]!.epoch, history.stride),
    );
  }
  return true;
}

/** An independent copy (points included). */
export function copyLossHistory(history: LossHistory): LossHistory {
  return { stride: history.stride, points: history.points.map((point) => ({ ...point })) };
}

/**
 * `history` with the points of `tail` (another copy's newest points, oldest
 * first) that come after its last one, as a new object; the same object
 * when none is new (for immutable stores). A copy that started from the
 * trainer's history and merges every point it records stays equal to it.
 */
export function mergeLossTail(history: LossHistory, tail: readonly LossPoint[]): LossHistory {
  const last = history.points[history.points.length - 1];
  const fresh = last ? tail.filter((point) => point.epoch > last.epoch) : tail;
  if (fresh.length === 0) return history;
  const next = { stride: history.stride, points: history.points.slice() };
  for (const point of fresh) recordLoss(next, point.epoch, point.trainLoss, point.testLoss);
  return next;
}

/**
 * Trains up to `epochs` epochs, recording each one the history keeps (its
 * losses are measured only then), until training stops by itself
 * (divergence) or `keepGoing` says no. Returns how many epochs ran. The
 * server and practice mode train through it, so both draw the same curve.
 */
export function trainRecordingLoss(trainer: Trainer, history: LossHistory, epochs: number, keepGoing: () => boolean = () => true): number {
  let done = 0;
  while (done < epochs) {
    const before = trainer.epoch;
    // the losses are measured only for an epoch the curve keeps (and whatever training itself needs)
    const wanted = lossHistoryWants(history, before + 1);
    trainer.trainEpoch(wanted);
    if (trainer.epoch === before) break;
    done++;
    if (wanted) {
      const metrics = trainer.evaluate();
      recordLoss(history, trainer.epoch, metrics.trainLoss, metrics.testLoss);
    }
    if (!keepGoing()) break;
  }
  return done;
}

/** A new curve that starts with the trainer's losses now (epoch 0 for a new network), so a chart starts where training did. */
export function lossHistoryFrom(trainer: Trainer): LossHistory {
  const history = emptyLossHistory();
  const metrics = trainer.evaluate();
  recordLoss(history, trainer.epoch, metrics.trainLoss, metrics.testLoss);
  return history;
}
