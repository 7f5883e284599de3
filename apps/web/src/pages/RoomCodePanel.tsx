import { useState } from 'react';
import { useT } from '../i18n';
import { routePath } from '../app/route';
import { useAppStore } from '../store/app-store';
import { selectOnlineStudentCount, selectStudentCount } from '../store/roster-slice';

/**
 * The teacher's big room code, the join link and how many have joined: made
 * to be read from the back row. While the class is locked a badge beside the
 * code says so, so the teacher sees why a new student cannot get in.
 */
export function RoomCodePanel({ code }: { code: string }) {
  const t = useT();
  const joinedCount = useAppStore(selectStudentCount);
  const onlineCount = useAppStore(selectOnlineStudentCount);
  const locked = useAppStore((s) => s.classStatus.locked);
  const [copied, setCopied] = useState(false);
  const joinUrl = `${window.location.origin}${routePath({ page: 'home', joinCode: code })}`;

  async function copy() {
    try {
      await navigator.clipboard.writeText(joinUrl);
      setCopied(true);
      setTimeout(() => setCopied(false), 1500);
    } catch {
      // clipboard refused (http page, permissions): the URL is on screen to type
    }
  }

  return (
    <section className="room-code-panel" aria-label={t('app.class.roomCode')}>
      <div className="room-code-block">
        <span className="room-code-label">{t('app.class.roomCode')}</span>
        <span className="room-code-line">
          <span className="room-code" data-testid="room-code">
            {code}
          </span>
          {locked && (
            <span className="locked-badge" data-testid="locked-badge" title={t('app.class.locked.tip')}>
              <LockIcon />
              {t('app.class.locked')}
            </span>
          )}
        </span>
      </div>
      <div className="join-url-block">
        <span className="room-code-label">{t('app.class.joinAt')}</span>
        <a className="join-url" data-testid="join-url" href={joinUrl} target="_blank" rel="noreferrer">
          {joinUrl.replace(/^https?:\/\//, '')}
        </a>
        <button type="button" className="button small" onClick={copy}>
          {copied ? t('app.class.copied') : t('app.class.copyLink')}
        </button>
      </div>
      <div className="head-count">
        <span className="head-count-number" data-testid="joined-count" data-count={joinedCount}>
          {t('app.class.joinedCount', { count: joinedCount })}
        </span>
        <span className="muted" data-testid="online-count">
          {t('app.class.onlineCount', { count: onlineCount })}
        </span>
      </div>
    </section>
  );
}

/** A small padlock (an SVG, so it looks the same without an emoji font). */
function LockIcon() {
  return (
    <svg className="lock-icon" viewBox="0 0 16 16" width="14" height="14" aria-hidden="true" focusable="false">
      <path d="M5 7V5a3 3 0 0 1 6 0v2" fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" />
      <rect x="3" y="7" width="10" height="8" rx="1.5" fill="currentColor" />
    </svg>
  );
}
