import { useRef, useState } from 'react';
import { PLAYGROUND_FILE_MAX_BYTES } from '@playroom/protocol';
import { useT, type MessageKey } from '../i18n';
import { readChosenFile, type PracticeWork } from '../app/practice-files';

type FileProblem = 'notPlayground' | 'invalid' | 'tooBig' | 'badTrainerState';

const PROBLEM_TEXT: Record<FileProblem, MessageKey> = {
  notPlayground: 'app.practice.error.notPlayground',
  invalid: 'app.practice.error.invalid',
  tooBig: 'app.practice.error.tooBig',
  badTrainerState: 'app.practice.error.badTrainerState',
};

/** Why the last file was refused: the problem, and for a bad trainer state which session and what (FILE-2). */
interface Refusal {
  problem: FileProblem;
  session?: number;
  detail?: string;
}

export interface PracticeFileBarProps {
  /** a file was read: open its sessions; returns false when none of them could be opened */
  onOpened(work: PracticeWork): boolean;
  onSave(): void;
  /** sessions of the last file the engine refused */
  skipped: number;
}

/** Practice mode's file buttons: open a playground file (or a teacher's class export), save what is open. */
export function PracticeFileBar({ onOpened, onSave, skipped }: PracticeFileBarProps) {
  const t = useT();
  const input = useRef<HTMLInputElement>(null);
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const problem = refusal?.problem ?? null;

  async function read(file: File) {
    const contents = await readChosenFile(file);
    if (!contents.ok) {
      if (contents.reason === 'badTrainerState') setRefusal({ problem: contents.reason, session: contents.session + 1, detail: contents.detail });
      else setRefusal({ problem: contents.reason === 'notJson' ? 'notPlayground' : contents.reason, detail: contents.detail });
      return;
    }
    setRefusal(onOpened({ sessions: contents.sessions, fromClass: contents.fromClass }) ? null : { problem: 'invalid' });
  }

  return (
    <div className="practice-bar">
      <button type="button" className="button small" data-testid="open-file" title={t('app.practice.open.tip')} onClick={() => input.current?.click()}>
        {t('app.practice.open')}
      </button>
      <input
        ref={input}
        type="file"
        accept=".json,application/json"
        hidden
        data-testid="open-file-input"
        onChange={(event) => {
          const file = event.currentTarget.files?.[0];
          // the same file may be chosen again
          event.currentTarget.value = '';
          if (file) void read(file);
        }}
      />
      <button type="button" className="button small" data-testid="save-file" title={t('app.practice.save.tip')} onClick={onSave}>
        {t('app.practice.save')}
      </button>
      {problem && (
        <p className="form-error practice-file-error" role="alert" data-testid="practice-file-error" data-problem={problem}>
          {t(PROBLEM_TEXT[problem], { mb: PLAYGROUND_FILE_MAX_BYTES / (1024 * 1024), n: refusal?.session ?? 0 })}
          {refusal?.detail && (problem === 'invalid' || problem === 'badTrainerState') && (
            <span className="practice-file-detail" data-testid="practice-file-detail">
              {' '}
              {t('app.practice.error.detail', { detail: refusal.detail })}
            </span>
          )}
        </p>
      )}
      {!problem && skipped > 0 && (
        <p className="form-error practice-file-error" role="alert" data-testid="practice-file-skipped">
          {t('app.practice.skipped', { count: skipped })}
        </p>
      )}
    </div>
  );
}
