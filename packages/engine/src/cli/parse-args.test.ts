import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../config';
import { PLAYGROUND_FEATURES } from '../features';
import { CliUsageError, DEFAULT_EPOCHS, flagForField, parseArgs, reportInterval, type ParsedArgs } from './parse-args';
import { helpText } from './help-text';
import { FLAGS } from './cli-flags';
import { PRESET_IDS, findPreset, presetConfig } from '../presets';

function run(argv: string[]): Extract<ParsedArgs, { kind: 'run' }> {
  const parsed = parseArgs(argv);
  if (parsed.kind !== 'run') throw new Error('expected a run');
  return parsed;
}

function usageError(argv: string[]): CliUsageError {
  try {
    parseArgs(argv);
  } catch (error) {
    if (error instanceof CliUsageError) return error;
    throw error;
  }
  throw new Error(`parseArgs(${argv.join(' ')}) did not throw`);
}

describe('parseArgs', () => {
  it('gives the playground defaults with no flags', () => {
    const { config, options } = run([]);
    expect(config).toEqual(DEFAULT_CONFIG);
    expect(options).toEqual({ epochs: DEFAULT_EPOCHS, every: null, json: false, preset: null, from: null, session: 0, save: null });
  });

  it('reads every kind of flag, in both --flag value and --flag=value forms', () => {
    const { config, options } = run([
      '--dataset', 'spiral', '--features', 'all', '--shape=8,8,8', '--activation', 'relu',
      '--layer-activations', 'tanh,-,sigmoid', '--learning-rate', '0.01', '--epochs', '500', '--seed', '7',
      '--data-seed=3', '--noise', '10', '--train-ratio', '70', '--batch-size', '25', '--regularization', 'l2',
      '--regularization-rate', '0.001', '--optimizer', 'adam', '--beta1', '0.8', '--output-loss', 'sigmoid-xent',
      '--init', 'zero', '--every', '50', '--json', '--biases', 'off',
    ]);
    expect(config).toMatchObject({
      dataset: 'spiral', problem: 'classification',
      hiddenLayers: [8, 8, 8], activation: 'relu', layerActivations: ['tanh', null, 'sigmoid'], learningRate: 0.01,
      seed: 7, dataSeed: 3, noise: 10, trainRatio: 70, batchSize: 25, regularization: 'l2', regularizationRate: 0.001,
      outputLoss: 'sigmoid-xent', initialization: 'zero', biases: false,
    });
    expect(config.features).toHaveLength(9);
    expect(config.optimizer).toEqual({ ...DEFAULT_CONFIG.optimizer, kind: 'adam', beta1: 0.8 });
    expect(options).toEqual({ epochs: 500, every: 50, json: true, preset: null, from: null, session: 0, save: null });
  });

  it('expands the feature presets and reads comma lists', () => {
    expect(run(['--features', 'playground']).config.features).toEqual(PLAYGROUND_FEATURES);
    expect(run(['--features', 'x1, x1x2 ,cosx2']).config.features).toEqual(['x1', 'x1x2', 'cosx2']);
    expect(usageError(['--features', 'x1,x3']).message).toMatch(/--features: "x3" is not one of x1, x2, x1sq/);
  });

  it('accepts a network without hidden layers', () => {
    expect(run(['--shape', 'none']).config.hiddenLayers).toEqual([]);
  });

  it('matches the problem and the loss to the dataset unless given', () => {
    expect(run(['--dataset', 'three-class']).config).toMatchObject({ problem: 'multiclass', outputLoss: 'softmax-xent' });
    expect(run(['--dataset', 'regress-gauss']).config).toMatchObject({ problem: 'regression', outputLoss: 'linear-square' });
    expect(run(['--problem', 'regression']).config).toMatchObject({ dataset: 'regress-plane', outputLoss: 'linear-square' });
    expect(run(['--dataset', 'xor', '--problem', 'multiclass']).config).toMatchObject({ dataset: 'xor', problem: 'multiclass' });
    expect(run(['--dataset', 'xor', '--output-loss', 'sigmoid-xent']).config.outputLoss).toBe('sigmoid-xent');
  });

  it('builds schedules from their flags with defaults for the rest', () => {
    expect(run(['--schedule', 'exponential', '--decay-rate', '0.9']).config.schedule).toEqual({
      kind: 'exponential', decayRate: 0.9, decayEpochs: 100,
    });
    expect(run(['--schedule', 'plateau', '--plateau-patience', '5']).config.schedule).toEqual({
      kind: 'plateau', factor: 0.5, patience: 5, minLearningRate: 0.00001,
    });
    expect(run(['--decay-rate', '0.9']).config.schedule).toEqual({ kind: 'constant' });
  });

  it('starts from a --config JSON that later flags override', () => {
    const base = JSON.stringify({ dataset: 'gauss', learningRate: 0.3, hiddenLayers: [2] });
    const { config } = run(['--config', base, '--learning-rate', '0.1']);
    expect(config).toMatchObject({ dataset: 'gauss', learningRate: 0.1, hiddenLayers: [2] });
    expect(usageError(['--config', '[1]']).flag).toBe('--config');
  });

  it('parses custom points as JSON', () => {
    const points = [{ x: 1, y: 2, label: 1 }];
    expect(run(['--dataset', 'custom', '--custom-points', JSON.stringify(points)]).config.customPoints).toEqual(points);
    expect(usageError(['--custom-points', '{oops']).message).toMatch(/JSON array/);
  });

  it('returns help for --help and -h, wherever they are', () => {
    expect(parseArgs(['--epochs', '3', '--help'])).toEqual({ kind: 'help' });
    expect(parseArgs(['-h'])).toEqual({ kind: 'help' });
  });

  it('names the flag and the allowed values in every usage error', () => {
    const cases: [string[], string, RegExp][] = [
      [['--activation', 'relux'], '--activation', /not one of relu, tanh, sigmoid/],
      [['--dataset', 'moon'], '--dataset', /not one of circle, xor/],
      [['--optimizer', 'rmsprop'], '--optimizer', /sgd, momentum, adam/],
      [['--learning-rate', 'fast'], '--learning-rate', /expected a number/],
      [['--epochs', '2.5'], '--epochs', /whole number/],
      [['--every', '0'], '--every', /≥ 1/],
      [['--shape', '4,x'], '--shape', /whole number/],
      [['--epochs'], '--epochs', /needs a value/],
      [['--seed', '--json'], '--seed', /needs a value/],
      [['--json=yes'], '--json', /takes no value/],
      [['--colour', 'red'], '--colour', /unknown flag/],
      [['--seed', '1', '--seed', '2'], '--seed', /given twice/],
    ];
    for (const [argv, flag, message] of cases) {
      const error = usageError(argv);
      expect(error.flag).toBe(flag);
      expect(error.message).toMatch(message);
    }
    expect(usageError(['spiral']).message).toMatch(/unexpected argument "spiral"/);
  });

  it('--preset loads the preset config and epochs; flags after it override, --epochs anywhere', () => {
    const preset = findPreset('overfitting')!;
    const loaded = run(['--preset', 'overfitting']);
    expect(loaded.config).toEqual(presetConfig(preset));
    expect(loaded.options).toMatchObject({ epochs: preset.epochs, preset: 'overfitting' });

    const changed = run(['--preset', 'overfitting', '--regularization', 'l2', '--regularization-rate', '0.03', '--shape', '4']);
    expect(changed.config).toEqual({ ...presetConfig(preset), regularization: 'l2', regularizationRate: 0.03, hiddenLayers: [4] });
    expect(run(['--preset', 'overfitting', '--epochs', '7']).options.epochs).toBe(7);
    expect(run(['--epochs', '7', '--preset', 'overfitting']).options.epochs).toBe(7);
    expect(run(['--json', '--preset', 'plateau', '--plateau-patience', '3']).config.schedule).toMatchObject({
      kind: 'plateau', patience: 3, factor: 0.5,
    });
    // a preset's own output/loss survives the defaults that follow the dataset
    expect(run(['--preset', 'exploding-gradients']).config.outputLoss).toBe('linear-square');
  });

  it('--preset: an unknown id names the known ones; config flags before it are refused', () => {
    const unknown = usageError(['--preset', 'xor']);
    expect(unknown.flag).toBe('--preset');
    for (const id of PRESET_IDS) expect(unknown.message).toContain(id);
    expect(usageError(['--shape', '4', '--preset', 'xor-tanh']).message).toMatch(/--preset: give it before/);
    expect(usageError(['--schedule', 'plateau', '--preset', 'xor-tanh']).flag).toBe('--preset');
  });

  it('returns the preset list for --list-presets', () => {
    expect(parseArgs(['--list-presets'])).toEqual({ kind: 'list-presets' });
    expect(parseArgs(['--json', '--list-presets'])).toEqual({ kind: 'list-presets' });
  });

  it('takes negative numbers as values', () => {
    expect(run(['--seed', '-5']).config.seed).toBe(-5);
  });
});

