import { afterEach, describe, expect, it, vi } from 'vitest';
import { forkSummary } from '../net/test-fixtures';
import { createAppStore } from './app-store';
import { STALLED_AFTER_MS, helpReason } from './fork-board';

afterEach(() => vi.useRealTimers());

describe('fork progress and help', () => {
  it('a fork progresses when its epoch moves, not when only its clock does', () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(1_000_000);
    const store = createAppStore();
    store.getState().setForkSummaries([forkSummary('f1', 'p-ann')]);
    expect(store.getState().forkProgressAt).toEqual({ f1: 1_000_000 });
    vi.setSystemTime(1_030_000);
    store.getState().mergeForkSummaries([{ ...forkSummary('f1', 'p-ann', 2), epoch: 5 }]);
    expect(store.getState().forkProgressAt.f1).toBe(1_000_000);
    store.getState().mergeForkSummaries([{ ...forkSummary('f1', 'p-ann', 3), epoch: 6 }]);
    expect(store.getState().forkProgressAt.f1).toBe(1_030_000);
    // an older summary arriving late is no progress
    vi.setSystemTime(1_040_000);
    store.getState().mergeForkSummaries([{ ...forkSummary('f1', 'p-ann', 1), epoch: 1 }]);
    expect(store.getState().forkProgressAt.f1).toBe(1_030_000);
    store.getState().removeForkSummary('f1');
    expect(store.getState().forkProgressAt).toEqual({});
  });

  it('needs help: diverged always; stalled after a minute unless the class or the fork is paused by the teacher', () => {
    const f = forkSummary('f1', 'p-ann');
    const t = 10 * STALLED_AFTER_MS;
    expect(helpReason({ ...f, diverged: true }, t, t, true)).toBe('diverged');
    expect(helpReason(f, t - STALLED_AFTER_MS, t, false)).toBe('stalled');
    expect(helpReason(f, t - STALLED_AFTER_MS + 1, t, false)).toBeNull();
    expect(helpReason(f, t - STALLED_AFTER_MS, t, true)).toBeNull();
    expect(helpReason({ ...f, frozen: true }, 0, t, false)).toBeNull();
    expect(helpReason(f, undefined, t, false)).toBeNull();
  });
});
