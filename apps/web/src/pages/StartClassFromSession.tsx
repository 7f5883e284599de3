import { useState, type FormEvent } from 'react';
import type { SavedSession } from '@playroom/protocol';
import { useT } from '../i18n';
import { TeacherNameField } from './StartClassCard';
import { useStartClass } from './useStartClass';

/**
 * Practice mode's "Start a class with this playground": the teacher's name,
 * then a new class whose session continues the one on screen exactly
 * (REST-1 `from`, FILE-2), and the teacher view.
 */
export function StartClassFromSession({ session }: { session: () => SavedSession }) {
  const t = useT();
  const [open, setOpen] = useState(false);
  const [name, setName] = useState('');
  const { busy, error, start } = useStartClass();

  function submit(e: FormEvent) {
    e.preventDefault();
    void start(name, session());
  }

  if (!open) {
    return (
      <button type="button" className="button small" data-testid="start-class-from-session" title={t('app.practice.startClass.tip')} onClick={() => setOpen(true)}>
        {t('app.practice.startClass')}
      </button>
    );
  }
  return (
    <form className="practice-start-class" onSubmit={submit} data-testid="start-class-from-session-form" noValidate>
      <TeacherNameField value={name} onChange={setName} testId="start-class-from-session-name" autoFocus />
      <button type="submit" className="button primary small" disabled={busy} data-testid="start-class-from-session-submit">
        {busy ? t('app.home.busy') : t('app.home.start.submit')}
      </button>
      <button type="button" className="button small" onClick={() => setOpen(false)}>
        {t('app.practice.startClass.cancel')}
      </button>
      {error && (
        <p className="form-error" role="alert" data-testid="start-class-from-session-error">
          {error}
        </p>
      )}
    </form>
  );
}
