import { useShallow } from 'zustand/react/shallow';
import type { ForkSummary } from '@playroom/protocol';
import { useT } from '../i18n';
import { useAppStore } from '../store/app-store';
import { sortedForkSummaries } from '../store/forks-slice';

const formatLoss = (loss: number | null) => (loss === null ? '—' : loss.toFixed(3));

/** The teacher's list of every fork with its losses (from the fork summary stream), and who is in the class. */
export function ForkDashboard({ onOpenFork, viewingId }: { onOpenFork(id: string): void; viewingId: string | null }) {
  const t = useT();
  const forks = useAppStore(useShallow((s) => sortedForkSummaries(s.forkSummaries)));
  const students = useAppStore(useShallow((s) => s.roster.filter((r) => r.role === 'student')));

  return (
    <aside className="dashboard" data-testid="dashboard">
      <h2>{t('app.dashboard.title')}</h2>
      <h3>{t('app.dashboard.forks')}</h3>
      {forks.length === 0 ? (
        <p className="muted" data-testid="no-forks">
          {t('app.dashboard.noForks')}
        </p>
      ) : (
        <div className="table-scroll">
          <table className="fork-table" data-testid="fork-list">
            <thead>
              <tr>
                <th>{t('app.dashboard.col.student')}</th>
                <th className="num">{t('app.dashboard.col.epoch')}</th>
                <th className="num">{t('app.dashboard.col.trainLoss')}</th>
                <th className="num">{t('app.dashboard.col.testLoss')}</th>
                <th>{t('app.dashboard.col.status')}</th>
              </tr>
            </thead>
            <tbody>
              {forks.map((fork) => (
                <ForkRow key={fork.sessionId} fork={fork} selected={fork.sessionId === viewingId} onOpen={onOpenFork} />
              ))}
            </tbody>
          </table>
        </div>
      )}
      <h3>
        {t('app.dashboard.students')} <span className="muted">({students.length})</span>
      </h3>
      {students.length === 0 ? (
        <p className="muted">{t('app.dashboard.noStudents')}</p>
      ) : (
        <ul className="student-list" data-testid="student-list">
          {students.map((s) => (
            <li key={s.participantId} className={s.online ? 'online' : 'offline'}>
              <span className="presence-dot" aria-hidden="true" />
              {s.name}
              {!s.online && <span className="muted"> · {t('app.dashboard.offline')}</span>}
            </li>
          ))}
        </ul>
      )}
    </aside>
  );
}

function ForkRow({ fork, selected, onOpen }: { fork: ForkSummary; selected: boolean; onOpen(id: string): void }) {
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
      <td>{fork.ownerName}</td>
      <td className="num" data-testid="fork-epoch">
        {fork.epoch}
      </td>
      <td className="num" data-testid="fork-train-loss">
        {formatLoss(fork.trainLoss)}
      </td>
      <td className="num">{formatLoss(fork.testLoss)}</td>
      <td>
        <span className={`status-pill ${status}`}>{t(`app.dashboard.status.${status}`)}</span>
      </td>
    </tr>
  );
}
