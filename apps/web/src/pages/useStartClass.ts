import { useState } from 'react';
import type { SavedSession } from '@playroom/protocol';
import { errorText, type ErrorLike } from '../app/error-text';
import { navigate } from '../app/navigation';
import { useT } from '../i18n';
import { createClass } from '../net';
import { saveIdentity } from '../store/identity-storage';

/** Starting a class: the teacher's name (and a saved session to continue, REST-1 `from`) → a new class → the teacher view. */
export function useStartClass(): { busy: boolean; error: string | null; start(name: string, from?: SavedSession): Promise<void> } {
  const t = useT();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function start(name: string, from?: SavedSession) {
    const teacherName = name.trim();
    if (!teacherName) return setError(t('app.error.nameRequired'));
    setBusy(true);
    setError(null);
    try {
      const reply = await createClass(teacherName, '', from);
      saveIdentity({ code: reply.code, role: 'teacher', token: reply.teacherToken, name: teacherName });
      navigate({ page: 'class', code: reply.code });
    } catch (err) {
      setError(errorText(t, err as ErrorLike));
      setBusy(false);
    }
  }
  return { busy, error, start };
}
