import { act, fireEvent, render, screen } from '@testing-library/react';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { DEFAULT_CONFIG } from '@playroom/engine';
import { LocalSession } from '../local/localSession';
import type { PlaygroundModel } from '../model';
import { recordingActions } from '../recording-actions';
import { Playground } from '../Playground';
import { PHONE_QUERY } from './phoneLayout';

/*
 * The playground on a phone-narrow screen. jsdom lays nothing out, so the
 * screen's width is given the one way a page learns it, matchMedia (which
 * jsdom lacks): PHONE_QUERY matches. What is checked is the page's
 * structure and behaviour; the e2e test phone-first checks the pixels.
 */

const realMatchMedia = window.matchMedia;

beforeAll(() => {
  HTMLCanvasElement.prototype.getContext = (() => null) as typeof HTMLCanvasElement.prototype.getContext;
  window.matchMedia = ((query: string) => ({
    matches: query === PHONE_QUERY,
    media: query,
    onchange: null,
    addEventListener: () => {},
    removeEventListener: () => {},
    addListener: () => {},
    removeListener: () => {},
    dispatchEvent: () => false,
  })) as typeof window.matchMedia;
});

afterAll(() => {
  window.matchMedia = realMatchMedia;
});

function modelOf(overrides: Partial<PlaygroundModel> = {}): PlaygroundModel {
  return { ...new LocalSession({ ...DEFAULT_CONFIG, hiddenLayers: [4, 2] }).model, ...overrides };
}

const actions = recordingActions();

describe('the playground on a phone', () => {
  it('puts the output before the network and folds the controls and the data', () => {
    const { container } = render(<Playground model={modelOf({ readOnly: true })} actions={actions} readOnlyNote="You are watching." />);
    expect(container.querySelector('.pg-root')!.getAttribute('data-layout')).toBe('phone');
    const output = screen.getByRole('region', { name: 'Output' });
    const network = screen.getByRole('region', { name: 'Network' });
    expect(output.compareDocumentPosition(network) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    const toggle = screen.getByRole('button', { name: 'Controls' });
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    // folded: hidden, out of the accessibility tree
    expect(screen.queryByRole('combobox', { name: 'Learning rate' })).toBeNull();
    expect(screen.queryByRole('region', { name: 'Data' })).toBeNull();
    // the panel holds the read-only note too: why the controls are greyed out, said where they are
    expect(screen.getByText('You are watching.').closest('[hidden]')).not.toBeNull();
    fireEvent.click(toggle);
    expect(screen.getByRole('combobox', { name: 'Learning rate' })).toBeTruthy();
    expect(screen.getByRole('region', { name: 'Data' })).toBeTruthy();
    expect(screen.getByText('You are watching.').closest('[hidden]')).toBeNull();
  });

  it('keeps the run buttons outside the fold, working, for whoever may drive the session', () => {
    const play = vi.fn();
    render(<Playground model={modelOf()} actions={{ ...actions, play }} />);
    fireEvent.click(screen.getByRole('button', { name: 'Run' }));
    expect(play).toHaveBeenCalledOnce();
  });

  it("re-rolls with the bar's reset; 'reset to the same start' is in the fold, and not there for a viewer", () => {
    const reset = vi.fn();
    const { unmount } = render(<Playground model={modelOf()} actions={{ ...actions, reset }} />);
    fireEvent.click(screen.getByRole('button', { name: 'Reset' }));
    expect(reset).toHaveBeenLastCalledWith('new');
    fireEvent.click(screen.getByRole('button', { name: 'Controls' }));
    fireEvent.click(screen.getByRole('button', { name: 'Reset to the same start' }));
    expect(reset).toHaveBeenLastCalledWith('same');
    unmount();
    render(<Playground model={modelOf({ readOnly: true })} actions={actions} />);
    fireEvent.click(screen.getByRole('button', { name: 'Controls' }));
    expect(screen.queryByRole('button', { name: 'Reset to the same start' })).toBeNull();
  });

  it('shows a tapped neuron large in a dialog, and closes it on a tap elsewhere', () => {
    render(<Playground model={modelOf()} actions={actions} />);
    const neuron = screen.getByRole('img', { name: 'neuron 2 of layer 1' }).parentElement!;
    fireEvent.click(neuron, { clientX: 300, clientY: 400, detail: 1 });
    const peek = screen.getByRole('dialog', { name: 'neuron 2 of layer 1' });
    expect(peek.querySelector('canvas')).toBeTruthy();
    // a tap inside it keeps it
    fireEvent.pointerDown(peek);
    expect(screen.queryByRole('dialog')).toBeTruthy();
    act(() => {
      fireEvent.pointerDown(document.body);
    });
    expect(screen.queryByRole('dialog')).toBeNull();
  });
});
