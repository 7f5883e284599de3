import { act, render, screen } from '@testing-library/react';
import type { ClassStatus } from '@playroom/protocol';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { useLanguageStore } from '../i18n';
import { sessionViewFromState } from '@playroom/protocol';
import { sessionState } from '../net/test-fixtures';
import { useAppStore } from '../store/app-store';
import { NO_CLASS_STATUS } from '../store/forks-slice';
import { StudentView } from './StudentView';

beforeAll(() => {
  HTMLCanvasElement.prototype.getContext = (() => null) as typeof HTMLCanvasElement.prototype.getContext;
});

beforeEach(() => {
  useLanguageStore.getState().setLanguage('en');
  const s = useAppStore.getState();
  s.resetClassState();
  s.setIdentity({ code: 'ABC234', role: 'student', token: 'tok', name: 'Bo' });
  s.setParticipantId('p-bo');
  s.putSession(sessionViewFromState(sessionState()));
  s.setClassSession('class-1');
});

const spotlight = (sessionId: string, participantId: string, name: string, role: 'teacher' | 'student'): ClassStatus => ({
  spotlightId: sessionId,
  spotlightOwner: { participantId, name, role, alias: 1 },
  forksFrozen: false,
  locked: false,
  lessonControls: {},
  namesHidden: false,
  lesson: null,
});
const banner = () => screen.queryByTestId('spotlight-banner')?.textContent ?? null;

describe('StudentView spotlight banner', () => {
  it("names a classmate's fork from the class status, though a student never sees that fork's summary", () => {
    render(<StudentView />);
    expect(banner()).toBeNull();
    act(() => useAppStore.getState().setClassStatus(spotlight('fork-ann', 'p-ann', 'Ann', 'student')));
    expect(banner()).toContain('On the class screen: Ann’s fork');
    act(() => useLanguageStore.getState().setLanguage('zh-CN'));
    expect(banner()).toContain('投屏展示：Ann 的分支');
  });

  it("says when the fork on the class screen is the teacher's own, in both languages", () => {
    render(<StudentView />);
    act(() => useAppStore.getState().setClassStatus(spotlight('fork-t', 'p-teacher', 'Ms Chen', 'teacher')));
    expect(banner()).toContain('On the class screen: the teacher’s fork (Ms Chen)');
    act(() => useLanguageStore.getState().setLanguage('zh-CN'));
    expect(banner()).toContain('投屏展示：老师（Ms Chen）的分支');
  });

  it('shows no banner when my own fork is on the class screen, nor once the spotlight is off', () => {
    render(<StudentView />);
    act(() => useAppStore.getState().setClassStatus(spotlight('fork-bo', 'p-bo', 'Bo', 'student')));
    expect(banner()).toBeNull();
    act(() => useAppStore.getState().setClassStatus({ spotlightId: null, spotlightOwner: null, forksFrozen: false, locked: false, lessonControls: {}, namesHidden: false, lesson: null }));
    expect(banner()).toBeNull();
  });
});

describe('StudentView while the class is paused (FORK-4)', () => {
  const status = (forksFrozen: boolean): ClassStatus => ({ ...NO_CLASS_STATUS, forksFrozen });
  const forkButton = () => screen.getByTestId('fork-button') as HTMLButtonElement;

  it('cannot fork, and says why in both languages; once the class resumes it can again', () => {
    render(<StudentView />);
    expect(forkButton().disabled).toBe(false);
    act(() => useAppStore.getState().setClassStatus(status(true)));
    expect(forkButton().disabled).toBe(true);
    expect(screen.getByTestId('frozen-banner').textContent).toBe('The teacher paused the class: you can fork again when the class resumes.');
    expect(forkButton().title).toBe(screen.getByTestId('frozen-banner').textContent);
    act(() => useLanguageStore.getState().setLanguage('zh-CN'));
    expect(screen.getByTestId('frozen-banner').textContent).toBe('老师已设置全班暂停：恢复后才能再复制实验。');
    act(() => useAppStore.getState().setClassStatus(status(false)));
    expect(forkButton().disabled).toBe(false);
    expect(screen.queryByTestId('frozen-banner')).toBeNull();
  });
});
