import fc from 'fast-check';
import {
  ACTIVATION_IDS,
  DEFAULT_CONFIG,
  FEATURE_IDS,
  INIT_IDS,
  LIMITS,
  OPTIMIZER_IDS,
  OUTPUT_LOSSES_FOR_PROBLEM,
  PROBLEM_TYPES,
  REGULARIZATION_IDS,
  createTrainer,
  datasetsForProblem,
  validateConfig,
  type CustomPoint,
  type LearningRateSchedule,
  type ProblemType,
  type TrainerConfig,
} from '@playroom/engine';
import { describe, expect, it } from 'vitest';
import { TrainerConfigSchema } from '../schemas/config-schema';
import { createValidator } from '../validation';
import { SHARE_LINK_MAX_POINTS, configToHash, hashToConfig, shareLinkLeavesOut } from './share-link';

const checkSchema = createValidator(TrainerConfigSchema);
/** a double in range, never -0 (a link writes -0 as 0) */
const num = (min: number, max: number, options: { minExcluded?: boolean; maxExcluded?: boolean } = {}) =>
  fc.double({ min, max, noNaN: true, ...options }).map((x) => (x === 0 ? 0 : x));
const seedArb = fc.integer({ min: 0, max: 0xffffffff });

const scheduleArb: fc.Arbitrary<LearningRateSchedule> = fc.oneof(
  fc.constant({ kind: 'constant' as const }),
  fc.record({ kind: fc.constant('exponential' as const), decayRate: num(0, 1, { minExcluded: true }), decayEpochs: num(LIMITS.decayEpochs.min, LIMITS.decayEpochs.max) }),
  fc.record({
    kind: fc.constant('plateau' as const),
    factor: num(0, 1, { minExcluded: true }),
    patience: fc.integer({ min: LIMITS.patience.min, max: LIMITS.patience.max }),
    minLearningRate: num(LIMITS.learningRate.min, LIMITS.learningRate.max),
  }),
);

function pointsArb(problem: ProblemType): fc.Arbitrary<CustomPoint[]> {
  const label = problem === 'classification' ? fc.constantFrom(-1, 1) : problem === 'multiclass' ? fc.integer({ min: 0, max: LIMITS.maxClasses - 1 }) : num(-1, 1);
  const at = num(-LIMITS.domain, LIMITS.domain);
  return fc.array(fc.record({ x: at, y: at, label }), { minLength: 1, maxLength: SHARE_LINK_MAX_POINTS });
}

/** Any config the engine and the schema accept, generated within LIMITS. */
const configArb: fc.Arbitrary<TrainerConfig> = fc
  .constantFrom(...PROBLEM_TYPES)
  .chain((problem) =>
    fc.record(
      {
        problem: fc.constant(problem),
        dataset: fc.constantFrom(...datasetsForProblem(problem)),
        noise: num(LIMITS.noise.min, LIMITS.noise.max),
        trainRatio: num(LIMITS.trainRatio.min, LIMITS.trainRatio.max),
        dataSeed: seedArb,
        customPoints: pointsArb(problem),
        features: fc.shuffledSubarray([...FEATURE_IDS]),
        hiddenLayers: fc.array(fc.integer({ min: LIMITS.minNeurons, max: LIMITS.maxNeurons }), { maxLength: LIMITS.maxHiddenLayers }),
        activation: fc.constantFrom(...ACTIVATION_IDS),
        layerActivations: fc.array(fc.option(fc.constantFrom(...ACTIVATION_IDS), { nil: null }), { maxLength: LIMITS.maxHiddenLayers }),
        outputLoss: fc.constantFrom(...OUTPUT_LOSSES_FOR_PROBLEM[problem]),
        initialization: fc.constantFrom(...INIT_IDS),
        biases: fc.boolean(),
        seed: seedArb,
        learningRate: num(LIMITS.learningRate.min, LIMITS.learningRate.max),
        schedule: scheduleArb,
        optimizer: fc.record({
          kind: fc.constantFrom(...OPTIMIZER_IDS),
          momentum: num(0, 1, { maxExcluded: true }),
          beta1: num(0, 1, { maxExcluded: true }),
          beta2: num(0, 1, { maxExcluded: true }),
          epsilon: num(0, 1, { minExcluded: true }),
        }),
        regularization: fc.constantFrom(...REGULARIZATION_IDS),
        regularizationRate: num(LIMITS.regularizationRate.min, LIMITS.regularizationRate.max),
        batchSize: fc.integer({ min: LIMITS.batchSize.min, max: LIMITS.batchSize.max }),
      },
      // the optional fields are sometimes absent; custom points are there when the dataset is custom
      { requiredKeys: ['problem', 'dataset', 'noise', 'trainRatio', 'dataSeed', 'features', 'hiddenLayers', 'activation', 'outputLoss', 'initialization', 'seed', 'learningRate', 'schedule', 'optimizer', 'regularization', 'regularizationRate', 'batchSize'] },
    ),
  )
  .filter((config) => config.dataset !== 'custom' || config.customPoints !== undefined)
  .map((config) => config as TrainerConfig);

const viewArb = fc.record({ showTestData: fc.boolean(), discretize: fc.boolean() });

/** A config the engine accepts, whatever the link was. */
function expectUsable(config: TrainerConfig): void {
  expect(() => validateConfig(config)).not.toThrow();
  expect(checkSchema(config).ok).toBe(true);
}

