import { act, render, screen } from '@testing-library/react';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { useLanguageStore } from '../i18n';
import { sessionViewFromState } from '@playroom/protocol';
import { sessionState } from '../net/test-fixtures';
import { useAppStore } from '../store/app-store';
import { SessionPlayground } from './SessionPlayground';

beforeAll(() => {
  HTMLCanvasElement.prototype.getContext = (() => null) as typeof HTMLCanvasElement.prototype.getContext;
});

const annsFork = sessionViewFromState(sessionState({ sessionId: 'fork-ann', kind: 'fork', ownerId: 'p-ann', ownerName: 'Ann', parentId: 'class-1' }));

function enterAs(role: 'teacher' | 'student', participantId: string): void {
  const s = useAppStore.getState();
  s.resetClassState();
  s.setIdentity({ code: 'ABC234', role, token: 'tok', name: participantId });
  s.setParticipantId(participantId);
  s.putSession(sessionViewFromState(sessionState()));
  s.putSession(annsFork);
}

const note = () => screen.getByTestId('readonly-note').textContent;
const readOnly = () => screen.getByTestId('session-playground').getAttribute('data-readonly');

beforeEach(() => useLanguageStore.getState().setLanguage('en'));

describe('SessionPlayground says why it is read-only', () => {
  it('a student watching the class session is told to fork', () => {
    enterAs('student', 'p-bo');
    render(<SessionPlayground sessionId="class-1" />);
    expect(note()).toContain('You are watching the teacher’s network');
  });

  it("the teacher looking at a student's fork is told whose it is, in both languages", () => {
    enterAs('teacher', 'p-teacher');
    render(<SessionPlayground sessionId="fork-ann" />);
    expect(readOnly()).toBe('true');
    expect(note()).toContain('Only Ann can change this fork');
    expect(note()).not.toContain('watching');
    act(() => useLanguageStore.getState().setLanguage('zh-CN'));
    expect(note()).toContain('只有 Ann 可以修改这个分支');
  });

  it('a student watching a spotlighted fork is told the teacher shows it', () => {
    enterAs('student', 'p-bo');
    act(() => useAppStore.getState().setClassStatus({ spotlightId: 'fork-ann', spotlightOwner: { participantId: 'p-ann', name: 'Ann', role: 'student', alias: 1 }, forksFrozen: false, locked: false, lessonControls: {}, namesHidden: false, lesson: null }));
    render(<SessionPlayground sessionId="fork-ann" />);
    expect(note()).toContain('The teacher is showing Ann’s fork');
  });

  it('the owner drives a fork until the teacher pauses the class', () => {
    enterAs('student', 'p-ann');
    render(<SessionPlayground sessionId="fork-ann" />);
    expect(readOnly()).toBe('false');
    expect(screen.queryByTestId('readonly-note')).toBeNull();
    act(() => useAppStore.getState().setClassStatus({ spotlightId: null, spotlightOwner: null, forksFrozen: true, locked: false, lessonControls: {}, namesHidden: false, lesson: null }));
    expect(readOnly()).toBe('true');
    expect(note()).toContain('The teacher paused the class');
    expect(screen.getByTestId('learning-rate').hasAttribute('disabled')).toBe(true);
  });

  it("the teacher's own fork stays editable while the class is paused, for a demo (FORK-4)", () => {
    enterAs('teacher', 'p-teacher');
    const s = useAppStore.getState();
    s.putSession(sessionViewFromState(sessionState({ sessionId: 'fork-t', kind: 'fork', ownerId: 'p-teacher', ownerName: 'Ms Chen', parentId: 'class-1' })));
    s.setClassStatus({ spotlightId: null, spotlightOwner: null, forksFrozen: true, locked: false, lessonControls: {}, namesHidden: false, lesson: null });
    render(<SessionPlayground sessionId="fork-t" />);
    expect(readOnly()).toBe('false');
    expect(screen.queryByTestId('readonly-note')).toBeNull();
    expect(screen.getByTestId('learning-rate').hasAttribute('disabled')).toBe(false);
  });
});
