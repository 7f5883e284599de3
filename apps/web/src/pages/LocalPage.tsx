import { useEffect, useState } from 'react';
import { DEFAULT_SHARE_VIEW, type ShareLinkNote, type ShareView } from '@playroom/protocol';
import { errorText } from '../app/error-text';
import { downloadPlaygroundFile, handedToPractice, rememberPracticeWork, type PracticeWork } from '../app/practice-files';
import { setupInAddress } from '../app/share-link';
import { useT } from '../i18n';
import { Playground } from '../playground/Playground';
import type { LocalSession } from '../playground/local/localSession';
import { practiceWorkspace, sessionLabels, type PracticeWorkspace } from '../playground/local/practiceWorkspace';
import { useLocalTrainer } from '../playground/local/useLocalTrainer';
import { useSetupInAddress } from '../playground/local/useSetupInAddress';
import { ConceptsToggle } from '../teaching/ConceptsToggle';
import { WithConcepts } from '../teaching/WithConcepts';
import { PracticeFileBar } from './PracticeFileBar';
import { CopyLinkButton } from './share/CopyLinkButton';
import { ShareLinkNotes } from './share/ShareLinkNotes';
import { StartClassFromSession } from './StartClassFromSession';
import './practice.css';

interface Opened {
  workspace: PracticeWorkspace;
  view: ShareView;
  /** what of the link in the address was not used */
  notes: ShareLinkNote[];
}

/** What /local opens: the sessions handed to it (its history entry), else the set-up its address's hash names, else a new playground. */
function openedFromAddress(): Opened {
  const handed = handedToPractice();
  const setup = handed ? null : setupInAddress();
  if (!setup) return { workspace: practiceWorkspace(handed), view: DEFAULT_SHARE_VIEW, notes: [] };
  return { workspace: practiceWorkspace(null, setup.config), view: setup.view, notes: setup.notes };
}

/**
 * /local: playgrounds that train in this browser, no class and no server: a
 * new one, the set-up of a shared link (the hash, which follows the config
 * as it changes), or the forks a class ended with ("continue in practice
 * mode"), or the sessions of a playground file. Save writes what is open to a file.
 */
export function LocalPage() {
  const t = useT();
  const [opened, setOpened] = useState(openedFromAddress);
  const { workspace, view, notes } = opened;
  const [shown, setShown] = useState(0);
  const [conceptsOpen, setConceptsOpen] = useState(false);
  const session = workspace.sessions[shown] ?? workspace.sessions[0];
  const labels = sessionLabels(workspace.sessions);

  useEffect(() => {
    // a link pasted into the address bar of this page: the page does not reload, so open it here, over
    // whatever the history entry was handed (which is then forgotten, so a reload keeps the link's set-up)
    const onHashChange = () => {
      const setup = setupInAddress();
      if (!setup) return;
      rememberPracticeWork({ sessions: [], fromClass: null });
      setOpened({ workspace: practiceWorkspace(null, setup.config), view: setup.view, notes: setup.notes });
      setShown(0);
    };
    window.addEventListener('hashchange', onHashChange);
    return () => window.removeEventListener('hashchange', onHashChange);
  }, []);

  function open(work: PracticeWork): boolean {
    const next = practiceWorkspace(work);
    if (next.sessions.length === 0) return false;
    setOpened({ workspace: next, view, notes: [] });
    setShown(0);
    rememberPracticeWork(work);
    return true;
  }

  function save() {
    downloadPlaygroundFile({ sessions: workspace.sessions.map((s) => s.toState()), fromClass: workspace.fromClass });
  }

  return (
    <div className="local-view" data-testid="local-view" data-sessions={workspace.sessions.length}>
      <div className="view-banner watch-banner">
        <span>
          <strong>{t('app.local.title')}</strong> ·{' '}
          {workspace.fromClass ? t('app.practice.fromClass', { code: workspace.fromClass }) : t('app.local.hint')}
        </span>
      </div>
      <ShareLinkNotes notes={notes} onDismiss={() => setOpened({ ...opened, notes: [] })} />
      <div className="local-tools">
        <PracticeFileBar onOpened={open} onSave={save} skipped={workspace.skipped} />
        <ConceptsToggle open={conceptsOpen} onToggle={() => setConceptsOpen((value) => !value)} />
      </div>
      {workspace.sessions.length > 1 && (
        <div className="fork-chips" role="tablist" aria-label={t('app.practice.sessions')} data-testid="practice-sessions">
          {workspace.sessions.map((s, i) => {
            const label = labels[i]!;
            return (
              <button key={i} type="button" role="tab" aria-selected={s === session} data-testid="practice-session" onClick={() => setShown(i)}>
                {label.key === 'classSession' ? t('app.practice.classSession') : label.key === 'fork' ? t('app.practice.fork', { n: label.n }) : t('app.practice.forkOf', label)}
              </button>
            );
          })}
        </div>
      )}
      {session && (
        <LocalPlayground
          key={`${workspace.id}:${workspace.sessions.indexOf(session)}`}
          session={session}
          conceptsOpen={conceptsOpen}
          view={view}
          onViewChange={(next) => setOpened((was) => ({ ...was, view: next }))}
        />
      )}
    </div>
  );
}

interface LocalPlaygroundProps {
  session: LocalSession;
  conceptsOpen: boolean;
  view: ShareView;
  onViewChange: (view: ShareView) => void;
}

/**
 * One local session's playground, with the concept cards beside it when
 * open: "Show me" loads a preset into this session and the "Watch:" line
 * stays above the playground until the config is changed by hand. Its
 * config and view follow in the address; "Copy link" and "Start a class
 * with this playground" (its exact state, REST-1 `from`) sit with the controls (in the fold on a phone). Keyed by the
 * session, since the trainer hook keeps the one it started with.
 */
function LocalPlayground({ session, conceptsOpen, view, onViewChange }: LocalPlaygroundProps) {
  const t = useT();
  const { model, actions, failure } = useLocalTrainer(session);
  // the config object is replaced on a change only (training keeps it): the address follows changes, not epochs
  useSetupInAddress(model.config, view);
  return (
    <WithConcepts open={conceptsOpen} placement="beside" onShowMe={actions.loadPreset} showMeDisabled={null} preset={model.preset}>
      <Playground
        model={model}
        actions={actions}
        status={failure ? { state: 'failed', message: errorText(t, failure) } : { state: 'idle' }}
        view={view}
        onViewChange={onViewChange}
        foldedExtra={
          <>
            <CopyLinkButton config={model.config} view={view} />
            <StartClassFromSession session={() => session.toState()} />
          </>
        }
      />
    </WithConcepts>
  );
}
