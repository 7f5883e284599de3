import { describe, expect, it } from 'vitest';
import { CONCEPT_IDS, CONCEPT_PRESETS, READY_LESSONS, READY_LESSON_IDS, conceptOfPreset, findReadyLesson, presetsWithoutConcept } from './concepts';
import { PRESET_IDS } from './presets';

describe('concepts and ready lessons', () => {
  it('every concept shows at least one known preset, and every preset belongs to a concept', () => {
    for (const concept of CONCEPT_IDS) {
      expect(CONCEPT_PRESETS[concept].length, concept).toBeGreaterThan(0);
      for (const id of CONCEPT_PRESETS[concept]) expect(PRESET_IDS, `${concept} → ${id}`).toContain(id);
    }
    expect(presetsWithoutConcept()).toEqual([]);
    expect(conceptOfPreset('xor-linear')).toBe('nonLinearity');
    expect(conceptOfPreset('vanishing-gradients')).toBe('gradientHealth');
    expect(conceptOfPreset('nope')).toBeUndefined();
  });

  it('three ready lessons of known presets with unique ids', () => {
    expect(READY_LESSON_IDS).toEqual(['non-linearity', 'depth-and-gradients', 'overfitting']);
    for (const lesson of READY_LESSONS) {
      expect(lesson.steps.length, lesson.id).toBeGreaterThanOrEqual(3);
      for (const step of lesson.steps) expect(PRESET_IDS, `${lesson.id} → ${step}`).toContain(step);
    }
    expect(findReadyLesson('overfitting')?.steps[1]).toBe('overfitting');
    expect(findReadyLesson('x')).toBeUndefined();
  });
});
