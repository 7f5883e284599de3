import { act, fireEvent, render, screen, within } from '@testing-library/react';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG, LIMITS, type TrainerConfig } from '@playroom/engine';
import { useLanguageStore } from '../i18n';
import { LocalSession } from './local/localSession';
import type { PlaygroundModel } from './model';
import { Playground } from './Playground';
import { recordingActions } from './recording-actions';

beforeAll(() => {
  // jsdom has no 2D canvas; without this stub it logs "not implemented" for every canvas.
  HTMLCanvasElement.prototype.getContext = (() => null) as typeof HTMLCanvasElement.prototype.getContext;
});

/** A real model from a real (local) trainer, with overrides. */
function modelOf(
  config: Partial<TrainerConfig> = {},
  { metrics, ...overrides }: Partial<Omit<PlaygroundModel, 'metrics'>> & { metrics?: Partial<PlaygroundModel['metrics']> } = {},
): PlaygroundModel {
  const model = new LocalSession({ ...DEFAULT_CONFIG, ...config }).model;
  return { ...model, ...overrides, metrics: { ...model.metrics, ...metrics } };
}

function setup(model = modelOf(), extra?: React.ReactNode) {
  const actions = recordingActions();
  const view = render(<Playground model={model} actions={actions} toolbarExtra={extra} />);
  return { actions, view };
}

describe('controls bar', () => {
  it('runs, pauses, steps and resets', () => {
    const { actions, view } = setup();
    fireEvent.click(screen.getByRole('button', { name: 'Run' }));
    fireEvent.click(screen.getByRole('button', { name: 'Step' }));
    fireEvent.click(screen.getByRole('button', { name: 'Reset' }));
    expect(actions.play).toHaveBeenCalledOnce();
    expect(actions.step).toHaveBeenCalledOnce();
    expect(actions.reset).toHaveBeenCalledExactlyOnceWith('new'); // new starting weights, as the playground's reset
    fireEvent.click(screen.getByRole('button', { name: 'Same start' }));
    expect(actions.reset).toHaveBeenLastCalledWith('same');
    view.rerender(<Playground model={modelOf({}, { playing: true })} actions={actions} />);
    fireEvent.click(screen.getByRole('button', { name: 'Pause' }));
    expect(actions.pause).toHaveBeenCalledOnce();
  });

  it('shows the epoch like the playground', () => {
    setup(modelOf({}, { epoch: 1234 }));
    expect(screen.getByText('001,234')).toBeTruthy();
  });

  it('sends each hyper-parameter as a config patch', () => {
    const { actions } = setup();
    const choose = (label: string, option: string): void => {
      const select = screen.getByLabelText(label) as HTMLSelectElement;
      const index = [...select.options].findIndex((o) => o.textContent === option);
      expect(index).toBeGreaterThanOrEqual(0);
      fireEvent.change(select, { target: { value: String(index) } });
    };
    choose('Learning rate', '0.3');
    choose('Activation', 'Leaky ReLU');
    choose('Regularization', 'L2');
    choose('Optimizer', 'Adam');
    choose('Learning-rate schedule', 'Exponential decay');
    choose('Problem type', 'Regression');
    choose('Speed', '300/s');
    expect(actions.setConfig.mock.calls.map(([patch]) => patch)).toEqual([
      { learningRate: 0.3 },
      { activation: 'leakyRelu' },
      { regularization: 'l2' },
      { optimizer: { ...DEFAULT_CONFIG.optimizer, kind: 'adam' } },
      { schedule: { kind: 'exponential', decayRate: 0.5, decayEpochs: 200 } },
      { problem: 'regression', dataset: 'regress-plane', outputLoss: 'linear-square' },
    ]);
    expect(actions.setSpeed).toHaveBeenCalledWith(300);
  });

  it('offers every engine activation and the playground learning rates', () => {
    setup();
    expect((screen.getByLabelText('Activation') as HTMLSelectElement).options).toHaveLength(12);
    expect((screen.getByLabelText('Learning rate') as HTMLSelectElement).options).toHaveLength(LIMITS.learningRates.length);
  });
});

