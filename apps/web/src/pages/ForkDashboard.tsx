import { useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { RosterEntry } from '@playroom/protocol';
import { useT } from '../i18n';
import { errorText } from '../app/error-text';
import { classConnection } from '../net';
import { useAppStore } from '../store/app-store';
import { aliasText } from '../app/class-names';
import { ClassControls } from './ClassControls';
import { LessonControlsPanel } from './LessonControlsPanel';
import { ForkBoard } from './dashboard/ForkBoard';

/**
 * The teacher's dashboard: the class-wide switches, lesson controls, every
 * fork as a card with its live heatmap (from the summary and preview
 * streams, SUM-1 and SUM-2), and who is in the class. `wide`: the cards
 * take the page's width instead of the side column.
 */
export function ForkDashboard({
  onOpenFork,
  viewingId,
  wide = false,
  onToggleWide,
}: {
  onOpenFork(id: string): void;
  viewingId: string | null;
  wide?: boolean;
  onToggleWide?(): void;
}) {
  const t = useT();
  const forkCount = useAppStore((s) => Object.keys(s.forkSummaries).length);
  const students = useAppStore(useShallow((s) => s.roster.filter((r) => r.role === 'student')));
  const namesHidden = useAppStore((s) => s.classStatus.namesHidden);

  return (
    <aside className={wide ? 'dashboard wide' : 'dashboard'} data-testid="dashboard" data-wide={wide}>
      <h2>{t('app.dashboard.title')}</h2>
      <ClassControls />
      {namesHidden && (
        <p className="muted small names-hidden-note" data-testid="names-hidden-note">
          {t('names.hiddenNote')}
        </p>
      )}
      <LessonControlsPanel />
      <div className="dashboard-forks-head">
        <h3>
          {t('app.dashboard.forks')} <span className="muted">({forkCount})</span>
        </h3>
        {onToggleWide && (
          <button type="button" className="button small quiet" data-testid="board-wide" aria-pressed={wide} onClick={onToggleWide}>
            {wide ? t('dashboard.narrow') : t('dashboard.wide')}
          </button>
        )}
      </div>
      <ForkBoard onOpenFork={onOpenFork} viewingId={viewingId} />
      <h3>
        {t('app.dashboard.students')} <span className="muted">({students.length})</span>
      </h3>
      {students.length === 0 ? (
        <p className="muted">{t('app.dashboard.noStudents')}</p>
      ) : (
        <StudentList students={students} />
      )}
    </aside>
  );
}

/**
 * Who is in the class, online or not, each with a × that takes the student
 * out of the class (CMD-9) after the teacher confirms.
 */
function StudentList({ students }: { students: RosterEntry[] }) {
  const t = useT();
  const namesHidden = useAppStore((s) => s.classStatus.namesHidden);
  const [removing, setRemoving] = useState<string | null>(null);
  const [failure, setFailure] = useState<{ code: string; message: string } | null>(null);

  async function remove(student: RosterEntry) {
    if (!window.confirm(t('app.dashboard.removeConfirm', { name: student.name }))) return;
    setRemoving(student.participantId);
    setFailure(null);
    const ack = await classConnection.send<'removeParticipant'>({ type: 'removeParticipant', participantId: student.participantId });
    setRemoving(null);
    if (!ack.ok) setFailure(ack.error);
  }

  return (
    <>
      <ul className="student-list" data-testid="student-list">
        {students.map((s) => (
          <li key={s.participantId} className={s.online ? 'online' : 'offline'} data-testid="student-chip" data-participant-id={s.participantId}>
            <span className="presence-dot" aria-hidden="true" />
            {/* one flex item: the name and the alias the class sees wrap together */}
            <span className="student-name">
              {s.name}
              {namesHidden && (
                <span className="muted" data-testid="student-alias">
                  {' · '}
                  {t('names.aliasOf', { alias: aliasText(t, s.alias) })}
                </span>
              )}
            </span>
            {!s.online && <span className="muted"> · {t('app.dashboard.offline')}</span>}
            <button
              type="button"
              className="chip-remove"
              data-testid="remove-student"
              aria-label={t('app.dashboard.remove', { name: s.name })}
              title={t('app.dashboard.remove', { name: s.name })}
              disabled={removing === s.participantId}
              onClick={() => void remove(s)}
            >
              <span aria-hidden="true">×</span>
            </button>
          </li>
        ))}
      </ul>
      {failure && (
        <p className="form-error" role="alert" data-testid="remove-error">
          {errorText(t, failure)}
        </p>
      )}
    </>
  );
}
