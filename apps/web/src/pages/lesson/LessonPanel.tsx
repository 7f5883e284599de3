import { useState } from 'react';
import { READY_LESSONS } from '@playroom/engine';
import type { CommandAck, CommandOf, LessonPlan } from '@playroom/protocol';
import { errorText, type ErrorLike } from '../../app/error-text';
import { useT } from '../../i18n';
import { classConnection } from '../../net';
import { useAppStore } from '../../store/app-store';
import { lessonIntro, lessonTitle, presetTitle } from '../../teaching/teachingText';
import { LessonBuilder } from './LessonBuilder';
import { LessonStepCard, useLessonName } from './LessonStepCard';
import './lesson-plan.css';

type LessonCommand = CommandOf<'setLesson'> | CommandOf<'lessonStep'>;

/**
 * The teacher's lesson: with none running, the ready lessons and a builder;
 * while one runs, its steps (each loads its example into the class session,
 * TEACH-4), previous / next / again, and the end. The class sees the step
 * card (LessonStepCard), the teacher too, above the controls.
 */
export function LessonPanel() {
  const t = useT();
  const lesson = useAppStore((s) => s.classStatus.lesson);
  const [choosing, setChoosing] = useState(false);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<ErrorLike | null>(null);
  const name = useLessonName(lesson ?? { lessonId: null });

  async function send(command: LessonCommand): Promise<boolean> {
    setBusy(true);
    setFailure(null);
    const ack: CommandAck = await classConnection.send(command);
    setBusy(false);
    if (!ack.ok) setFailure(ack.error);
    return ack.ok;
  }
  async function start(plan: LessonPlan) {
    if (await send({ type: 'setLesson', lesson: plan })) setChoosing(false);
  }
  const goTo = (step: number) => void send({ type: 'lessonStep', step });

  return (
    <section className="lesson-panel" data-testid="lesson-panel" aria-label={t('lessonPlan.title')}>
      {lesson ? (
        <>
          <div className="lesson-panel-head">
            <strong>{t('lessonPlan.title')}: {name}</strong>
            <span className="lesson-panel-nav">
              <button type="button" className="button small" data-testid="lesson-previous" disabled={busy || lesson.step === 0} onClick={() => goTo(lesson.step - 1)}>
                {t('lessonPlan.previous')}
              </button>
              <button type="button" className="button small quiet" data-testid="lesson-again" disabled={busy} onClick={() => goTo(lesson.step)}>
                {t('lessonPlan.again')}
              </button>
              <button
                type="button"
                className="button small primary"
                data-testid="lesson-next"
                disabled={busy || lesson.step === lesson.steps.length - 1}
                onClick={() => goTo(lesson.step + 1)}
              >
                {t('lessonPlan.next')}
              </button>
              <button type="button" className="button small quiet" data-testid="lesson-end" disabled={busy} onClick={() => void send({ type: 'setLesson', lesson: null })}>
                {t('lessonPlan.end')}
              </button>
            </span>
          </div>
          <ol className="lesson-steps is-running" data-testid="lesson-steps">
            {lesson.steps.map((id, i) => (
              <li key={`${i}:${id}`} aria-current={i === lesson.step ? 'step' : undefined}>
                <button
                  type="button"
                  className="lesson-step-link"
                  data-testid="lesson-step-link"
                  disabled={busy}
                  aria-label={t('lessonPlan.goTo', { n: i + 1, title: presetTitle(t, id) })}
                  onClick={() => goTo(i)}
                >
                  {presetTitle(t, id)}
                </button>
              </li>
            ))}
          </ol>
          <LessonStepCard hint={t('lessonPlan.teacherHint')} />
        </>
      ) : (
        <>
          <div className="lesson-panel-head">
            <span className="muted">{t('lessonPlan.none')}</span>
            <button type="button" className="button small" aria-expanded={choosing} data-testid="lesson-choose" onClick={() => setChoosing((open) => !open)}>
              {choosing ? t('lessonPlan.hideChoice') : t('lessonPlan.choose')}
            </button>
          </div>
          {choosing && (
            <div className="lesson-choice">
              <h4>{t('lessonPlan.ready')}</h4>
              <ul className="lesson-ready">
                {READY_LESSONS.map((ready) => (
                  <li key={ready.id} data-testid="ready-lesson" data-lesson={ready.id}>
                    <div>
                      <strong>{lessonTitle(t, ready.id)}</strong> <span className="muted">· {t('lessonPlan.stepCount', { n: ready.steps.length })}</span>
                      <p className="muted">{lessonIntro(t, ready.id)}</p>
                      <p className="lesson-ready-steps">{ready.steps.map((id) => presetTitle(t, id)).join(' → ')}</p>
                    </div>
                    <button
                      type="button"
                      className="button small primary"
                      data-testid="ready-lesson-start"
                      disabled={busy}
                      onClick={() => void start({ lessonId: ready.id, steps: [...ready.steps] })}
                    >
                      {t('lessonPlan.start')}
                    </button>
                  </li>
                ))}
              </ul>
              <LessonBuilder onStart={(plan) => void start(plan)} busy={busy} />
            </div>
          )}
        </>
      )}
      {failure && (
        <p className="form-error" role="alert" data-testid="lesson-error">
          {errorText(t, failure)}
        </p>
      )}
    </section>
  );
}
