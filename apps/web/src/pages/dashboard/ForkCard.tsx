import { memo, type MouseEvent } from 'react';
import type { ForkPreview, ForkSummary } from '@playroom/protocol';
import { useT } from '../../i18n';
import { formatLoss } from '../../playground/common/formatNumbers';
import type { HelpReason } from '../../store/fork-board';
import { MiniHeatmap } from './MiniHeatmap';

/** A button's click that the card around it does not also take. */
const only = (action: () => void) => (event: MouseEvent) => {
  event.stopPropagation();
  action();
};

export interface ForkCardProps {
  fork: ForkSummary;
  label: string;
  preview: ForkPreview | undefined;
  help: HelpReason | null;
  selected: boolean;
  spotlighted: boolean;
  onWatch(id: string): void;
  /** spotlight this fork, or (null) stop the spotlight */
  onSpotlight(id: string | null): void;
}

/**
 * One fork on the teacher's dashboard: its live output heatmap, owner,
 * test loss, epoch and network shape, and what the teacher can do from
 * here: watch it, show it to the class or stop showing it. Drawn again only
 * when one of its own props changes (memo), not at every summary round.
 */
export const ForkCard = memo(function ForkCard({ fork, label, preview, help, selected, spotlighted, onWatch, onSpotlight }: ForkCardProps) {
  const t = useT();
  const status = fork.frozen ? 'frozen' : fork.playing ? 'playing' : 'paused';
  const classes = ['fork-card', selected && 'selected', spotlighted && 'spotlighted', help && 'needs-help'].filter(Boolean).join(' ');
  return (
    // the whole card opens the fork (click to watch); its buttons do their own thing only
    <li className={classes} data-testid="fork-row" data-fork-id={fork.sessionId} data-help={help ?? ''} onClick={() => onWatch(fork.sessionId)}>
      <button type="button" className="fork-card-open" title={t('dashboard.watch.tip', { name: label })} onClick={only(() => onWatch(fork.sessionId))}>
        <MiniHeatmap preview={preview} label={t('dashboard.heatmap', { name: label })} />
        <span className="fork-card-name">
          <span className={`status-dot ${status}`} title={t(`app.dashboard.status.${status}`)} aria-label={t(`app.dashboard.status.${status}`)} />
          {label}
        </span>
      </button>
      <dl className="fork-card-facts">
        <div>
          <dt>{t('app.dashboard.col.testLoss')}</dt>
          <dd data-testid="fork-test-loss">{formatLoss(fork.testLoss)}</dd>
        </div>
        <div>
          <dt>{t('app.dashboard.col.epoch')}</dt>
          <dd data-testid="fork-epoch">{fork.epoch}</dd>
        </div>
        <div className="visually-hidden">
          <dt>{t('app.dashboard.col.trainLoss')}</dt>
          <dd data-testid="fork-train-loss">{formatLoss(fork.trainLoss)}</dd>
        </div>
      </dl>
      <p className="fork-card-shape" data-testid="fork-shape">
        {t('dashboard.shape', { shape: fork.layerSizes.join('-') })}
      </p>
      {help && (
        <p className="fork-card-help" data-testid="fork-help">
          {t(`dashboard.help.${help}`)}
        </p>
      )}
      <div className="fork-card-actions">
        <button type="button" className="button small" data-testid="card-watch" onClick={only(() => onWatch(fork.sessionId))}>
          {t('dashboard.watch')}
        </button>
        {spotlighted ? (
          <>
            <span className="spotlight-tag" data-testid="spotlight-tag">
              {t('app.dashboard.spotlighted')}
            </span>
            <button type="button" className="button small" data-testid="card-stop-spotlight" onClick={only(() => onSpotlight(null))}>
              {t('app.dashboard.stopSpotlight')}
            </button>
          </>
        ) : (
          <button type="button" className="button small primary" data-testid="card-spotlight" onClick={only(() => onSpotlight(fork.sessionId))}>
            {t('app.dashboard.spotlight')}
          </button>
        )}
      </div>
    </li>
  );
});
