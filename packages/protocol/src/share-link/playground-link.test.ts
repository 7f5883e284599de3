import { DEFAULT_CONFIG, createTrainer } from '@playroom/engine';
import { describe, expect, it } from 'vitest';
import { playgroundSeed } from './playground-link';
import { hashToConfig } from './share-link';

/** What playground.tensorflow.org writes for its first screen (its seed aside). */
const PLAYGROUND_DEFAULT =
  '#activation=tanh&batchSize=10&dataset=circle&regDataset=reg-plane&learningRate=0.03&regularizationRate=0&noise=0&networkShape=4,2&seed=0.12345&showTestData=false&discretize=false&percTrainData=50&x=true&y=true&xTimesY=false&xSquared=false&ySquared=false&cosX=false&sinX=false&cosY=false&sinY=false&collectStats=false&problem=classification&initZero=false&hideText=false';

describe('share links: TensorFlow Playground keys', () => {
  it('the playground’s first screen is our default config, its seed mapped', () => {
    const seed = playgroundSeed('0.12345');
    expect(hashToConfig(PLAYGROUND_DEFAULT)).toEqual({
      config: { ...DEFAULT_CONFIG, seed, dataSeed: seed },
      view: { showTestData: false, discretize: false },
      notes: [],
    });
  });

  it('the playground’s seed maps to one integer seed, always the same, so one link gives one network', () => {
    expect(playgroundSeed('0.12345')).toBe(playgroundSeed('0.12345'));
    expect(playgroundSeed('0.12345')).not.toBe(playgroundSeed('0.12346'));
    expect(Number.isInteger(playgroundSeed('anything at all'))).toBe(true);
    const a = createTrainer(hashToConfig(PLAYGROUND_DEFAULT).config);
    const b = createTrainer(hashToConfig(PLAYGROUND_DEFAULT).config);
    expect(Array.from(a.network.params)).toEqual(Array.from(b.network.params));
  });

  it('a spiral set-up: features, shape, split, L2, ReLU, zero init, the view', () => {
    const hash =
      '#activation=relu&batchSize=3&dataset=spiral&regDataset=reg-plane&learningRate=0.01&regularizationRate=0.003&regularization=L2&noise=25&networkShape=8,8,5&seed=0.77&showTestData=true&discretize=true&percTrainData=70&x=true&y=true&xTimesY=true&xSquared=true&ySquared=true&cosX=false&sinX=true&cosY=false&sinY=true&collectStats=false&problem=classification&initZero=true&hideText=true&activation_hide=true';
    const seed = playgroundSeed('0.77');
    expect(hashToConfig(hash)).toEqual({
      config: {
        ...DEFAULT_CONFIG,
        dataset: 'spiral',
        activation: 'relu',
        batchSize: 3,
        learningRate: 0.01,
        regularization: 'l2',
        regularizationRate: 0.003,
        noise: 25,
        hiddenLayers: [8, 8, 5],
        trainRatio: 70,
        features: ['x1', 'x2', 'x1sq', 'x2sq', 'x1x2', 'sinx1', 'sinx2'],
        initialization: 'zero',
        seed,
        dataSeed: seed,
      },
      view: { showTestData: true, discretize: true },
      notes: [],
    });
  });

  it('regression takes regDataset (reg-gauss → regress-gauss) and the regression output', () => {
    const opened = hashToConfig('#problem=regression&dataset=xor&regDataset=reg-gauss&networkShape=&x=true&y=false&regularization=L1');
    expect(opened.config).toMatchObject({
      problem: 'regression',
      dataset: 'regress-gauss',
      outputLoss: 'linear-square',
      hiddenLayers: [],
      features: ['x1'],
      regularization: 'l1',
    });
    expect(opened.notes).toEqual([]);
  });

  it('what Playroom cannot use is ignored key by key, with a note', () => {
    const opened = hashToConfig('#dataset=moons&activation=gelu&networkShape=4,99&batchSize=500&percTrainData=50&x=maybe&r=true&tutorial=dropout');
    expect(opened.config).toEqual({ ...DEFAULT_CONFIG });
    expect(opened.notes).toEqual(
      expect.arrayContaining([
        { field: 'dataset', problem: 'badValue' },
        { field: 'activation', problem: 'badValue' },
        { field: 'x', problem: 'badValue' },
        { field: 'r', problem: 'unknownKey' },
        { field: 'hiddenLayers', problem: 'badValue' },
        { field: 'batchSize', problem: 'badValue' },
      ]),
    );
    expect(opened.notes).toHaveLength(6);
  });
});
