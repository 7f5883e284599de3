import { useState } from 'react';
import { useT } from '../i18n';
import { errorText, type ErrorLike } from '../app/error-text';
import { navigate } from '../app/navigation';
import { downloadJson, downloadPlaygroundFile, openInPractice, type PracticeWork } from '../app/practice-files';
import { exportClass } from '../net';
import { formatEpoch, formatLoss } from '../playground/common/formatNumbers';
import { KEPT_DAYS, type KeptWork } from '../store/kept-work';
import './practice.css';

/**
 * The end of a class (CMD-7): what the server sent this participant at the
 * end, kept on this device (kept-work.ts). Their forks, "continue in
 * practice mode" (opens them in /local) and "download" (a playground file
 * /local opens again). `work` is null when this device missed the end. The
 * teacher may also download the whole archived class (REST-3).
 */
export function ClassEndedView({ code, work }: { code: string; work: KeptWork | null }) {
  const t = useT();
  const forks = work?.forks ?? [];
  const practiceWork: PracticeWork = { sessions: forks, fromClass: code };
  const teacherExport = work?.teacherExport;
  const [exportFailure, setExportFailure] = useState<ErrorLike | null>(null);

  async function downloadClass(access: { classId: string; token: string }) {
    setExportFailure(null);
    try {
      downloadJson(await exportClass(access.classId, access.token), `playroom-${code}.json`);
    } catch (error) {
      setExportFailure(error as ErrorLike);
    }
  }

  return (
    <div className="card notice class-ended" role="status" data-testid="class-ended" data-code="classEnded" data-forks={forks.length}>
      <h2>{t('app.ended.title')}</h2>
      <p>
        {work === null
          ? t('app.ended.notKept')
          : teacherExport
            ? t('app.ended.teacher', { days: KEPT_DAYS })
            : forks.length === 0
              ? t('app.ended.noForks')
              : t(work.reason === 'archived' ? 'app.ended.archived' : 'app.ended.endedByTeacher', { days: KEPT_DAYS })}
      </p>
      {forks.length > 0 && (
        <>
          <h3 className="class-ended-list-title">{t('app.ended.yourForks')}</h3>
          <ul className="class-ended-forks">
            {forks.map((fork, i) => (
              <li key={fork.sessionId} data-testid="ended-fork" data-epoch={fork.epoch} data-session-id={fork.sessionId}>
                <strong>{t('app.ended.fork', { n: i + 1 })}</strong>
                <span className="muted">
                  {t('app.ended.forkStats', { epoch: formatEpoch(fork.epoch), loss: formatLoss(fork.metrics.testLoss) })}
                </span>
              </li>
            ))}
          </ul>
        </>
      )}
      <div className="notice-actions">
        {teacherExport && (
          <button type="button" className="button primary" data-testid="download-class" title={t('app.ended.downloadClass.tip')} onClick={() => void downloadClass(teacherExport)}>
            {t('app.ended.downloadClass')}
          </button>
        )}
        {forks.length > 0 ? (
          <>
            <button
              type="button"
              className={teacherExport ? 'button' : 'button primary'}
              data-testid="continue-practice"
              title={t('app.ended.continue.tip')}
              onClick={() => openInPractice(practiceWork)}
            >
              {t('app.ended.continue')}
            </button>
            <button type="button" className="button" data-testid="download-forks" title={t('app.ended.download.tip')} onClick={() => downloadPlaygroundFile(practiceWork)}>
              {t('app.ended.download')}
            </button>
          </>
        ) : (
          <button type="button" className="button" data-testid="practice-alone" onClick={() => navigate({ page: 'local' })}>
            {t('app.ended.practice')}
          </button>
        )}
        <button type="button" className="button quiet" onClick={() => navigate({ page: 'home', joinCode: null })}>
          {t('app.error.backHome')}
        </button>
      </div>
      {exportFailure && (
        <p className="form-error class-ended-error" role="alert" data-testid="class-ended-error">
          {errorText(t, exportFailure, code)}
        </p>
      )}
    </div>
  );
}
