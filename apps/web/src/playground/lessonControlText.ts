/**
 * Lesson controls in the reader's language: each control's name, the groups
 * the teacher's panel shows them in, and a refusal (`controlLocked`, whose
 * `field` is the control) from its control alone.
 */
import { LESSON_CONTROLS, type LessonControl } from '@playroom/protocol';
import type { MessageKey, Translate } from '../i18n';

/** A control's name: the playground's own label where one says it. */
export const LESSON_CONTROL_LABELS: Record<LessonControl, MessageKey> = {
  problem: 'pg.problem',
  dataset: 'lesson.control.dataset',
  trainRatio: 'lesson.control.trainRatio',
  noise: 'pg.field.noise',
  batchSize: 'pg.field.batchSize',
  features: 'pg.features',
  hiddenLayers: 'lesson.control.hiddenLayers',
  neurons: 'lesson.control.neurons',
  activation: 'pg.activation',
  learningRate: 'pg.learningRate',
  schedule: 'pg.schedule',
  optimizer: 'pg.optimizer',
  regularization: 'pg.regularization',
  regularizationRate: 'pg.regularizationRate',
};

/** The teacher's panel: the controls by the playground column they sit in (every control once). */
export const LESSON_CONTROL_GROUPS: readonly { title: MessageKey; controls: readonly LessonControl[] }[] = [
  { title: 'lesson.group.data', controls: ['problem', 'dataset', 'trainRatio', 'noise', 'batchSize'] },
  { title: 'lesson.group.network', controls: ['features', 'hiddenLayers', 'neurons', 'activation'] },
  { title: 'lesson.group.training', controls: ['learningRate', 'schedule', 'optimizer', 'regularization', 'regularizationRate'] },
];

const isLessonControl = (field: string | undefined): field is LessonControl => (LESSON_CONTROLS as readonly string[]).includes(field ?? '');

/** Why a student's change was refused: the teacher locked (or hid) the control `field` names. */
export function controlLockedText(t: Translate, field: string | undefined): string {
  return isLessonControl(field)
    ? t('lesson.error.controlLocked', { control: t(LESSON_CONTROL_LABELS[field]) })
    : t('lesson.error.controlLocked.any');
}
