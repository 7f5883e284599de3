import { useState } from 'react';
import type { ChallengeGoal, CommandAck } from '@playroom/protocol';
import { errorText, type ErrorLike } from '../../app/error-text';
import { useT } from '../../i18n';
import { classConnection } from '../../net';
import { useAppStore } from '../../store/app-store';
import { ChallengeGoalForm } from './ChallengeGoalForm';
import { ChallengeGoalLine } from './ChallengeGoalLine';
import { Leaderboard } from './Leaderboard';
import './challenge.css';

/**
 * The teacher's challenge (CHAL-1, CHAL-6): set a goal and start; while it
 * runs, the goal, the time left, the live leaderboard with real names, and
 * the end; after it, the final standings and a new goal.
 */
export function ChallengePanel() {
  const t = useT();
  const challenge = useAppStore((s) => s.challenge);
  const code = useAppStore((s) => s.identity?.code ?? '');
  const [setting, setSetting] = useState(false);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<ErrorLike | null>(null);
  const running = challenge !== null && challenge.endedAt === null;

  async function send(command: { type: 'startChallenge'; goal: ChallengeGoal } | { type: 'endChallenge' }): Promise<void> {
    setBusy(true);
    setFailure(null);
    const ack: CommandAck = await classConnection.send(command);
    setBusy(false);
    if (!ack.ok) setFailure(ack.error);
    else setSetting(false);
  }

  return (
    <section className="challenge-panel" data-testid="challenge-panel" data-state={running ? 'running' : challenge ? 'ended' : 'none'} aria-label={t('challenge.title')}>
      <div className="challenge-head">
        <strong>{t('challenge.title')}</strong>
        {running ? (
          <button type="button" className="button small" data-testid="challenge-end" disabled={busy} onClick={() => void send({ type: 'endChallenge' })}>
            {t('challenge.end')}
          </button>
        ) : (
          <button type="button" className="button small" data-testid="challenge-set" onClick={() => setSetting((open) => !open)}>
            {setting ? t('challenge.close') : t('challenge.set')}
          </button>
        )}
      </div>
      {!challenge && !setting && <p className="challenge-note">{t('challenge.none')}</p>}
      {setting && !running && <ChallengeGoalForm busy={busy} onStart={(goal) => void send({ type: 'startChallenge', goal })} />}
      {challenge && (
        <>
          <ChallengeGoalLine challenge={challenge} />
          <Leaderboard challenge={challenge} realNames />
        </>
      )}
      {failure && (
        <p className="form-error" role="alert">
          {errorText(t, failure, code)}
        </p>
      )}
    </section>
  );
}
