import { beforeEach, describe, expect, it } from 'vitest';
import { fireEvent, render, screen } from '@testing-library/react';
import { useLanguageStore } from '../i18n';
import { JoinClassCard } from './JoinClassCard';

beforeEach(() => {
  useLanguageStore.getState().setLanguage('en');
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
    fireEvent.change(screen.getByTestId('join-code'), { target: { value: 'ab-12' } });
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
});
