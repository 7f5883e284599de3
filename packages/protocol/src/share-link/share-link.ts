/**
 * Links that reproduce a set-up (issue 11): the whole practice config and
 * what is shown, in a URL hash, as TensorFlow Playground keeps its state.
 * `configToHash` writes our keys (with `v=1`); `hashToConfig` reads them, or
 * the playground's own keys (playground-link.ts), and ignores what it cannot
 * use field by field, with a note, never a throw.
 */
import {
  ACTIVATION_IDS,
  DATASET_KINDS,
  DEFAULT_OPTIMIZER,
  FEATURE_IDS,
  INIT_IDS,
  OPTIMIZER_IDS,
  OUTPUT_LOSS_IDS,
  PROBLEM_TYPES,
  REGULARIZATION_IDS,
  DEFAULT_CONFIG,
  problemDefaults,
  type CustomPoint,
  type LearningRateSchedule,
  type OptimizerConfig,
  type TrainerConfig,
} from '@playroom/engine';
import {
  DEFAULT_SHARE_VIEW,
  SHARE_LINK_MAX_HASH_CHARS,
  hashEntries,
  noteField,
  readBoolean,
  readList,
  readNumber,
  readOneOf,
  settleConfig,
  type LinkFields,
  type LinkReading,
  type ShareLinkNote,
  type ShareView,
} from './link-fields';
import { isPlaygroundLink, readPlaygroundLink } from './playground-link';

/** The version of our keys; a link without `v` is read as a playground link. */
export const SHARE_LINK_VERSION = 1;

/**
 * Custom points a link carries at most (each ~12 characters, so ~6 KB: what
 * chat apps, QR readers and mail keep whole). A config with more gets a link
 * without them (`pointsLeftOut=N`), which opens the problem's first dataset
 * with a note; a playground file keeps all 2,000.
 */
export const SHARE_LINK_MAX_POINTS = 500;

/** What a link gives: a config the engine accepts, what to show, and what was not used. */
export interface SharedSetup {
  config: TrainerConfig;
  view: ShareView;
  notes: ShareLinkNote[];
}

type Entries = [key: string, value: string | number | boolean][];

/** The hash (without `#`) of a config and view, in our keys. */
export function configToHash(config: TrainerConfig, view: ShareView = DEFAULT_SHARE_VIEW): string {
  const entries: Entries = [
    ['v', SHARE_LINK_VERSION],
    ['problem', config.problem],
    ['dataset', config.dataset],
    ['noise', config.noise],
    ['trainRatio', config.trainRatio],
    ['batchSize', config.batchSize],
    ['dataSeed', config.dataSeed],
    ['seed', config.seed],
    ['features', config.features.join(',')],
    ['hiddenLayers', config.hiddenLayers.join(',')],
    ['activation', config.activation],
  ];
  if (config.layerActivations) entries.push(['layerActivations', config.layerActivations.map((id) => id ?? '_').join(',')]);
  entries.push(
    ['learningRate', config.learningRate],
    ['regularization', config.regularization],
    ['regularizationRate', config.regularizationRate],
    ['outputLoss', config.outputLoss],
    ['initialization', config.initialization],
  );
  if (config.biases !== undefined) entries.push(['biases', config.biases]);
  entries.push(...optimizerEntries(config.optimizer), ...scheduleEntries(config.schedule));
  if (config.customPoints) {
    if (config.customPoints.length <= SHARE_LINK_MAX_POINTS) entries.push(['points', config.customPoints.map(pointText).join(';')]);
    else entries.push(['pointsLeftOut', config.customPoints.length]);
  }
  entries.push(['showTestData', view.showTestData], ['discretize', view.discretize]);
  return entries.map(([key, value]) => `${key}=${encodeValue(String(value))}`).join('&');
}

/** What a link to this config will not carry (custom points beyond SHARE_LINK_MAX_POINTS), for the one who copies it. */
export function shareLinkLeavesOut(config: TrainerConfig): ShareLinkNote[] {
  return (config.customPoints?.length ?? 0) > SHARE_LINK_MAX_POINTS ? [{ field: 'customPoints', problem: 'pointsLeftOut' }] : [];
}

