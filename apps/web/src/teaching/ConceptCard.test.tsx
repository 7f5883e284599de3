import { act, fireEvent, render, screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { CONCEPT_IDS, CONCEPT_PRESETS } from '@playroom/engine';
import { LANGUAGES, translate, useLanguageStore } from '../i18n';
import { ConceptCard } from './ConceptCard';
import { presetTitle } from './teachingText';

/* Each concept card in English and 简体中文: its texts, a figure with both axes, "Show me" per preset (issue 12). */

beforeEach(() => useLanguageStore.getState().setLanguage('en'));

describe.each(LANGUAGES)('the concept cards in %s', (language) => {
  it.each(CONCEPT_IDS)('%s: title, body, a figure with axes, and Show me calls back with each preset id', (concept) => {
    act(() => useLanguageStore.getState().setLanguage(language));
    const onShowMe = vi.fn();
    render(<ConceptCard concept={concept} onShowMe={onShowMe} />);
    const card = screen.getByTestId('concept-card');
    expect(within(card).getByRole('heading').textContent).toBe(translate(language, `teach.concept.${concept}.title`));
    expect(screen.getByTestId('concept-body').textContent).toBe(translate(language, `teach.concept.${concept}.body`));

    const charts = card.querySelectorAll('svg.teach-chart');
    expect(charts.length).toBeGreaterThan(0);
    for (const chart of charts) {
      const x = chart.querySelector('[data-testid="axis-x"]');
      const y = chart.querySelector('[data-testid="axis-y"]');
      expect(x?.querySelectorAll('text').length).toBeGreaterThanOrEqual(3); // ticks and the name
      expect(y?.querySelectorAll('text').length).toBeGreaterThanOrEqual(3);
      expect(x?.querySelector('.teach-axis-label')?.textContent?.trim()).not.toBe('');
      expect(y?.querySelector('.teach-axis-label')?.textContent?.trim()).not.toBe('');
    }

    const buttons = screen.getAllByTestId('show-me');
    expect(buttons.map((b) => b.getAttribute('data-preset'))).toEqual(CONCEPT_PRESETS[concept]);
    buttons.forEach((button, i) => {
      const preset = CONCEPT_PRESETS[concept][i]!;
      expect(button.textContent).toBe(translate(language, 'teach.showMe', { preset: presetTitle((key) => translate(language, key), preset) }));
      fireEvent.click(button);
      expect(onShowMe).toHaveBeenLastCalledWith(preset);
    });
    expect(onShowMe).toHaveBeenCalledTimes(CONCEPT_PRESETS[concept].length);
  });
});

describe('a concept card', () => {
  it('disables Show me with the reason, as text and as the tooltip', () => {
    const onShowMe = vi.fn();
    render(<ConceptCard concept="bias" onShowMe={onShowMe} showMeDisabled="The teacher is leading this lesson." />);
    for (const button of screen.getAllByTestId('show-me')) {
      expect((button as HTMLButtonElement).disabled).toBe(true);
      expect(button.getAttribute('title')).toBe('The teacher is leading this lesson.');
      fireEvent.click(button);
    }
    expect(onShowMe).not.toHaveBeenCalled();
    expect(screen.getByTestId('show-me-disabled').textContent).toBe('The teacher is leading this lesson.');
  });

  it('has no Show me without onShowMe, and compact leaves the figure and the extra line out', () => {
    render(<ConceptCard concept="nonLinearity" compact />);
    expect(screen.queryAllByTestId('show-me')).toHaveLength(0);
    expect(document.querySelector('svg.teach-chart')).toBeNull();
    expect(screen.queryByText(translate('en', 'teach.concept.nonLinearity.more'))).toBeNull();
    expect(screen.getByTestId('concept-body').textContent).toBe(translate('en', 'teach.concept.nonLinearity.body'));
  });

  it('shows the optional extra line when the concept has one', () => {
    render(<ConceptCard concept="nonLinearity" />);
    expect(screen.getByText(translate('en', 'teach.concept.nonLinearity.more'))).toBeTruthy();
  });
});
