import { beforeEach, describe, expect, it, vi } from 'vitest';
import { act, fireEvent, render, screen, within } from '@testing-library/react';
import { useLanguageStore } from '../i18n';
import { useAppStore } from '../store/app-store';
import { forkSummary } from '../net/test-fixtures';
import { ForkDashboard } from './ForkDashboard';

beforeEach(() => {
  useLanguageStore.getState().setLanguage('en');
  useAppStore.getState().resetClassState();
});

describe('ForkDashboard', () => {
  it('lists every fork with its losses, live, sorted by student', () => {
    const open = vi.fn();
    render(<ForkDashboard onOpenFork={open} viewingId={null} />);
    expect(screen.getByTestId('no-forks')).toBeTruthy();
    act(() => {
      useAppStore.getState().mergeForkSummaries([{ ...forkSummary('f2', 'p-zoe'), trainLoss: 0.5 }, forkSummary('f1', 'p-ann')]);
    });
    const rows = screen.getAllByTestId('fork-row');
    expect(rows.map((r) => within(r).getAllByRole('cell')[0]?.textContent)).toEqual(['ann', 'zoe']);
    expect(within(rows[1]!).getByTestId('fork-train-loss').textContent).toBe('0.500');
    act(() => {
      useAppStore.getState().mergeForkSummaries([{ ...forkSummary('f2', 'p-zoe', 2), trainLoss: null, epoch: 99 }]);
    });
    const zoe = screen.getAllByTestId('fork-row')[1]!;
    expect(within(zoe).getByTestId('fork-train-loss').textContent).toBe('—');
    expect(within(zoe).getByTestId('fork-epoch').textContent).toBe('99');
    fireEvent.click(zoe);
    expect(open).toHaveBeenCalledWith('f2');
  });
});

describe('ForkDashboard with forks of the teacher', () => {
  it("calls the teacher's own forks “You”, numbered when there are several", () => {
    useAppStore.getState().setParticipantId('p-teacher');
    render(<ForkDashboard onOpenFork={() => {}} viewingId={null} />);
    act(() => {
      useAppStore.getState().mergeForkSummaries([forkSummary('f1', 'p-teacher'), forkSummary('f2', 'p-ann'), forkSummary('f3', 'p-teacher')]);
    });
    const labels = screen.getAllByTestId('fork-row').map((r) => within(r).getAllByRole('cell')[0]?.textContent);
    expect(labels).toEqual(['ann', 'You 1', 'You 2']);
    act(() => useLanguageStore.getState().setLanguage('zh-CN'));
    expect(within(screen.getAllByTestId('fork-row')[1]!).getAllByRole('cell')[0]?.textContent).toBe('你 1');
  });
});
