import { useState } from 'react';
import { errorText } from '../app/error-text';
import { downloadPlaygroundFile, handedToPractice, rememberPracticeWork, type PracticeWork } from '../app/practice-files';
import { useT } from '../i18n';
import { Playground } from '../playground/Playground';
import type { LocalSession } from '../playground/local/localSession';
import { practiceWorkspace, sessionLabels } from '../playground/local/practiceWorkspace';
import { useLocalTrainer } from '../playground/local/useLocalTrainer';
import { ConceptsToggle } from '../teaching/ConceptsToggle';
import { WithConcepts } from '../teaching/WithConcepts';
import { PracticeFileBar } from './PracticeFileBar';
import './practice.css';

/**
 * /local: playgrounds that train in this browser, no class and no server: a
 * new one, or the forks a class ended with ("continue in practice mode"), or
 * the sessions of a playground file. Save writes what is open to a file.
 */
export function LocalPage() {
  const t = useT();
  const [workspace, setWorkspace] = useState(() => practiceWorkspace(handedToPractice()));
  const [shown, setShown] = useState(0);
  const [conceptsOpen, setConceptsOpen] = useState(false);
  const session = workspace.sessions[shown] ?? workspace.sessions[0];
  const labels = sessionLabels(workspace.sessions);

  function open(work: PracticeWork): boolean {
    const next = practiceWorkspace(work);
    if (next.sessions.length === 0) return false;
    setWorkspace(next);
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
      <div className="local-tools">
        <PracticeFileBar onOpened={open} onSave={save} skipped={workspace.skipped} shownSession={() => (session ?? workspace.sessions[0]!).toState()} />
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
      {session && <LocalPlayground key={`${workspace.id}:${workspace.sessions.indexOf(session)}`} session={session} conceptsOpen={conceptsOpen} />}
    </div>
  );
}

/**
 * One local session's playground, with the concept cards beside it when
 * open: "Show me" loads a preset into this session and the "Watch:" line
 * stays above the playground until the config is changed by hand. Keyed by
 * the session, since the trainer hook keeps the one it started with.
 */
function LocalPlayground({ session, conceptsOpen }: { session: LocalSession; conceptsOpen: boolean }) {
  const t = useT();
  const { model, actions, failure } = useLocalTrainer(session);
  return (
    <WithConcepts open={conceptsOpen} placement="beside" onShowMe={actions.loadPreset} showMeDisabled={null} preset={model.preset}>
      <Playground
        model={model}
        actions={actions}
        status={failure ? { state: 'failed', message: errorText(t, failure) } : { state: 'idle' }}
      />
    </WithConcepts>
  );
}
