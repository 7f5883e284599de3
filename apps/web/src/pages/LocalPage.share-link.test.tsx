import { act, fireEvent, render, screen } from '@testing-library/react';
import { DEFAULT_CONFIG, createTrainer, type TrainerConfig } from '@playroom/engine';
import { configToHash, hashToConfig, playgroundSeed } from '@playroom/protocol';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { translate, useLanguageStore } from '../i18n';
import { LocalSession } from '../playground/local/localSession';
import { ADDRESS_DEBOUNCE_MS } from '../playground/local/useSetupInAddress';
import { LocalPage } from './LocalPage';

/* Practice mode keeps its set-up in the address's hash, opens a shared link, says what of it was not used (issue 11). */

beforeAll(() => {
  HTMLCanvasElement.prototype.getContext = (() => null) as typeof HTMLCanvasElement.prototype.getContext;
  vi.stubGlobal('requestAnimationFrame', () => 0);
  vi.stubGlobal('cancelAnimationFrame', () => {});
});
afterAll(() => vi.unstubAllGlobals());
beforeEach(() => {
  useLanguageStore.getState().setLanguage('en');
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
  window.history.replaceState(null, '', '/');
});

const selected = (testId: string) => {
  const select = screen.getByTestId(testId) as HTMLSelectElement;
  return select.options[select.selectedIndex]?.textContent;
};
const checked = (testId: string) => (screen.getByTestId(testId) as HTMLInputElement).checked;
const openAt = (hash: string) => {
  window.history.replaceState(null, '', `/local${hash}`);
  return render(<LocalPage />);
};
const settle = () => act(() => vi.advanceTimersByTime(ADDRESS_DEBOUNCE_MS + 10));

const SHARED: TrainerConfig = { ...DEFAULT_CONFIG, learningRate: 0.3, activation: 'relu', hiddenLayers: [3], seed: 4242, dataSeed: 7 };

