import { act, fireEvent, render, screen } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { ACTIVATIONS, ACTIVATION_IDS, type ActivationId } from '@playroom/engine';
import { translate, useLanguageStore } from '../i18n';
import { ActivationLab, formatReadout } from './ActivationLab';

/* The activation lab: every engine activation, its slope, and a readout at the x under the pointer (issue 12). */

beforeEach(() => useLanguageStore.getState().setLanguage('en'));

/** The engine's own f(x) and f′(x), as the readout prints them. */
function engineAt(id: ActivationId, x: number): [string, string] {
  const fx = ACTIVATIONS[id].f(x);
  return [formatReadout(fx), formatReadout(ACTIVATIONS[id].df(x, fx))];
}

function readout(): Record<string, [string, string]> {
  const rows = screen.getByTestId('lab-readout').querySelectorAll('tbody tr');
  return Object.fromEntries(
    Array.from(rows, (row) => [row.getAttribute('data-activation')!, [row.querySelector('[data-testid="lab-f"]')!.textContent!, row.querySelector('[data-testid="lab-df"]')!.textContent!]]),
  );
}

function showAll(): void {
  for (const chip of screen.getAllByTestId('lab-toggle')) if (chip.getAttribute('aria-pressed') !== 'true') fireEvent.click(chip);
}

describe('the activation lab', () => {
  it('offers every engine activation, and draws a curve and a dashed slope for each one shown', () => {
    render(<ActivationLab />);
    expect(screen.getAllByTestId('lab-toggle').map((chip) => chip.getAttribute('data-activation'))).toEqual([...ACTIVATION_IDS]);
    showAll();
    const chart = screen.getByTestId('lab-chart');
    expect(chart.querySelectorAll('[data-activation] polyline.teach-curve:not(.is-dashed)')).toHaveLength(ACTIVATION_IDS.length);
    expect(chart.querySelectorAll('[data-activation] polyline.is-dashed')).toHaveLength(ACTIVATION_IDS.length);
    expect(chart.querySelector('[data-testid="axis-x"]')?.textContent).toContain(translate('en', 'teach.fig.input'));
    fireEvent.click(screen.getByTestId('lab-derivatives'));
    expect(chart.querySelectorAll('polyline.is-dashed')).toHaveLength(0);
    // the legend names each curve
    expect(document.querySelectorAll('.teach-legend li')).toHaveLength(ACTIVATION_IDS.length);
  });

  it('reads the engine’s activation and derivative at the x the pointer is over', () => {
    render(<ActivationLab />);
    showAll();
    const chart = screen.getByTestId('lab-chart');
    // the chart 320 px wide on screen, as its viewBox: plot from 50 to 308, x from −4 to 4
    chart.getBoundingClientRect = () => ({ left: 0, top: 0, width: 320, height: 220, right: 320, bottom: 220, x: 0, y: 0, toJSON: () => ({}) });
    fireEvent.pointerMove(chart, { clientX: 50 + (258 * 1.5) / 8 });
    const x = -2.5;
    expect(screen.getByTestId('lab-x').getAttribute('value')).toBe(String(x));
    const values = readout();
    for (const id of ACTIVATION_IDS) expect(values[id], id).toEqual(engineAt(id, x));
    // why ReLU dies and sigmoid saturates: its slope is 0 left of zero; sigmoid's is at most 0.25
    expect(values.relu).toEqual(['0.000', '0.000']);
    expect(Number(values.sigmoid![1])).toBeLessThanOrEqual(0.25);
  });

  it('follows the slider too (touch and keyboard), in 简体中文', () => {
    render(<ActivationLab />);
    act(() => useLanguageStore.getState().setLanguage('zh-CN'));
    fireEvent.change(screen.getByTestId('lab-x'), { target: { value: '0' } });
    const values = readout();
    expect(Object.keys(values)).toEqual(['relu', 'tanh', 'sigmoid']);
    expect(values.sigmoid).toEqual(['0.500', '0.250']);
    expect(values.tanh).toEqual(['0.000', '1.000']);
    expect(screen.getByText(translate('zh-CN', 'teach.lab.x', { x: '0.000' }))).toBeTruthy();
    fireEvent.change(screen.getByTestId('lab-x'), { target: { value: '1.7' } });
    expect(readout().tanh).toEqual(engineAt('tanh', 1.7));
    expect(readout().relu).toEqual(engineAt('relu', 1.7));
  });

  it('draws only the activations chosen, in the engine’s order', () => {
    render(<ActivationLab />);
    const chip = (id: string) => screen.getAllByTestId('lab-toggle').find((c) => c.getAttribute('data-activation') === id)!;
    fireEvent.click(chip('tanh'));
    fireEvent.click(chip('mish'));
    fireEvent.click(chip('linear'));
    expect(Object.keys(readout())).toEqual(['relu', 'sigmoid', 'linear', 'mish']);
  });
});
