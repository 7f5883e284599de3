import { fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { Fold } from './Fold';

/** The fold as the playground holds it: its open state in the parent. */
function Harness({ initiallyOpen = false }: { initiallyOpen?: boolean }) {
  const [open, setOpen] = useState(initiallyOpen);
  return (
    <Fold open={open} onToggle={setOpen} label="Controls" bar={<span>Epoch 000,012</span>}>
      <label>
        Learning rate
        <select defaultValue="0.03">
          <option>0.03</option>
          <option>0.1</option>
        </select>
      </label>
    </Fold>
  );
}

describe('Fold', () => {
  it('starts folded: the bar shows, the panel and what it holds do not', () => {
    render(<Harness />);
    expect(screen.getByText('Epoch 000,012')).toBeTruthy();
    const button = screen.getByRole('button', { name: 'Controls' });
    expect(button.getAttribute('aria-expanded')).toBe('false');
    expect(screen.getByTestId('controls-panel').hidden).toBe(true);
    // hidden: out of the accessibility tree too
    expect(screen.queryByRole('combobox', { name: 'Learning rate' })).toBeNull();
  });

  it('opens with one tap and folds with the next, the button naming the panel it controls', () => {
    render(<Harness />);
    const button = screen.getByRole('button', { name: 'Controls' });
    fireEvent.click(button);
    expect(button.getAttribute('aria-expanded')).toBe('true');
    const panel = screen.getByTestId('controls-panel');
    expect(panel.hidden).toBe(false);
    expect(button.getAttribute('aria-controls')).toBe(panel.id);
    expect(screen.getByRole('combobox', { name: 'Learning rate' })).toBeTruthy();
    fireEvent.click(button);
    expect(button.getAttribute('aria-expanded')).toBe('false');
    expect(panel.hidden).toBe(true);
  });

  it('keeps what the panel holds while folded: a choice made survives folding and unfolding', () => {
    render(<Harness initiallyOpen />);
    const select = screen.getByRole('combobox', { name: 'Learning rate' }) as HTMLSelectElement;
    fireEvent.change(select, { target: { value: '0.1' } });
    const button = screen.getByRole('button', { name: 'Controls' });
    fireEvent.click(button);
    fireEvent.click(button);
    expect((screen.getByRole('combobox', { name: 'Learning rate' }) as HTMLSelectElement).value).toBe('0.1');
  });
});
