import { useState } from 'react';
import { useT } from '../i18n';
import { downloadSession } from '../net/session-files';

/** "Download": the session on screen as a file that continues exactly (practice mode, a new class). */
export function DownloadSessionButton({ sessionId }: { sessionId: string }) {
  const t = useT();
  const [busy, setBusy] = useState(false);
  return (
    <button
      type="button"
      className="button small"
      data-testid="download-session"
      title={t('app.class.download.tip')}
      disabled={busy}
      onClick={() => {
        setBusy(true);
        void downloadSession(sessionId).finally(() => setBusy(false));
      }}
    >
      {t('app.class.download')}
    </button>
  );
}
