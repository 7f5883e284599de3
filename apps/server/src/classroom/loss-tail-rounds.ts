import type { LossPoint } from '@playroom/engine';
import { SNAPSHOT_LOSS_TAIL } from '@playroom/protocol';

/** Snapshot rounds a loss tail reaches back: a watcher may miss TAIL_ROUNDS − 1 frames in a row and lose no point. */
const TAIL_ROUNDS = 3;

/**
 * A session's loss tails, round by round (STATE-3): each snapshot's tail
 * repeats every history point recorded since TAIL_ROUNDS rounds ago (at most
 * SNAPSHOT_LOSS_TAIL), so a watcher whose busy transport missed up to two
 * frames in a row still holds the server's curve.
 */
export class LossTailRounds {
  /** the newest loss-history epoch at each of the last TAIL_ROUNDS rounds, oldest first */
  private epochs: number[] = new Array<number>(TAIL_ROUNDS).fill(-1);

  /** A new curve (or another one shown): the next tails repeat it from its start. */
  reset(): void {
    this.epochs.fill(-1);
  }

  /** This round's tail of `points`. */
  next(points: readonly LossPoint[]): LossPoint[] {
    const since = this.epochs[0]!;
    let first = points.length;
    while (first > 0 && points.length - first < SNAPSHOT_LOSS_TAIL && points[first - 1]!.epoch > since) first--;
    this.epochs.shift();
    this.epochs.push(points[points.length - 1]?.epoch ?? -1);
    return points.slice(first);
  }
}
