import { act, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_CONFIG, LIMITS, buildDataSplit, problemDefaults, type CustomPoint, type TrainerConfig } from '@playroom/engine';
import type { LessonControls } from '@playroom/protocol';
import { translate, useLanguageStore } from '../../i18n';
import { LocalSession } from '../local/localSession';
import { useLocalTrainer } from '../local/useLocalTrainer';
import type { CommandStatus, PlaygroundModel } from '../model';
import { Playground } from '../Playground';
import { recordingActions } from '../recording-actions';
import { DRAW_SEND_DELAY_MS } from './useDrawing';

/*
 * Drawing your own data on the output heatmap. jsdom lays nothing out, so
 * the points canvas is given a 300-pixel square at the page's corner: a tap
 * at (175, 75) is the data point (1, 3).
 */

const SIZE = 300;
const PENDING = translate('en', 'pg.command.pending');

beforeAll(() => {
  HTMLCanvasElement.prototype.getContext = (() => null) as typeof HTMLCanvasElement.prototype.getContext;
  HTMLCanvasElement.prototype.getBoundingClientRect = () => new DOMRect(0, 0, SIZE, SIZE);
});
beforeEach(() => {
  useLanguageStore.getState().setLanguage('en');
  vi.useFakeTimers();
});
afterEach(() => vi.useRealTimers());

const TWO: CustomPoint[] = [
  { x: 1, y: 3, label: 1 },
  { x: -2, y: -2, label: -1 },
];

function modelOf(config: Partial<TrainerConfig> = {}, overrides: Partial<PlaygroundModel> = {}): PlaygroundModel {
  return { ...new LocalSession({ ...DEFAULT_CONFIG, ...config }).model, ...overrides };
}

function setup(model: PlaygroundModel = modelOf({ dataset: 'custom', customPoints: TWO })) {
  const actions = recordingActions();
  const view = render(<Playground model={model} actions={actions} />);
  const rerender = (next: PlaygroundModel, status?: CommandStatus) => view.rerender(<Playground model={next} actions={actions} status={status} />);
  return { actions, rerender };
}

const heatmap = () => document.querySelector<HTMLElement>('.pg-heatmap')!;
const canvas = () => document.querySelector<HTMLCanvasElement>('.pg-points-canvas')!;
/** A tap at a pixel of the heatmap (a mouse unless told). */
const tapAt = (px: number, py: number, pointerType = 'mouse') => fireEvent.pointerDown(canvas(), { clientX: px, clientY: py, button: 0, pointerType });
const startDrawing = () => fireEvent.click(screen.getByTestId('draw-toggle'));
/** Let the coalescing window pass: what waits is sent. */
const settle = () => act(() => vi.advanceTimersByTime(DRAW_SEND_DELAY_MS));
const sentPoints = (actions: ReturnType<typeof recordingActions>) =>
  actions.setConfig.mock.calls.map(([patch]) => {
    expect(patch.dataset).toBe('custom');
    return patch.customPoints!;
  });
const count = () => screen.getByTestId('draw-count').textContent;

