import { useT } from '../i18n';
import { classConnection, openClass, openFork } from '../net';
import { useAppStore } from '../store/app-store';
import { ForkDashboard } from './ForkDashboard';
import { RoomCodePanel } from './RoomCodePanel';
import { SessionPlayground } from './SessionPlayground';

/** The teacher: room code and head count, the class session (or a fork being looked at), the dashboard. */
export function TeacherView() {
  const t = useT();
  const code = useAppStore((s) => s.identity?.code ?? '');
  const classSessionId = useAppStore((s) => s.classSessionId);
  const activeView = useAppStore((s) => s.activeView);
  const viewedFork = useAppStore((s) => (s.activeView.kind === 'fork' ? (s.sessions[s.activeView.id] ?? null) : null));
  const spotlightId = useAppStore((s) => s.classStatus.spotlightId);

  const shownId = activeView.kind === 'fork' ? activeView.id : classSessionId;
  const spotlighted = viewedFork !== null && spotlightId === viewedFork.id;

  return (
    <div className="class-view teacher-view" data-testid="teacher-view">
      <RoomCodePanel code={code} />
      <div className="class-layout">
        <div className="class-main">
          {viewedFork && (
            <div className="view-banner fork-banner" data-testid="viewing-fork">
              <span>{t('app.dashboard.viewingFork', { name: viewedFork.ownerName })}</span>
              <span className="banner-actions">
                <button
                  type="button"
                  className={spotlighted ? 'button small' : 'button small primary'}
                  data-testid="spotlight"
                  onClick={() =>
                    void classConnection.send<'spotlight'>({ type: 'spotlight', sessionId: spotlighted ? null : viewedFork.id })
                  }
                >
                  {spotlighted ? t('app.dashboard.stopSpotlight') : t('app.dashboard.spotlight')}
                </button>
                <button type="button" className="button small" data-testid="back-to-class" onClick={() => openClass(classConnection, useAppStore)}>
                  {t('app.dashboard.backToClass')}
                </button>
              </span>
            </div>
          )}
          {shownId && <SessionPlayground key={shownId} sessionId={shownId} />}
        </div>
        <ForkDashboard
          viewingId={activeView.kind === 'fork' ? activeView.id : null}
          onOpenFork={(id) => void openFork(classConnection, useAppStore, id)}
        />
      </div>
    </div>
  );
}
