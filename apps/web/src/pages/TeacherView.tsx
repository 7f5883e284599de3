import { useCallback, useState } from 'react';
import { useT } from '../i18n';
import { classConnection, deleteFork, forkAndOpen, openClass, openFork } from '../net';
import { useAppStore } from '../store/app-store';
import { ForkDashboard } from './ForkDashboard';
import { LessonPanel } from './lesson/LessonPanel';
import { ChallengePanel } from './challenge/ChallengePanel';
import { ClassSpotlightBanner } from './dashboard/ClassSpotlightBanner';
import { RoomCodePanel } from './RoomCodePanel';
import { SessionPlayground } from './SessionPlayground';
import { TeacherLinkPanel } from './TeacherLinkPanel';

/**
 * The teacher: room code and head count, the teacher link (on demand), the class session (or a fork being
 * looked at), the dashboard. The teacher may fork too (PERM-3): to try an
 * idea aside, or to take a student's fork further, and show it to the class.
 */
export function TeacherView() {
  const t = useT();
  const code = useAppStore((s) => s.identity?.code ?? '');
  const classSessionId = useAppStore((s) => s.classSessionId);
  const activeView = useAppStore((s) => s.activeView);
  const viewedFork = useAppStore((s) => (s.activeView.kind === 'fork' ? (s.sessions[s.activeView.id] ?? null) : null));
  const mine = useAppStore((s) => viewedFork !== null && viewedFork.ownerId === s.participantId);
  const spotlightId = useAppStore((s) => s.classStatus.spotlightId);
  const [forking, setForking] = useState(false);
  const [boardWide, setBoardWide] = useState(false);
  const openOne = useCallback((id: string) => {
    setBoardWide(false);
    void openFork(classConnection, useAppStore, id);
  }, []);
  const toggleWide = useCallback(() => setBoardWide((wide) => !wide), []);

  const shownId = activeView.kind === 'fork' ? activeView.id : classSessionId;
  const spotlighted = viewedFork !== null && spotlightId === viewedFork.sessionId;

  async function fork() {
    if (!shownId) return;
    setForking(true);
    await forkAndOpen(classConnection, useAppStore, shownId);
    setForking(false);
  }

  const forkButton = (
    <button
      type="button"
      className="button small"
      data-testid="teacher-fork"
      disabled={forking || !shownId}
      title={t('app.teacher.forkHint')}
      onClick={() => void fork()}
    >
      {forking ? t('app.teacher.forking') : t('app.teacher.fork')}
    </button>
  );

  return (
    <div className="class-view teacher-view" data-testid="teacher-view" data-board={boardWide ? 'wide' : 'side'}>
      <RoomCodePanel code={code} />
      <TeacherLinkPanel />
      {/* side by side where there is room, so the class session stays near the top of a laptop's screen */}
      <div className="teacher-panels">
        <LessonPanel />
        <ChallengePanel />
      </div>
      <div className="class-layout">
        <div className="class-main">
          {viewedFork && (
            <div className="view-banner fork-banner" data-testid="viewing-fork" data-mine={mine}>
              <span>{mine ? t('app.dashboard.yourFork') : t('app.dashboard.viewingFork', { name: viewedFork.ownerName })}</span>
              <span className="banner-actions">
                <button
                  type="button"
                  className={spotlighted ? 'button small' : 'button small primary'}
                  data-testid="spotlight"
                  onClick={() =>
                    void classConnection.send<'spotlight'>({ type: 'spotlight', sessionId: spotlighted ? null : viewedFork.sessionId })
                  }
                >
                  {spotlighted ? t('app.dashboard.stopSpotlight') : t('app.dashboard.spotlight')}
                </button>
                {mine && (
                  <button
                    type="button"
                    className="button small quiet"
                    data-testid="delete-fork"
                    onClick={() => {
                      if (window.confirm(t('app.class.deleteConfirm'))) void deleteFork(classConnection, useAppStore, viewedFork.sessionId);
                    }}
                  >
                    {t('app.class.deleteFork')}
                  </button>
                )}
                <button type="button" className="button small" data-testid="back-to-class" onClick={() => openClass(classConnection, useAppStore)}>
                  {t('app.dashboard.backToClass')}
                </button>
              </span>
            </div>
          )}
          {!viewedFork && spotlightId && <ClassSpotlightBanner />}
          {shownId && <SessionPlayground key={shownId} sessionId={shownId} toolbarExtra={forkButton} />}
        </div>
        <ForkDashboard viewingId={activeView.kind === 'fork' ? activeView.id : null} onOpenFork={openOne} wide={boardWide} onToggleWide={toggleWide} />
      </div>
    </div>
  );
}
