import { act, fireEvent, render, screen } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_CONFIG, type TrainerConfig } from '@playroom/engine';
import { useLanguageStore } from '../../i18n';
import { LocalSession } from '../local/localSession';
import type { PlaygroundActions } from '../model';
import { ControlsBar } from './ControlsBar';

beforeEach(() => useLanguageStore.getState().setLanguage('en'));

function renderBar(config: Partial<TrainerConfig>) {
  const session = new LocalSession({ ...DEFAULT_CONFIG, ...config });
  const setConfig = vi.fn<PlaygroundActions['setConfig']>();
  const actions = { setConfig } as unknown as PlaygroundActions;
  render(<ControlsBar model={session.model} actions={actions} />);
  return setConfig;
}

function choose(testId: string, option: string): void {
  const select = screen.getByTestId(testId) as HTMLSelectElement;
  const index = [...select.options].findIndex((o) => o.textContent === option);
  expect(index, `${option} in ${testId}`).toBeGreaterThanOrEqual(0);
  fireEvent.change(select, { target: { value: String(index) } });
}

const shown = (testId: string) => screen.queryByTestId(testId) !== null;

describe('schedule and optimizer settings', () => {
  it('a constant rate and SGD have no settings of their own', () => {
    renderBar({});
    for (const id of ['decay-rate', 'decay-epochs', 'plateau-factor', 'patience', 'momentum', 'beta1', 'beta2', 'learning-rate-now']) {
      expect(shown(id), id).toBe(false);
    }
  });

  it('exponential decay shows its rate and period, and the rate training uses now', () => {
    const setConfig = renderBar({ schedule: { kind: 'exponential', decayRate: 0.5, decayEpochs: 200 }, learningRate: 0.3 });
    expect(shown('plateau-factor')).toBe(false);
    expect(screen.getByTestId('learning-rate-now').textContent).toBe('0.3');
    choose('decay-rate', '×0.9');
    choose('decay-epochs', '50 epochs');
    expect(setConfig.mock.calls.map(([patch]) => patch)).toEqual([
      { schedule: { kind: 'exponential', decayRate: 0.9, decayEpochs: 200 } },
      { schedule: { kind: 'exponential', decayRate: 0.5, decayEpochs: 50 } },
    ]);
  });

  it('reduce on plateau shows its factor and patience, keeping the minimum rate', () => {
    const setConfig = renderBar({ schedule: { kind: 'plateau', factor: 0.5, patience: 20, minLearningRate: 0.00001 } });
    expect(shown('decay-rate')).toBe(false);
    choose('plateau-factor', '×0.1');
    choose('patience', '100 epochs');
    expect(setConfig.mock.calls.map(([patch]) => patch)).toEqual([
      { schedule: { kind: 'plateau', factor: 0.1, patience: 20, minLearningRate: 0.00001 } },
      { schedule: { kind: 'plateau', factor: 0.5, patience: 100, minLearningRate: 0.00001 } },
    ]);
  });

  it('momentum and Adam show their coefficients, in Chinese too', () => {
    const setConfig = renderBar({ optimizer: { ...DEFAULT_CONFIG.optimizer, kind: 'adam' } });
    expect(shown('momentum')).toBe(false);
    choose('beta2', '0.99');
    expect(setConfig).toHaveBeenCalledWith({ optimizer: { ...DEFAULT_CONFIG.optimizer, kind: 'adam', beta2: 0.99 } });
    act(() => useLanguageStore.getState().setLanguage('zh-CN'));
    expect(screen.getByText('Adam β2')).toBeTruthy();
  });

  it('a value from off the menu stays selected', () => {
    renderBar({ optimizer: { ...DEFAULT_CONFIG.optimizer, kind: 'momentum', momentum: 0.42 } });
    const select = screen.getByTestId('momentum') as HTMLSelectElement;
    expect(select.options[select.selectedIndex]?.textContent).toBe('0.42');
  });
});
