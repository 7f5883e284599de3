import { useEffect, useState } from 'react';
import { useT } from '../i18n';
import { errorText } from '../app/error-text';
import { LanguageToggle } from '../app/LanguageToggle';
import { ConnectionBadge } from '../app/ConnectionBadge';
import { classConnection } from '../net';
import { useAppStore } from '../store/app-store';
import { loadIdentity } from '../store/identity-storage';
import { RoomCodePanel } from './RoomCodePanel';
import { ProjectorStage } from './ProjectorStage';
import { useFullscreen } from './useFullscreen';
import './projector.css';

type Screen = 'auto' | 'join' | 'class';

/**
 * /class/CODE/projector: what the classroom's screen shows, read-only. It
 * joins with the teacher identity this browser keeps for CODE (the teacher
 * opens it from the teacher view). While students arrive: the code, the QR
 * and the head count; once the class session has trained (or a fork is
 * spotlighted), that session large; the teacher may switch by hand.
 */
export function ProjectorPage({ code }: { code: string }) {
  const t = useT();
  const [noTeacher, setNoTeacher] = useState(false);
  const [screen, setScreen] = useState<Screen>('auto');
  const joined = useAppStore((s) => s.joined);
  const joinError = useAppStore((s) => s.joinError);
  const spotlightId = useAppStore((s) => s.classStatus.spotlightId);
  const started = useAppStore((s) => {
    const session = s.classSessionId ? s.sessions[s.classSessionId] : undefined;
    return session !== undefined && (session.playing || session.epoch > 0);
  });
  const fullscreen = useFullscreen();

  useEffect(() => {
    const identity = loadIdentity(code);
    if (identity?.role !== 'teacher') {
      setNoTeacher(true);
      return;
    }
    classConnection.join(identity).catch(() => {
      // the store's joinError says why; the page shows it
    });
    return () => classConnection.leave();
  }, [code]);

  // the spotlighted fork is what the class should see: follow it while it lasts
  useEffect(() => {
    if (!joined || spotlightId === null) return;
    void classConnection.watch(spotlightId);
    return () => void classConnection.send<'unwatch'>({ type: 'unwatch', sessionId: spotlightId });
  }, [joined, spotlightId]);

  const showClass = screen === 'class' || (screen === 'auto' && (started || spotlightId !== null));
  let body;
  if (noTeacher) body = <p className="projector-message" role="alert" data-testid="projector-no-teacher">{t('projector.noTeacher', { code })}</p>;
  else if (joinError) body = <p className="projector-message" role="alert" data-testid="class-error">{errorText(t, joinError, code)}</p>;
  else if (!joined) body = <p className="projector-message">{t('app.class.joining', { code })}</p>;
  else body = showClass ? <ProjectorStage /> : <RoomCodePanel code={code} projected />;

  return (
    <div className="projector" data-testid="projector" data-screen={showClass ? 'class' : 'join'}>
      <header className="projector-bar">
        <span className="projector-title">
          <span className="brand-mark" aria-hidden="true" />
          {t('projector.title', { code })}
        </span>
        <span className="header-tools">
          <ConnectionBadge />
          {joined && (
            <button
              type="button"
              className="projector-tool"
              data-testid="projector-switch"
              onClick={() => setScreen(showClass ? 'join' : 'class')}
            >
              {showClass ? t('projector.showJoin') : t('projector.showClass')}
            </button>
          )}
          {fullscreen.supported && (
            <button type="button" className="projector-tool" data-testid="projector-fullscreen" onClick={fullscreen.toggle}>
              {fullscreen.active ? t('projector.exitFullscreen') : t('projector.fullscreen')}
            </button>
          )}
          <LanguageToggle />
        </span>
      </header>
      <main className="projector-body">{body}</main>
    </div>
  );
}
