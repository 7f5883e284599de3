import { act, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_CONFIG } from '@playroom/engine';
import { useLanguageStore } from '../../i18n';
import { LocalSession } from '../local/localSession';
import type { PlaygroundModel } from '../model';
import { Playground } from '../Playground';
import { recordingActions } from '../recording-actions';
import { LookingBack } from './LookingBack';
import { offersTimeline, TimelineScrubber } from './TimelineScrubber';

const EPOCHS = [0, 10, 20, 30, 40];
const model = (overrides: Partial<PlaygroundModel> = {}) => ({ timeline: EPOCHS, scrubbedTo: null, playing: false, readOnly: false, ...overrides });

beforeAll(() => {
  HTMLCanvasElement.prototype.getContext = (() => null) as typeof HTMLCanvasElement.prototype.getContext;
});
beforeEach(() => useLanguageStore.getState().setLanguage('en'));
afterEach(() => vi.useRealTimers());

describe('TimelineScrubber (SCRUB-2, SCRUB-3)', () => {
  it('is offered to whoever drives a session with checkpoints, never to a watcher or in practice mode', () => {
    const actions = recordingActions();
    expect(offersTimeline(model(), actions)).toBe(true);
    expect(offersTimeline(model({ readOnly: true }), actions)).toBe(false);
    expect(offersTimeline(model({ timeline: [0] }), actions)).toBe(false);
    expect(offersTimeline(model({ timeline: [0], playing: true }), actions)).toBe(true);
    const { scrub: _s, resumeFrom: _r, ...practice } = actions;
    expect(offersTimeline(model(), practice)).toBe(false);
  });

  it('has one stop per checkpoint, the last one now; moving it scrubs to that epoch, back at the end to now', () => {
    vi.useFakeTimers();
    const actions = recordingActions();
    render(<TimelineScrubber model={model()} actions={actions} />);
    const slider = screen.getByTestId('timeline-slider') as HTMLInputElement;
    expect(slider.max).toBe('4');
    expect(slider.value).toBe('4');
    expect(screen.getByTestId('timeline-value').textContent).toBe('now');
    fireEvent.change(slider, { target: { value: '1' } });
    expect(actions.scrub).toHaveBeenLastCalledWith(10);
    expect(screen.getByTestId('timeline-value').textContent).toBe('epoch 10');
    // a drag sends at most one scrub per interval, and always the last place
    fireEvent.change(slider, { target: { value: '2' } });
    fireEvent.change(slider, { target: { value: '4' } });
    expect(actions.scrub).toHaveBeenCalledTimes(1);
    act(() => vi.advanceTimersByTime(200));
    expect(actions.scrub).toHaveBeenLastCalledWith(null);
    expect(actions.scrub).toHaveBeenCalledTimes(2);
  });

  it('looking back: the slider sits at the checkpoint; "Resume from here" resumes and plays, "Back to now" returns', () => {
    const actions = recordingActions();
    render(<TimelineScrubber model={model({ scrubbedTo: 20 })} actions={actions} />);
    expect((screen.getByTestId('timeline-slider') as HTMLInputElement).value).toBe('2');
    fireEvent.click(screen.getByText('Resume from here'));
    expect(actions.resumeFrom).toHaveBeenCalledTimes(1);
    expect(actions.play).toHaveBeenCalledTimes(1);
    fireEvent.click(screen.getByText('Back to now'));
    expect(actions.scrub).toHaveBeenLastCalledWith(null);
  });

  it('waits for a pause while the session trains (its checkpoints travel with session updates)', () => {
    render(<TimelineScrubber model={model({ playing: true })} actions={recordingActions()} />);
    expect((screen.getByTestId('timeline-slider') as HTMLInputElement).disabled).toBe(true);
    expect(screen.getByText('Pause to look back through training.')).toBeTruthy();
    expect(screen.queryByText('Resume from here')).toBeNull();
  });
});

describe('LookingBack', () => {
  it('marks the epoch shown in both languages, and nothing at now', () => {
    const { rerender, container } = render(<LookingBack scrubbedTo={null} />);
    expect(container.textContent).toBe('');
    rerender(<LookingBack scrubbedTo={40} />);
    expect(screen.getByTestId('looking-back').textContent).toBe('Looking back at epoch 40');
    act(() => useLanguageStore.getState().setLanguage('zh-CN'));
    expect(screen.getByTestId('looking-back').textContent).toBe('正在回看第 40 次迭代');
  });

  it('a watcher of a session looking back sees the mark on the output and no scrubber', () => {
    const local = new LocalSession(DEFAULT_CONFIG).model;
    render(<Playground model={{ ...local, readOnly: true, timeline: EPOCHS, scrubbedTo: 30 }} actions={recordingActions()} />);
    expect(screen.getByTestId('looking-back').textContent).toBe('Looking back at epoch 30');
    expect(screen.queryByTestId('timeline')).toBeNull();
  });

  it('the driver sees the scrubber under the loss chart', () => {
    const local = new LocalSession(DEFAULT_CONFIG).model;
    render(<Playground model={{ ...local, readOnly: false, timeline: EPOCHS, scrubbedTo: null }} actions={recordingActions()} />);
    expect(screen.getByTestId('timeline')).toBeTruthy();
  });
});
