import type { SessionMetrics } from '@playroom/protocol';
import { useT } from '../../i18n';
import { formatLoss, formatPercent } from '../common/formatNumbers';
import { InfoTip } from '../common/InfoTip';

/** The losses (and accuracies when it classifies), or why training stopped: the output panel's and the projector's numbers. */
export function OutputMetrics({ metrics, classifies }: { metrics: SessionMetrics; classifies: boolean }) {
  const t = useT();
  const { diverged } = metrics;
  if (diverged) {
    return (
      <div className="pg-diverged" role="alert">
        <strong>{t(diverged.kind === 'saturated' ? 'pg.diverged.saturated' : 'pg.diverged', { epoch: diverged.epoch })}</strong>
        <span>{t('pg.diverged.hint')}</span>
      </div>
    );
  }
  return (
    <dl className="pg-metrics">
      <div>
        <dt>
          {t('pg.testLoss')}
          <InfoTip text={t('pg.loss.tip')} />
        </dt>
        <dd data-testid="test-loss">{formatLoss(metrics.testLoss)}</dd>
      </div>
      <div>
        <dt>{t('pg.trainLoss')}</dt>
        <dd data-testid="train-loss">{formatLoss(metrics.trainLoss)}</dd>
      </div>
      {classifies && (
        <>
          <div>
            <dt>{t('pg.testAccuracy')}</dt>
            <dd>{formatPercent(metrics.testAccuracy)}</dd>
          </div>
          <div>
            <dt>{t('pg.trainAccuracy')}</dt>
            <dd>{formatPercent(metrics.trainAccuracy)}</dd>
          </div>
        </>
      )}
    </dl>
  );
}