/** The set-up a hash names (ours or the playground's keys); junk gives the default config and a note. Never throws. */
export function hashToConfig(hash: string): SharedSetup {
  const notes: ShareLinkNote[] = [];
  if (hash.length > SHARE_LINK_MAX_HASH_CHARS) return junk();
  const entries = hashEntries(hash);
  if (entries.size === 0) return hash.replace(/^#/, '').trim() === '' ? { config: structuredClone(DEFAULT_CONFIG), view: { ...DEFAULT_SHARE_VIEW }, notes } : junk();
  const read = entries.has('v') || !isPlaygroundLink(entries) ? readOurLink(entries, notes) : readPlaygroundLink(entries, notes);
  if (read.known === 0) return junk();
  return { config: settleConfig(read.fields, notes), view: read.view, notes };
}

function junk(): SharedSetup {
  return { config: structuredClone(DEFAULT_CONFIG), view: { ...DEFAULT_SHARE_VIEW }, notes: [{ field: 'link', problem: 'unreadable' }] };
}

const readInteger = (text: string): number | null => {
  const value = readNumber(text);
  return value !== null && Number.isInteger(value) ? value : null;
};

/** Each of our keys: where its value goes once read (null: not readable). */
const OUR_KEYS: Record<string, (text: string, fields: LinkFields, view: ShareView) => boolean> = {
  v: (text) => readInteger(text) === SHARE_LINK_VERSION,
  problem: set('problem', readOneOf(PROBLEM_TYPES)),
  dataset: set('dataset', readOneOf(DATASET_KINDS)),
  noise: set('noise', readNumber),
  trainRatio: set('trainRatio', readNumber),
  batchSize: set('batchSize', readNumber),
  dataSeed: set('dataSeed', readNumber),
  seed: set('seed', readNumber),
  features: set('features', (text) => readList(text, readOneOf(FEATURE_IDS))),
  hiddenLayers: set('hiddenLayers', (text) => readList(text, readNumber)),
  activation: set('activation', readOneOf(ACTIVATION_IDS)),
  layerActivations: set('layerActivations', readLayerActivations),
  learningRate: set('learningRate', readNumber),
  regularization: set('regularization', (text) => readOneOf(REGULARIZATION_IDS)(text.toLowerCase())),
  regularizationRate: set('regularizationRate', readNumber),
  outputLoss: set('outputLoss', readOneOf(OUTPUT_LOSS_IDS)),
  initialization: set('initialization', readOneOf(INIT_IDS)),
  biases: set('biases', readBoolean),
  optimizer: setOptimizer('kind', readOneOf(OPTIMIZER_IDS)),
  momentum: setOptimizer('momentum', readNumber),
  beta1: setOptimizer('beta1', readNumber),
  beta2: setOptimizer('beta2', readNumber),
  epsilon: setOptimizer('epsilon', readNumber),
  // the schedule's settings are read with it (SCHEDULE_KEYS)
  schedule: () => true,
  decayRate: () => true,
  decayEpochs: () => true,
  factor: () => true,
  patience: () => true,
  minLearningRate: () => true,
  points: set('customPoints', readPoints),
  pointsLeftOut: () => true,
  showTestData: setView('showTestData'),
  discretize: setView('discretize'),
};

function set<K extends keyof LinkFields>(key: K, read: (text: string) => LinkFields[K] | null | undefined) {
  return (text: string, fields: LinkFields): boolean => {
    const value = read(text);
    if (value === null || value === undefined) return false;
    fields[key] = value;
    return true;
  };
}

function setOptimizer<K extends keyof OptimizerConfig>(key: K, read: (text: string) => OptimizerConfig[K] | null) {
  return (text: string, fields: LinkFields): boolean => {
    const value = read(text);
    if (value === null) return false;
    fields.optimizer = { ...fields.optimizer, [key]: value };
    return true;
  };
}

function setView(key: keyof ShareView) {
  return (text: string, _fields: LinkFields, view: ShareView): boolean => {
    const value = readBoolean(text);
    if (value === null) return false;
    view[key] = value;
    return true;
  };
}

function readOurLink(entries: Map<string, string>, notes: ShareLinkNote[]): LinkReading {
  const fields: LinkFields = {};
  const view = { ...DEFAULT_SHARE_VIEW };
  let known = 0;
  for (const [key, text] of entries) {
    const read = Object.hasOwn(OUR_KEYS, key) ? OUR_KEYS[key]! : null;
    if (!read) {
      notes.push({ field: noteField(key), problem: 'unknownKey' });
      continue;
    }
    known++;
    if (!read(text, fields, view)) notes.push({ field: key, problem: 'badValue' });
  }
  const schedule = readSchedule(entries);
  if (schedule === null) notes.push({ field: 'schedule', problem: 'badValue' });
  else if (schedule) fields.schedule = schedule;
  if (entries.has('pointsLeftOut')) {
    notes.push({ field: 'customPoints', problem: 'pointsLeftOut' });
    delete fields.customPoints;
    if (fields.dataset === 'custom') fields.dataset = problemDefaults(fields.problem ?? DEFAULT_CONFIG.problem).dataset;
  }
  return { fields, view, known };
}

/** The schedule and the settings of its kind (undefined: the link names none; null: not readable). */
function readSchedule(entries: Map<string, string>): LearningRateSchedule | null | undefined {
  const kind = entries.get('schedule');
  const number = (key: string): number => readNumber(entries.get(key) ?? '') ?? Number.NaN;
  switch (kind) {
    case undefined:
      return undefined;
    case 'constant':
      return { kind };
    case 'exponential': {
      const schedule = { kind, decayRate: number('decayRate'), decayEpochs: number('decayEpochs') };
      return Number.isNaN(schedule.decayRate + schedule.decayEpochs) ? null : schedule;
    }
    case 'plateau': {
      const schedule = { kind, factor: number('factor'), patience: number('patience'), minLearningRate: number('minLearningRate') };
      return Number.isNaN(schedule.factor + schedule.patience + schedule.minLearningRate) ? null : schedule;
    }
    default:
      return null;
  }
}

function optimizerEntries(optimizer: OptimizerConfig): Entries {
  const entries: Entries = [['optimizer', optimizer.kind]];
  // settings at their defaults are left out: a shorter link that reads back the same
  for (const key of ['momentum', 'beta1', 'beta2', 'epsilon'] as const) {
    if (optimizer[key] !== DEFAULT_OPTIMIZER[key]) entries.push([key, optimizer[key]]);
  }
  return entries;
}

function scheduleEntries(schedule: LearningRateSchedule): Entries {
  switch (schedule.kind) {
    case 'constant':
      return [['schedule', 'constant']];
    case 'exponential':
      return [['schedule', 'exponential'], ['decayRate', schedule.decayRate], ['decayEpochs', schedule.decayEpochs]];
    case 'plateau':
      return [['schedule', 'plateau'], ['factor', schedule.factor], ['patience', schedule.patience], ['minLearningRate', schedule.minLearningRate]];
    default:
      return exhaustive(schedule);
  }
}

function exhaustive(value: never): never {
  throw new Error(`unexpected ${JSON.stringify(value)}`);
}

/** Activation ids by layer, `_` for a layer that uses `activation` (so `[null]` is `_` and `[]` is empty). */
function readLayerActivations(text: string): TrainerConfig['layerActivations'] | null {
  if (text === '') return [];
  const ids = text.split(',').map((part) => (part === '_' || part === '' ? null : (readOneOf(ACTIVATION_IDS)(part) ?? 'bad')));
  return ids.includes('bad') ? null : (ids as TrainerConfig['layerActivations']);
}

/** A point as `x,y,label`, points joined by `;`. */
function pointText(point: CustomPoint): string {
  return `${point.x},${point.y},${point.label}`;
}

function readPoints(text: string): CustomPoint[] | null {
  if (text === '') return [];
  const parts = text.split(';');
  if (parts.length > SHARE_LINK_MAX_POINTS) return null;
  const points: CustomPoint[] = [];
  for (const part of parts) {
    const numbers = readList(part, readNumber);
    if (numbers?.length !== 3) return null;
    const [x, y, label] = numbers as [number, number, number];
    points.push({ x, y, label });
  }
  return points;
}

/** Values are ids, numbers and `,;` lists: only what a fragment cannot hold as it is is escaped. */
function encodeValue(text: string): string {
  return text.replace(/[^A-Za-z0-9.,;:_~-]/g, (c) => encodeURIComponent(c));
}
