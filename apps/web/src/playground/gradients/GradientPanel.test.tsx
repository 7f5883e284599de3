import { act, render, screen } from '@testing-library/react';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG, findPreset, presetConfig } from '@playroom/engine';
import { useLanguageStore } from '../../i18n';
import { LocalSession } from '../local/localSession';
import type { PlaygroundModel } from '../model';
import { recordingActions } from '../recording-actions';
import { Playground } from '../Playground';

/*
 * The gradient view (issue 12): a warning in words when the gradients near
 * the input are 1/10,000 of the output layer's or less (or 10,000× more),
 * and a tint on the network's columns that are 100× or more off.
 */

beforeAll(() => {
  HTMLCanvasElement.prototype.getContext = (() => null) as typeof HTMLCanvasElement.prototype.getContext;
});
beforeEach(() => useLanguageStore.getState().setLanguage('en'));

const actions = recordingActions();

function withNorms(gradientNorms: number[]): PlaygroundModel {
  const model = new LocalSession({ ...DEFAULT_CONFIG, hiddenLayers: [4, 2] }).model;
  return { ...model, metrics: { ...model.metrics, gradientNorms } };
}

const warning = () => screen.queryByTestId('gradient-warning');
const tintedLayers = () => screen.queryAllByTestId('gradient-tint').map((tint) => [tint.getAttribute('data-layer'), tint.className]);

describe('the gradient view', () => {
  it('warns of vanishing gradients with the ratio, in both languages, and tints the layers far below the output', () => {
    render(<Playground model={withNorms([7.6e-6, 3e-3, 1])} actions={actions} />);
    expect(warning()?.getAttribute('data-trouble')).toBe('vanishing');
    expect(warning()?.textContent).toBe('Vanishing gradients: near the input they are 1/130,000 of the output layer’s, so the first layers barely learn.');
    expect(tintedLayers()).toEqual([
      ['1', 'pg-grad-tint is-faint'],
      ['2', 'pg-grad-tint is-faint'],
    ]);
    act(() => useLanguageStore.getState().setLanguage('zh-CN'));
    expect(warning()?.textContent).toBe('梯度消失：靠近输入的梯度只有输出层的 1/130,000，前面几层几乎学不到东西。');
  });

  it('warns of exploding gradients, tinting the hot layer red', () => {
    render(<Playground model={withNorms([3e4, 20, 1])} actions={actions} />);
    expect(warning()?.getAttribute('data-trouble')).toBe('exploding');
    expect(warning()?.textContent).toContain('30,000×');
    expect(tintedLayers()).toEqual([['1', 'pg-grad-tint is-hot']]);
  });

  it('says and tints nothing for healthy gradients, nor before training', () => {
    const { rerender } = render(<Playground model={withNorms([0.02, 0.05, 0.1])} actions={actions} />);
    expect(warning()).toBeNull();
    expect(tintedLayers()).toEqual([]);
    rerender(<Playground model={withNorms([0, 0, 0])} actions={actions} />);
    expect(warning()).toBeNull();
    expect(tintedLayers()).toEqual([]);
  });

  it("shows the vanishing-gradients preset's own network vanishing after 50 epochs of practice", () => {
    const session = new LocalSession(presetConfig(findPreset('vanishing-gradients')!));
    for (let epoch = 0; epoch < 50; epoch++) session.step();
    render(<Playground model={session.model} actions={actions} />);
    expect(warning()?.getAttribute('data-trouble')).toBe('vanishing');
    expect(tintedLayers().length).toBeGreaterThanOrEqual(3);
  });
});
