import { fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { NumberMenuField } from './NumberMenuField';

const renderField = (value: number, onChange = vi.fn<(value: number) => void>()) => {
  render(<NumberMenuField label="Rate" tip="how fast" testId="rate" menu={[0.1, 1, 10]} value={value} format={(v) => `r${v}`} disabled={false} onChange={onChange} />);
  return screen.getByTestId('rate') as HTMLSelectElement;
};

describe('NumberMenuField', () => {
  it('offers the menu through the format and reports the chosen number', () => {
    const onChange = vi.fn<(value: number) => void>();
    const select = renderField(1, onChange);
    expect([...select.options].map((o) => o.textContent)).toEqual(['r0.1', 'r1', 'r10']);
    expect(select.options[select.selectedIndex]?.textContent).toBe('r1');
    fireEvent.change(select, { target: { value: '2' } });
    expect(onChange).toHaveBeenCalledWith(10);
  });

  it('adds a current value that is off the menu, in order', () => {
    const select = renderField(3);
    expect([...select.options].map((o) => o.textContent)).toEqual(['r0.1', 'r1', 'r3', 'r10']);
    expect(select.options[select.selectedIndex]?.textContent).toBe('r3');
  });
});
