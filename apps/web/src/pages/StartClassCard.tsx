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
      <TeacherNameField value={name} onChange={setName} testId="teacher-name" />
      <HomeCardSubmit error={error} testId="start" busy={busy} label={t('app.home.start.submit')} />
    </form>
  );
}

/** The teacher's name, as students will see it: the home card's and practice mode's "start a class". */
export function TeacherNameField({ value, onChange, testId, autoFocus }: { value: string; onChange(name: string): void; testId: string; autoFocus?: boolean }) {
  const t = useT();
  return (
    <label className="field">
      <span>{t('app.home.start.name')}</span>
      <input
        data-testid={testId}
        value={value}
        maxLength={PROTOCOL_LIMITS.nameMaxLength}
        placeholder={t('app.home.start.namePlaceholder')}
        autoComplete="name"
        autoFocus={autoFocus}
        onChange={(e) => onChange(e.target.value)}
      />
    </label>
  );
}
