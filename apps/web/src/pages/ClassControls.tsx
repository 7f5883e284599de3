import { useT } from '../i18n';
import { classConnection } from '../net';
import { useAppStore } from '../store/app-store';

/** The teacher's class-wide switches: pause every fork ("eyes on me"), end the class. */
export function ClassControls() {
  const t = useT();
  const frozen = useAppStore((s) => s.classStatus.forksFrozen);
  return (
    <div className="class-controls">
      <button
        type="button"
        className={frozen ? 'button small primary' : 'button small'}
        data-testid="freeze-forks"
        aria-pressed={frozen}
        title={t('app.dashboard.freeze.tip')}
        onClick={() => void classConnection.send<'freezeForks'>({ type: 'freezeForks', frozen: !frozen })}
      >
        {frozen ? t('app.dashboard.unfreeze') : t('app.dashboard.freeze')}
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
    </div>
  );
}
