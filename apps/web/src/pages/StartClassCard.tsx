import { useState, type FormEvent } from 'react';
import { PROTOCOL_LIMITS } from '@playroom/protocol';
import { useT } from '../i18n';
import { errorText, type ErrorLike } from '../app/error-text';
import { navigate } from '../app/navigation';
import { createClass } from '../net';
import { saveIdentity } from '../store/identity-storage';
import { HomeCardSubmit } from './HomeCardSubmit';

/** "Start a class": the teacher's name → a new class → the teacher view. */
export function StartClassCard() {
  const t = useT();
  const [name, setName] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const teacherName = name.trim();
    if (!teacherName) return setError(t('app.error.nameRequired'));
    setBusy(true);
    setError(null);
    try {
      const reply = await createClass(teacherName);
      saveIdentity({ code: reply.code, role: 'teacher', token: reply.teacherToken, name: teacherName });
      navigate({ page: 'class', code: reply.code });
    } catch (err) {
      setError(errorText(t, err as ErrorLike));
      setBusy(false);
    }
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
