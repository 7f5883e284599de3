import { errorText } from '../app/error-text';
import { useT } from '../i18n';
import { Playground } from '../playground/Playground';
import { useLocalTrainer } from '../playground/local/useLocalTrainer';

/** /local: a playground that trains in this browser, no class and no server. */
export function LocalPage() {
  const t = useT();
  const { model, actions, failure } = useLocalTrainer();
  return (
    <div className="local-view" data-testid="local-view">
      <div className="view-banner watch-banner">
        <span>
          <strong>{t('app.local.title')}</strong> · {t('app.local.hint')}
        </span>
      </div>
      <Playground
        model={model}
        actions={actions}
        status={failure ? { state: 'failed', message: errorText(t, failure) } : { state: 'idle' }}
      />
    </div>
  );
}
