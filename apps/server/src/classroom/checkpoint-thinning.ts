/**
 * Which checkpoints a session's timeline keeps (rule SCRUB-1): every epoch of
 * the newest few, then fewer and fewer the older they are. Pure functions on
 * epochs, so the rule is tested apart from trainers.
 */

/** How many of the newest checkpoints are never thinned, for a timeline of `capacity` points. */
export function denseCheckpoints(capacity: number): number {
  return Math.max(1, Math.min(16, Math.floor(capacity / 4)));
}

/**
 * The index of the checkpoint to drop from `epochs` (ascending, more than
 * `dense` + 1 of them): never the oldest, never one of the newest `dense`;
 * of the others, the one whose neighbours are closest together relative to
 * its age, so the gaps left grow in proportion to age (geometric thinning).
 * Ties go to the older one.
 */
export function checkpointToDrop(epochs: readonly number[], dense: number): number {
  const newest = epochs[epochs.length - 1]!;
  let drop = -1;
  let closest = Infinity;
  for (let i = 1; i < epochs.length - dense; i++) {
    const gap = (epochs[i + 1]! - epochs[i - 1]!) / (newest - epochs[i]!);
    if (gap < closest) {
      closest = gap;
      drop = i;
    }
  }
  if (drop < 0) throw new RangeError(`nothing to thin among ${epochs.length} checkpoints with ${dense} kept dense`);
  return drop;
}
