import type { ChallengeView } from '@playroom/protocol';
import { useT, type Translate } from '../../i18n';
import { useAppStore } from '../../store/app-store';
import { ChallengeGoalLine } from './ChallengeGoalLine';
import { Leaderboard } from './Leaderboard';
import { lossText, reasonsText } from './challenge-text';
import './challenge.css';

/** What a student's own best fork is doing in the challenge, in one line (CHAL-3/4). */
function myStatus(t: Translate, challenge: ChallengeView, myId: string | null): { text: string; out: boolean } {
  const mine = challenge.entries.filter((e) => e.owner.participantId === myId);
  const ranked = challenge.entries.filter((e) => e.rank !== null).length;
  const best = mine.find((e) => e.rank !== null);
  if (best) return { text: t('challenge.yourRank', { rank: best.rank!, count: ranked, loss: lossText(best.testLoss) }), out: false };
  const out = mine.find((e) => e.disqualified.length > 0);
  if (out) return { text: t('challenge.yourFork.out', { reasons: reasonsText(t, out.disqualified, challenge.goal) }), out: true };
  return { text: mine.length > 0 ? t('challenge.yourFork.scoring') : t('challenge.yourFork.none'), out: false };
}

/**
 * A student's challenge banner: their fork's rank and score, or why it does
 * not count, in one line above the playground (a phone keeps its output in
 * the first screen); the goal, the time left and the leaderboard unfold.
 */
export function ChallengeBanner() {
  const t = useT();
  const challenge = useAppStore((s) => s.challenge);
  const myId = useAppStore((s) => s.participantId);
  if (!challenge) return null;
  const status = myStatus(t, challenge, myId);
  return (
    <details className="challenge-banner" data-testid="challenge-banner" data-state={challenge.endedAt === null ? 'running' : 'ended'}>
      <summary>
        <strong>{challenge.endedAt === null ? t('challenge.title') : t('challenge.ended')}</strong>{' '}
        <span className={status.out ? 'challenge-status out' : 'challenge-status'} data-testid="challenge-status" data-out={status.out}>
          {status.text}
        </span>
      </summary>
      <ChallengeGoalLine challenge={challenge} />
      <Leaderboard challenge={challenge} realNames={false} />
    </details>
  );
}