describe('drawing your own data', () => {
  it('a tap adds a point of the chosen colour where it lands; a burst of taps is one command', () => {
    const { actions } = setup();
    expect(heatmap().hasAttribute('data-drawing')).toBe(false);
    tapAt(175, 75); // not drawing yet: nothing
    startDrawing();
    expect(heatmap().hasAttribute('data-drawing')).toBe(true);
    expect(screen.getByTestId('draw-brush-1').getAttribute('aria-pressed')).toBe('true');
    tapAt(175, 75);
    expect(count()).toBe('3 / 2,000 points'); // on screen at once
    fireEvent.click(screen.getByRole('button', { name: 'Orange' }));
    tapAt(0, 300);
    tapAt(150, 150);
    expect(actions.setConfig).not.toHaveBeenCalled();
    settle();
    expect(sentPoints(actions)).toEqual([
      [...TWO, { x: 1, y: 3, label: 1 }, { x: -6, y: -6, label: -1 }, { x: 0, y: 0, label: -1 }],
    ]);
    tapAt(225, 225);
    settle();
    expect(actions.setConfig).toHaveBeenCalledTimes(2);
    expect(sentPoints(actions)[1]!.at(-1)).toEqual({ x: 3, y: -3, label: -1 });
  });

  it('starts from the generated points on screen, training and test alike', () => {
    const config = { ...DEFAULT_CONFIG, dataset: 'xor' as const };
    const { actions } = setup(modelOf(config));
    startDrawing();
    const split = buildDataSplit(config);
    const shown = split.train.count + split.test.count;
    expect(count()).toBe(`${shown} / 2,000 points`);
    tapAt(175, 75);
    settle();
    const [sent] = sentPoints(actions);
    expect(sent).toHaveLength(shown + 1);
    expect(sent![0]!.x).toBeCloseTo(split.train.xs[0]!, 2);
    expect(sent![0]!.label).toBe(split.train.labels[0]);
    expect(sent!.at(-1)).toEqual({ x: 1, y: 3, label: 1 });
  });

  it('erase takes the nearest point within a few pixels (a finger reaches further), and a tap elsewhere changes nothing', () => {
    const { actions } = setup();
    startDrawing();
    fireEvent.click(screen.getByRole('button', { name: 'Erase' }));
    tapAt(40, 40); // (−4.4, 4.4): no point near
    tapAt(175 + 14, 75, 'mouse'); // 14 px from (1, 3): too far for a mouse
    settle();
    expect(actions.setConfig).not.toHaveBeenCalled();
    tapAt(175 + 5, 75 - 4); // 6.4 px from (1, 3)
    settle();
    expect(sentPoints(actions)).toEqual([[TWO[1]]]);
    tapAt(SIZE / 3 + 14, (2 * SIZE) / 3, 'touch'); // 14 px from (−2, −2): a fingertip's reach
    settle();
    expect(count()).toBe('0 / 2,000 points'); // the last point gone: as after Clear, nothing to send yet
    expect(actions.setConfig).toHaveBeenCalledOnce();
  });

  it('Clear empties the square; nothing is sent until the first new point (a dataset needs one)', () => {
    const { actions } = setup();
    startDrawing();
    fireEvent.click(screen.getByRole('button', { name: 'Clear' }));
    settle();
    expect(actions.setConfig).not.toHaveBeenCalled();
    expect(count()).toBe('0 / 2,000 points');
    expect(screen.getByTestId('draw-note').textContent).toContain('Cleared.');
    expect(screen.getByRole('button', { name: 'Clear' })).toHaveProperty('disabled', true);
    tapAt(175, 75);
    settle();
    expect(sentPoints(actions)).toEqual([[{ x: 1, y: 3, label: 1 }]]);
  });

  it('leaving draw mode after Clear brings the session’s points back', () => {
    setup();
    startDrawing();
    fireEvent.click(screen.getByRole('button', { name: 'Clear' }));
    startDrawing(); // off
    startDrawing(); // on again
    expect(count()).toBe('2 / 2,000 points');
  });

  it('at 2,000 points it says so, in both languages, and adds nothing; erasing one makes room', () => {
    const full = Array.from({ length: LIMITS.maxCustomPoints }, (_, i) => ({ x: -6 + (i % 50) * 0.2, y: -6 + Math.floor(i / 50) * 0.3, label: 1 }));
    const { actions } = setup(modelOf({ dataset: 'custom', customPoints: full }));
    startDrawing();
    expect(screen.getByTestId('draw-note').textContent).toContain('2,000 points is the most a dataset can hold. Erase some to add more.');
    tapAt(299, 1);
    settle();
    expect(actions.setConfig).not.toHaveBeenCalled();
    act(() => useLanguageStore.getState().setLanguage('zh-CN'));
    expect(screen.getByTestId('draw-note').textContent).toContain('一个数据集最多只能有 2,000 个数据点。先擦除一些，才能继续添加。');
    fireEvent.click(screen.getByRole('button', { name: '擦除' }));
    tapAt(0, 300); // (−6, −6), the first point
    fireEvent.click(screen.getByRole('button', { name: '蓝色' }));
    tapAt(299, 1);
    settle();
    const [sent] = sentPoints(actions);
    expect(sent).toHaveLength(LIMITS.maxCustomPoints);
    expect(sent![0]).toEqual(full[1]);
    expect(sent!.at(-1)).toEqual({ x: 5.96, y: 5.96, label: 1 });
  });

  it('multiclass offers the four classes; regression a value slider', () => {
    const { actions, rerender } = setup(modelOf({ ...problemDefaults('multiclass'), dataset: 'three-class' }));
    startDrawing();
    expect(['Class 0', 'Class 1', 'Class 2', 'Class 3'].map((name) => screen.getByRole('button', { name }))).toHaveLength(4);
    fireEvent.click(screen.getByRole('button', { name: 'Class 3' }));
    tapAt(150, 150);
    settle();
    expect(sentPoints(actions)[0]!.at(-1)).toEqual({ x: 0, y: 0, label: 3 });

    rerender(modelOf({ ...problemDefaults('regression'), dataset: 'custom', customPoints: [{ x: 0, y: 0, label: 0.5 }] }));
    const slider = screen.getByTestId('draw-value') as HTMLInputElement;
    expect(screen.getByText('Value of new points: 1.0')).toBeTruthy();
    fireEvent.change(slider, { target: { value: '-0.3' } });
    fireEvent.pointerUp(slider);
    tapAt(75, 75);
    settle();
    expect(sentPoints(actions)[1]).toEqual([{ x: 0, y: 0, label: 0.5 }, { x: -3, y: 3, label: -0.3 }]);
  });

  it('the draft gives way to the session once it holds the points, or when the command was refused', () => {
    const { actions, rerender } = setup();
    startDrawing();
    tapAt(175, 75);
    settle();
    const [sent] = sentPoints(actions);
    rerender(modelOf({ dataset: 'custom', customPoints: sent }));
    expect(count()).toBe('3 / 2,000 points');
    tapAt(150, 150);
    settle();
    rerender(modelOf({ dataset: 'custom', customPoints: sent }), { state: 'failed', message: 'refused' });
    expect(count()).toBe('3 / 2,000 points');
  });

  it('while drawing, the status line does not say “Sending…”: it would move the heatmap under the finger', () => {
    const model = modelOf({ dataset: 'custom', customPoints: TWO });
    const { rerender } = setup(model);
    rerender(model, { state: 'pending' });
    expect(screen.queryByText(PENDING)).not.toBeNull();
    startDrawing();
    expect(screen.queryByText(PENDING)).toBeNull();
  });

  it('the dataset picker shows “Your points” selected while the data is custom', () => {
    setup();
    const custom = screen.getByRole('button', { name: 'Your points' });
    expect(custom.getAttribute('aria-pressed')).toBe('true');
  });
});

