import { useEffect, useState } from 'react';
import { useT } from '../i18n';
import { navigate } from '../app/navigation';
import { teacherTokenFromFragment } from '../app/teacher-link';
import { saveIdentity } from '../store/identity-storage';

/**
 * /teach/CODE#<token>: a teacher link opened on another device. It keeps the
 * teacher identity on this device, takes the token out of the address bar
 * (and so out of the history and of any bookmark) and opens /class/CODE,
 * which connects as teacher; a wrong token is refused there as any bad
 * teacher token is (HS-4: badToken, and the identity is forgotten).
 */
export function TeachPage({ code }: { code: string }) {
  const t = useT();
  const [incomplete, setIncomplete] = useState(false);

  useEffect(() => {
    const token = teacherTokenFromFragment(window.location.hash);
    // first of all, whatever it held: the fragment leaves the address bar
    window.history.replaceState(null, '', window.location.pathname);
    if (token === null) {
      setIncomplete(true);
      return;
    }
    saveIdentity({ code, role: 'teacher', token, name: '' });
    navigate({ page: 'class', code }, { replace: true });
  }, [code]);

  if (!incomplete) return null;
  return (
    <div className="card notice" role="alert" data-testid="teacher-link-incomplete">
      <p>{t('teacherLink.incomplete', { code })}</p>
      <div className="notice-actions">
        <button type="button" className="button" onClick={() => navigate({ page: 'home', joinCode: null })}>
          {t('app.error.backHome')}
        </button>
      </div>
    </div>
  );
}
