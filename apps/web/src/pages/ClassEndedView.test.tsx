import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { readPlaygroundFile, type SessionState } from '@playroom/protocol';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { useLanguageStore } from '../i18n';
import { classConnection } from '../net';
import { classEndedError } from '../net/class-connection';
import { sessionState } from '../net/test-fixtures';
import { useAppStore } from '../store/app-store';
import { loadIdentity, saveIdentity } from '../store/identity-storage';
import { forgetKeptWork, keepEndedWork, keptWorkFor } from '../store/kept-work';
import { ClassPage } from './ClassPage';
import { HomePage } from './HomePage';
import { LocalPage } from './LocalPage';

/*
 * The end of a class in the page (CMD-7): the forks the server sent are on
 * screen, "continue in practice mode" opens them in /local with the same
 * epoch and weights, and "download" writes a playground file /local opens.
 * The socket is stubbed (class-connection.test and the e2e test use real ones).
 */

const CODE = 'ABC234';
const ann = { code: CODE, role: 'student' as const, token: 'tok_ann', name: 'Ann' };
const forkOf = (sessionId: string, epoch: number): SessionState =>
  sessionState({ sessionId, kind: 'fork', ownerId: 'p-ann', ownerName: 'Ann', parentId: 'class-1', epoch, params: sessionState().params.map((p, i) => p + epoch / 1000 + i * 1e-9) });
const forks = [forkOf('s_first', 120), forkOf('s_second', 7)];

/** What the page downloads: the blob handed to URL.createObjectURL, read back. */
function captureDownloads(): Blob[] {
  const blobs: Blob[] = [];
  URL.createObjectURL = vi.fn((blob: Blob) => {
    blobs.push(blob);
    return 'blob:playroom-test';
  });
  URL.revokeObjectURL = vi.fn();
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
  return blobs;
}

beforeAll(() => {
  HTMLCanvasElement.prototype.getContext = (() => null) as typeof HTMLCanvasElement.prototype.getContext;
});

beforeEach(() => {
  useLanguageStore.getState().setLanguage('en');
  useAppStore.getState().resetClassState();
  window.history.replaceState(null, '', '/');
  vi.spyOn(classConnection, 'join').mockReturnValue(new Promise(() => {}));
  vi.spyOn(classConnection, 'leave').mockImplementation(() => {});
});

afterEach(() => {
  forgetKeptWork(CODE);
  vi.restoreAllMocks();
});

