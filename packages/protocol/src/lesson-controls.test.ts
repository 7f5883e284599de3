import { DEFAULT_CONFIG, type TrainerConfig } from '@playroom/engine';
import { describe, expect, it } from 'vitest';
import {
  LESSON_CONTROLS,
  LessonControlsSchema,
  closedControlTouched,
  lessonControlState,
  lessonControlsChanged,
  restrictedLessonControls,
} from './lesson-controls';
import { createValidator } from './validation';

const base: TrainerConfig = { ...DEFAULT_CONFIG, hiddenLayers: [4, 2] };
const changed = (patch: Partial<TrainerConfig>, from: TrainerConfig = base) => lessonControlsChanged(from, { ...from, ...patch });

describe('lesson controls', () => {
  it('LESSON-1: the schema takes any subset of the controls, each open, locked or hidden, and nothing else', () => {
    const check = createValidator(LessonControlsSchema);
    expect(check({}).ok).toBe(true);
    expect(check(Object.fromEntries(LESSON_CONTROLS.map((c) => [c, 'hidden']))).ok).toBe(true);
    expect(check({ learningRate: 'locked', regularization: 'open' }).ok).toBe(true);
    expect(check({ learningRate: 'frozen' }).ok).toBe(false);
    expect(check({ seed: 'locked' }).ok).toBe(false);
    expect(check({ learningRate: true }).ok).toBe(false);
  });

  it('LESSON-1: an absent control is open; the kept form drops open ones and follows LESSON_CONTROLS order', () => {
    expect(lessonControlState({}, 'noise')).toBe('open');
    expect(lessonControlState({ noise: 'hidden' }, 'noise')).toBe('hidden');
    const kept = restrictedLessonControls({ regularization: 'hidden', noise: 'open', learningRate: 'locked' });
    expect(kept).toEqual({ learningRate: 'locked', regularization: 'hidden' });
    expect(Object.keys(kept)).toEqual(['learningRate', 'regularization']);
  });

  it('LESSON-1: each control names what it covers, and only that', () => {
    expect(changed({ learningRate: 0.3 })).toEqual(['learningRate']);
    expect(changed({ learningRate: base.learningRate })).toEqual([]);
    expect(changed({ problem: 'regression', dataset: 'regress-plane', outputLoss: 'linear-square' })).toEqual(['problem', 'dataset']);
    expect(changed({ dataSeed: 7 })).toEqual(['dataset']);
    expect(changed({ dataset: 'custom', customPoints: [{ x: 1, y: 1, label: 1 }] })).toEqual(['dataset']);
    expect(changed({ trainRatio: 70, noise: 20, batchSize: 30 })).toEqual(['trainRatio', 'noise', 'batchSize']);
    expect(changed({ features: ['x1'] })).toEqual(['features']);
    expect(changed({ regularization: 'l2', regularizationRate: 0.01 })).toEqual(['regularization', 'regularizationRate']);
    expect(changed({ schedule: { kind: 'exponential', decayRate: 0.5, decayEpochs: 100 } })).toEqual(['schedule']);
    expect(changed({ optimizer: { ...base.optimizer, kind: 'adam' } })).toEqual(['optimizer']);
    // the same optimizer written in another key order is no change
    const { kind, ...coefficients } = base.optimizer;
    expect(changed({ optimizer: { ...coefficients, kind } })).toEqual([]);
    expect(changed({ seed: 99, initialization: 'zero' })).toEqual([]);
  });

  it('LESSON-1: layers and neurons are apart: adding a layer is no neuron change, resizing one is no layer change', () => {
    expect(changed({ hiddenLayers: [4, 2, 2] })).toEqual(['hiddenLayers']);
    expect(changed({ hiddenLayers: [4] })).toEqual(['hiddenLayers']);
    expect(changed({ hiddenLayers: [5, 2] })).toEqual(['neurons']);
    expect(changed({ hiddenLayers: [3] })).toEqual(['hiddenLayers', 'neurons']);
  });

  it('LESSON-1: a layer that follows the network activation changes no activation; overriding one does', () => {
    const perLayer: TrainerConfig = { ...base, layerActivations: ['relu', null] };
    expect(changed({ hiddenLayers: [4, 2, 2], layerActivations: ['relu', null, null] }, perLayer)).toEqual(['hiddenLayers']);
    expect(changed({ hiddenLayers: [4, 2, 2], layerActivations: ['relu', null, 'sigmoid'] }, perLayer)).toEqual(['hiddenLayers', 'activation']);
    expect(changed({ layerActivations: ['relu', 'tanh'] }, perLayer)).toEqual([]);
    expect(changed({ layerActivations: ['sigmoid', null] }, perLayer)).toEqual(['activation']);
    expect(changed({ activation: 'relu' })).toEqual(['activation']);
  });

  it('LESSON-2: a change is stopped by the first touched control that is not open', () => {
    const controls = { learningRate: 'locked', regularization: 'hidden', noise: 'open' } as const;
    const after = (patch: Partial<TrainerConfig>) => ({ ...base, ...patch });
    expect(closedControlTouched(controls, base, after({ noise: 10, batchSize: 5 }))).toBeNull();
    expect(closedControlTouched(controls, base, after({ noise: 10, learningRate: 1 }))).toBe('learningRate');
    expect(closedControlTouched(controls, base, after({ regularization: 'l1', learningRate: 1 }))).toBe('learningRate');
    expect(closedControlTouched(controls, base, after({ regularization: 'l1' }))).toBe('regularization');
    expect(closedControlTouched({}, base, after({ learningRate: 1 }))).toBeNull();
  });
});
