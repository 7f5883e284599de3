import { beforeEach, describe, expect, it } from 'vitest';
import { act, fireEvent, render, screen } from '@testing-library/react';
import { useLanguageStore } from '../i18n';
import { saveIdentity } from '../store/identity-storage';
import { App } from './App';
import { navigate } from './navigation';

beforeEach(() => {
  useLanguageStore.getState().setLanguage('en');
  window.history.replaceState(null, '', '/');
});

describe('App routes', () => {
  it('opens the join form with the code from /join/CODE', () => {
    window.history.replaceState(null, '', '/join/abc234');
    render(<App />);
    expect(screen.getByTestId<HTMLInputElement>('join-code').value).toBe('ABC234');
  });

  it('sends /class/CODE without a saved identity to the join form for that code', () => {
    window.history.replaceState(null, '', '/class/XY7Z9Q');
    render(<App />);
    expect(window.location.pathname).toBe('/join/XY7Z9Q');
    expect(screen.getByTestId<HTMLInputElement>('join-code').value).toBe('XY7Z9Q');
    expect(document.title).toBe('Playroom');
  });

  it('follows navigate() and the home link without reloading', () => {
    render(<App />);
    expect(screen.getByTestId('start-class-form')).toBeTruthy();
    act(() => navigate({ page: 'home', joinCode: 'QQQ222' }));
    expect(screen.getByTestId<HTMLInputElement>('join-code').value).toBe('QQQ222');
    act(() => navigate({ page: 'not-found', path: '/nope' }));
    expect(screen.getByText('Page not found')).toBeTruthy();
    fireEvent.click(screen.getByTestId('home-link'));
    expect(window.location.pathname).toBe('/');
  });

  it('offers to go back to the classes this browser was in', () => {
    saveIdentity({ code: 'ABC234', role: 'teacher', token: 'teacher-token-0123456789ab', name: 'Ms Chen' });
    render(<App />);
    expect(screen.getByTestId('remembered-classes').textContent).toContain('ABC234 as Teacher (Ms Chen)');
    fireEvent.click(screen.getByText('Forget'));
    expect(screen.queryByTestId('remembered-classes')).toBeNull();
  });
});
