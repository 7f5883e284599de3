import type { ChallengeView } from '@playroom/protocol';
import { useT } from '../../i18n';
import { durationText, featuresText, goalText } from './challenge-text';
import { useNow } from './useNow';

/** The goal, its features and the time left (or that it is over). */
export function ChallengeGoalLine({ challenge }: { challenge: ChallengeView }) {
  const t = useT();
  const running = challenge.endedAt === null;
  const now = useNow(running && challenge.endsAt !== null);
  const time = !running ? t('challenge.ended') : challenge.endsAt === null ? t('challenge.noTimeLimit') : t('challenge.timeLeft', { time: durationText(challenge.endsAt - now) });
  return (
    <p className="challenge-goal" data-testid="challenge-goal">
      <span>{goalText(t, challenge.goal)}</span> · <span>{featuresText(t, challenge.goal)}</span> ·{' '}
      <span className="challenge-time" data-testid="challenge-time">
        {time}
      </span>
    </p>
  );
}
