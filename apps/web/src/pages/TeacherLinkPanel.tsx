import { useEffect, useState } from 'react';
import QRCode from 'qrcode';
import { teacherLinkOf } from '../app/teacher-link';
import { useT } from '../i18n';
import { useAppStore } from '../store/app-store';
import './teacher-link.css';

/**
 * The teacher link, on demand: the class opened as teacher on another device
 * (the classroom PC, a phone). It holds the teacher token, so it stays
 * hidden until asked for, and its QR code is drawn here, with the library
 * and settings the server draws the join QR with (REST-8): the link never
 * goes to the server, in a query string or anywhere else.
 */
export function TeacherLinkPanel() {
  const t = useT();
  const code = useAppStore((s) => s.identity?.code ?? '');
  const token = useAppStore((s) => (s.identity?.role === 'teacher' ? s.identity.token : null));
  const joinUrl = useAppStore((s) => s.joinUrl);
  const [shown, setShown] = useState(false);
  const [qr, setQr] = useState<string | null>(null);
  const [copied, setCopied] = useState(false);
  const link = token && joinUrl ? teacherLinkOf(joinUrl, code, token) : null;

  useEffect(() => {
    if (!shown || link === null) return;
    let live = true;
    QRCode.toString(link, { type: 'svg', errorCorrectionLevel: 'M', margin: 4 })
      .then((svg) => live && setQr(`data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`))
      .catch(() => live && setQr(null));
    return () => {
      live = false;
    };
  }, [shown, link]);

  if (link === null) return null;
  if (!shown) {
    return (
      <button type="button" className="button small teacher-link-show" data-testid="teacher-link-show" onClick={() => setShown(true)}>
        {t('teacherLink.show')}
      </button>
    );
  }

  async function copy() {
    try {
      await navigator.clipboard.writeText(link!);
      setCopied(true);
      setTimeout(() => setCopied(false), 1500);
    } catch {
      // clipboard refused (http page, permissions): the QR and the link are on screen
    }
  }

  return (
    <section className="teacher-link-panel" aria-label={t('teacherLink.title')} data-testid="teacher-link-panel">
      {qr && <img className="teacher-link-qr" data-testid="teacher-link-qr" src={qr} alt={t('teacherLink.qr')} width={160} height={160} />}
      <div className="teacher-link-text">
        <h2 className="teacher-link-title">{t('teacherLink.title')}</h2>
        <p className="teacher-link-warning">{t('teacherLink.warning')}</p>
        <code className="teacher-link" data-testid="teacher-link" data-href={link}>
          {link}
        </code>
        <div className="teacher-link-actions">
          <button type="button" className="button small" onClick={() => void copy()}>
            {copied ? t('app.class.copied') : t('app.class.copyLink')}
          </button>
          <button
            type="button"
            className="button small quiet"
            data-testid="teacher-link-hide"
            onClick={() => {
              setShown(false);
              setQr(null);
            }}
          >
            {t('teacherLink.hide')}
          </button>
        </div>
      </div>
    </section>
  );
}
