import { useState } from 'react';
import type { SavedSession } from '@playroom/protocol';
import { errorText, type ErrorLike } from '../app/error-text';
import { navigate } from '../app/navigation';
import { useT } from '../i18n';
import { createClass } from '../net';
import { saveIdentity } from '../store/identity-storage';

/**
 * Starting a class as its teacher (the home card, practice mode's "Start a class with this
 * playground"): the name checked, a class whose class session continues the saved session given to
 * `start` exactly (REST-1 `from`), else the default; the teacher identity kept, the teacher view
 * opened; a refusal in the reader's language.
 */
export function useStartClass(): { busy: boolean; error: string | null; start(name: string, from?: SavedSession): Promise<void> } {
  const t = useT();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function start(name: string, from?: SavedSession): Promise<void> {
    const teacherName = name.trim();
    if (!teacherName) return setError(t('app.error.nameRequired'));
    setBusy(true);
    setError(null);
    try {
      const reply = await createClass(teacherName, '', from ? { from } : {});
      saveIdentity({ code: reply.code, role: 'teacher', token: reply.teacherToken, name: teacherName });
      navigate({ page: 'class', code: reply.code });
    } catch (err) {
      setError(errorText(t, err as ErrorLike));
      setBusy(false);
    }
  }

  return { busy, error, start };
}
