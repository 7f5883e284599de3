import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act, fireEvent, render, screen, within } from '@testing-library/react';
import { DEFAULT_CONFIG, hiddenActivations, networkShape, parameterCount } from '@playroom/engine';
import type { ForkPreview, ForkSummary } from '@playroom/protocol';
import { useLanguageStore } from '../i18n';
import { classConnection } from '../net';
import { useAppStore } from '../store/app-store';
import { forkSummary } from '../net/test-fixtures';
import { STALLED_AFTER_MS } from '../store/fork-board';
import { ForkDashboard } from './ForkDashboard';
import { ClassSpotlightBanner } from './dashboard/ClassSpotlightBanner';

let send: ReturnType<typeof vi.spyOn>;

beforeEach(() => {
  useLanguageStore.getState().setLanguage('en');
  useAppStore.getState().resetClassState();
  send = vi.spyOn(classConnection, 'send').mockResolvedValue({ ok: true } as never);
});

afterEach(() => {
  vi.restoreAllMocks();
});

const cards = () => screen.getAllByTestId('fork-row');
const names = () => cards().map((card) => card.querySelector('.fork-card-name')?.textContent);
const summary = (id: string, owner: string, fields: Partial<ForkSummary> = {}): ForkSummary => ({ ...forkSummary(id, owner), ...fields });

function preview(sessionId: string, clock: number): ForkPreview {
  const shape = networkShape(DEFAULT_CONFIG, 1);
  return {
    sessionId,
    clock,
    shape: { ...shape, hiddenActivations: hiddenActivations(DEFAULT_CONFIG) },
    features: [...DEFAULT_CONFIG.features],
    params: new Float32Array(parameterCount(shape.layerSizes)).fill(0.5),
  };
}

describe('ForkDashboard: a card per fork', () => {
  it('shows each fork’s owner, test loss, epoch and shape, live; a click on the card watches it', () => {
    const open = vi.fn();
    render(<ForkDashboard onOpenFork={open} viewingId={null} />);
    expect(screen.getByTestId('no-forks')).toBeTruthy();
    act(() => useAppStore.getState().mergeForkSummaries([summary('f2', 'p-zoe', { testLoss: 0.5 }), summary('f1', 'p-ann')]));
    expect(names()).toEqual(['ann', 'zoe']);
    const zoe = cards()[1]!;
    expect(within(zoe).getByTestId('fork-test-loss').textContent).toBe('0.500');
    expect(within(zoe).getByTestId('fork-shape').textContent).toBe('Network 2-4-2-1');
    act(() => useAppStore.getState().mergeForkSummaries([{ ...summary('f2', 'p-zoe', { clock: 2 }), testLoss: null, epoch: 99 }]));
    expect(within(cards()[1]!).getByTestId('fork-test-loss').textContent).toBe('—');
    expect(within(cards()[1]!).getByTestId('fork-epoch').textContent).toBe('99');
    fireEvent.click(cards()[1]!);
    expect(open).toHaveBeenCalledWith('f2');
    fireEvent.click(within(cards()[0]!).getByTestId('card-watch'));
    expect(open).toHaveBeenLastCalledWith('f1');
    expect(open).toHaveBeenCalledTimes(2);
    // the heatmap waits for the fork's weights, then is drawn from them
    expect(within(cards()[0]!).getByTestId('fork-heatmap').getAttribute('data-drawn')).toBe('no');
    act(() => useAppStore.getState().mergeForkPreviews([preview('f1', 1)]));
    expect(within(cards()[0]!).getByTestId('fork-heatmap').getAttribute('data-drawn')).toBe('yes');
  });

  it("calls the teacher's own forks “You”, numbered when there are several, in both languages", () => {
    useAppStore.getState().setParticipantId('p-teacher');
    render(<ForkDashboard onOpenFork={() => {}} viewingId={null} />);
    act(() => useAppStore.getState().mergeForkSummaries([forkSummary('f1', 'p-teacher'), forkSummary('f2', 'p-ann'), forkSummary('f3', 'p-teacher')]));
    expect(names()).toEqual(['ann', 'You 1', 'You 2']);
    act(() => useLanguageStore.getState().setLanguage('zh-CN'));
    expect(names()).toEqual(['ann', '你 1', '你 2']);
    expect(screen.getByTestId('needs-help').textContent).toBe('需要帮助（0）');
  });
});

