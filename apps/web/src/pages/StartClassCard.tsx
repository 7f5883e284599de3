import { useState, type FormEvent } from 'react';
import { PROTOCOL_LIMITS } from '@playroom/protocol';
import { useT } from '../i18n';
import { HomeCardSubmit } from './HomeCardSubmit';
import { useStartClass } from './useStartClass';

/** "Start a class": the teacher's name → a new class → the teacher view. */
export function StartClassCard() {
  const t = useT();
  const [name, setName] = useState('');
  const { busy, error, start } = useStartClass();

  function submit(e: FormEvent) {
    e.preventDefault();
    void start(name);
  }

  return (
    <form className="card home-card" onSubmit={submit} data-testid="start-class-form" noValidate>
      <h2>{t('app.home.start.title')}</h2>
      <p className="card-body">{t('app.home.start.body')}</p>
      <label className="field">
        <span>{t('app.home.start.name')}</span>
        <input
          data-testid="teacher-name"
          value={name}
          maxLength={PROTOCOL_LIMITS.nameMaxLength}
          placeholder={t('app.home.start.namePlaceholder')}
          autoComplete="name"
          onChange={(e) => setName(e.target.value)}
        />
      </label>
      <HomeCardSubmit error={error} testId="start" busy={busy} label={t('app.home.start.submit')} />
    </form>
  );
}
