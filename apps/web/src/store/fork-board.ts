import type { ForkSummary } from '@playroom/protocol';

/**
 * The teacher's dashboard of fork cards as data: which forks need help and
 * in which order the cards stand. Pure functions over the store's fork
 * summaries and progress times, so the component only draws.
 */

/** A fork whose epoch has not moved for this long, while the class is not paused, needs help. */
export const STALLED_AFTER_MS = 60_000;

export const FORK_SORTS = ['name', 'loss', 'activity'] as const;
export type ForkSort = (typeof FORK_SORTS)[number];

/** Why a fork needs the teacher: training diverged, or nothing moved for a minute. */
export type HelpReason = 'diverged' | 'stalled';

/**
 * Whether a fork needs help, and why: it diverged (TRAIN-3), or its epoch
 * has not moved for STALLED_AFTER_MS while the class is not paused by the
 * teacher (a fork the teacher froze is waiting, not stuck).
 */
export function helpReason(fork: ForkSummary, progressAt: number | undefined, now: number, classPaused: boolean): HelpReason | null {
  if (fork.diverged) return 'diverged';
  if (classPaused || fork.frozen || progressAt === undefined) return null;
  return now - progressAt >= STALLED_AFTER_MS ? 'stalled' : null;
}

/** A missing loss sorts after every number. */
const lossKey = (fork: ForkSummary): number => fork.testLoss ?? fork.trainLoss ?? Number.POSITIVE_INFINITY;

/**
 * The cards in the order asked for: `name` by owner (then the order the
 * forks appeared, so "Ann 1" stays before "Ann 2"), `loss` by test loss,
 * lowest first (training loss when there is no test loss; none last),
 * `activity` by the last progress, most recent first. Ties keep the name order.
 */
export function sortForks(forks: readonly ForkSummary[], sort: ForkSort, progressAt: Record<string, number>, ownerLabel: (fork: ForkSummary) => string): ForkSummary[] {
  const byName = [...forks].sort((a, b) => ownerLabel(a).localeCompare(ownerLabel(b)));
  switch (sort) {
    case 'name':
      return byName;
    case 'loss':
      return byName.sort((a, b) => {
        const ka = lossKey(a);
        const kb = lossKey(b);
        return ka === kb ? 0 : ka < kb ? -1 : 1;
      });
    case 'activity':
      return byName.sort((a, b) => (progressAt[b.sessionId] ?? 0) - (progressAt[a.sessionId] ?? 0));
    default: {
      const unknown: never = sort;
      throw new Error(`unknown sort ${String(unknown)}`);
    }
  }
}
