import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act, render, screen } from '@testing-library/react';
import { useLanguageStore } from '../i18n';
import { classConnection } from '../net';
import { classEndedError } from '../net/class-connection';
import { useAppStore } from '../store/app-store';
import { loadIdentity, saveIdentity } from '../store/identity-storage';
import { ClassPage } from './ClassPage';

/* How the class page ends: removed by the teacher (CMD-9), or the class is over. The connection is stubbed. */

const CODE = 'ABC234';

beforeEach(() => {
  useLanguageStore.getState().setLanguage('en');
  useAppStore.getState().resetClassState();
  saveIdentity({ code: CODE, role: 'student', token: 'tok_ann', name: 'Ann' });
  vi.spyOn(classConnection, 'join').mockReturnValue(new Promise(() => {}));
  vi.spyOn(classConnection, 'leave').mockImplementation(() => {});
});

afterEach(() => {
  vi.restoreAllMocks();
});

describe('ClassPage for a student the teacher removed', () => {
  it('says the teacher removed them, not that the class ended, forgets the saved place and offers the home page', () => {
    render(<ClassPage code={CODE} />);
    expect(screen.getByTestId('class-joining')).toBeTruthy();
    act(() => useAppStore.getState().setJoinError(classEndedError({ reason: 'removed' })));
    const notice = screen.getByTestId('class-error');
    expect(notice.getAttribute('data-code')).toBe('removed');
    expect(notice.textContent).toContain('The teacher removed you from this class.');
    expect(notice.textContent).not.toContain('ended');
    expect(screen.getByRole('button', { name: 'Back to the home page' })).toBeTruthy();
    expect(loadIdentity(CODE)).toBeNull();
    act(() => useLanguageStore.getState().setLanguage('zh-CN'));
    expect(screen.getByTestId('class-error').textContent).toContain('老师已将你移出这个课堂。');
  });

  it('still says the class has ended when the teacher ends it or it is archived', () => {
    render(<ClassPage code={CODE} />);
    for (const reason of ['endedByTeacher', 'archived'] as const) {
      act(() => useAppStore.getState().setJoinError(classEndedError({ reason })));
      expect(screen.getByTestId('class-ended').getAttribute('data-code')).toBe('classEnded');
      expect(screen.getByTestId('class-ended').textContent).toContain('This class has ended');
      // nothing came with the end (this device was not connected): it says so, and where the work is
      expect(screen.getByTestId('class-ended').textContent).toContain('Your teacher still has every fork of the class.');
    }
    expect(loadIdentity(CODE)).toBeNull();
  });

  it('keeps the saved place when the class is locked: the same name may join once it is unlocked', () => {
    saveIdentity({ code: CODE, role: 'student', token: null, name: 'Ann' });
    render(<ClassPage code={CODE} />);
    act(() => useAppStore.getState().setJoinError({ code: 'classLocked', message: 'locked' }));
    expect(screen.getByTestId('class-error').textContent).toContain('The teacher has locked this class. Ask them to unlock it.');
    expect(loadIdentity(CODE)).not.toBeNull();
  });
});
