import { act, fireEvent, render, screen } from '@testing-library/react';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { translate, useLanguageStore } from '../i18n';
import { LocalPage } from './LocalPage';

/* Practice mode's "Concepts" panel: Show me loads the preset into the local session and says what to watch (issue 12). */

beforeAll(() => {
  HTMLCanvasElement.prototype.getContext = (() => null) as typeof HTMLCanvasElement.prototype.getContext;
  vi.stubGlobal('requestAnimationFrame', () => 0);
  vi.stubGlobal('cancelAnimationFrame', () => {});
});
afterAll(() => vi.unstubAllGlobals());
beforeEach(() => useLanguageStore.getState().setLanguage('en'));

const item = (entry: string) => screen.getAllByTestId('concept-item').find((b) => b.getAttribute('data-concept') === entry)!;
const selected = (testId: string) => {
  const select = screen.getByTestId(testId) as HTMLSelectElement;
  return select.options[select.selectedIndex]?.textContent;
};

describe('practice mode’s concept cards', () => {
  it('opens the panel, loads a preset with Show me, shows the watch line until the config is changed by hand', () => {
    render(<LocalPage />);
    expect(screen.queryByTestId('concept-library')).toBeNull();
    fireEvent.click(screen.getByTestId('concepts-toggle'));
    expect(screen.getByTestId('concepts-toggle').textContent).toBe('Hide concepts');
    fireEvent.click(item('nonLinearity'));
    fireEvent.click(screen.getAllByTestId('show-me').find((b) => b.getAttribute('data-preset') === 'xor-linear')!);

    expect(screen.getByTestId('watch-line').textContent).toBe(`Watch:${translate('en', 'teach.preset.xor-linear.watch')}`);
    expect(selected('activation')).toBe('Linear');
    expect(screen.getByTestId('epoch').getAttribute('data-epoch')).toBe('0');
    expect(screen.getByTestId('play-pause').getAttribute('data-playing')).toBe('true');

    act(() => useLanguageStore.getState().setLanguage('zh-CN'));
    expect(screen.getByTestId('watch-line').textContent).toBe(`注意观察：${translate('zh-CN', 'teach.preset.xor-linear.watch')}`);

    fireEvent.change(screen.getByTestId('activation'), { target: { value: '1' } });
    expect(screen.queryByTestId('watch-line')).toBeNull();
    expect(screen.getByTestId('concept-card').getAttribute('data-concept')).toBe('nonLinearity');
  });
});
