import { useT } from '../i18n';
import { useAppStore } from '../store/app-store';

/** The socket's state: connected, reconnecting or offline. */
export function ConnectionBadge() {
  const t = useT();
  const status = useAppStore((s) => s.connection);
  if (status === 'idle') return null;
  return (
    <span className={`connection-badge connection-${status}`} data-testid="connection-badge" data-status={status} role="status">
      <span className="connection-dot" aria-hidden="true" />
      {t(`app.connection.${status}`)}
    </span>
  );
}
