import { act, fireEvent, render, screen } from '@testing-library/react';
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_CONFIG } from '@playroom/engine';
import { useLanguageStore } from '../../i18n';
import { LocalSession } from '../local/localSession';
import type { PlaygroundActions, PlaygroundModel } from '../model';
import { Playground } from '../Playground';

beforeAll(() => {
  HTMLCanvasElement.prototype.getContext = (() => null) as typeof HTMLCanvasElement.prototype.getContext;
});
beforeEach(() => useLanguageStore.getState().setLanguage('en'));

function setup(overrides: Partial<PlaygroundModel> = {}) {
  const model = { ...new LocalSession(DEFAULT_CONFIG).model, ...overrides };
  const actions = { setWeight: vi.fn(), setBias: vi.fn(), setConfig: vi.fn() } as unknown as PlaygroundActions & {
    setWeight: ReturnType<typeof vi.fn>;
    setBias: ReturnType<typeof vi.fn>;
  };
  render(<Playground model={model} actions={actions} />);
  return actions;
}

const tabStops = () => [...document.querySelectorAll<SVGPathElement>('.pg-link-hits path')].filter((p) => p.getAttribute('tabindex') === '0');

describe('editing a weight or a bias from the keyboard', () => {
  it('the links are one tab stop; the arrows move along them and say which weight it is', () => {
    setup();
    expect(tabStops()).toHaveLength(1);
    const first = tabStops()[0]!;
    expect(first.getAttribute('aria-label')).toBe('Weight from X₁ to neuron 1 of layer 1');
    act(() => first.focus());
    expect(screen.getByRole('tooltip').textContent).toMatch(/^Weight is -?\d\.\d{3}\. Click, tap or press Enter to edit\.$/);
    fireEvent.keyDown(first, { key: 'ArrowDown' });
    const second = tabStops()[0]!;
    expect(second).not.toBe(first);
    expect(document.activeElement).toBe(second);
    expect(second.getAttribute('aria-label')).toBe('Weight from X₂ to neuron 1 of layer 1');
    fireEvent.keyDown(second, { key: 'End' });
    expect(tabStops()[0]!.getAttribute('aria-label')).toBe('Weight from neuron 2 of layer 2 to the output');
    fireEvent.keyDown(tabStops()[0]!, { key: 'ArrowRight' });
    expect(tabStops()[0]).toBe(first);
  });

  it('Enter opens the editor on the focused link; applying returns focus to it', () => {
    const actions = setup();
    const first = tabStops()[0]!;
    act(() => first.focus());
    fireEvent.keyDown(first, { key: 'ArrowDown' });
    const link = tabStops()[0]!;
    fireEvent.keyDown(link, { key: 'Enter' });
    const input = screen.getByRole('textbox');
    fireEvent.change(input, { target: { value: '0.5' } });
    fireEvent.submit(input.closest('form')!);
    // link 1:0:1 — into neuron 0 of layer 1, from input 1 (X₂)
    expect(actions.setWeight).toHaveBeenCalledWith(1, 0, 1, 0.5);
    expect(screen.queryByRole('textbox')).toBeNull();
    expect(document.activeElement).toBe(link);
  });

  it('Escape closes the editor of a bias and focus goes back to the bias', () => {
    setup();
    const bias = screen.getByRole('button', { name: 'Bias of neuron 1 of layer 1' });
    act(() => bias.focus());
    expect(screen.getByRole('tooltip').textContent).toMatch(/^Bias is/);
    fireEvent.click(bias);
    fireEvent.keyDown(screen.getByRole('textbox'), { key: 'Escape' });
    expect(screen.queryByRole('textbox')).toBeNull();
    expect(document.activeElement).toBe(bias);
  });

  it('read-only, Enter shows the value without an editor; names follow the language', () => {
    const actions = setup({ readOnly: true });
    const link = tabStops()[0]!;
    fireEvent.keyDown(link, { key: ' ' });
    expect(screen.queryByRole('textbox')).toBeNull();
    expect(screen.getByRole('tooltip').textContent).toMatch(/^Weight is -?\d\.\d{3}\.$/);
    expect(actions.setWeight).not.toHaveBeenCalled();
    act(() => useLanguageStore.getState().setLanguage('zh-CN'));
    expect(tabStops()[0]!.getAttribute('aria-label')).toBe('从 X₁ 到 第 1 层第 1 个神经元 的权重');
  });
});
