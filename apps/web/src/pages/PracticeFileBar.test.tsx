import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { DEFAULT_CONFIG } from '@playroom/engine';
import { playgroundFileOf } from '@playroom/protocol';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { useLanguageStore } from '../i18n';
import { LocalSession } from '../playground/local/localSession';
import type { PracticeWork } from '../app/practice-files';
import { PracticeFileBar } from './PracticeFileBar';

/* The file bar refuses a file whose trainer state is damaged (FILE-2), naming the session and what is wrong, in both languages. */

beforeEach(() => useLanguageStore.getState().setLanguage('en'));

function choose(text: string) {
  fireEvent.change(screen.getByTestId('open-file-input'), { target: { files: [new File([text], 'lesson.json')] } });
}

describe('the practice file bar', () => {
  it('names a damaged training state and opens nothing', async () => {
    const session = new LocalSession(DEFAULT_CONFIG, Infinity);
    session.step();
    const state = session.toState();
    const damaged = { ...state, trainer: { ...state.trainer!, rng: [0, 0, 0, 0] as [number, number, number, number] } };
    const opened = vi.fn((_work: PracticeWork) => true);
    render(<PracticeFileBar onOpened={opened} onSave={() => {}} skipped={0} />);
    choose(JSON.stringify(playgroundFileOf([state, damaged], null)));
    await waitFor(() => expect(screen.getByTestId('practice-file-error').getAttribute('data-problem')).toBe('badTrainerState'));
    expect(opened).not.toHaveBeenCalled();
    expect(screen.getByTestId('practice-file-error').textContent).toContain('Session 2 in this file has a damaged training state');
    expect(screen.getByTestId('practice-file-detail').textContent).toMatch(/What is wrong: .*Rng state must not be all zeros/);
    act(() => useLanguageStore.getState().setLanguage('zh-CN'));
    expect(screen.getByTestId('practice-file-error').textContent).toContain('第 2 个实验的训练状态');
    expect(screen.getByTestId('practice-file-detail').textContent).toContain('问题所在：');

    // a good file opens, with its exact trainer state
    choose(JSON.stringify(playgroundFileOf([state], null)));
    await waitFor(() => expect(opened).toHaveBeenCalledTimes(1));
    expect(opened.mock.calls[0]![0]).toMatchObject({ sessions: [{ trainer: { epoch: 1 } }] });
    expect(screen.queryByTestId('practice-file-error')).toBeNull();
  });
});
