import { useMemo, useState, type ReactNode } from 'react';
import { DEFAULT_SHARE_VIEW, type ShareView } from '@playroom/protocol';
import { useT, type MessageKey } from '../i18n';
import { errorText } from '../app/error-text';
import { useClassFacingName } from '../app/class-names';
import { classConnection, sessionActions } from '../net';
import { Playground } from '../playground/Playground';
import type { CommandStatus } from '../playground/model';
import { useAppStore } from '../store/app-store';
import { commandStatusOf } from '../store/commands-slice';
import { sessionAccess, type ReadOnlyReason } from '../store/session-access';
import { ConceptsToggle } from '../teaching/ConceptsToggle';
import { DownloadSessionButton } from './DownloadSessionButton';
import { WithConcepts } from '../teaching/WithConcepts';
import { CopyLinkButton } from './share/CopyLinkButton';
import { useShowMe } from './useShowMe';

const READ_ONLY_NOTES: Record<ReadOnlyReason, MessageKey> = {
  watchingClass: 'app.readOnly.watchingClass',
  spotlight: 'app.readOnly.spotlight',
  teacherWatchingFork: 'app.readOnly.teacherWatchingFork',
  frozen: 'app.readOnly.frozen',
};

/**
 * The playground for one server session; read-only unless the viewer may
 * drive it (the server enforces the same, PERM-1), and for a student with
 * the controls the teacher locked or hid (LESSON-1). `toolbarExtra`: the
 * shell's own buttons in the controls bar.
 */
export function SessionPlayground({ sessionId, toolbarExtra }: { sessionId: string; toolbarExtra?: ReactNode }) {
  const t = useT();
  const session = useAppStore((s) => s.sessions[sessionId] ?? null);
  const reason = useAppStore((s) => {
    const shown = s.sessions[sessionId];
    if (!shown) return 'watchingClass';
    return sessionAccess(shown, { participantId: s.participantId, role: s.identity?.role ?? null }, s.classStatus.forksFrozen);
  });
  const readOnly = reason !== null;
  // what the teacher locked or hid holds for students only, on every session they see (LESSON-1, LESSON-3)
  const lessonControls = useAppStore((s) => (s.identity?.role === 'student' ? s.classStatus.lessonControls : undefined));
  const commands = useAppStore((s) => s.commands);
  const actions = useMemo(() => sessionActions(classConnection, sessionId), [sessionId]);
  const model = useMemo(() => (session ? { ...session, readOnly, lessonControls } : null), [session, readOnly, lessonControls]);

  const raw = commandStatusOf(commands, sessionId);
  const failed = raw.state === 'failed' ? commands[raw.id] : undefined;
  const status: CommandStatus =
    raw.state === 'failed'
      ? { state: 'failed', message: errorText(t, { code: failed?.errorCode ?? 'internal', message: raw.message, field: failed?.field }) }
      : raw;
  // a student watching someone's fork through the spotlight reads the name the class sees (NAMES-2)
  const classFacingOwner = useClassFacingName(session?.ownerId, session?.ownerName ?? '');
  const readOnlyNote = reason && t(READ_ONLY_NOTES[reason], { name: reason === 'spotlight' ? classFacingOwner : (session?.ownerName ?? '') });
  const [conceptsOpen, setConceptsOpen] = useState(false);
  // kept here, not in the playground, so "Copy set-up link" gives what this viewer shows too
  const [view, setView] = useState<ShareView>(DEFAULT_SHARE_VIEW);
  const showMe = useShowMe(sessionId, reason, actions.loadPreset);
  const lessonPreset = useAppStore((s) => (s.classStatus.lesson ? s.classStatus.lesson.steps[s.classStatus.lesson.step]! : null));

  return (
    <div
      className="session-playground"
      data-testid="session-playground"
      data-session-id={sessionId}
      data-readonly={readOnly}
      data-readonly-reason={reason ?? undefined}
      data-preset={session?.preset ?? undefined}
    >
      {model ? (
        <WithConcepts
          open={conceptsOpen}
          placement="drawer"
          onClose={() => setConceptsOpen(false)}
          onShowMe={showMe.onShowMe}
          showMeDisabled={showMe.disabled}
          // the lesson's step card says what to watch for its own preset already
          preset={model.preset === lessonPreset ? null : model.preset}
        >
          <Playground
            model={model}
            actions={actions}
            status={status}
            readOnlyNote={readOnlyNote ?? undefined}
            toolbarExtra={toolbarExtra}
            view={view}
            onViewChange={setView}
            foldedExtra={
              <>
                <ConceptsToggle open={conceptsOpen} onToggle={() => setConceptsOpen((open) => !open)} />
                <CopyLinkButton config={model.config} view={view} />
                <DownloadSessionButton sessionId={sessionId} />
              </>
            }
          />
        </WithConcepts>
      ) : (
        <p className="muted">{t('app.class.waitingForState')}</p>
      )}
    </div>
  );
}
