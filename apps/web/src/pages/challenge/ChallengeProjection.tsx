import type { ChallengeView } from '@playroom/protocol';
import { useT } from '../../i18n';
import { useAppStore } from '../../store/app-store';
import { ChallengeGoalLine } from './ChallengeGoalLine';
import { Leaderboard } from './Leaderboard';
import { lossText, ownerText } from './challenge-text';
import './challenge.css';

/** The top three after the end, aliases while names are hidden (NAMES-2): second, first, third, as a podium stands. */
function Podium({ challenge }: { challenge: ChallengeView }) {
  const t = useT();
  const namesHidden = useAppStore((s) => s.classStatus.namesHidden);
  const top = challenge.entries.filter((e) => e.rank !== null).slice(0, 3);
  if (top.length === 0) return <p className="challenge-empty">{t('challenge.podium.empty')}</p>;
  const order = [top[1], top[0], top[2]].filter((e) => e !== undefined);
  return (
    <ol className="podium" data-testid="podium">
      {order.map((entry) => (
        <li key={entry.forkId} className={`podium-step podium-${entry.rank}`} data-testid="podium-entry" data-rank={entry.rank}>
          <span className="podium-name">{ownerText(t, entry, { myId: null, namesHidden, realNames: false })}</span>
          <span className="podium-loss">{lossText(entry.testLoss)}</span>
          <span className="podium-block">{entry.rank}</span>
        </li>
      ))}
    </ol>
  );
}

/** The projector's challenge: the live top five while it runs, the podium once it ended. */
export function ChallengeProjection() {
  const t = useT();
  const challenge = useAppStore((s) => s.challenge);
  if (!challenge) return null;
  const ended = challenge.endedAt !== null;
  return (
    <section className="challenge-projection" data-testid="projector-challenge" data-state={ended ? 'ended' : 'running'}>
      <h2>{ended ? t('challenge.podium') : t('challenge.leaderboard')}</h2>
      <ChallengeGoalLine challenge={challenge} />
      {ended ? <Podium challenge={challenge} /> : <Leaderboard challenge={challenge} realNames={false} limit={5} />}
    </section>
  );
}
