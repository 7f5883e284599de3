import { act, fireEvent, render, screen } from '@testing-library/react';
import { DEFAULT_CONFIG, type TrainerConfig } from '@playroom/engine';
import { SHARE_LINK_MAX_POINTS, hashToConfig } from '@playroom/protocol';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { translate, useLanguageStore } from '../../i18n';
import { CopyLinkButton } from './CopyLinkButton';

afterEach(() => vi.unstubAllGlobals());

describe('Copy set-up link', () => {
  it(`says that more than ${SHARE_LINK_MAX_POINTS} drawn points stay out of the link, in both languages`, async () => {
    vi.stubGlobal('navigator', { ...navigator, clipboard: { writeText: () => Promise.resolve() } });
    const customPoints = Array.from({ length: SHARE_LINK_MAX_POINTS + 1 }, (_, i) => ({ x: (i % 12) - 6, y: 1, label: i % 2 ? 1 : -1 }));
    const config: TrainerConfig = { ...DEFAULT_CONFIG, dataset: 'custom', customPoints };
    useLanguageStore.getState().setLanguage('en');
    render(<CopyLinkButton config={config} />);
    expect(screen.queryByTestId('share-link-left-out')).toBeNull();
    await act(async () => fireEvent.click(screen.getByTestId('copy-link')));
    expect(screen.getByTestId('share-link-left-out').textContent).toBe(translate('en', 'app.share.leftOut', { max: SHARE_LINK_MAX_POINTS }));
    act(() => useLanguageStore.getState().setLanguage('zh-CN'));
    expect(screen.getByTestId('share-link-left-out').textContent).toContain(`${SHARE_LINK_MAX_POINTS} 个绘制的数据点`);
    const link = screen.getByTestId('share-link').getAttribute('data-link')!;
    expect(hashToConfig(new URL(link).hash).notes).toEqual([{ field: 'customPoints', problem: 'pointsLeftOut' }]);
  });

  it('carries drawn points within the limit', async () => {
    vi.stubGlobal('navigator', { ...navigator, clipboard: { writeText: () => Promise.resolve() } });
    const config: TrainerConfig = { ...DEFAULT_CONFIG, dataset: 'custom', customPoints: [{ x: 1.25, y: -2.5, label: 1 }, { x: -3, y: 0.75, label: -1 }] };
    render(<CopyLinkButton config={config} />);
    await act(async () => fireEvent.click(screen.getByTestId('copy-link')));
    const link = screen.getByTestId('share-link').getAttribute('data-link')!;
    expect(hashToConfig(new URL(link).hash)).toMatchObject({ config, notes: [] });
    expect(screen.queryByTestId('share-link-left-out')).toBeNull();
  });
});
