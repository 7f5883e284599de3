/**
 * Lesson controls (rules LESSON-1…LESSON-4): per class, the teacher decides
 * which playground controls students may change in their forks ('open'),
 * which they see but may not change ('locked') and which they do not see
 * ('hidden'), as TensorFlow Playground's hide options do. Each control
 * covers some TrainerConfig fields; a student's change to a control that is
 * not open is refused with `controlLocked`.
 */
import { hiddenActivations, type TrainerConfig } from '@playroom/engine';
import Type, { type Static, type TOptional, type TSchema } from 'typebox';

/** Every control a teacher can lock or hide, in the order the playground shows them. */
export const LESSON_CONTROLS = [
  'problem',
  'dataset',
  'trainRatio',
  'noise',
  'batchSize',
  'features',
  'hiddenLayers',
  'neurons',
  'activation',
  'learningRate',
  'schedule',
  'optimizer',
  'regularization',
  'regularizationRate',
] as const;
export type LessonControl = (typeof LESSON_CONTROLS)[number];

export const LessonControlStateSchema = Type.Enum(['open', 'locked', 'hidden'] as const);
export type LessonControlState = Static<typeof LessonControlStateSchema>;

function optionalEach<K extends string, T extends TSchema>(keys: readonly K[], schema: T): { [P in K]: TOptional<T> } {
  return Object.fromEntries(keys.map((key) => [key, Type.Optional(schema)])) as { [P in K]: TOptional<T> };
}

/** A class's lesson controls: a control that is absent is open (so is every control of a class stored before them). */
export const LessonControlsSchema = Type.Object(optionalEach(LESSON_CONTROLS, LessonControlStateSchema), { additionalProperties: false });
export type LessonControls = Static<typeof LessonControlsSchema>;

/** What students may do with one control in this class. */
export function lessonControlState(controls: LessonControls, control: LessonControl): LessonControlState {
  return controls[control] ?? 'open';
}

/** The same setting with only the controls that are not open, in LESSON_CONTROLS order: what the server keeps and sends. */
export function restrictedLessonControls(controls: LessonControls): LessonControls {
  const restricted: LessonControls = {};
  for (const control of LESSON_CONTROLS) {
    const state = lessonControlState(controls, control);
    if (state !== 'open') restricted[control] = state;
  }
  return restricted;
}

/** Whether two settings give every control the same state. */
export function sameLessonControls(a: LessonControls, b: LessonControls): boolean {
  return LESSON_CONTROLS.every((control) => lessonControlState(a, control) === lessonControlState(b, control));
}

const sameList = <T>(a: readonly T[], b: readonly T[]): boolean => a.length === b.length && a.every((value, i) => value === b[i]);

/** Flat records (a schedule, an optimizer, a custom point): the same keys with the same values. */
function sameRecord(a: object, b: object): boolean {
  const left = a as Record<string, unknown>;
  const right = b as Record<string, unknown>;
  const keys = new Set([...Object.keys(left), ...Object.keys(right)]);
  return [...keys].every((key) => left[key] === right[key]);
}

function samePoints(a: TrainerConfig['customPoints'] = [], b: TrainerConfig['customPoints'] = []): boolean {
  return a.length === b.length && a.every((point, i) => sameRecord(point, b[i]!));
}

/** Hidden layers both configs have: a layer added or taken away is a change of `hiddenLayers`, not of `neurons`. */
function commonLayers(a: TrainerConfig, b: TrainerConfig): number {
  return Math.min(a.hiddenLayers.length, b.hiddenLayers.length);
}

function activationChanged(a: TrainerConfig, b: TrainerConfig): boolean {
  if (a.activation !== b.activation) return true;
  const before = hiddenActivations(a);
  const after = hiddenActivations(b);
  const common = commonLayers(a, b);
  if (!sameList(before.slice(0, common), after.slice(0, common))) return true;
  // a layer added with an activation of its own chooses one; added with none it follows the network's
  return (b.layerActivations ?? []).slice(common).some((id) => id !== null && id !== undefined);
}

/** Whether going from one config to another changes what a control covers (LESSON-1). */
const CHANGES: Record<LessonControl, (a: TrainerConfig, b: TrainerConfig) => boolean> = {
  // the problem type comes with its output and loss
  problem: (a, b) => a.problem !== b.problem || a.outputLoss !== b.outputLoss,
  // which points: the dataset, its seed (`regenerateData`) and one's own points
  dataset: (a, b) => a.dataset !== b.dataset || a.dataSeed !== b.dataSeed || !samePoints(a.customPoints, b.customPoints),
  trainRatio: (a, b) => a.trainRatio !== b.trainRatio,
  noise: (a, b) => a.noise !== b.noise,
  batchSize: (a, b) => a.batchSize !== b.batchSize,
  features: (a, b) => !sameList(a.features, b.features),
  hiddenLayers: (a, b) => a.hiddenLayers.length !== b.hiddenLayers.length,
  neurons: (a, b) => !sameList(a.hiddenLayers.slice(0, commonLayers(a, b)), b.hiddenLayers.slice(0, commonLayers(a, b))),
  activation: activationChanged,
  learningRate: (a, b) => a.learningRate !== b.learningRate,
  schedule: (a, b) => !sameRecord(a.schedule, b.schedule),
  optimizer: (a, b) => !sameRecord(a.optimizer, b.optimizer),
  regularization: (a, b) => a.regularization !== b.regularization,
  regularizationRate: (a, b) => a.regularizationRate !== b.regularizationRate,
};

/** The controls a config change touches, in LESSON_CONTROLS order (fields no control covers, `initialization`, `biases` and `seed`, touch none). */
export function lessonControlsChanged(before: TrainerConfig, after: TrainerConfig): LessonControl[] {
  return LESSON_CONTROLS.filter((control) => CHANGES[control](before, after));
}

/**
 * The first control a change touches that this class does not leave open, or
 * null: a student's change is refused then (LESSON-2). Only the closed
 * controls are compared (with all open, nothing is: 2,000 custom points are
 * not walked for every command).
 */
export function closedControlTouched(controls: LessonControls, before: TrainerConfig, after: TrainerConfig): LessonControl | null {
  return LESSON_CONTROLS.find((control) => lessonControlState(controls, control) !== 'open' && CHANGES[control](before, after)) ?? null;
}
