import { beforeEach, describe, expect, it } from 'vitest';
import { act, render, screen } from '@testing-library/react';
import { useLanguageStore } from '../i18n';
import { applyWelcome } from '../net/apply-server-events';
import { studentWelcome } from '../net/test-fixtures';
import { useAppStore } from '../store/app-store';
import { RoomCodePanel } from './RoomCodePanel';

beforeEach(() => {
  useLanguageStore.getState().setLanguage('en');
  useAppStore.getState().resetClassState();
});

/** The teacher's welcome with the join link the server gave. */
function welcomeWith(joinUrl: string): void {
  const identity = { code: 'ABC234', role: 'teacher' as const, name: 'Ms Chen', token: 'tok_teacher_0123456789abcdef' };
  act(() => void applyWelcome(useAppStore, studentWelcome({ role: 'teacher', joinUrl }), identity));
}

describe('RoomCodePanel', () => {
  it('shows the code, the head count, and the join link the server gave, not this page’s own address', () => {
    render(<RoomCodePanel code="ABC234" />);
    expect(screen.getByTestId('room-code').textContent).toBe('ABC234');
    expect(screen.getByTestId('joined-count').textContent).toBe('0 joined');
    // the page itself was opened on localhost (jsdom's origin); the link is the server's network address
    expect(window.location.hostname).toBe('localhost');
    welcomeWith('http://192.168.1.20:3000/join/ABC234');
    const link = screen.getByTestId('join-url');
    expect(link.getAttribute('href')).toBe('http://192.168.1.20:3000/join/ABC234');
    expect(link.textContent).toBe('192.168.1.20:3000/join/ABC234');
    act(() => {
      useAppStore.getState().setRoster([
        { participantId: 't', name: 'T', role: 'teacher', alias: 0, online: true, forkCount: 0 },
        { participantId: 'a', name: 'Ann', role: 'student', alias: 1, online: true, forkCount: 0 },
        { participantId: 'b', name: 'Bo', role: 'student', alias: 2, online: false, forkCount: 0 },
      ]);
    });
    expect(screen.getByTestId('joined-count').textContent).toBe('2 joined');
    expect(screen.getByTestId('online-count').textContent).toBe('1 online');
  });

  it('shows the QR code of the link, served by the server for this code, named in both languages', () => {
    render(<RoomCodePanel code="ABC234" />);
    expect(screen.queryByTestId('join-qr')).toBeNull();
    welcomeWith('http://192.168.1.20:3000/join/ABC234');
    const qr = screen.getByTestId('join-qr') as HTMLImageElement;
    expect(qr.getAttribute('src')).toBe('/api/rooms/ABC234/qr.svg');
    expect(qr.width).toBeGreaterThanOrEqual(160);
    expect(qr.alt).toBe('QR code of the join link http://192.168.1.20:3000/join/ABC234');
    expect(screen.getByText('Scan to join')).toBeTruthy();
    expect(screen.queryByTestId('join-loopback')).toBeNull();
    act(() => useLanguageStore.getState().setLanguage('zh-CN'));
    expect(qr.alt).toBe('加入网址 http://192.168.1.20:3000/join/ABC234 的二维码');
    expect(screen.getByText('扫码加入')).toBeTruthy();
  });

  it('a loopback link says no student device can open it and how to fix it, and shows no QR code', () => {
    render(<RoomCodePanel code="ABC234" />);
    welcomeWith('http://127.0.0.1:3000/join/ABC234');
    expect(screen.queryByTestId('join-qr')).toBeNull();
    expect(screen.getByTestId('join-loopback').textContent).toBe(
      'Only this computer can open this address, so students cannot join from their own devices. Restart the server with HOST=0.0.0.0, or set PUBLIC_URL to an address they can reach.',
    );
    act(() => useLanguageStore.getState().setLanguage('zh-CN'));
    expect(screen.getByTestId('join-loopback').textContent).toContain('HOST=0.0.0.0');
    expect(screen.getByTestId('join-loopback').textContent).toContain('学生无法用自己的设备加入');
  });
});