describe('read-only (a student watching)', () => {
  it('shows every control disabled and the shell’s extra button enabled', () => {
    const { actions } = setup(modelOf({}, { readOnly: true }), <button type="button">Fork and experiment</button>);
    for (const name of ['Run', 'Step', 'Reset', 'Add a hidden layer', 'Remove the last hidden layer', 'Regenerate']) {
      expect((screen.getByRole('button', { name }) as HTMLButtonElement).disabled).toBe(true);
    }
    for (const label of ['Learning rate', 'Activation', 'Problem type', 'Optimizer', 'Speed']) {
      expect((screen.getByLabelText(label) as HTMLSelectElement).disabled).toBe(true);
    }
    for (const slider of screen.getAllByRole('slider')) expect((slider as HTMLInputElement).disabled).toBe(true);
    expect((screen.getByRole('button', { name: 'X₁' }) as HTMLButtonElement).disabled).toBe(true);
    expect((screen.getByRole('button', { name: 'Fork and experiment' }) as HTMLButtonElement).disabled).toBe(false);
    // a weight can be read but not edited
    fireEvent.click(document.querySelector('[data-link="1:0:0"]')!);
    expect(screen.queryByRole('textbox')).toBeNull();
    expect(screen.getByRole('tooltip').textContent).toMatch(/^Weight is -?\d\.\d{3}\.$/);
    expect(actions.setWeight).not.toHaveBeenCalled();
  });
});

describe('a neuron on a desktop', () => {
  it('shows in the output panel when clicked, not in a dialog over the network (that is the phone’s)', () => {
    setup(modelOf({ hiddenLayers: [4, 2] }));
    fireEvent.click(screen.getByRole('img', { name: 'neuron 2 of layer 1' }).parentElement!, { clientX: 300, clientY: 200, detail: 1 });
    expect(screen.getByText('Showing one neuron (layer 1, neuron 2).')).toBeTruthy();
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(screen.queryByRole('button', { name: 'Controls' })).toBeNull();
  });
});

describe('network shape', () => {
  it('adds and removes hidden layers and neurons', () => {
    const { actions } = setup(modelOf({ hiddenLayers: [4, 2] }));
    fireEvent.click(screen.getByRole('button', { name: 'Add a hidden layer' }));
    fireEvent.click(screen.getByRole('button', { name: 'Remove the last hidden layer' }));
    fireEvent.click(screen.getByRole('button', { name: 'Add a neuron to layer 1' }));
    fireEvent.click(screen.getByRole('button', { name: 'Remove a neuron from layer 2' }));
    expect(actions.setConfig.mock.calls.map(([patch]) => patch)).toEqual([
      { hiddenLayers: [4, 2, 2] },
      { hiddenLayers: [4] },
      { hiddenLayers: [5, 2] },
      { hiddenLayers: [4, 1] },
    ]);
  });

  it('disables + and − at the limits', () => {
    const full = Array.from({ length: LIMITS.maxHiddenLayers }, (_, i) => (i === 0 ? LIMITS.maxNeurons : 1));
    setup(modelOf({ hiddenLayers: full }));
    expect((screen.getByRole('button', { name: 'Add a hidden layer' }) as HTMLButtonElement).disabled).toBe(true);
    expect((screen.getByRole('button', { name: 'Add a neuron to layer 1' }) as HTMLButtonElement).disabled).toBe(true);
    expect((screen.getByRole('button', { name: 'Remove a neuron from layer 2' }) as HTMLButtonElement).disabled).toBe(true);
    expect((screen.getByRole('button', { name: 'Remove a neuron from layer 1' }) as HTMLButtonElement).disabled).toBe(false);
  });

  it('shows one thumbnail per hidden and output neuron', () => {
    setup(modelOf({ hiddenLayers: [3, 2] }));
    expect(document.querySelectorAll('.pg-neuron canvas')).toHaveLength(3 + 2 + 1);
    expect(document.querySelectorAll('.pg-links:not(.pg-link-hits) path')).toHaveLength(2 * 3 + 3 * 2 + 2);
  });

  it('toggles features but never the last one', () => {
    const { actions } = setup(modelOf({ features: ['x1'] }));
    expect((screen.getByRole('button', { name: 'X₁' }) as HTMLButtonElement).disabled).toBe(true);
    fireEvent.click(screen.getByRole('button', { name: 'sin(X₁)' }));
    expect(actions.setConfig).toHaveBeenCalledWith({ features: ['x1', 'sinx1'] });
  });

  it('edits a weight and a bias', () => {
    const { actions } = setup();
    fireEvent.click(document.querySelector('[data-link="2:1:3"]')!);
    const input = screen.getByRole('textbox');
    fireEvent.change(input, { target: { value: 'abc' } });
    fireEvent.click(screen.getByRole('button', { name: 'Set' }));
    expect(screen.getByText('Enter a number.')).toBeTruthy();
    fireEvent.change(input, { target: { value: '-1.5' } });
    fireEvent.click(screen.getByRole('button', { name: 'Set' }));
    expect(actions.setWeight).toHaveBeenCalledWith(2, 1, 3, -1.5);
    fireEvent.click(screen.getAllByRole('button', { name: /^Bias / })[0]!);
    fireEvent.change(screen.getByRole('textbox'), { target: { value: '0.25' } });
    fireEvent.click(screen.getByRole('button', { name: '±' }));
    fireEvent.submit(screen.getByRole('textbox').closest('form')!);
    expect(actions.setBias).toHaveBeenCalledWith(1, 0, -0.25);
  });
});

