import { act, fireEvent, render, screen } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { CONCEPT_IDS } from '@playroom/engine';
import { translate, useLanguageStore } from '../i18n';
import { ConceptLibrary } from './ConceptLibrary';

/* The "Concepts / 概念" panel: ten cards, one open at a time, and the activation lab (issue 12). */

beforeEach(() => useLanguageStore.getState().setLanguage('en'));

const item = (entry: string) => screen.getAllByTestId('concept-item').find((button) => button.getAttribute('data-concept') === entry)!;

describe('the concept library', () => {
  it('lists the ten concepts and the activation lab, closed, titled in the reader’s language', () => {
    render(<ConceptLibrary />);
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe('Concepts');
    expect(screen.getAllByTestId('concept-item').map((b) => b.getAttribute('data-concept'))).toEqual([...CONCEPT_IDS, 'activationLab']);
    expect(screen.queryByTestId('concept-card')).toBeNull();
    act(() => useLanguageStore.getState().setLanguage('zh-CN'));
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe('概念');
    expect(item('loss').textContent).toContain(translate('zh-CN', 'teach.concept.loss.title'));
    expect(item('activationLab').textContent).toContain('激活函数实验室');
  });

  it('opens one entry at a time, and passes Show me through with the preset id', () => {
    const onShowMe = vi.fn();
    render(<ConceptLibrary onShowMe={onShowMe} />);
    fireEvent.click(item('bias'));
    expect(item('bias').getAttribute('aria-expanded')).toBe('true');
    expect(screen.getByTestId('concept-card').getAttribute('data-concept')).toBe('bias');
    fireEvent.click(screen.getAllByTestId('show-me')[1]!);
    expect(onShowMe).toHaveBeenCalledWith('off-centre-bias');

    fireEvent.click(item('epochBatch'));
    expect(screen.getAllByTestId('concept-card').map((card) => card.getAttribute('data-concept'))).toEqual(['epochBatch']);
    expect(item('bias').getAttribute('aria-expanded')).toBe('false');

    fireEvent.click(item('activationLab'));
    expect(screen.queryByTestId('concept-card')).toBeNull();
    expect(screen.getByTestId('activation-lab')).toBeTruthy();
    fireEvent.click(item('activationLab'));
    expect(screen.queryByTestId('activation-lab')).toBeNull();
  });

  it('says why Show me is off, on every card', () => {
    render(<ConceptLibrary onShowMe={() => {}} showMeDisabled="老师正在带大家上课。" />);
    fireEvent.click(item('learningRate'));
    expect(screen.getAllByTestId('show-me').every((b) => (b as HTMLButtonElement).disabled)).toBe(true);
    expect(screen.getByTestId('show-me-disabled').textContent).toBe('老师正在带大家上课。');
  });
});
