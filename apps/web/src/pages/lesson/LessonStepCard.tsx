import { useState } from 'react';
import { conceptOfPreset } from '@playroom/engine';
import type { LessonState } from '@playroom/protocol';
import { useT } from '../../i18n';
import { ConceptCard } from '../../teaching/ConceptCard';
import { lessonTitle, presetTitle, presetWatch } from '../../teaching/teachingText';
import { usePhoneLayout } from '../../playground/phone/phoneLayout';
import { useAppStore } from '../../store/app-store';
import './lesson-plan.css';

/** The lesson's name: a ready lesson's title in the reader's language, or "Your lesson". */
export function useLessonName(lesson: Pick<LessonState, 'lessonId'>): string {
  const t = useT();
  return lesson.lessonId === null ? t('lessonPlan.custom') : lessonTitle(t, lesson.lessonId);
}

/**
 * Where the class is in the teacher's lesson (TEACH-3): the step, its
 * example and what to watch, and the step's concept card (its figure on demand). What
 * every student sees above the playground, and the teacher too.
 */
export function LessonStepCard({ hint }: { hint?: string }) {
  const t = useT();
  const lesson = useAppStore((s) => s.classStatus.lesson);
  const phone = usePhoneLayout();
  // the card in full (with its figure) on demand; a phone keeps the first screen for the playground, so its card waits folded
  const [cardOpen, setCardOpen] = useState(false);
  const name = useLessonName(lesson ?? { lessonId: null });
  if (!lesson) return null;
  const presetId = lesson.steps[lesson.step]!;
  const concept = conceptOfPreset(presetId);
  const watch = presetWatch(t, presetId);
  return (
    <section className="lesson-step" data-testid="lesson-step" data-step={lesson.step} data-preset={presetId} aria-label={t('lessonPlan.title')}>
      <div className="lesson-step-head">
        <span className="lesson-step-name">{name}</span>
        <span className="lesson-step-count">{t('lessonPlan.step', { n: lesson.step + 1, total: lesson.steps.length })}</span>
      </div>
      <h3 className="lesson-step-title" data-testid="lesson-step-title">
        {presetTitle(t, presetId)}
      </h3>
      {watch !== null && (
        <p className="lesson-step-watch">
          <strong>{t('teach.watch')}</strong> {watch}
        </p>
      )}
      {hint && <p className="lesson-step-hint muted">{hint}</p>}
      {concept && (
        <>
          {(cardOpen || !phone) && <ConceptCard concept={concept} compact={!cardOpen} />}
          <button type="button" className="button small quiet" aria-expanded={cardOpen} data-testid="lesson-card-toggle" onClick={() => setCardOpen((open) => !open)}>
            {t(phone ? (cardOpen ? 'lessonPlan.hideCard' : 'lessonPlan.readCard') : cardOpen ? 'lessonPlan.hidePicture' : 'lessonPlan.showPicture')}
          </button>
        </>
      )}
    </section>
  );
}

/**
 * The projector's short form (large type, no card): the lesson step and its
 * title when a lesson runs, and what to watch for the preset the projected
 * session runs (TEACH-1), so the back of the room reads the lesson too.
 */
export function ProjectedLessonLine({ preset }: { preset: string | null }) {
  const t = useT();
  const lesson = useAppStore((s) => s.classStatus.lesson);
  const stepPreset = lesson ? lesson.steps[lesson.step]! : null;
  const watch = preset === null ? null : presetWatch(t, preset);
  if (!lesson && watch === null) return null;
  return (
    <div className="projector-lesson" data-testid="projector-lesson">
      {lesson && stepPreset && (
        <p className="projector-lesson-step">
          {t('lessonPlan.step', { n: lesson.step + 1, total: lesson.steps.length })} · <strong>{presetTitle(t, stepPreset)}</strong>
        </p>
      )}
      {watch !== null && (
        <p className="projector-lesson-watch">
          <strong>{t('teach.watch')}</strong> {watch}
        </p>
      )}
    </div>
  );
}