describe('the end of a class', () => {
  it('shows the forks that came with the end, in both languages, and forgets the seat but not the work', () => {
    saveIdentity(ann);
    render(<ClassPage code={CODE} />);
    act(() => {
      keepEndedWork(ann, { reason: 'endedByTeacher', forks });
      useAppStore.getState().setJoinError(classEndedError({ reason: 'endedByTeacher' }));
    });
    const ended = screen.getByTestId('class-ended');
    expect(ended.getAttribute('data-forks')).toBe('2');
    expect(ended.textContent).toContain('This class has ended');
    expect(ended.textContent).toContain('Your forks are kept on this device for 14 days');
    expect(screen.getAllByTestId('ended-fork').map((li) => li.getAttribute('data-epoch'))).toEqual(['120', '7']);
    expect(screen.getAllByTestId('ended-fork')[0]!.textContent).toContain('Epoch 000,120');
    expect(screen.getByTestId('continue-practice').textContent).toBe('Continue in practice mode');
    expect(screen.getByTestId('download-forks').textContent).toBe('Download');
    act(() => useLanguageStore.getState().setLanguage('zh-CN'));
    expect(screen.getByTestId('class-ended').textContent).toContain('这堂课已经结束');
    expect(screen.getByTestId('continue-practice').textContent).toBe('在“自己练习”中继续');
    expect(screen.getByTestId('download-forks').textContent).toBe('下载');
    expect(loadIdentity(CODE)).toBeNull();
  });

  it('after a reload finds the kept work without connecting again', () => {
    keepEndedWork(ann, { reason: 'endedByTeacher', forks });
    render(<ClassPage code={CODE} />);
    expect(screen.getByTestId('class-ended').getAttribute('data-forks')).toBe('2');
    expect(classConnection.join).not.toHaveBeenCalled();
    expect(window.location.pathname).toBe('/');
  });

  it('the home page lists the ended class, opens its page, and can forget it', () => {
    keepEndedWork(ann, { reason: 'endedByTeacher', forks });
    render(<HomePage joinCode={null} />);
    const kept = screen.getByTestId('kept-classes');
    expect(kept.textContent).toContain('Work from ended classes');
    expect(kept.textContent).toContain(`Class ${CODE} (Ann)`);
    fireEvent.click(screen.getByRole('link', { name: `Class ${CODE} (Ann)` }));
    expect(window.location.pathname).toBe(`/class/${CODE}`);
    fireEvent.click(screen.getByRole('button', { name: 'Forget' }));
    expect(keptWorkFor(CODE)).toBeNull();
    expect(screen.queryByTestId('kept-classes')).toBeNull();
  });

  it("offers the teacher the whole class, in both languages", () => {
    const teacher = { code: CODE, role: 'teacher' as const, token: 'tok_teacher', name: 'Ms Chen' };
    keepEndedWork(teacher, { reason: 'endedByTeacher', forks: [] }, 'class-1');
    render(<ClassPage code={CODE} />);
    expect(screen.getByTestId('class-ended').textContent).toContain('Each student keeps their own forks');
    expect(screen.getByTestId('download-class').textContent).toBe('Download the whole class');
    act(() => useLanguageStore.getState().setLanguage('zh-CN'));
    expect(screen.getByTestId('download-class').textContent).toBe('下载整个课堂');
  });

  it('says when there was nothing to keep, and offers practice mode', () => {
    keepEndedWork(ann, { reason: 'endedByTeacher', forks: [] });
    render(<ClassPage code={CODE} />);
    expect(screen.getByTestId('class-ended').textContent).toContain('You had no forks in this class');
    expect(screen.queryByTestId('continue-practice')).toBeNull();
    fireEvent.click(screen.getByTestId('practice-alone'));
    expect(window.location.pathname).toBe('/local');
  });

  it('continue in practice mode: /local opens every fork with its epoch and exact weights', () => {
    keepEndedWork(ann, { reason: 'endedByTeacher', forks });
    render(<ClassPage code={CODE} />);
    fireEvent.click(screen.getByTestId('continue-practice'));
    expect(window.location.pathname).toBe('/local');
    render(<LocalPage />);
    const local = screen.getByTestId('local-view');
    expect(local.getAttribute('data-sessions')).toBe('2');
    expect(local.textContent).toContain(`Sessions from class ${CODE}, as they were saved`);
    expect(screen.getAllByTestId('practice-session').map((b) => b.textContent)).toEqual(['Fork 1', 'Fork 2']);
    expect(screen.getByTestId('epoch').getAttribute('data-epoch')).toBe('120');
    fireEvent.click(screen.getAllByTestId('practice-session')[1]!);
    expect(screen.getByTestId('epoch').getAttribute('data-epoch')).toBe('7');

    // what practice mode now holds, saved: the very weights the class ended with
    const blobs = captureDownloads();
    fireEvent.click(screen.getByTestId('save-file'));
    return blobs[0]!.text().then((text) => {
      const saved = readPlaygroundFile(text);
      if (!saved.ok) throw new Error(saved.detail);
      expect(saved.fromClass).toBe(CODE);
      expect(saved.sessions.map((s) => [s.sessionId, s.epoch, s.params])).toEqual(forks.map((f) => [f.sessionId, f.epoch, f.params]));
    });
  });

  it('download writes a playground file that /local opens again; a file that is none is refused in words', async () => {
    keepEndedWork(ann, { reason: 'endedByTeacher', forks });
    const blobs = captureDownloads();
    render(<ClassPage code={CODE} />);
    fireEvent.click(screen.getByTestId('download-forks'));
    expect(blobs).toHaveLength(1);
    const text = await blobs[0]!.text();
    expect(JSON.parse(text)).toMatchObject({ format: 'playroom-playground', fromClass: CODE });
    expect(text).not.toContain('tok_ann');

    render(<LocalPage />);
    expect(screen.getByTestId('local-view').getAttribute('data-sessions')).toBe('1');
    const choose = (file: File) => fireEvent.change(screen.getByTestId('open-file-input'), { target: { files: [file] } });
    choose(new File([text], 'playroom-ABC234-forks.json', { type: 'application/json' }));
    await waitFor(() => expect(screen.getByTestId('local-view').getAttribute('data-sessions')).toBe('2'));
    expect(screen.getByTestId('epoch').getAttribute('data-epoch')).toBe('120');
    expect((window.history.state as { practice?: unknown }).practice).toMatchObject({ fromClass: CODE });

    choose(new File(['{"hello":"world"}'], 'notes.json'));
    await waitFor(() => expect(screen.getByTestId('practice-file-error').getAttribute('data-problem')).toBe('notPlayground'));
    expect(screen.getByTestId('practice-file-error').textContent).toBe('This is not a Playroom file. Open a file saved from Playroom.');
    act(() => useLanguageStore.getState().setLanguage('zh-CN'));
    expect(screen.getByTestId('practice-file-error').textContent).toBe('这不是 Playroom 文件。请打开从 Playroom 保存的文件。');
    // still the forks it had
    expect(screen.getByTestId('local-view').getAttribute('data-sessions')).toBe('2');
  });
});
