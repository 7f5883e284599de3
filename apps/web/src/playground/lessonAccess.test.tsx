import { act, fireEvent, render, screen } from '@testing-library/react';
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_CONFIG, FEATURE_IDS, type TrainerConfig } from '@playroom/engine';
import { LESSON_CONTROLS, type LessonControls } from '@playroom/protocol';
import { translate, useLanguageStore } from '../i18n';
import { errorText } from '../app/error-text';
import { LocalSession } from './local/localSession';
import { LESSON_CONTROL_GROUPS, controlLockedText } from './lessonControlText';
import type { PlaygroundActions } from './model';
import { Playground } from './Playground';

/*
 * What a student sees of the controls the teacher locked or hid (LESSON-1):
 * a locked control is disabled with a padlock that says why, a hidden one is
 * not on screen, and without lesson controls (the teacher, practice mode)
 * every control is there and works.
 */

beforeAll(() => {
  HTMLCanvasElement.prototype.getContext = (() => null) as typeof HTMLCanvasElement.prototype.getContext;
});
beforeEach(() => useLanguageStore.getState().setLanguage('en'));

function renderWith(lessonControls: LessonControls | undefined, config: Partial<TrainerConfig> = {}) {
  const model = { ...new LocalSession({ ...DEFAULT_CONFIG, ...config }).model, lessonControls };
  const actions = { setConfig: vi.fn(), regenerateData: vi.fn() } as unknown as PlaygroundActions & { setConfig: ReturnType<typeof vi.fn> };
  render(<Playground model={model} actions={actions} />);
  return actions;
}

const field = (testId: string) => screen.queryByTestId(testId);
const featureToggles = () => [...document.querySelectorAll<HTMLButtonElement>('.pg-feature-toggle')];
const lockOf = (testId: string) => field(testId)?.closest('[data-locked]')?.querySelector('[data-testid="lock-mark"]') ?? null;

describe('lesson controls in the playground', () => {
  it('LESSON-1: a locked learning rate is disabled with a padlock whose tip says the teacher locked it, in both languages', () => {
    const actions = renderWith({ learningRate: 'locked' });
    const rate = field('learning-rate') as HTMLSelectElement;
    expect(rate.disabled).toBe(true);
    const lock = lockOf('learning-rate')!;
    expect(lock.getAttribute('data-tip')).toBe('The teacher locked this for the lesson.');
    expect(lock.getAttribute('tabindex')).toBe('0');
    act(() => useLanguageStore.getState().setLanguage('zh-CN'));
    expect(lock.getAttribute('data-tip')).toBe('老师在本节课锁定了这一项。');
    // the rest still works
    expect((field('activation') as HTMLSelectElement).disabled).toBe(false);
    expect(lockOf('activation')).toBeNull();
    fireEvent.change(field('activation')!, { target: { value: '0' } });
    expect(actions.setConfig).toHaveBeenCalledOnce();
  });

  it('LESSON-1: a hidden regularization is not on screen; its rate follows its own control', () => {
    renderWith({ regularization: 'hidden' });
    expect(field('regularization')).toBeNull();
    expect(screen.queryByText('Regularization')).toBeNull();
    expect(field('regularization-rate')).not.toBeNull();
  });

  it('LESSON-1: no lesson controls: every control is there, none locked', () => {
    renderWith(undefined);
    for (const id of ['learning-rate', 'activation', 'regularization', 'regularization-rate', 'problem', 'optimizer', 'schedule', 'datasets', 'regenerate', 'train-ratio', 'noise', 'batch-size', 'add-layer', 'add-neuron-1', 'draw-toggle']) {
      expect(field(id), id).not.toBeNull();
    }
    expect(screen.queryAllByTestId('lock-mark')).toHaveLength(0);
  });

  it('LESSON-1: everything hidden leaves the network, its outputs and the run controls, and no way to change the config', () => {
    renderWith(Object.fromEntries(LESSON_CONTROLS.map((c) => [c, 'hidden'])), { features: ['x1', 'x2'] });
    for (const id of ['learning-rate', 'activation', 'regularization', 'regularization-rate', 'problem', 'optimizer', 'schedule', 'datasets', 'regenerate', 'train-ratio', 'noise', 'batch-size', 'add-layer', 'remove-layer', 'add-neuron-1', 'draw-tools']) {
      expect(field(id), id).toBeNull();
    }
    // only the features the network uses are drawn, and they are no toggles
    const inputs = featureToggles();
    expect(inputs.map((b) => [b.getAttribute('aria-label'), b.getAttribute('aria-pressed'), b.disabled])).toEqual([
      ['X₁', 'true', true],
      ['X₂', 'true', true],
    ]);
    expect(field('hidden-layer-count')).not.toBeNull();
    expect(field('play-pause')).not.toBeNull();
  });

  it('LESSON-1: everything locked: every field disabled with its padlock, the dataset, features, layers and neurons too', () => {
    const actions = renderWith(Object.fromEntries(LESSON_CONTROLS.map((c) => [c, 'locked'])));
    for (const id of ['learning-rate', 'activation', 'regularization', 'regularization-rate', 'problem', 'optimizer', 'schedule', 'train-ratio', 'noise', 'batch-size']) {
      expect((field(id) as HTMLInputElement).disabled, id).toBe(true);
      expect(lockOf(id), id).not.toBeNull();
    }
    for (const id of ['regenerate', 'add-layer', 'remove-layer', 'add-neuron-1', 'draw-toggle']) expect((field(id) as HTMLButtonElement).disabled, id).toBe(true);
    expect(featureToggles()).toHaveLength(FEATURE_IDS.length);
    for (const feature of featureToggles()) expect(feature.disabled).toBe(true);
    for (const dataset of field('datasets')!.querySelectorAll('button')) expect(dataset.disabled).toBe(true);
    // a padlock by the dataset question, the draw button, the features, the layer count and each layer's neurons
    expect(screen.getAllByTestId('lock-mark').length).toBe(10 + 4 + DEFAULT_CONFIG.hiddenLayers.length);
    fireEvent.click(featureToggles().at(-1)!);
    expect(actions.setConfig).not.toHaveBeenCalled();
  });
});

describe('lesson control texts', () => {
  it("the teacher's panel groups every control exactly once", () => {
    expect(LESSON_CONTROL_GROUPS.flatMap((g) => g.controls).sort()).toEqual([...LESSON_CONTROLS].sort());
  });

  it('LESSON-2: a controlLocked refusal names the control in the reader’s language', () => {
    const en = (key: Parameters<typeof translate>[1], params?: Record<string, string | number>) => translate('en', key, params);
    const zh = (key: Parameters<typeof translate>[1], params?: Record<string, string | number>) => translate('zh-CN', key, params);
    expect(errorText(en, { code: 'controlLocked', message: 'x', field: 'learningRate' })).toBe('The teacher locked “Learning rate” for this lesson.');
    expect(errorText(zh, { code: 'controlLocked', message: 'x', field: 'regularization' })).toBe('老师在本节课锁定了“正则化”。');
    expect(controlLockedText(en, 'nonsense')).toBe('The teacher locked this setting for this lesson.');
  });
});
