import { useEffect, useMemo, useState } from 'react';
import { useT } from '../i18n';
import { errorText, isFatalJoinError } from '../app/error-text';
import { navigate } from '../app/navigation';
import { classConnection } from '../net';
import { useAppStore } from '../store/app-store';
import { forgetIdentity, loadIdentity } from '../store/identity-storage';
import { keptWorkFor } from '../store/kept-work';
import { ClassEndedView } from './ClassEndedView';
import { StudentView } from './StudentView';
import { TeacherView } from './TeacherView';

/**
 * /class/CODE: (re)joins with the identity saved for CODE and shows the
 * teacher's or the student's view; once the class has ended, what this
 * browser kept of it (CMD-7), without connecting again.
 */
export function ClassPage({ code }: { code: string }) {
  const t = useT();
  const joined = useAppStore((s) => s.joined);
  const joinError = useAppStore((s) => s.joinError);
  const role = useAppStore((s) => s.identity?.role ?? null);
  // an ended class forgets its identity (below), so a reload finds only the kept work
  const [endedBefore] = useState(() => !loadIdentity(code) && keptWorkFor(code) !== null);
  const ended = endedBefore || joinError?.code === 'classEnded';
  const kept = useMemo(() => (ended || joinError?.code === 'roomNotFound' ? keptWorkFor(code) : null), [ended, joinError, code]);

  useEffect(() => {
    const identity = loadIdentity(code);
    if (!identity) {
      // nobody we know in this class: the join form, with the code filled in
      if (!endedBefore) navigate({ page: 'home', joinCode: code }, { replace: true });
      return;
    }
    classConnection.join(identity).catch(() => {
      // the store's joinError says why; the view below shows it
    });
    return () => classConnection.leave();
  }, [code, endedBefore]);

  useEffect(() => {
    if (joinError && isFatalJoinError(joinError.code)) forgetIdentity(code);
  }, [joinError, code]);

  // a class the server no longer knows, whose end this browser saw: it ended
  if (ended || kept) return <ClassEndedView code={code} work={kept} />;
  if (joinError) {
    return (
      <div className="card notice" role="alert" data-testid="class-error" data-code={joinError.code}>
        <p>{errorText(t, joinError, code)}</p>
        <div className="notice-actions">
          {joinError.code === 'clientTooOld' && (
            <button type="button" className="button primary" onClick={() => window.location.reload()}>
              {t('app.error.reload')}
            </button>
          )}
          <button type="button" className="button" onClick={() => navigate({ page: 'home', joinCode: null })}>
            {t('app.error.backHome')}
          </button>
        </div>
      </div>
    );
  }
  if (!joined || !role) {
    return (
      <div className="card notice" data-testid="class-joining">
        <p>{t('app.class.joining', { code })}</p>
      </div>
    );
  }
  return role === 'teacher' ? <TeacherView /> : <StudentView />;
}
