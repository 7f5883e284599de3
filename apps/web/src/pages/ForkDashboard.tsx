import { useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { ForkSummary, RosterEntry } from '@playroom/protocol';
import { useT } from '../i18n';
import { errorText } from '../app/error-text';
import { classConnection } from '../net';
import { formatLoss } from '../playground/common/formatNumbers';
import { useAppStore } from '../store/app-store';
import { forkOrdinals, sortedForkSummaries } from '../store/forks-slice';
import { aliasText } from '../app/class-names';
import { ClassControls } from './ClassControls';
import { LessonControlsPanel } from './LessonControlsPanel';

/** "Ann", or "Ann 2" when Ann has several forks. */
const forkLabel = (owner: string, ownerForks: number, ordinal: number | undefined) =>
  ownerForks > 1 ? `${owner} ${ordinal ?? ''}` : owner;

/** The teacher's list of every fork with its losses (from the fork summary stream), and who is in the class. */
export function ForkDashboard({ onOpenFork, viewingId }: { onOpenFork(id: string): void; viewingId: string | null }) {
  const t = useT();
  const forks = useAppStore(useShallow((s) => sortedForkSummaries(s.forkSummaries)));
  const ordinals = useAppStore(useShallow((s) => forkOrdinals(s.forkSummaries)));
  const students = useAppStore(useShallow((s) => s.roster.filter((r) => r.role === 'student')));
  const spotlightId = useAppStore((s) => s.classStatus.spotlightId);
  const me = useAppStore((s) => s.participantId);
  const namesHidden = useAppStore((s) => s.classStatus.namesHidden);
  const owners = new Map<string, number>();
  for (const f of forks) owners.set(f.ownerId, (owners.get(f.ownerId) ?? 0) + 1);

  return (
    <aside className="dashboard" data-testid="dashboard">
      <h2>{t('app.dashboard.title')}</h2>
      <ClassControls />
      {namesHidden && (
        <p className="muted small names-hidden-note" data-testid="names-hidden-note">
          {t('names.hiddenNote')}
        </p>
      )}
      <LessonControlsPanel />
      <h3>{t('app.dashboard.forks')}</h3>
      {forks.length === 0 ? (
        <p className="muted" data-testid="no-forks">
          {t('app.dashboard.noForks')}
        </p>
      ) : (
        <>
          <p className="muted small">{t('app.dashboard.openHint')}</p>
          <div className="table-scroll">
            <table className="fork-table" data-testid="fork-list">
              <thead>
                <tr>
                  <th>{t('app.dashboard.col.student')}</th>
                  <th className="num">{t('app.dashboard.col.epoch')}</th>
                  <th className="num">{t('app.dashboard.col.trainLoss')}</th>
                  <th className="num">{t('app.dashboard.col.testLoss')}</th>
                </tr>
              </thead>
              <tbody>
                {forks.map((fork) => (
                  <ForkRow
                    key={fork.sessionId}
                    fork={fork}
                    label={forkLabel(fork.ownerId === me ? t('app.dashboard.you') : fork.ownerName, owners.get(fork.ownerId) ?? 0, ordinals[fork.sessionId])}
                    selected={fork.sessionId === viewingId}
                    spotlighted={fork.sessionId === spotlightId}
                    onOpen={onOpenFork}
                  />
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
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

interface ForkRowProps {
  fork: ForkSummary;
  label: string;
  selected: boolean;
  spotlighted: boolean;
  onOpen(id: string): void;
}

function ForkRow({ fork, label, selected, spotlighted, onOpen }: ForkRowProps) {
  const t = useT();
  const status = fork.frozen ? 'frozen' : fork.playing ? 'playing' : 'paused';
  return (
    <tr
      className={selected ? 'selected' : undefined}
      data-testid="fork-row"
      data-fork-id={fork.sessionId}
      tabIndex={0}
      onClick={() => onOpen(fork.sessionId)}
      onKeyDown={(e) => {
        if (e.key === 'Enter' || e.key === ' ') onOpen(fork.sessionId);
      }}
    >
      <td>
        <span className={`status-dot ${status}`} title={t(`app.dashboard.status.${status}`)} aria-label={t(`app.dashboard.status.${status}`)} />
        {label}
        {spotlighted && (
          <span className="spotlight-tag" data-testid="spotlight-tag">
            {t('app.dashboard.spotlighted')}
          </span>
        )}
      </td>
      <td className="num" data-testid="fork-epoch">
        {fork.epoch}
      </td>
      <td className="num" data-testid="fork-train-loss">
        {formatLoss(fork.trainLoss)}
      </td>
      <td className="num">{formatLoss(fork.testLoss)}</td>
    </tr>
  );
}
