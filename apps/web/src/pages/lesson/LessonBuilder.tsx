import { useState } from 'react';
import { PRESET_IDS } from '@playroom/engine';
import { PROTOCOL_LIMITS, type LessonPlan } from '@playroom/protocol';
import { useT } from '../../i18n';
import { SelectField } from '../../playground/common/SelectField';
import { presetTitle } from '../../teaching/teachingText';

/** The teacher chains examples into a lesson of their own: add, reorder, remove, start. */
export function LessonBuilder({ onStart, busy }: { onStart: (plan: LessonPlan) => void; busy: boolean }) {
  const t = useT();
  const [steps, setSteps] = useState<string[]>([]);
  const [pick, setPick] = useState<string>(PRESET_IDS[0]!);
  const full = steps.length >= PROTOCOL_LIMITS.maxLessonSteps;
  const move = (from: number, to: number) =>
    setSteps((current) => {
      const next = current.slice();
      const [moved] = next.splice(from, 1);
      next.splice(to, 0, moved!);
      return next;
    });
  return (
    <div className="lesson-builder" data-testid="lesson-builder">
      <h4>{t('lessonPlan.build')}</h4>
      <p className="muted">{t('lessonPlan.build.intro', { max: PROTOCOL_LIMITS.maxLessonSteps })}</p>
      <div className="lesson-builder-add">
        <SelectField
          label={t('lessonPlan.build.pick')}
          value={pick}
          options={PRESET_IDS.map((id) => ({ value: id, label: presetTitle(t, id) }))}
          testId="lesson-builder-pick"
          onChange={(value) => setPick(String(value))}
        />
        <button type="button" className="button small" data-testid="lesson-builder-add" disabled={full} onClick={() => setSteps((current) => [...current, pick])}>
          {t('lessonPlan.build.add')}
        </button>
      </div>
      {steps.length > 0 && (
        <ol className="lesson-steps" data-testid="lesson-builder-steps">
          {steps.map((id, i) => (
            <li key={`${i}:${id}`}>
              <span>{presetTitle(t, id)}</span>
              <span className="lesson-step-tools">
                <button type="button" className="button small quiet" aria-label={t('lessonPlan.build.up', { n: i + 1 })} disabled={i === 0} onClick={() => move(i, i - 1)}>
                  ↑
                </button>
                <button
                  type="button"
                  className="button small quiet"
                  aria-label={t('lessonPlan.build.down', { n: i + 1 })}
                  disabled={i === steps.length - 1}
                  onClick={() => move(i, i + 1)}
                >
                  ↓
                </button>
                <button
                  type="button"
                  className="button small quiet"
                  aria-label={t('lessonPlan.build.remove', { n: i + 1 })}
                  onClick={() => setSteps((current) => current.filter((_, k) => k !== i))}
                >
                  ×
                </button>
              </span>
            </li>
          ))}
        </ol>
      )}
      <button
        type="button"
        className="button small primary"
        data-testid="lesson-builder-start"
        disabled={steps.length === 0 || busy}
        onClick={() => onStart({ lessonId: null, steps })}
      >
        {t('lessonPlan.build.start')}
      </button>
    </div>
  );
}
