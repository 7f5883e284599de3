import { useState } from 'react';
import type { TrainerConfig } from '@playroom/engine';
import { errorText, type ErrorLike } from '../app/error-text';
import { navigate } from '../app/navigation';
import { useT } from '../i18n';
import { createClass } from '../net';
import { saveIdentity } from '../store/identity-storage';

/**
 * Starting a class as its teacher (the home card, practice mode's "Start a
 * class from this"): the name checked, a class whose class session starts
 * from `config` if given, the teacher identity kept, the teacher view opened;
 * a refusal in the reader's language.
 */
export function useStartClass(config?: TrainerConfig) {
  const t = useT();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function start(name: string): Promise<void> {
    const teacherName = name.trim();
    if (!teacherName) return setError(t('app.error.nameRequired'));
    setBusy(true);
    setError(null);
    try {
      const reply = await createClass(teacherName, '', config);
      saveIdentity({ code: reply.code, role: 'teacher', token: reply.teacherToken, name: teacherName });
      navigate({ page: 'class', code: reply.code });
    } catch (err) {
      setError(errorText(t, err as ErrorLike));
      setBusy(false);
    }
  }

  return { busy, error, start };
}
