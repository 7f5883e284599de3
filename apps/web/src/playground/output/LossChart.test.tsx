import { render } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { LossChart } from './LossChart';

describe('LossChart', () => {
  it('labels the x axis from 0 to the last epoch recorded', () => {
    const { container } = render(
      <LossChart
        history={[
          { epoch: 1, trainLoss: 0.5, testLoss: 0.6 },
          { epoch: 37, trainLoss: 0.2, testLoss: 0.3 },
        ]}
      />,
    );
    const ticks = [...container.querySelectorAll('text.pg-tick')].map((tick) => tick.textContent);
    // y ticks, then the x axis: its start, its title, its end
    expect(ticks.slice(-3)).toEqual(['0', 'epoch', '37']);
  });
});

describe('LossChart, large (the projector)', () => {
  it('names the y axis and takes the height it is given', () => {
    const { container } = render(<LossChart history={[{ epoch: 1, trainLoss: 0.5, testLoss: 0.6 }]} large height={300} />);
    expect(container.querySelector('figure')?.classList.contains('is-large')).toBe(true);
    expect(container.querySelector('svg')?.getAttribute('height')).toBe('300');
    const ticks = [...container.querySelectorAll('text.pg-tick')].map((tick) => tick.textContent);
    expect(ticks).toContain('loss');
    expect(ticks).toContain('epoch');
  });
});
