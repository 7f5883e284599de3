import { useState } from 'react';
import type { CommandAck, CommandType } from '@playroom/protocol';
import { useT } from '../i18n';
import { errorText } from '../app/error-text';
import { classConnection } from '../net';
import { useAppStore } from '../store/app-store';

/**
 * The teacher's class-wide switches: pause every fork ("eyes on me"), lock
 * the class (no new students, JOIN-3), hide names (aliases for the class,
 * NAMES-1), end the class. A refused switch says why.
 */
export function ClassControls() {
  const t = useT();
  const frozen = useAppStore((s) => s.classStatus.forksFrozen);
  const locked = useAppStore((s) => s.classStatus.locked);
  const namesHidden = useAppStore((s) => s.classStatus.namesHidden);
  const [failure, setFailure] = useState<{ code: string; message: string } | null>(null);

  async function run<T extends CommandType>(sent: Promise<CommandAck<T>>) {
    setFailure(null);
    const ack = await sent;
    if (!ack.ok) setFailure(ack.error);
  }

  return (
    <div className="class-controls">
      <button
        type="button"
        className={frozen ? 'button small primary' : 'button small'}
        data-testid="freeze-forks"
        aria-pressed={frozen}
        title={t('app.dashboard.freeze.tip')}
        onClick={() => void run(classConnection.send<'freezeForks'>({ type: 'freezeForks', frozen: !frozen }))}
      >
        {frozen ? t('app.dashboard.unfreeze') : t('app.dashboard.freeze')}
      </button>
      <button
        type="button"
        className={locked ? 'button small primary' : 'button small'}
        data-testid="lock-class"
        data-locked={locked}
        aria-pressed={locked}
        title={t('app.dashboard.lock.tip')}
        onClick={() => void run(classConnection.send<'lockClass'>({ type: 'lockClass', locked: !locked }))}
      >
        {locked ? t('app.dashboard.unlock') : t('app.dashboard.lock')}
      </button>
      <button
        type="button"
        className={namesHidden ? 'button small primary' : 'button small'}
        data-testid="hide-names"
        data-hidden={namesHidden}
        aria-pressed={namesHidden}
        title={t('names.hide.tip')}
        onClick={() => void run(classConnection.send<'hideNames'>({ type: 'hideNames', hidden: !namesHidden }))}
      >
        {namesHidden ? t('names.show') : t('names.hide')}
      </button>
      <button
        type="button"
        className="button small danger"
        data-testid="end-class"
        onClick={() => {
          if (window.confirm(t('app.dashboard.endConfirm'))) void classConnection.send<'endClass'>({ type: 'endClass' });
        }}
      >
        {t('app.dashboard.endClass')}
      </button>
      {failure && (
        <p className="form-error class-controls-error" role="alert" data-testid="class-controls-error">
          {errorText(t, failure)}
        </p>
      )}
    </div>
  );
}
