import { useState } from 'react';
import { isLoopbackUrl } from '@playroom/protocol';
import { projectorPath } from '../app/route';
import { useT } from '../i18n';
import { useAppStore } from '../store/app-store';
import { selectOnlineStudentCount, selectStudentCount } from '../store/roster-slice';

/**
 * The teacher's big room code, the join link with its QR code and how many
 * have joined: made to be read from the back row and scanned by a phone. The
 * link is the server's (welcome.joinUrl), an address students' devices
 * reach even when this page was opened on `localhost`; when the server can
 * only give a loopback one, the panel says so and how to fix it instead of
 * showing a QR code no phone could use. While the class is locked a badge
 * beside the code says so, so the teacher sees why a new student cannot get in.
 * `projected`: the projector's read-only version, in huge type, no buttons;
 * otherwise it offers to open the projector in a new tab.
 */
export function RoomCodePanel({ code, projected = false }: { code: string; projected?: boolean }) {
  const t = useT();
  const joinedCount = useAppStore(selectStudentCount);
  const onlineCount = useAppStore(selectOnlineStudentCount);
  const locked = useAppStore((s) => s.classStatus.locked);
  const joinUrl = useAppStore((s) => s.joinUrl);
  const [copied, setCopied] = useState(false);
  const loopback = joinUrl !== null && isLoopbackUrl(joinUrl);

  async function copy() {
    if (joinUrl === null) return;
    try {
      await navigator.clipboard.writeText(joinUrl);
      setCopied(true);
      setTimeout(() => setCopied(false), 1500);
    } catch {
      // clipboard refused (http page, permissions): the URL is on screen to type
    }
  }

  return (
    <section className={projected ? 'room-code-panel is-projected' : 'room-code-panel'} aria-label={t('app.class.roomCode')}>
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
      {joinUrl !== null && (
        <div className="join-url-block">
          <span className="room-code-label">{t('app.class.joinAt')}</span>
          <a className="join-url" data-testid="join-url" href={joinUrl} target="_blank" rel="noreferrer">
            {joinUrl.replace(/^https?:\/\//, '')}
          </a>
          {!projected && (
            <button type="button" className="button small" onClick={copy}>
              {copied ? t('app.class.copied') : t('app.class.copyLink')}
            </button>
          )}
        </div>
      )}
      {joinUrl !== null && !loopback && (
        <figure className="join-qr">
          <img
            data-testid="join-qr"
            src={`/api/rooms/${encodeURIComponent(code)}/qr.svg`}
            alt={t('app.class.joinQr', { url: joinUrl })}
            width={176}
            height={176}
          />
          <figcaption className="room-code-label">{t('app.class.scanToJoin')}</figcaption>
        </figure>
      )}
      <div className="head-count">
        <span className="head-count-number" data-testid="joined-count" data-count={joinedCount}>
          {t('app.class.joinedCount', { count: joinedCount })}
        </span>
        <span className="muted" data-testid="online-count">
          {t('app.class.onlineCount', { count: onlineCount })}
        </span>
      </div>
      {!projected && (
        <a
          className="button small projector-link"
          data-testid="open-projector"
          href={projectorPath(code)}
          target="_blank"
          rel="noreferrer"
          title={t('projector.open.tip')}
        >
          {t('projector.open')}
        </a>
      )}
      {loopback && (
        <p className="join-loopback" role="alert" data-testid="join-loopback">
          {t('app.class.joinLoopback')}
        </p>
      )}
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
