import { FEATURES } from '@playroom/engine';
import type { ChallengeGoal, Disqualification, LeaderboardEntry } from '@playroom/protocol';
import { classFacingName } from '../../app/class-names';
import type { MessageKey, Translate } from '../../i18n';

/** A disqualification in the reader's language (CHAL-3): "uses X₁², not allowed". */
export function reasonText(t: Translate, reason: Disqualification, goal: ChallengeGoal): string {
  switch (reason.code) {
    case 'dataset':
      return t('challenge.reason.dataset');
    case 'noise':
      return t('challenge.reason.noise', { noise: reason.noise, goal: goal.noise });
    case 'feature':
      return t('challenge.reason.feature', { feature: FEATURES[reason.feature].label });
    case 'neurons':
      return t('challenge.reason.neurons', { count: reason.count, max: reason.max });
    case 'weights':
      return t('challenge.reason.weights', { count: reason.count, max: reason.max });
    case 'diverged':
      return t('challenge.reason.diverged');
    default: {
      const unknown: never = reason;
      return String((unknown as { code?: unknown }).code);
    }
  }
}

/** Every reason a fork does not count, joined as the reader's language joins them. */
export function reasonsText(t: Translate, reasons: readonly Disqualification[], goal: ChallengeGoal): string {
  return reasons.map((reason) => reasonText(t, reason, goal)).join(t('challenge.reasons.separator'));
}

/** The goal in one line: dataset, noise, budget and target. */
export function goalText(t: Translate, goal: ChallengeGoal): string {
  const budget = t(goal.budget.kind === 'neurons' ? 'challenge.budget.neurons' : 'challenge.budget.weights', { max: goal.budget.max });
  return t('challenge.goal', { dataset: t(`pg.dataset.${goal.dataset}` as MessageKey), noise: goal.noise, budget, target: goal.targetTestLoss });
}

export function featuresText(t: Translate, goal: ChallengeGoal): string {
  return t('challenge.goal.features', { features: goal.features.map((id) => FEATURES[id].label).join(', ') });
}

/** A test loss as the playground shows one. */
export const lossText = (loss: number | null): string => (loss === null ? '—' : loss.toFixed(3));

/** mm:ss (h:mm:ss past an hour). */
export function durationText(ms: number): string {
  const total = Math.max(0, Math.ceil(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = String(total % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
}

/**
 * Who owns an entry, as this screen may say it: "You" for one's own, else the
 * class-facing name (an alias while names are hidden, NAMES-2), or the real
 * name on the teacher's own dashboard.
 */
export function ownerText(t: Translate, entry: LeaderboardEntry, options: { myId: string | null; namesHidden: boolean; realNames: boolean }): string {
  if (entry.owner.participantId === options.myId) return t('challenge.you');
  if (options.realNames) return entry.owner.name;
  return classFacingName(t, entry.owner, options.namesHidden || entry.owner.name === '');
}
