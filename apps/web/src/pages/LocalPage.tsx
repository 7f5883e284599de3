import { useT } from '../i18n';

/** /local: a playground that trains in this browser, no class and no server. */
export function LocalPage() {
  const t = useT();
  return (
    <div className="local-view" data-testid="local-view">
      <div className="view-banner watch-banner">
        <strong>{t('app.local.title')}</strong> · {t('app.local.hint')}
      </div>
      <p className="muted">{t('app.playground.loading')}</p>
    </div>
  );
}
