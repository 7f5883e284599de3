import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act, fireEvent, render, screen } from '@testing-library/react';
import type { ChallengeView, LeaderboardEntry } from '@playroom/protocol';
import { useLanguageStore } from '../../i18n';
import { classConnection } from '../../net';
import { applyLeaderboard } from '../../net/apply-server-events';
import { useAppStore } from '../../store/app-store';
import { ChallengeBanner } from './ChallengeBanner';
import { ChallengePanel } from './ChallengePanel';
import { ChallengeProjection } from './ChallengeProjection';

/* Challenges in the browser (CHAL-1…6): the teacher's panel, a student's banner, the projector's podium. */

const entry = (forkId: string, participantId: string, name: string, alias: number, rank: number | null, extra: Partial<LeaderboardEntry> = {}): LeaderboardEntry => ({
  forkId,
  owner: { participantId, name, alias, role: 'student' },
  testLoss: rank === null ? null : 0.05 * rank,
  neurons: 4,
  weights: 16,
  timeToTargetMs: rank === 1 ? 65_000 : null,
  rank,
  disqualified: [],
  ...extra,
});
const view = (entries: LeaderboardEntry[], endedAt: number | null = null): ChallengeView => ({
  goal: { dataset: 'circle', noise: 10, features: ['x1', 'x2'], budget: { kind: 'neurons', max: 8 }, targetTestLoss: 0.1, timeLimitSec: 600 },
  startedAt: 1_000,
  endsAt: Date.now() + 300_000,
  endedAt,
  entries,
});
const CHEAT = entry('f-bo', 'p-bo', 'Bo', 2, null, { disqualified: [{ code: 'feature', feature: 'x1sq' }, { code: 'neurons', count: 12, max: 8 }] });

let send: ReturnType<typeof vi.spyOn>;
beforeEach(() => {
  useLanguageStore.getState().setLanguage('en');
  useAppStore.getState().resetClassState();
  send = vi.spyOn(classConnection, 'send').mockResolvedValue({ ok: true } as never);
});
afterEach(() => vi.restoreAllMocks());

describe('the teacher’s challenge panel', () => {
  it('CHAL-1: sets a goal from the form and starts it', async () => {
    render(<ChallengePanel />);
    fireEvent.click(screen.getByTestId('challenge-set'));
    fireEvent.click(screen.getByTestId('challenge-feature-x1sq'));
    fireEvent.change(screen.getByTestId('challenge-budget-max'), { target: { value: '6' } });
    fireEvent.change(screen.getByTestId('challenge-time-limit'), { target: { value: '' } });
    await act(async () => fireEvent.submit(screen.getByTestId('challenge-form')));
    expect(send).toHaveBeenCalledWith({
      type: 'startChallenge',
      goal: { dataset: 'circle', noise: 0, features: ['x1', 'x2', 'x1sq'], budget: { kind: 'neurons', max: 6 }, targetTestLoss: 0.1, timeLimitSec: null },
    });
  });

  it('CHAL-4/6: shows the live leaderboard with real names and why a fork is out; ends it', async () => {
    act(() => applyLeaderboard(useAppStore, { challenge: view([entry('f-ann', 'p-ann', 'Ann', 1, 1), CHEAT]) }));
    render(<ChallengePanel />);
    const rows = screen.getAllByTestId('leaderboard-entry');
    expect(rows[0]!.textContent).toContain('#1');
    expect(rows[0]!.textContent).toContain('Ann');
    expect(rows[0]!.textContent).toContain('1:05');
    expect(rows[1]!.textContent).toContain('uses X₁², not allowed; 12 neurons, the budget is 8');
    await act(async () => fireEvent.click(screen.getByTestId('challenge-end')));
    expect(send).toHaveBeenCalledWith({ type: 'endChallenge' });
    act(() => useLanguageStore.getState().setLanguage('zh-CN'));
    expect(screen.getAllByTestId('leaderboard-entry')[1]!.textContent).toContain('使用了 X₁²，不允许；12 个神经元，上限是 8');
  });
});

describe('a student’s banner', () => {
  it('CHAL-3: says why their fork does not count, in their language', () => {
    useAppStore.getState().setParticipantId('p-bo');
    act(() => applyLeaderboard(useAppStore, { challenge: view([entry('f-ann', 'p-ann', '', 1, 1), CHEAT]) }));
    render(<ChallengeBanner />);
    const status = screen.getByTestId('challenge-status');
    expect(status.dataset.out).toBe('true');
    expect(status.textContent).toBe('Your fork does not count: uses X₁², not allowed; 12 neurons, the budget is 8');
    act(() => useLanguageStore.getState().setLanguage('zh-CN'));
    expect(screen.getByTestId('challenge-status').textContent).toContain('你的复制实验不计名次');
  });

  it('CHAL-4: shows their rank and another student by alias when the server sent no name (NAMES-2)', () => {
    useAppStore.getState().setParticipantId('p-ann');
    act(() => applyLeaderboard(useAppStore, { challenge: view([entry('f-cy', 'p-cy', '', 3, 1), entry('f-ann', 'p-ann', 'Ann', 1, 2)]) }));
    render(<ChallengeBanner />);
    expect(screen.getByTestId('challenge-status').textContent).toBe('Your fork: #2 of 2, test loss 0.100');
    const rows = screen.getAllByTestId('leaderboard-entry');
    expect(rows[0]!.textContent).not.toContain('undefined');
    expect(rows[1]!.textContent).toContain('You');
  });
});

describe('the projector', () => {
  it('CHAL-6: after the end, a podium of the top three, aliases while names are hidden', () => {
    useAppStore.getState().setClassStatus({ ...useAppStore.getState().classStatus, namesHidden: true });
    const ended = view([entry('a', 'p-a', 'Ann', 1, 1), entry('b', 'p-b', 'Bo', 2, 2), entry('c', 'p-c', 'Cy', 3, 3), entry('d', 'p-d', 'Di', 4, 4)], 5_000);
    act(() => applyLeaderboard(useAppStore, { challenge: ended }));
    render(<ChallengeProjection />);
    const steps = screen.getAllByTestId('podium-entry');
    expect(steps.map((s) => s.dataset.rank)).toEqual(['2', '1', '3']);
    expect(steps[1]!.textContent).toContain('Blue Otter');
    expect(screen.getByTestId('podium').textContent).not.toContain('Ann');
  });
});
