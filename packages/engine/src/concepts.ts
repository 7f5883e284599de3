/**
 * The concepts Playroom teaches, each with the presets that demonstrate it
 * ("Show me"), and the ready lessons that chain presets into steps. The web
 * app localizes every id (`teach.concept.<id>.*`, `teach.preset.<id>.*`,
 * `teach.lesson.<id>.*`); the server checks lesson plans against these lists.
 */
import { PRESET_IDS } from './presets';

export const CONCEPT_IDS = [
  'nonLinearity',
  'features',
  'gradientDescent',
  'gradientHealth',
  'loss',
  'bias',
  'learningRate',
  'regularization',
  'problemTypes',
  'epochBatch',
] as const;
export type ConceptId = (typeof CONCEPT_IDS)[number];

/** The presets each concept's card offers, the first being its main "Show me". */
export const CONCEPT_PRESETS: Readonly<Record<ConceptId, readonly string[]>> = {
  nonLinearity: ['xor-linear', 'xor-tanh'],
  features: ['circle-linear', 'circle-squares', 'xor-product'],
  gradientDescent: ['xor-tanh', 'rate-too-low'],
  gradientHealth: ['vanishing-gradients', 'exploding-gradients'],
  loss: ['regression-gauss', 'xor-linear'],
  bias: ['off-centre-no-bias', 'off-centre-bias'],
  learningRate: ['rate-too-high', 'rate-too-low', 'plateau'],
  regularization: ['overfitting', 'overfitting-l2'],
  problemTypes: ['xor-tanh', 'regression-gauss', 'multiclass-four'],
  epochBatch: ['batch-one', 'batch-full'],
};

/** The concept whose card explains a preset: the first concept that lists it. */
export function conceptOfPreset(presetId: string): ConceptId | undefined {
  return CONCEPT_IDS.find((concept) => CONCEPT_PRESETS[concept].includes(presetId));
}

/** A lesson: presets in order; the class sees each step's concept card. */
export interface ReadyLesson {
  id: string;
  steps: readonly string[];
}

export const READY_LESSONS: readonly ReadyLesson[] = [
  { id: 'non-linearity', steps: ['xor-linear', 'xor-product', 'xor-tanh', 'circle-linear', 'circle-squares'] },
  { id: 'depth-and-gradients', steps: ['xor-tanh', 'vanishing-gradients', 'exploding-gradients', 'rate-too-high', 'plateau'] },
  { id: 'overfitting', steps: ['circle-squares', 'overfitting', 'overfitting-l2'] },
];

export const READY_LESSON_IDS: readonly string[] = READY_LESSONS.map((lesson) => lesson.id);

/** The ready lesson with this id, or undefined. */
export function findReadyLesson(id: string): ReadyLesson | undefined {
  return READY_LESSONS.find((lesson) => lesson.id === id);
}

/** Every preset id that is shown by some concept (all of them, concepts.test checks). */
export function presetsWithoutConcept(): string[] {
  return PRESET_IDS.filter((id) => conceptOfPreset(id) === undefined);
}
