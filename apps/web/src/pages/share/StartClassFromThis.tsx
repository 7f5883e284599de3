import { useState, type FormEvent } from 'react';
import type { TrainerConfig } from '@playroom/engine';
import { PROTOCOL_LIMITS } from '@playroom/protocol';
import { useT } from '../../i18n';
import { useStartClass } from '../useStartClass';
import './share-link.css';

/** Practice mode's "Start a class from this": the teacher's name, then a class whose class session starts with this config, and the teacher view. */
export function StartClassFromThis({ config }: { config: TrainerConfig }) {
  const t = useT();
  const [asking, setAsking] = useState(false);
  const [name, setName] = useState('');
  const { busy, error, start } = useStartClass(config);

  function submit(e: FormEvent) {
    e.preventDefault();
    void start(name);
  }

  if (!asking) {
    return (
      <button type="button" className="button small" data-testid="share-start" title={t('app.share.startClass.tip')} onClick={() => setAsking(true)}>
        {t('app.share.startClass')}
      </button>
    );
  }
  return (
    <form className="share-start" onSubmit={submit} data-testid="share-start-form" noValidate>
      <input
        data-testid="share-start-name"
        aria-label={t('app.home.start.name')}
        value={name}
        maxLength={PROTOCOL_LIMITS.nameMaxLength}
        placeholder={t('app.home.start.namePlaceholder')}
        autoComplete="name"
        autoFocus
        onChange={(e) => setName(e.target.value)}
      />
      <button type="submit" className="button small primary" disabled={busy} data-testid="share-start-submit">
        {busy ? t('app.home.busy') : t('app.share.startClass.submit')}
      </button>
      <button type="button" className="button small quiet" onClick={() => setAsking(false)}>
        {t('app.share.startClass.cancel')}
      </button>
      {error && (
        <p className="form-error" role="alert" data-testid="share-start-error">
          {error}
        </p>
      )}
    </form>
  );
}
