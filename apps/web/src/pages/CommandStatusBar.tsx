import { useT } from '../i18n';
import { errorText } from '../app/error-text';
import { useAppStore } from '../store/app-store';
import { commandStatusOf } from '../store/commands-slice';

/** "Sending…" while a command on this session awaits its ack; the reason when one was refused. */
export function CommandStatusBar({ sessionId }: { sessionId: string }) {
  const t = useT();
  const commands = useAppStore((s) => s.commands);
  const dismiss = useAppStore((s) => s.dismissCommand);
  const status = commandStatusOf(commands, sessionId);
  if (status.state === 'idle') return <div className="command-status" data-testid="command-status" data-state="idle" />;
  if (status.state === 'pending') {
    return (
      <div className="command-status pending" data-testid="command-status" data-state="pending" role="status">
        {t('app.command.pending')}
      </div>
    );
  }
  const failed = commands[status.id];
  const reason = errorText(t, { code: failed?.errorCode ?? 'internal', message: status.message });
  return (
    <div className="command-status failed" data-testid="command-status" data-state="failed" role="alert">
      <span>{t('app.command.failed', { message: reason })}</span>
      <button type="button" className="button small quiet" onClick={() => dismiss(status.id)}>
        {t('app.command.dismiss')}
      </button>
    </div>
  );
}
