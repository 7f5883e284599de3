import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { ClassStatus, RosterEntry } from '@playroom/protocol';
import { useLanguageStore } from '../i18n';
import { classConnection } from '../net';
import { useAppStore } from '../store/app-store';
import { ClassControls } from './ClassControls';
import { ForkDashboard } from './ForkDashboard';
import { RoomCodePanel } from './RoomCodePanel';

/*
 * The teacher's tools against the store and a stubbed connection: locking the
 * class (JOIN-3) and taking a student out of it (CMD-9).
 */

const status = (locked: boolean): ClassStatus => ({ spotlightId: null, spotlightOwner: null, forksFrozen: false, locked, lessonControls: {}, namesHidden: false, lesson: null });
const roster: RosterEntry[] = [
  { participantId: 'p-teacher', name: 'Ms Chen', role: 'teacher', alias: 0, online: true, forkCount: 0 },
  { participantId: 'p-ann', name: 'Ann', role: 'student', alias: 1, online: true, forkCount: 1 },
  { participantId: 'p-bo', name: 'Bo', role: 'student', alias: 2, online: false, forkCount: 0 },
];

let send: ReturnType<typeof vi.spyOn>;

beforeEach(() => {
  useLanguageStore.getState().setLanguage('en');
  useAppStore.getState().resetClassState();
  send = vi.spyOn(classConnection, 'send').mockResolvedValue({ ok: true } as never);
});

afterEach(() => {
  vi.restoreAllMocks();
});

describe('Lock class', () => {
  it('sends lockClass and shows the state the class status gives', async () => {
    render(<ClassControls />);
    const lock = screen.getByTestId('lock-class');
    expect(lock.textContent).toBe('Lock class');
    expect(lock.getAttribute('aria-pressed')).toBe('false');
    expect(lock.getAttribute('title')).toBe('New students cannot join; students already in can come back.');
    fireEvent.click(lock);
    expect(send).toHaveBeenCalledWith({ type: 'lockClass', locked: true });
    // the button follows classStatus (the server's word), not the click
    expect(lock.textContent).toBe('Lock class');
    act(() => useAppStore.getState().setClassStatus(status(true)));
    expect(lock.textContent).toBe('Unlock class');
    expect(lock.getAttribute('aria-pressed')).toBe('true');
    fireEvent.click(lock);
    expect(send).toHaveBeenLastCalledWith({ type: 'lockClass', locked: false });
    act(() => useLanguageStore.getState().setLanguage('zh-CN'));
    expect(lock.textContent).toBe('解锁课堂');
    await waitFor(() => expect(screen.queryByTestId('class-controls-error')).toBeNull());
  });

  it('says why when the server refuses', async () => {
    send.mockResolvedValue({ ok: false, error: { code: 'forbidden', message: 'teacher only' } } as never);
    render(<ClassControls />);
    fireEvent.click(screen.getByTestId('lock-class'));
    expect((await screen.findByTestId('class-controls-error')).textContent).toBe('You are not allowed to do that.');
  });

  it('puts a “Locked” badge beside the room code while the class is locked', () => {
    render(<RoomCodePanel code="ABC234" />);
    expect(screen.queryByTestId('locked-badge')).toBeNull();
    act(() => useAppStore.getState().setClassStatus(status(true)));
    expect(screen.getByTestId('locked-badge').textContent).toBe('Locked');
    act(() => useLanguageStore.getState().setLanguage('zh-CN'));
    expect(screen.getByTestId('locked-badge').textContent).toBe('已锁定');
    act(() => useAppStore.getState().setClassStatus(status(false)));
    expect(screen.queryByTestId('locked-badge')).toBeNull();
  });
});

describe('Remove a student', () => {
  it('asks first, then sends removeParticipant for that student', async () => {
    const confirm = vi.spyOn(window, 'confirm').mockReturnValue(false);
    act(() => useAppStore.getState().setRoster(roster));
    render(<ForkDashboard onOpenFork={() => {}} viewingId={null} />);
    // students only: the teacher has no ×
    expect(screen.getAllByTestId('remove-student')).toHaveLength(2);
    const removeAnn = screen.getByRole('button', { name: 'Remove Ann from the class' });

    fireEvent.click(removeAnn);
    expect(confirm).toHaveBeenCalledWith('Remove Ann from the class? Their forks are deleted and they are disconnected.');
    expect(send).not.toHaveBeenCalled();

    confirm.mockReturnValue(true);
    fireEvent.click(removeAnn);
    expect(send).toHaveBeenCalledWith({ type: 'removeParticipant', participantId: 'p-ann' });
    await waitFor(() => expect(removeAnn.hasAttribute('disabled')).toBe(false));
    expect(screen.queryByTestId('remove-error')).toBeNull();

    act(() => useLanguageStore.getState().setLanguage('zh-CN'));
    expect(screen.getByRole('button', { name: '将 Bo 移出课堂' })).toBeTruthy();
  });

  it('says so when the student is already gone', async () => {
    vi.spyOn(window, 'confirm').mockReturnValue(true);
    send.mockResolvedValue({ ok: false, error: { code: 'participantNotFound', message: 'no such participant' } } as never);
    act(() => useAppStore.getState().setRoster(roster));
    render(<ForkDashboard onOpenFork={() => {}} viewingId={null} />);
    fireEvent.click(screen.getByRole('button', { name: 'Remove Bo from the class' }));
    expect((await screen.findByTestId('remove-error')).textContent).toBe('That student is no longer in this class.');
  });
});
