import { useEffect, useId, useState } from 'react';
import { LESSON_CONTROLS, lessonControlState, restrictedLessonControls, type LessonControl, type LessonControlState, type LessonControls } from '@playroom/protocol';
import { useT } from '../i18n';
import { errorText, type ErrorLike } from '../app/error-text';
import { classConnection } from '../net';
import { LESSON_CONTROL_GROUPS, LESSON_CONTROL_LABELS } from '../playground/lessonControlText';
import { useAppStore } from '../store/app-store';
import './lesson-controls.css';

const STATES: readonly LessonControlState[] = ['open', 'locked', 'hidden'];

/**
 * The teacher's lesson controls (LESSON-1): for each playground control,
 * whether students may change it in their forks, only see it with a padlock,
 * or not see it. A choice sends the whole setting; the panel shows the
 * server's classStatus (so two teacher devices agree), and the teacher's
 * choice until it comes back.
 */
export function LessonControlsPanel() {
  const t = useT();
  const stored = useAppStore((s) => s.classStatus.lessonControls);
  const [draft, setDraft] = useState<LessonControls | null>(null);
  const [pending, setPending] = useState(false);
  const [failure, setFailure] = useState<ErrorLike | null>(null);
  // the server's word replaces ours once our command is answered
  useEffect(() => {
    if (!pending) setDraft(null);
  }, [stored]);
  const shown = draft ?? stored;
  const count = (state: LessonControlState) => LESSON_CONTROLS.filter((c) => lessonControlState(shown, c) === state).length;
  const restricted = count('locked') + count('hidden') > 0;

  async function send(next: LessonControls) {
    setDraft(next);
    setPending(true);
    setFailure(null);
    const ack = await classConnection.send<'setLessonControls'>({ type: 'setLessonControls', controls: restrictedLessonControls(next) });
    setPending(false);
    if (!ack.ok) {
      setDraft(null);
      setFailure(ack.error);
    }
  }

  return (
    <details className="lesson-controls" data-testid="lesson-controls">
      <summary>
        <span className="lesson-controls-title">{t('lesson.title')}</span>
        <span className="muted lesson-controls-summary" data-testid="lesson-summary">
          {restricted ? t('lesson.summary', { locked: count('locked'), hidden: count('hidden') }) : t('lesson.summary.open')}
        </span>
      </summary>
      <p className="muted small">{t('lesson.intro')}</p>
      {LESSON_CONTROL_GROUPS.map((group) => (
        <fieldset key={group.title} className="lesson-group" disabled={pending}>
          <legend>{t(group.title)}</legend>
          {group.controls.map((control) => (
            <ControlRow
              key={control}
              control={control}
              state={lessonControlState(shown, control)}
              onChange={(state) => void send({ ...shown, [control]: state })}
            />
          ))}
        </fieldset>
      ))}
      <div className="lesson-footer">
        <button type="button" className="button small" data-testid="lesson-open-all" disabled={pending || !restricted} onClick={() => void send({})}>
          {t('lesson.openAll')}
        </button>
        {pending && <span className="muted small">{t('lesson.saving')}</span>}
      </div>
      {failure && (
        <p className="form-error" role="alert" data-testid="lesson-error">
          {errorText(t, failure)}
        </p>
      )}
    </details>
  );
}

/** One control: its name and a three-way switch, open | locked | hidden. */
function ControlRow({ control, state, onChange }: { control: LessonControl; state: LessonControlState; onChange(state: LessonControlState): void }) {
  const t = useT();
  const name = useId();
  const label = t(LESSON_CONTROL_LABELS[control]);
  return (
    <div className="lesson-row" role="radiogroup" aria-label={label} data-testid={`lesson-${control}`} data-state={state}>
      <span className="lesson-row-label">{label}</span>
      <span className="lesson-switch">
        {STATES.map((option) => (
          <label key={option} className={`lesson-option is-${option}${option === state ? ' is-on' : ''}`} title={t(`lesson.state.${option}.tip`)}>
            <input
              type="radio"
              name={name}
              value={option}
              checked={option === state}
              data-testid={`lesson-${control}-${option}`}
              onChange={() => onChange(option)}
            />
            {t(`lesson.state.${option}`)}
          </label>
        ))}
      </span>
    </div>
  );
}
