import { useCallback, useEffect, useMemo, useState } from 'react';
import { useT } from '../../i18n';
import { errorText } from '../../app/error-text';
import { classConnection } from '../../net';
import { useAppStore } from '../../store/app-store';
import { FORK_SORTS, helpReason, sortForks, type ForkSort, type HelpReason } from '../../store/fork-board';
import { ForkCard } from './ForkCard';
import './dashboard.css';
import { useForkLabels } from './forkOwner';

/** How often "no progress for a minute" is looked at again. */
const HELP_CHECK_MS = 5_000;

/**
 * The teacher's forks as a grid of cards (one per fork, wrapping to the
 * width), sorted by name, test loss or latest progress, optionally only the
 * forks that need help. Watching, spotlighting and stopping the spotlight
 * are on each card.
 */
export function ForkBoard({ onOpenFork, viewingId }: { onOpenFork(id: string): void; viewingId: string | null }) {
  const t = useT();
  const summaries = useAppStore((s) => s.forkSummaries);
  const previews = useAppStore((s) => s.forkPreviews);
  const progressAt = useAppStore((s) => s.forkProgressAt);
  const spotlightId = useAppStore((s) => s.classStatus.spotlightId);
  const classPaused = useAppStore((s) => s.classStatus.forksFrozen);
  const label = useForkLabels();
  const [sort, setSort] = useState<ForkSort>('name');
  const [helpOnly, setHelpOnly] = useState(false);
  const [now, setNow] = useState(() => Date.now());
  const [failure, setFailure] = useState<{ code: string; message: string } | null>(null);

  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), HELP_CHECK_MS);
    return () => clearInterval(timer);
  }, []);

  const forks = useMemo(() => sortForks(Object.values(summaries), sort, progressAt, label), [summaries, sort, progressAt, label]);
  const help = useMemo(() => {
    const reasons: Record<string, HelpReason | null> = {};
    for (const fork of forks) reasons[fork.sessionId] = helpReason(fork, progressAt[fork.sessionId], now, classPaused);
    return reasons;
  }, [forks, progressAt, now, classPaused]);
  const needingHelp = forks.filter((fork) => help[fork.sessionId] !== null).length;
  const shown = helpOnly ? forks.filter((fork) => help[fork.sessionId] !== null) : forks;

  const spotlight = useCallback(async (sessionId: string | null) => {
    setFailure(null);
    const ack = await classConnection.send<'spotlight'>({ type: 'spotlight', sessionId });
    if (!ack.ok) setFailure(ack.error);
  }, []);
  const onSpotlight = useCallback((sessionId: string | null) => void spotlight(sessionId), [spotlight]);

  if (forks.length === 0) {
    return (
      <p className="muted" data-testid="no-forks">
        {t('app.dashboard.noForks')}
      </p>
    );
  }
  return (
    <div className="fork-board" data-testid="fork-board">
      <div className="fork-board-tools">
        <label className="fork-sort">
          {t('dashboard.sort')}{' '}
          <select data-testid="fork-sort" value={sort} onChange={(e) => setSort(e.target.value as ForkSort)}>
            {FORK_SORTS.map((id) => (
              <option key={id} value={id}>
                {t(`dashboard.sort.${id}`)}
              </option>
            ))}
          </select>
        </label>
        <button
          type="button"
          className={helpOnly ? 'button small primary' : 'button small'}
          data-testid="needs-help"
          aria-pressed={helpOnly}
          title={t('dashboard.needsHelp.tip')}
          onClick={() => setHelpOnly(!helpOnly)}
        >
          {t('dashboard.needsHelp', { count: needingHelp })}
        </button>
      </div>
      {failure && (
        <p className="form-error" role="alert" data-testid="spotlight-error">
          {errorText(t, failure)}
        </p>
      )}
      {shown.length === 0 ? (
        <p className="muted" data-testid="none-need-help">
          {t('dashboard.noneNeedHelp')}
        </p>
      ) : (
        <ul className="fork-cards" data-testid="fork-list">
          {shown.map((fork) => (
            <ForkCard
              key={fork.sessionId}
              fork={fork}
              label={label(fork)}
              preview={previews[fork.sessionId]}
              help={help[fork.sessionId] ?? null}
              selected={fork.sessionId === viewingId}
              spotlighted={fork.sessionId === spotlightId}
              onWatch={onOpenFork}
              onSpotlight={onSpotlight}
            />
          ))}
        </ul>
      )}
    </div>
  );
}