describe('data', () => {
  it('offers only the datasets of the problem type and switches dataset', () => {
    const { actions } = setup(modelOf({ problem: 'multiclass', dataset: 'three-class', outputLoss: 'softmax-xent' }));
    const data = screen.getByRole('region', { name: 'Data' });
    const names = within(data)
      .getAllByRole('button', { pressed: false })
      .concat(within(data).getAllByRole('button', { pressed: true }))
      .map((b) => b.getAttribute('aria-label'));
    expect(names.sort()).toEqual(['Four classes', 'Three classes']);
    fireEvent.click(screen.getByRole('button', { name: 'Four classes' }));
    expect(actions.setConfig).toHaveBeenCalledWith({ dataset: 'four-class' });
  });

  it('sends a slider value when it is let go, and regenerates', () => {
    const { actions } = setup();
    const noise = screen.getByLabelText('Noise: 0');
    fireEvent.change(noise, { target: { value: '25' } });
    expect(actions.setConfig).not.toHaveBeenCalled();
    expect(screen.getByLabelText('Noise: 25')).toBe(noise);
    fireEvent.pointerUp(noise);
    expect(actions.setConfig).toHaveBeenCalledWith({ noise: 25 });
    fireEvent.click(screen.getByRole('button', { name: 'Regenerate' }));
    expect(actions.regenerateData).toHaveBeenCalledOnce();
  });
});

describe('output', () => {
  it('shows losses with three decimals and accuracy for classification', () => {
    setup(modelOf({}, { metrics: { trainLoss: 0.12345, testLoss: 0.5, testAccuracy: 0.876 } }));
    expect(screen.getByTestId('train-loss').textContent).toBe('0.123');
    expect(screen.getByTestId('test-loss').textContent).toBe('0.500');
    expect(screen.getByText('88%')).toBeTruthy();
  });

  it('says in words that training diverged, suggests a lower rate and shows no NaN', () => {
    const { view } = setup(
      modelOf({}, { metrics: { diverged: { reason: 'loss is NaN', epoch: 42, kind: 'not-finite' }, trainLoss: null, testLoss: null } }),
    );
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toContain('epoch 42');
    expect(alert.textContent).toContain('Lower the learning rate');
    expect(view.container.textContent).not.toContain('NaN');
    expect((screen.getByRole('button', { name: 'Run' }) as HTMLButtonElement).disabled).toBe(true);
  });

  it('names in the banner the epoch the counter shows (a real run at learning rate 10)', () => {
    const session = new LocalSession({ ...DEFAULT_CONFIG, learningRate: 10 });
    for (let i = 0; i < 100 && session.model.metrics.diverged === null; i++) session.step();
    const model = session.model;
    expect(model.metrics.diverged).not.toBeNull();
    expect(model.epoch).toBeGreaterThan(0);
    setup(model);
    const counter = screen.getByTestId('epoch').textContent!;
    expect(Number(counter.replace(/,/g, ''))).toBe(model.epoch);
    expect(screen.getByRole('alert').textContent).toContain(`epoch ${model.epoch}:`);
  });

  it('explains a saturated network differently', () => {
    setup(modelOf({}, { metrics: { diverged: { reason: 'saturated', epoch: 3, kind: 'saturated' } } }));
    expect(screen.getByRole('alert').textContent).toContain('saturated');
  });
});

describe('language', () => {
  it('switches every label to Chinese and back', () => {
    setup();
    expect(screen.getByText('Learning rate')).toBeTruthy();
    act(() => useLanguageStore.getState().setLanguage('zh-CN'));
    expect(screen.getByText('学习率')).toBeTruthy();
    expect(screen.getByRole('button', { name: '运行' })).toBeTruthy();
    expect(screen.getByText('显示测试数据')).toBeTruthy();
    expect(screen.queryByText('Learning rate')).toBeNull();
    act(() => useLanguageStore.getState().setLanguage('en'));
    expect(screen.getByText('Learning rate')).toBeTruthy();
  });
});