describe('share links: our keys', () => {
  it('every valid config and view → hash → the same config and view, no notes', () => {
    fc.assert(
      fc.property(configArb, viewArb, (config, view) => {
        expectUsable(config);
        expect(hashToConfig(`#${configToHash(config, view)}`)).toEqual({ config, view, notes: [] });
      }),
      { seed: 11, numRuns: 400 },
    );
  });

  it('the same link builds the same network, bit for bit', () => {
    const config: TrainerConfig = { ...DEFAULT_CONFIG, features: ['x1', 'x2', 'x1x2'], hiddenLayers: [5, 3], seed: 987654321, dataSeed: 42 };
    const opened = hashToConfig(configToHash(config)).config;
    expect(Array.from(createTrainer(opened).network.params)).toEqual(Array.from(createTrainer(config).network.params));
  });

  it('the default config is a link of a few hundred characters', () => {
    expect(configToHash(DEFAULT_CONFIG).length).toBeLessThan(400);
    expect(configToHash(DEFAULT_CONFIG)).toMatch(/^v=1&problem=classification&dataset=circle&/);
  });

  it(`custom points above ${SHARE_LINK_MAX_POINTS} are left out of the link, and both ends say so`, () => {
    const customPoints = Array.from({ length: SHARE_LINK_MAX_POINTS + 1 }, (_, i) => ({ x: (i % 12) - 6, y: 0.5, label: i % 2 ? 1 : -1 }));
    const config: TrainerConfig = { ...DEFAULT_CONFIG, dataset: 'custom', customPoints };
    expect(shareLinkLeavesOut(config)).toEqual([{ field: 'customPoints', problem: 'pointsLeftOut' }]);
    const hash = configToHash(config);
    expect(hash).toContain(`pointsLeftOut=${SHARE_LINK_MAX_POINTS + 1}`);
    const opened = hashToConfig(hash);
    expect(opened.config).toEqual({ ...DEFAULT_CONFIG });
    expect(opened.notes).toEqual([{ field: 'customPoints', problem: 'pointsLeftOut' }]);
  });

  it('a bad value is ignored field by field, with a note naming it', () => {
    const hash = configToHash({ ...DEFAULT_CONFIG, learningRate: 0.3, hiddenLayers: [3] })
      .replace('learningRate=0.3', 'learningRate=99')
      .replace('activation=tanh', 'activation=wobble');
    const opened = hashToConfig(`${hash}&colour=red`);
    expect(opened.config).toEqual({ ...DEFAULT_CONFIG, hiddenLayers: [3] });
    expect(opened.notes).toEqual(
      expect.arrayContaining([
        { field: 'learningRate', problem: 'badValue' },
        { field: 'activation', problem: 'badValue' },
        { field: 'colour', problem: 'unknownKey' },
      ]),
    );
    expect(opened.notes).toHaveLength(3);
  });

  it('a dataset that does not fit the problem falls back to the problem’s first', () => {
    const opened = hashToConfig('v=1&problem=multiclass&dataset=regress-gauss&outputLoss=softmax-xent');
    expect(opened.config).toMatchObject({ problem: 'multiclass', dataset: 'three-class', outputLoss: 'softmax-xent' });
    expect(opened.notes).toEqual([{ field: 'dataset', problem: 'badValue' }]);
  });

  it('an empty hash is the default config without a note; junk is the default with one', () => {
    expect(hashToConfig('')).toEqual({ config: DEFAULT_CONFIG, view: { showTestData: false, discretize: false }, notes: [] });
    expect(hashToConfig('#')).toMatchObject({ notes: [] });
    for (const junk of ['#%E0%A4%A', '#hello', '#&&&', '#=1=2', `#${'x'.repeat(300_000)}`]) {
      expect(hashToConfig(junk), junk).toEqual({ config: DEFAULT_CONFIG, view: { showTestData: false, discretize: false }, notes: [{ field: 'link', problem: 'unreadable' }] });
    }
  });

  it('random strings never throw and always give a usable config', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.webFragments()), (hash) => {
        expectUsable(hashToConfig(hash).config);
      }),
      { seed: 12, numRuns: 1000 },
    );
  });

  it('random key=value junk never throws and always gives a usable config with a note per bad part', () => {
    const keys = fc.oneof(
      fc.constantFrom('v', 'problem', 'dataset', 'noise', 'trainRatio', 'batchSize', 'seed', 'dataSeed', 'features', 'hiddenLayers', 'layerActivations', 'activation', 'optimizer', 'beta1', 'epsilon', 'schedule', 'decayRate', 'patience', 'points', 'pointsLeftOut', 'biases', 'outputLoss', 'showTestData'),
      fc.constantFrom('networkShape', 'percTrainData', 'regDataset', 'x', 'sinY', 'initZero', 'regularization', '__proto__', 'constructor', 'toString', 'hasOwnProperty'),
      fc.string({ maxLength: 6 }),
    );
    const values = fc.oneof(
      fc.string({ maxLength: 12 }),
      fc.constantFrom('1', '-1', '0', '1e400', 'NaN', 'Infinity', 'true', 'false', '', ',', '3,3,3,3,3,3,3', '9', 'custom', 'spiral', 'regression', 'multiclass', 'adam', 'plateau', 'exponential', '0.5,0.5,7', 'relu,,tanh', 'L2', 'x1,x1'),
      fc.double().map(String),
    );
    fc.assert(
      fc.property(fc.array(fc.tuple(keys, values), { maxLength: 12 }), (pairs) => {
        const hash = `#${pairs.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&')}`;
        const opened = hashToConfig(hash);
        expectUsable(opened.config);
        for (const note of opened.notes) expect(['unknownKey', 'badValue', 'pointsLeftOut', 'unreadable']).toContain(note.problem);
      }),
      { seed: 13, numRuns: 1500 },
    );
  });
});