describe('ForkDashboard: sorting', () => {
  it('sorts by name, by test loss (lowest first, none last) and by latest progress', () => {
    render(<ForkDashboard onOpenFork={() => {}} viewingId={null} />);
    act(() =>
      useAppStore.getState().mergeForkSummaries([
        summary('a', 'p-ann', { testLoss: 0.3 }),
        summary('b', 'p-bo', { testLoss: null, trainLoss: null }),
        summary('c', 'p-cy', { testLoss: 0.1 }),
      ]),
    );
    expect(names()).toEqual(['ann', 'bo', 'cy']);
    fireEvent.change(screen.getByTestId('fork-sort'), { target: { value: 'loss' } });
    expect(names()).toEqual(['cy', 'ann', 'bo']);
    // Bo's epoch moves last: Bo is the latest activity
    const t0 = Date.now();
    act(() => useAppStore.setState({ forkProgressAt: { a: t0 - 3000, b: t0 - 5000, c: t0 - 4000 } }));
    fireEvent.change(screen.getByTestId('fork-sort'), { target: { value: 'activity' } });
    expect(names()).toEqual(['ann', 'cy', 'bo']);
    act(() => useAppStore.getState().mergeForkSummaries([summary('b', 'p-bo', { clock: 2, epoch: 6 })]));
    expect(names()).toEqual(['bo', 'ann', 'cy']);
  });
});

describe('ForkDashboard: needs help', () => {
  it('shows only the forks that diverged or made no progress for a minute (not while the class is paused)', () => {
    const long = Date.now() - STALLED_AFTER_MS - 1000;
    useAppStore.getState().mergeForkSummaries([summary('a', 'p-ann'), summary('b', 'p-bo', { diverged: true }), summary('c', 'p-cy', { playing: true })]);
    useAppStore.setState({ forkProgressAt: { a: Date.now(), b: Date.now(), c: long } });
    render(<ForkDashboard onOpenFork={() => {}} viewingId={null} />);
    const filter = screen.getByTestId('needs-help');
    expect(filter.textContent).toBe('Needs help (2)');
    fireEvent.click(filter);
    expect(filter.getAttribute('aria-pressed')).toBe('true');
    expect(names()).toEqual(['bo', 'cy']);
    expect(cards().map((card) => within(card).getByTestId('fork-help').textContent)).toEqual(['Diverged', 'No progress for a minute']);
    // pausing the class: a waiting fork is no stuck fork; a diverged one still needs help
    act(() => useAppStore.getState().setClassStatus({ ...useAppStore.getState().classStatus, forksFrozen: true }));
    expect(names()).toEqual(['bo']);
    act(() => useAppStore.getState().mergeForkSummaries([summary('b', 'p-bo', { clock: 3, diverged: false })]));
    expect(screen.getByTestId('none-need-help').textContent).toBe('Nobody needs help right now.');
    fireEvent.click(filter);
    expect(names()).toEqual(['ann', 'bo', 'cy']);
  });
});

describe('ForkDashboard: spotlight from a card and from the class view', () => {
  it('spotlights a fork from its card and stops the spotlight from the card or the class banner', async () => {
    render(<ForkDashboard onOpenFork={() => {}} viewingId={null} />);
    act(() => useAppStore.getState().mergeForkSummaries([summary('a', 'p-ann'), summary('b', 'p-bo')]));
    fireEvent.click(within(cards()[1]!).getByTestId('card-spotlight'));
    expect(send).toHaveBeenCalledWith({ type: 'spotlight', sessionId: 'b' });
    act(() =>
      useAppStore.getState().setClassStatus({ ...useAppStore.getState().classStatus, spotlightId: 'b', spotlightOwner: { participantId: 'p-bo', name: 'bo', role: 'student', alias: 1 } }),
    );
    expect(within(cards()[1]!).getByTestId('spotlight-tag').textContent).toBe('On screen');
    expect(within(cards()[0]!).queryByTestId('card-stop-spotlight')).toBeNull();
    fireEvent.click(within(cards()[1]!).getByTestId('card-stop-spotlight'));
    expect(send).toHaveBeenLastCalledWith({ type: 'spotlight', sessionId: null });
    render(<ClassSpotlightBanner />);
    expect(screen.getByTestId('class-spotlight-banner').textContent).toContain('On the class screen: bo');
    fireEvent.click(screen.getByTestId('class-stop-spotlight'));
    expect(send).toHaveBeenLastCalledWith({ type: 'spotlight', sessionId: null });
    expect(send).toHaveBeenCalledTimes(3);
  });

  it('says why when the server refuses a spotlight', async () => {
    send.mockResolvedValue({ ok: false, error: { code: 'sessionNotFound', message: 'gone' } } as never);
    render(<ForkDashboard onOpenFork={() => {}} viewingId={null} />);
    act(() => useAppStore.getState().mergeForkSummaries([summary('a', 'p-ann')]));
    fireEvent.click(screen.getByTestId('card-spotlight'));
    expect((await screen.findByTestId('spotlight-error')).textContent).not.toBe('');
  });
});
