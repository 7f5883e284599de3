import { useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useT } from '../i18n';
import { classConnection, forkAndOpen, openClass, openFork } from '../net';
import { useAppStore } from '../store/app-store';
import { myForks } from '../store/forks-slice';

import { SessionPlayground } from './SessionPlayground';

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
  const spotlight = useAppStore((s) => (s.classStatus.spotlightId ? (s.forkSummaries[s.classStatus.spotlightId] ?? null) : null));
  const spotlightId = useAppStore((s) => s.classStatus.spotlightId);
  const participantId = useAppStore((s) => s.participantId);
  const forksFrozen = useAppStore((s) => s.classStatus.forksFrozen);
  const [forking, setForking] = useState(false);
  // "My forks" can be chosen before there is any fork to show
  const [forksTab, setForksTab] = useState(false);

  const viewingFork = activeView.kind === 'fork';
  const viewingSpotlight = viewingFork && activeView.id === spotlightId && !forks.some((f) => f.sessionId === spotlightId);
  const tab = viewingFork && !viewingSpotlight ? 'forks' : forksTab ? 'forks' : 'class';
  const shownId = viewingFork ? activeView.id : tab === 'class' ? classSessionId : null;
  const sourceId = viewingFork && !viewingSpotlight ? activeView.id : classSessionId;

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
    if (!viewingFork && latest) void openFork(classConnection, useAppStore, latest.sessionId);
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
          disabled={forking || !sourceId}
          title={t('app.class.forkHint')}
          onClick={() => void fork()}
        >
          {forking ? t('app.class.forking') : t('app.class.fork')}
        </button>
      </div>

      {spotlight && !viewingSpotlight && spotlight.ownerId !== participantId && (
        <div className="view-banner spotlight-banner" data-testid="spotlight-banner">
          <span>{t('app.class.spotlight', { name: spotlight.ownerName })}</span>
          <button type="button" className="button small" onClick={() => void openFork(classConnection, useAppStore, spotlight.sessionId)}>
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
              aria-selected={viewingFork && activeView.id === f.sessionId}
              data-testid="fork-chip"
              onClick={() => void openFork(classConnection, useAppStore, f.sessionId)}
            >
              {t('app.class.forkLabel', { n: i + 1 })}
            </button>
          ))}
        </div>
      )}

      <div className={`view-banner ${tab === 'forks' ? 'fork-banner' : 'watch-banner'}`} data-testid="view-banner">
        {viewingSpotlight && spotlight
          ? t('app.class.spotlight', { name: spotlight.ownerName })
          : tab === 'class'
            ? t('app.class.watching')
            : forks.length === 0 && !viewingFork
              ? t('app.class.noForks')
              : forksFrozen
                ? t('app.class.frozen')
                : t('app.class.inFork')}
      </div>

      {shownId && <SessionPlayground key={shownId} sessionId={shownId} />}
    </div>
  );
}
