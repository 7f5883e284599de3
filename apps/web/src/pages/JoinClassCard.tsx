import { useState, type FormEvent } from 'react';
import { PROTOCOL_LIMITS, normalizeRoomCode } from '@playroom/protocol';
import { useT } from '../i18n';
import { errorText, isFatalJoinError, roomCodeText, type ErrorLike } from '../app/error-text';
import { navigate } from '../app/navigation';
import { classConnection } from '../net';
import { forgetIdentity, loadIdentity } from '../store/identity-storage';
import { HomeCardSubmit } from './HomeCardSubmit';

/** "Join a class": room code and name → the student view, or a clear reason why not. */
export function JoinClassCard({ initialCode }: { initialCode: string | null }) {
  const t = useT();
  const [code, setCode] = useState(initialCode ?? '');
  const [name, setName] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const roomCode = normalizeRoomCode(code);
    const studentName = name.trim();
    // an empty code, a wrong length, an O for a D: said before anyone is asked (HS-9)
    const codeProblem = roomCodeText(t, roomCode);
    if (codeProblem !== null) return setError(codeProblem);
    // someone who was here before (same browser) comes back as themselves, forks included
    const saved = loadIdentity(roomCode);
    if (!saved && !studentName) return setError(t('app.error.nameRequired'));
    setBusy(true);
    setError(null);
    try {
      await classConnection.join(saved ?? { code: roomCode, role: 'student', token: null, name: studentName });
      navigate({ page: 'class', code: roomCode });
    } catch (err) {
      const failure = err as ErrorLike;
      classConnection.leave();
      if (!saved || isFatalJoinError(failure.code)) forgetIdentity(roomCode);
      setError(errorText(t, failure, roomCode));
      setBusy(false);
    }
  }

  return (
    <form className="card home-card" onSubmit={submit} data-testid="join-class-form" noValidate>
      <h2>{t('app.home.join.title')}</h2>
      <p className="card-body">{t('app.home.join.body')}</p>
      <label className="field">
        <span>{t('app.home.join.code')}</span>
        <input
          className="room-code-input"
          data-testid="join-code"
          value={code}
          maxLength={PROTOCOL_LIMITS.roomCodeLength + 4}
          placeholder="ABC234"
          autoCapitalize="characters"
          autoComplete="off"
          spellCheck={false}
          onChange={(e) => setCode(e.target.value.toUpperCase())}
        />
      </label>
      <label className="field">
        <span>{t('app.home.join.name')}</span>
        <input
          data-testid="join-name"
          value={name}
          maxLength={PROTOCOL_LIMITS.nameMaxLength}
          placeholder={t('app.home.join.namePlaceholder')}
          autoComplete="nickname"
          autoFocus={initialCode !== null}
          onChange={(e) => setName(e.target.value)}
        />
      </label>
      <HomeCardSubmit error={error} testId="join" busy={busy} label={t('app.home.join.submit')} />
    </form>
  );
}