describe('practice mode and share links', () => {
  it('opens the set-up a link names, with its view, and keeps it in the address', () => {
    const hash = `#${configToHash(SHARED, { showTestData: true, discretize: true })}`;
    openAt(hash);
    expect(selected('learning-rate')).toBe('0.3');
    expect(selected('activation')).toBe('ReLU');
    expect(checked('show-test-data')).toBe(true);
    expect(checked('discretize')).toBe(true);
    expect(screen.queryByTestId('share-notes')).toBeNull();
    settle();
    expect(window.location.hash).toBe(hash);
    expect(hashToConfig(window.location.hash).config).toEqual(SHARED);
  });

  it('the same link opens the same network bit for bit', () => {
    const opened = new LocalSession(hashToConfig(configToHash(SHARED)).config);
    expect(Array.from(opened.model.params)).toEqual(Array.from(new LocalSession(SHARED).model.params));
  });

  it('a config or view change is written to the address once it settles; training epochs are not', () => {
    const replace = vi.spyOn(window.history, 'replaceState');
    openAt('');
    settle();
    expect(hashToConfig(window.location.hash).config).toEqual(DEFAULT_CONFIG);
    fireEvent.change(screen.getByTestId('learning-rate'), { target: { value: '6' } });
    fireEvent.click(screen.getByTestId('show-test-data'));
    expect(hashToConfig(window.location.hash).config.learningRate).toBe(DEFAULT_CONFIG.learningRate);
    settle();
    const written = hashToConfig(window.location.hash);
    expect(written.config.learningRate).toBe(0.1);
    expect(written.view.showTestData).toBe(true);
    const writes = replace.mock.calls.length;
    for (let i = 0; i < 5; i++) fireEvent.click(screen.getByTestId('step'));
    settle();
    expect(screen.getByTestId('epoch').getAttribute('data-epoch')).toBe('5');
    expect(replace.mock.calls.length).toBe(writes);
    replace.mockRestore();
  });

  it('a TensorFlow Playground hash opens the same set-up', () => {
    openAt('#activation=relu&dataset=xor&learningRate=0.1&networkShape=5&seed=0.5&percTrainData=70&x=true&y=true&xTimesY=true&problem=classification&showTestData=true&collectStats=false&hideText=false');
    expect(selected('activation')).toBe('ReLU');
    expect(selected('learning-rate')).toBe('0.1');
    expect(checked('show-test-data')).toBe(true);
    expect(screen.queryByTestId('share-notes')).toBeNull();
    settle();
    expect(hashToConfig(window.location.hash).config).toMatchObject({ dataset: 'xor', hiddenLayers: [5], trainRatio: 70, features: ['x1', 'x2', 'x1x2'], seed: playgroundSeed('0.5') });
  });

  it('a junk link opens the default playground with a dismissible note, in both languages', () => {
    openAt('#this-is-not-a-set-up');
    expect(screen.getByTestId('share-notes').textContent).toContain(translate('en', 'app.share.note.unreadable'));
    expect(selected('learning-rate')).toBe(String(DEFAULT_CONFIG.learningRate));
    act(() => useLanguageStore.getState().setLanguage('zh-CN'));
    expect(screen.getByTestId('share-notes').textContent).toContain('无法读取这个链接');
    fireEvent.click(screen.getByTestId('share-notes-dismiss'));
    expect(screen.queryByTestId('share-notes')).toBeNull();
  });

  it('the fields a link could not use are named, the rest is used', () => {
    const hash = configToHash(SHARED).replace('learningRate=0.3', 'learningRate=50').replace('activation=relu', 'activation=wobble');
    openAt(`#${hash}&colour=red`);
    const notes = screen.getByTestId('share-notes');
    expect(notes.getAttribute('data-fields')?.split(' ').sort()).toEqual(['activation', 'colour', 'learningRate']);
    expect(notes.textContent).toContain(translate('en', 'pg.configError.range', { field: translate('en', 'pg.learningRate'), min: 0, max: 10 }));
    expect(notes.textContent).toContain('“colour” is not a setting Playroom knows');
    act(() => useLanguageStore.getState().setLanguage('zh-CN'));
    expect(notes.textContent).toContain('“colour”不是 Playroom 认识的设置');
    expect(selected('activation')).toBe(translate('zh-CN', 'pg.activation.tanh'));
  });

  it('Copy set-up link puts <origin>/local#<hash> on the clipboard; without one, shows it selected in a field', async () => {
    const writeText = vi.fn(() => Promise.resolve());
    vi.stubGlobal('navigator', { ...navigator, clipboard: { writeText } });
    openAt(`#${configToHash(SHARED)}`);
    await act(async () => fireEvent.click(screen.getByTestId('copy-link')));
    const link = `${window.location.origin}/local#${configToHash(SHARED)}`;
    expect(writeText).toHaveBeenCalledWith(link);
    expect(screen.getByTestId('share-link').getAttribute('data-state')).toBe('copied');
    expect(screen.getByTestId('share-link').textContent).toContain('Link copied');

    vi.stubGlobal('navigator', { ...navigator, clipboard: undefined });
    await act(async () => fireEvent.click(screen.getByTestId('copy-link')));
    const field = screen.getByTestId('share-link-field') as HTMLInputElement;
    expect(field.value).toBe(link);
    expect(field.selectionEnd! - field.selectionStart!).toBe(link.length);
  });

  it('Start a class with this playground sends the session on screen, with this config, and opens the teacher view', async () => {
    const fetchMock = vi.fn(() =>
      Promise.resolve(new Response(JSON.stringify({ sessionId: 'ses_1', code: 'ABCDEF', teacherToken: 'T'.repeat(32), joinUrl: 'http://x/join/ABCDEF' }), { status: 201 })),
    );
    vi.stubGlobal('fetch', fetchMock);
    openAt(`#${configToHash(SHARED)}`);
    fireEvent.click(screen.getByTestId('start-class-from-session'));
    fireEvent.change(screen.getByTestId('start-class-from-session-name'), { target: { value: 'Ms Li' } });
    await act(async () => fireEvent.click(screen.getByTestId('start-class-from-session-submit')));
    const [url, init] = fetchMock.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe('/api/sessions');
    const body = JSON.parse(init.body as string);
    expect(Object.keys(body).sort()).toEqual(['from', 'teacherName']);
    expect(body.teacherName).toBe('Ms Li');
    // the shared set-up at epoch 0, exactly: the same config, the engine's initial weights and state
    expect(body.from).toMatchObject({ config: SHARED, epoch: 0 });
    expect(body.from.params).toEqual(Array.from(createTrainer(SHARED).network.params));
    expect(body.from.trainer.config).toEqual(SHARED);
    expect(window.location.pathname).toBe('/class/ABCDEF');
  });
});

describe('a link pasted into /local’s address bar', () => {
  it('opens over sessions handed to the page, and a reload keeps it', () => {
    const state = new LocalSession(DEFAULT_CONFIG).toState();
    window.history.replaceState({ practice: { sessions: [state, state], fromClass: 'ABCDEF' } }, '', '/local');
    const page = render(<LocalPage />);
    expect(screen.getByTestId('local-view').getAttribute('data-sessions')).toBe('2');
    act(() => {
      window.history.replaceState(window.history.state, '', `/local#${configToHash(SHARED)}`);
      window.dispatchEvent(new HashChangeEvent('hashchange'));
    });
    expect(screen.getByTestId('local-view').getAttribute('data-sessions')).toBe('1');
    expect(selected('activation')).toBe('ReLU');
    page.unmount();
    render(<LocalPage />);
    expect(selected('activation')).toBe('ReLU');
    expect(screen.getByTestId('local-view').getAttribute('data-sessions')).toBe('1');
  });
});
