import type { ChallengeView } from '@playroom/protocol';
import { useT } from '../../i18n';
import { useAppStore } from '../../store/app-store';
import { durationText, lossText, ownerText, reasonsText } from './challenge-text';

/**
 * The live leaderboard (CHAL-4/5): ranked forks by rank, then the ones that do
 * not count with why. `realNames` only on the teacher's own dashboard; the
 * projector and students see aliases while names are hidden (NAMES-2).
 */
export function Leaderboard({ challenge, realNames, limit }: { challenge: ChallengeView; realNames: boolean; limit?: number }) {
  const t = useT();
  const myId = useAppStore((s) => s.participantId);
  const namesHidden = useAppStore((s) => s.classStatus.namesHidden);
  const entries = limit === undefined ? challenge.entries : challenge.entries.filter((e) => e.rank !== null).slice(0, limit);
  if (entries.length === 0) return <p className="challenge-empty">{t('challenge.noEntries')}</p>;
  return (
    <table className="leaderboard" data-testid="leaderboard">
      <thead>
        <tr>
          <th>{t('challenge.col.rank')}</th>
          <th>{t('challenge.col.who')}</th>
          <th>{t('challenge.col.loss')}</th>
          <th>{t('challenge.col.size')}</th>
          <th>{t('challenge.col.time')}</th>
        </tr>
      </thead>
      <tbody>
        {entries.map((entry) => (
          <tr key={entry.forkId} data-testid="leaderboard-entry" data-fork-id={entry.forkId} data-rank={entry.rank ?? ''} data-mine={entry.owner.participantId === myId}>
            <td className="leaderboard-rank">{entry.rank === null ? '—' : t('challenge.rank', { rank: entry.rank })}</td>
            <td>{ownerText(t, entry, { myId, namesHidden, realNames })}</td>
            {entry.rank === null && entry.disqualified.length > 0 ? (
              <td colSpan={3} className="leaderboard-reasons" data-testid="leaderboard-reasons">
                {t('challenge.notRanked', { reasons: reasonsText(t, entry.disqualified, challenge.goal) })}
              </td>
            ) : (
              <>
                <td>{entry.testLoss === null ? t('challenge.scoring') : lossText(entry.testLoss)}</td>
                <td>{t('challenge.size', { neurons: entry.neurons, weights: entry.weights })}</td>
                <td>{entry.timeToTargetMs === null ? t('challenge.notReached') : durationText(entry.timeToTargetMs)}</td>
              </>
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
