import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act, fireEvent, render, screen } from '@testing-library/react';
import { useLanguageStore } from '../i18n';
import { classConnection } from '../net';
import { JoinClassCard } from './JoinClassCard';

beforeEach(() => {
  useLanguageStore.getState().setLanguage('en');
});

afterEach(() => {
  vi.restoreAllMocks();
});

function submit() {
  fireEvent.click(screen.getByTestId('join-class'));
}

describe('JoinClassCard', () => {
  it('pre-fills the code from /join/CODE', () => {
    render(<JoinClassCard initialCode="XY7Z9Q" />);
    expect(screen.getByTestId<HTMLInputElement>('join-code').value).toBe('XY7Z9Q');
  });

  it('asks for the code, a well-formed code, then a name, before contacting anyone', () => {
    render(<JoinClassCard initialCode={null} />);
    submit();
    expect(screen.getByTestId('join-error').textContent).toBe('Please type the room code.');
    fireEvent.change(screen.getByTestId('join-code'), { target: { value: 'ab-23' } });
    submit();
    expect(screen.getByTestId('join-error').textContent).toBe('A room code has 6 letters and digits.');
    fireEvent.change(screen.getByTestId('join-code'), { target: { value: 'ab c234' } });
    submit();
    expect(screen.getByTestId('join-error').textContent).toBe('Please type your name.');
  });

  it('speaks Chinese when the language is zh-CN', () => {
    useLanguageStore.getState().setLanguage('zh-CN');
    render(<JoinClassCard initialCode={null} />);
    expect(screen.getByTestId('join-class').textContent).toBe('加入课堂');
    submit();
    expect(screen.getByTestId('join-error').textContent).toBe('请输入课堂码。');
  });

  it('names a look-alike the code never has (O, 0, I, L, 1) in both languages, before contacting anyone (HS-9)', () => {
    const join = vi.spyOn(classConnection, 'join');
    render(<JoinClassCard initialCode={null} />);
    fireEvent.change(screen.getByTestId('join-name'), { target: { value: 'Ann' } });
    fireEvent.change(screen.getByTestId('join-code'), { target: { value: 'abcde0' } });
    submit();
    expect(screen.getByTestId('join-error').textContent).toBe(
      'Room codes never use 0: it looks too much like another character. Check the code on the teacher’s screen again. O or 0 may be a D or a Q.',
    );
    fireEvent.change(screen.getByTestId('join-code'), { target: { value: 'K1LO23' } });
    submit();
    expect(screen.getByTestId('join-error').textContent).toBe(
      'Room codes never use 1, L, O: they look too much like other characters. Check the code on the teacher’s screen again. O or 0 may be a D or a Q; I, L or 1 may be a J, a T or a 7.',
    );
    act(() => useLanguageStore.getState().setLanguage('zh-CN'));
    submit();
    expect(screen.getByTestId('join-error').textContent).toBe(
      '课堂码里不会有 1、L、O，因为它们容易和别的字符看混。请再核对一下老师屏幕上的课堂码。O 或 0 可能是 D 或 Q；I、L 或 1 可能是 J、T 或 7。',
    );
    expect(join).not.toHaveBeenCalled();
  });

  it('says the class ended when the server refuses its code classEnded, in both languages, and forgets the saved place (HS-3)', async () => {
    localStorage.setItem('playroom.identity.ABC234', JSON.stringify({ code: 'ABC234', role: 'student', name: 'Ann', token: 'tok_ann_0123456789abcdefghij' }));
    const join = vi.spyOn(classConnection, 'join').mockRejectedValue({ code: 'classEnded', message: 'this class has ended' });
    vi.spyOn(classConnection, 'leave').mockImplementation(() => {});
    render(<JoinClassCard initialCode="ABC234" />);
    await act(async () => submit());
    expect(join).toHaveBeenCalledTimes(1);
    expect(screen.getByTestId('join-error').textContent).toBe(
      'This class has ended. The room code ABC234 no longer opens it: if your teacher starts a new class, ask for its code.',
    );
    expect(localStorage.getItem('playroom.identity.ABC234')).toBeNull();
    act(() => useLanguageStore.getState().setLanguage('zh-CN'));
    fireEvent.change(screen.getByTestId('join-name'), { target: { value: 'Ann' } });
    await act(async () => submit());
    expect(screen.getByTestId('join-error').textContent).toBe('这堂课已经结束。课堂码 ABC234 已不能再进入；如果老师开始了新的课堂，请向老师要新的课堂码。');
  });

  it('accepts a code typed in lower case or full width (HS-8)', async () => {
    const join = vi.spyOn(classConnection, 'join').mockRejectedValue({ code: 'roomNotFound', message: 'no class with this code' });
    vi.spyOn(classConnection, 'leave').mockImplementation(() => {});
    render(<JoinClassCard initialCode={null} />);
    fireEvent.change(screen.getByTestId('join-name'), { target: { value: 'Ann' } });
    fireEvent.change(screen.getByTestId('join-code'), { target: { value: 'ａｂｃ２３４' } });
    await act(async () => submit());
    expect(join).toHaveBeenCalledWith({ code: 'ABC234', role: 'student', token: null, name: 'Ann' });
    expect(screen.getByTestId('join-error').textContent).toContain('ABC234');
  });
});