describe('in practice mode', () => {
  function Practice({ session }: { session: LocalSession }) {
    const { model, actions } = useLocalTrainer(session);
    return <Playground model={model} actions={actions} />;
  }

  it('the browser’s own trainer takes the drawn points, and the screen shows its data again', () => {
    const session = new LocalSession({ ...DEFAULT_CONFIG, dataset: 'circle' });
    render(<Practice session={session} />);
    startDrawing();
    fireEvent.click(screen.getByRole('button', { name: 'Clear' }));
    tapAt(175, 75);
    fireEvent.click(screen.getByRole('button', { name: 'Orange' }));
    tapAt(125, 175);
    settle();
    expect(session.model.config).toMatchObject({ dataset: 'custom', customPoints: [{ x: 1, y: 3, label: 1 }, { x: -1, y: -1, label: -1 }] });
    expect(session.model.epoch).toBe(0);
    startDrawing(); // off: what is drawn is the session's data
    expect(Number(canvas().getAttribute('data-points'))).toBe(1); // two points, one of them training (50 %)
    startDrawing();
    expect(count()).toBe('2 / 2,000 points');
  });
});

describe('who may draw', () => {
  it('read-only (someone else’s session, a paused fork): the Draw button is there, disabled', () => {
    const { actions } = setup(modelOf({ dataset: 'custom', customPoints: TWO }, { readOnly: true }));
    const toggle = screen.getByTestId('draw-toggle') as HTMLButtonElement;
    expect(toggle.disabled).toBe(true);
    startDrawing();
    tapAt(175, 75);
    settle();
    expect(heatmap().hasAttribute('data-drawing')).toBe(false);
    expect(actions.setConfig).not.toHaveBeenCalled();
  });

  it('LESSON-1: a locked dataset disables drawing with the padlock; a hidden one hides it', () => {
    const locked: LessonControls = { dataset: 'locked' };
    const { rerender } = setup(modelOf({}, { lessonControls: locked }));
    expect((screen.getByTestId('draw-toggle') as HTMLButtonElement).disabled).toBe(true);
    expect(screen.getByTestId('draw-tools').querySelector('[data-testid="lock-mark"]')).not.toBeNull();
    rerender(modelOf({}, { lessonControls: { dataset: 'hidden' } }));
    expect(screen.queryByTestId('draw-tools')).toBeNull();
  });

  it('LESSON-1: a lock that comes while drawing ends the drawing', () => {
    const { actions, rerender } = setup();
    startDrawing();
    rerender(modelOf({ dataset: 'custom', customPoints: TWO }, { lessonControls: { dataset: 'locked' } }));
    expect(heatmap().hasAttribute('data-drawing')).toBe(false);
    tapAt(175, 75);
    settle();
    expect(actions.setConfig).not.toHaveBeenCalled();
  });
});
