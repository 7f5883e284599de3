import { beforeEach, describe, expect, it } from 'vitest';
import { render, screen } from '@testing-library/react';
import { useLanguageStore } from '../i18n';
import { loadIdentity } from '../store/identity-storage';
import { TeachPage } from './TeachPage';

const TOKEN = 'abcdefghijklmnopqrstuvwxyz012345';

beforeEach(() => {
  useLanguageStore.getState().setLanguage('en');
});

describe('TeachPage (a teacher link opened, JOIN-5)', () => {
  it('keeps the teacher identity, takes the token out of the address bar and opens the class', () => {
    window.history.replaceState(null, '', `/teach/ABC234#${TOKEN}`);
    render(<TeachPage code="ABC234" />);
    expect(loadIdentity('ABC234')).toEqual({ code: 'ABC234', role: 'teacher', token: TOKEN, name: '' });
    expect(window.location.pathname).toBe('/class/ABC234');
    expect(window.location.hash).toBe('');
    expect(window.location.href).not.toContain(TOKEN);
  });

  it('says a link without its token is incomplete, and keeps nothing', () => {
    window.history.replaceState(null, '', '/teach/ABC234#abc');
    render(<TeachPage code="ABC234" />);
    expect(screen.getByTestId('teacher-link-incomplete').textContent).toContain('incomplete');
    expect(loadIdentity('ABC234')).toBeNull();
    expect(window.location.hash).toBe('');
  });
});
