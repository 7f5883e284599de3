import { useT } from '../i18n';
import { navigate } from '../app/navigation';

/** An unknown path. */
export function NotFoundPage() {
  const t = useT();
  return (
    <div className="card notice">
      <h1>{t('app.notFound.title')}</h1>
      <button type="button" className="button primary" onClick={() => navigate({ page: 'home', joinCode: null })}>
        {t('app.error.backHome')}
      </button>
    </div>
  );
}