describe('flagForField', () => {
  it('maps config fields from validation errors back to flags', () => {
    expect(flagForField('learningRate')).toBe('--learning-rate');
    expect(flagForField('hiddenLayers[2]')).toBe('--shape');
    expect(flagForField('optimizer.beta2')).toBe('--beta2');
    expect(flagForField('optimizer.kind')).toBe('--optimizer');
    expect(flagForField('schedule.decayEpochs')).toBe('--decay-epochs');
    expect(flagForField('customPoints[3].label')).toBe('--custom-points');
    expect(flagForField('somethingElse')).toBe('somethingElse');
  });
});

describe('reportInterval', () => {
  it('prints about ten rows for people and every epoch for machines unless told', () => {
    expect(reportInterval({ epochs: 500, every: null, json: false })).toBe(50);
    expect(reportInterval({ epochs: 5, every: null, json: false })).toBe(1);
    expect(reportInterval({ epochs: 500, every: null, json: true })).toBe(1);
    expect(reportInterval({ epochs: 500, every: 7, json: true })).toBe(7);
  });
});

describe('helpText', () => {
  it('documents every flag', () => {
    const text = helpText();
    for (const flag of FLAGS) expect(text).toContain(flag.name);
    for (const id of PRESET_IDS) expect(text).toContain(id);
  });
});
