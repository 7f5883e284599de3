import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { act, fireEvent, render, screen } from '@testing-library/react';
import { sessionViewFromState, type ClassStatus, type RosterEntry } from '@playroom/protocol';
import { useLanguageStore } from '../i18n';
import { classConnection } from '../net';
import { sessionState } from '../net/test-fixtures';
import { useAppStore } from '../store/app-store';
import { ClassControls } from './ClassControls';
import { ForkDashboard } from './ForkDashboard';
import { StudentView } from './StudentView';

/*
 * Hide names in the browser (NAMES-1, NAMES-2, NAMES-4): the teacher's switch,
 * real names with aliases beside them on the teacher's dashboard, aliases on
 * a student's screen (what the server sends them has no other name).
 */

const status = (namesHidden: boolean, spotlight?: { name: string }): ClassStatus => ({
  spotlightId: spotlight ? 'fork-ann' : null,
  spotlightOwner: spotlight ? { participantId: 'p-ann', name: spotlight.name, role: 'student', alias: 1 } : null,
  forksFrozen: false,
  locked: false,
  lessonControls: {},
  namesHidden,
  lesson: null,
});
const roster = (hidden: boolean): RosterEntry[] => [
  { participantId: 'p-teacher', name: 'Ms Chen', role: 'teacher', alias: 0, online: true, forkCount: 0 },
  { participantId: 'p-ann', name: hidden ? '' : 'Ann', role: 'student', alias: 1, online: true, forkCount: 1 },
  { participantId: 'p-bo', name: hidden ? '' : 'Bo', role: 'student', alias: 2, online: true, forkCount: 0 },
];

let send: ReturnType<typeof vi.spyOn>;

beforeAll(() => {
  HTMLCanvasElement.prototype.getContext = (() => null) as typeof HTMLCanvasElement.prototype.getContext;
});

beforeEach(() => {
  useLanguageStore.getState().setLanguage('en');
  useAppStore.getState().resetClassState();
  send = vi.spyOn(classConnection, 'send').mockResolvedValue({ ok: true } as never);
});

afterEach(() => {
  vi.restoreAllMocks();
});

describe('Hide names: the teacher', () => {
  it('NAMES-1: sends hideNames and follows the class status', () => {
    render(<ClassControls />);
    const toggle = screen.getByTestId('hide-names');
    expect(toggle.textContent).toBe('Hide names');
    fireEvent.click(toggle);
    expect(send).toHaveBeenCalledWith({ type: 'hideNames', hidden: true });
    act(() => useAppStore.getState().setClassStatus(status(true)));
    expect(toggle.textContent).toBe('Show names');
    expect(toggle.getAttribute('aria-pressed')).toBe('true');
    act(() => useLanguageStore.getState().setLanguage('zh-CN'));
    expect(toggle.textContent).toBe('显示姓名');
  });

  it('NAMES-2: the dashboard keeps real names, says so, and shows the alias the class sees beside each', () => {
    const s = useAppStore.getState();
    s.setParticipantId('p-teacher');
    s.setRoster(roster(false));
    render(<ForkDashboard onOpenFork={() => {}} viewingId={null} />);
    expect(screen.queryByTestId('names-hidden-note')).toBeNull();
    expect(screen.queryByTestId('student-alias')).toBeNull();
    act(() => useAppStore.getState().setClassStatus(status(true)));
    expect(screen.getByTestId('names-hidden-note').textContent).toContain('You still see real names here');
    const chips = screen.getAllByTestId('student-chip').map((chip) => chip.textContent);
    expect(chips[0]).toContain('Ann');
    expect(chips[0]).toContain('the class sees “Blue Otter”');
    act(() => useLanguageStore.getState().setLanguage('zh-CN'));
    expect(screen.getAllByTestId('student-chip')[0]!.textContent).toContain('全班看到“蓝色水獭”');
  });
});

describe('Hide names: a student', () => {
  beforeEach(() => {
    const s = useAppStore.getState();
    s.setIdentity({ code: 'ABC234', role: 'student', token: 'tok', name: 'Bo' });
    s.setParticipantId('p-bo');
    s.putSession(sessionViewFromState(sessionState()));
    s.setClassSession('class-1');
  });

  it('NAMES-2, NAMES-4: the spotlight banner says the alias, and the student learns their own', () => {
    useAppStore.getState().setRoster(roster(true));
    render(<StudentView />);
    act(() => useAppStore.getState().setClassStatus(status(true, { name: '' })));
    expect(screen.getByTestId('spotlight-banner').textContent).toContain('On the class screen: Blue Otter’s fork');
    expect(screen.getByTestId('my-alias').textContent).toBe('Names are hidden: the class sees you as “Green Fox”.');
    act(() => useLanguageStore.getState().setLanguage('zh-CN'));
    expect(screen.getByTestId('spotlight-banner').textContent).toContain('蓝色水獭');
    // shown again: names, and no alias note
    act(() => {
      useAppStore.getState().setRoster(roster(false));
      useAppStore.getState().setClassStatus(status(false, { name: 'Ann' }));
    });
    expect(screen.getByTestId('spotlight-banner').textContent).toContain('Ann');
    expect(screen.queryByTestId('my-alias')).toBeNull();
  });
});
