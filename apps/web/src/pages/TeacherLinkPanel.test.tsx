import { beforeEach, describe, expect, it } from 'vitest';
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { useLanguageStore } from '../i18n';
import { applyWelcome } from '../net/apply-server-events';
import { studentWelcome } from '../net/test-fixtures';
import { useAppStore } from '../store/app-store';
import { TeacherLinkPanel } from './TeacherLinkPanel';

const TOKEN = 'tok_teacher_0123456789abcdefghij';

beforeEach(() => {
  useLanguageStore.getState().setLanguage('en');
  useAppStore.getState().resetClassState();
  const identity = { code: 'ABC234', role: 'teacher' as const, name: 'Ms Chen', token: TOKEN };
  act(() => {
    useAppStore.getState().setIdentity(identity);
    applyWelcome(useAppStore, studentWelcome({ role: 'teacher', joinUrl: 'http://192.168.1.20:3000/join/ABC234' }), identity);
  });
});

describe('TeacherLinkPanel (JOIN-5)', () => {
  it('shows the link only when asked, on the join link’s origin with the token in the fragment, and its QR drawn in the page', async () => {
    render(<TeacherLinkPanel />);
    expect(screen.queryByTestId('teacher-link')).toBeNull();
    fireEvent.click(screen.getByTestId('teacher-link-show'));
    expect(screen.getByTestId('teacher-link').getAttribute('data-href')).toBe(`http://192.168.1.20:3000/teach/ABC234#${TOKEN}`);
    const qr = await waitFor(() => screen.getByTestId('teacher-link-qr'));
    const src = qr.getAttribute('src') ?? '';
    expect(src.startsWith('data:image/svg+xml;charset=utf-8,')).toBe(true);
    expect(decodeURIComponent(src)).toContain('<svg');
    fireEvent.click(screen.getByTestId('teacher-link-hide'));
    expect(screen.queryByTestId('teacher-link')).toBeNull();
  });

  it('is not offered to a student', () => {
    act(() => useAppStore.getState().setIdentity({ code: 'ABC234', role: 'student', name: 'Bo', token: TOKEN }));
    render(<TeacherLinkPanel />);
    expect(screen.queryByTestId('teacher-link-show')).toBeNull();
  });
});
