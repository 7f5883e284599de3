import { useState } from 'react';
import { ChallengeBanner } from './challenge/ChallengeBanner';
import { useShallow } from 'zustand/react/shallow';
import { useT } from '../i18n';
import { aliasText, classFacingName } from '../app/class-names';
import { classConnection, deleteFork, forkAndOpen, openClass, openFork } from '../net';
import { useAppStore } from '../store/app-store';
import { myForks } from '../store/forks-slice';
import { SessionPlayground } from './SessionPlayground';
import { LessonStepCard } from './lesson/LessonStepCard';

/** The fork the teacher shows to the class, unless it is one of mine, with its owner as the class status names them. */
function useOthersSpotlight(): { id: string; ownerName: string; byTeacher: boolean } | null {
  const t = useT();
  return useAppStore(
    useShallow((s) => {
      const { spotlightId: id, spotlightOwner: owner, namesHidden } = s.classStatus;
      if (!id || !owner || owner.participantId === s.participantId) return null;
      // the server sends no other student's name while names are hidden: their alias instead (NAMES-2)
      return { id, ownerName: classFacingName(t, owner, namesHidden), byTeacher: owner.role === 'teacher' };
    }),
  );
}

/** My alias while the teacher hides names, so I know which one is me on the projector; null otherwise. */
function useMyAlias(): number | null {
  return useAppStore((s) => (s.classStatus.namesHidden ? (s.roster.find((r) => r.participantId === s.participantId)?.alias ?? null) : null));
}

/**
 * A student: the teacher's session live and read-only, a prominent "Fork and
 * experiment", and a switch between the class and their own forks, where
 * every control works.
 */
export function StudentView() {
  const t = useT();
  const code = useAppStore((s) => s.identity?.code ?? '');
  const name = useAppStore((s) => s.identity?.name ?? '');
  const classSessionId = useAppStore((s) => s.classSessionId);
  const activeView = useAppStore((s) => s.activeView);
  const forks = useAppStore(useShallow((s) => myForks(s.forkSummaries, s.participantId)));
  const forksFrozen = useAppStore((s) => s.classStatus.forksFrozen);
  const restricted = useAppStore((s) => Object.keys(s.classStatus.lessonControls).length > 0);
  const spotlight = useOthersSpotlight();
  const myAlias = useMyAlias();
  const [forking, setForking] = useState(false);
  // "My forks" can be chosen before there is any fork to show
  const [forksTab, setForksTab] = useState(false);

  const viewingId = activeView.kind === 'fork' ? activeView.id : null;
  const viewingSpotlight = viewingId !== null && viewingId === spotlight?.id;
  const tab = (viewingId !== null && !viewingSpotlight) || forksTab ? 'forks' : 'class';
  const shownId = viewingId ?? (tab === 'class' ? classSessionId : null);
  // fork what is on screen: the class session, one of my forks, or the spotlighted fork (PERM-3)
  const sourceId = viewingId ?? classSessionId;
  const spotlightText = (shown: { ownerName: string; byTeacher: boolean }) =>
    t(shown.byTeacher ? 'app.class.spotlightTeacher' : 'app.class.spotlight', { name: shown.ownerName });

  async function fork() {
    if (!sourceId) return;
    setForking(true);
    const forkId = await forkAndOpen(classConnection, useAppStore, sourceId);
    setForking(false);
    if (forkId) setForksTab(true);
  }

  function showClass() {
    setForksTab(false);
    openClass(classConnection, useAppStore);
  }

  function showForks() {
    setForksTab(true);
    const latest = forks[forks.length - 1];
    if ((viewingId === null || viewingSpotlight) && latest) void openFork(classConnection, useAppStore, latest.sessionId);
  }

  function showSpotlight(id: string) {
    setForksTab(false);
    void openFork(classConnection, useAppStore, id);
  }

  return (
    <div className="class-view student-view" data-testid="student-view" data-tab={tab}>
      <div className="student-bar">
        <div className="student-identity">
          <span className="room-code-small" data-testid="room-code">
            {code}
          </span>
          <span className="muted">{t('app.class.you', { name, role: t('app.role.student') })}</span>
        </div>
        <div className="view-switch" role="tablist">
          <button type="button" role="tab" aria-selected={tab === 'class'} data-testid="view-class" onClick={showClass}>
            {t('app.class.view.class')}
          </button>
          <button type="button" role="tab" aria-selected={tab === 'forks'} data-testid="view-forks" onClick={showForks}>
            {t('app.class.view.forks')}
            {forks.length > 0 && <span className="count-badge">{forks.length}</span>}
          </button>
        </div>
        <button
          type="button"
          className="button primary fork-button"
          data-testid="fork-button"
          disabled={forking || !sourceId || forksFrozen}
          title={forksFrozen ? t('app.class.forkFrozen') : t('app.class.forkHint')}
          onClick={() => void fork()}
        >
          {forking ? t('app.class.forking') : t('app.class.fork')}
        </button>
      </div>

      {forksFrozen && tab === 'class' && (
        <div className="view-banner" role="status" data-testid="frozen-banner">
          {t('app.class.forkFrozen')}
        </div>
      )}

      {myAlias !== null && (
        <div className="view-banner names-banner" data-testid="my-alias">
          {t('names.myAlias', { alias: aliasText(t, myAlias) })}
        </div>
      )}

      {spotlight && !viewingSpotlight && (
        <div className="view-banner spotlight-banner" data-testid="spotlight-banner">
          <span>{spotlightText(spotlight)}</span>
          <button type="button" className="button small" data-testid="watch-spotlight" onClick={() => showSpotlight(spotlight.id)}>
            {t('app.class.watchSpotlight')}
          </button>
        </div>
      )}

      {tab === 'forks' && forks.length > 1 && (
        <div className="fork-chips" role="tablist" data-testid="fork-chips">
          {forks.map((f, i) => (
            <button
              key={f.sessionId}
              type="button"
              role="tab"
              aria-selected={viewingId === f.sessionId}
              data-testid="fork-chip"
              onClick={() => void openFork(classConnection, useAppStore, f.sessionId)}
            >
              {t('app.class.forkLabel', { n: i + 1 })}
            </button>
          ))}
        </div>
      )}

      {/* on the class tab the playground itself says it is read-only */}
      {viewingSpotlight && (
        <div className="view-banner spotlight-banner" data-testid="view-banner">
          {spotlightText(spotlight)}
        </div>
      )}
      {tab === 'forks' && (
        <div className="view-banner fork-banner" data-testid="view-banner">
          <span>
            {viewingId === null
              ? forks.length === 0
                ? t('app.class.noForks')
                : t('app.class.waitingForState')
              : forksFrozen
                ? t('app.class.frozen')
                : restricted
                  ? t('lesson.inFork')
                  : t('app.class.inFork')}
          </span>
          {viewingId !== null && (
            <button
              type="button"
              className="button small quiet"
              data-testid="delete-fork"
              onClick={() => {
                if (!window.confirm(t('app.class.deleteConfirm'))) return;
                void deleteFork(classConnection, useAppStore, viewingId).then((deleted) => deleted && setForksTab(false));
              }}
            >
              {t('app.class.deleteFork')}
            </button>
          )}
        </div>
      )}

      <ChallengeBanner />
      <LessonStepCard hint={tab === 'class' ? t('lessonPlan.studentHint') : undefined} />

      {shownId && <SessionPlayground key={shownId} sessionId={shownId} />}
    </div>
  );
}
