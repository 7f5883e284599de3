import { PRESET_IDS, READY_LESSON_IDS } from '@playroom/engine';
import Type, { type Static } from 'typebox';
import { PROTOCOL_LIMITS } from '../limits';

/** One of the engine's teaching presets (PRESET_IDS); any other string is refused by validation. */
export const PresetIdSchema = Type.Enum([...PRESET_IDS]);

/**
 * A lesson as the teacher starts it: presets in order, and which ready lesson
 * it is (READY_LESSON_IDS, its title shown in each language) or null for one
 * the teacher chained themselves (TEACH-3).
 */
export const LessonPlanSchema = Type.Object(
  {
    lessonId: Type.Union([Type.Enum([...READY_LESSON_IDS]), Type.Null()]),
    steps: Type.Array(PresetIdSchema, { minItems: 1, maxItems: PROTOCOL_LIMITS.maxLessonSteps }),
  },
  { additionalProperties: false },
);
export type LessonPlan = Static<typeof LessonPlanSchema>;

/** The class's lesson in the class status: the plan and the step the class is on (0-based). */
export const LessonStateSchema = Type.Object({
  lessonId: LessonPlanSchema.properties.lessonId,
  steps: LessonPlanSchema.properties.steps,
  step: Type.Integer({ minimum: 0, maximum: PROTOCOL_LIMITS.maxLessonSteps - 1 }),
});
export type LessonState = Static<typeof LessonStateSchema>;
