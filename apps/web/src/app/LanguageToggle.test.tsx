import { beforeEach, describe, expect, it } from 'vitest';
import { fireEvent, render, screen } from '@testing-library/react';
import { useLanguageStore } from '../i18n';
import { Header } from './Header';

beforeEach(() => {
  useLanguageStore.getState().setLanguage('en');
});

describe('the language toggle', () => {
  it('switches every label, and remembers the choice', () => {
    render(<Header />);
    expect(screen.getByTestId('home-link').textContent).toBe('Playroom');
    fireEvent.click(screen.getByTestId('language-toggle'));
    // the brand stays the short product name, so a phone's top bar keeps room for the badge and the toggle
    expect(screen.getByTestId('home-link').textContent).toBe('Playroom');
    expect(screen.getByTestId('language-toggle').textContent).toBe('English');
    expect(localStorage.getItem('playroom.language')).toBe('zh-CN');
    expect(document.documentElement.lang).toBe('zh-CN');
    fireEvent.click(screen.getByTestId('language-toggle'));
    expect(screen.getByTestId('language-toggle').textContent).toBe('中文');
  });
});
