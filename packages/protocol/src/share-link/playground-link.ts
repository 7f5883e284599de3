/**
 * TensorFlow Playground's own hash keys (playground.tensorflow.org links),
 * read into our config. Its state keeps one dataset key per problem
 * (`dataset` for classification, `regDataset` for regression), one boolean
 * key per input feature, `networkShape`, `percTrainData`, `initZero`, and a
 * seed that is a string; every key it writes is known here, the ones with no
 * meaning in Playroom (`collectStats`, `hideText`, `tutorial`, `showBias`,
 * `…_hide`) are skipped quietly.
 */
import { FEATURE_IDS, problemDefaults, type DatasetKind, type FeatureId, type ProblemType, type TrainerConfig } from '@playroom/engine';
import { DEFAULT_SHARE_VIEW, noteField, readBoolean, readList, readNumber, type LinkFields, type LinkReading, type ShareLinkNote, type ShareView } from './link-fields';

/** The playground's feature keys, in its own words → ours. */
export const PLAYGROUND_FEATURE_KEYS: Record<string, FeatureId> = {
  x: 'x1',
  y: 'x2',
  xSquared: 'x1sq',
  ySquared: 'x2sq',
  xTimesY: 'x1x2',
  sinX: 'sinx1',
  sinY: 'sinx2',
  cosX: 'cosx1',
  cosY: 'cosx2',
};

const CLASSIFICATION_DATASETS: Record<string, DatasetKind> = { circle: 'circle', xor: 'xor', gauss: 'gauss', spiral: 'spiral' };
const REGRESSION_DATASETS: Record<string, DatasetKind> = { 'reg-plane': 'regress-plane', 'reg-gauss': 'regress-gauss' };
const PROBLEMS: Record<string, ProblemType> = { classification: 'classification', regression: 'regression' };
const ACTIVATIONS: Record<string, TrainerConfig['activation']> = { relu: 'relu', tanh: 'tanh', sigmoid: 'sigmoid', linear: 'linear' };
const REGULARIZATIONS: Record<string, TrainerConfig['regularization']> = { none: 'none', L1: 'l1', L2: 'l2' };

/** Keys the playground writes that mean nothing here (its statistics, its text, its tutorials, hidden controls). */
const SKIPPED = new Set(['collectStats', 'hideText', 'tutorial', 'showBias']);

/** Keys only the playground writes: one of them and no `v` makes a link the playground's. */
const PLAYGROUND_ONLY = ['networkShape', 'percTrainData', 'regDataset', 'initZero', 'collectStats', 'hideText', ...Object.keys(PLAYGROUND_FEATURE_KEYS)];

export function isPlaygroundLink(entries: Map<string, string>): boolean {
  return PLAYGROUND_ONLY.some((key) => entries.has(key));
}

/**
 * The playground's seed (any string, e.g. `0.12345`) as our integer seed:
 * FNV-1a of its text, so one link always gives one network here (not the
 * playground's own weights: the engines draw them differently).
 */
export function playgroundSeed(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

function lookup<T>(table: Record<string, T>, text: string): T | null {
  return Object.hasOwn(table, text) ? table[text]! : null;
}

/** What a playground link names, in our fields. */
export function readPlaygroundLink(entries: Map<string, string>, notes: ShareLinkNote[]): LinkReading {
  const fields: LinkFields = {};
  const view: ShareView = { ...DEFAULT_SHARE_VIEW };
  const features = new Set<FeatureId>(['x1', 'x2']);
  let known = 0;
  const bad = (key: string) => notes.push({ field: key, problem: 'badValue' });
  const problemText = entries.get('problem');
  const problem = problemText === undefined ? 'classification' : lookup(PROBLEMS, problemText);
  if (problem === null) bad('problem');

  for (const [key, text] of entries) {
    if (SKIPPED.has(key) || key.endsWith('_hide')) {
      known++;
      continue;
    }
    const feature = lookup(PLAYGROUND_FEATURE_KEYS, key);
    if (feature !== null) {
      known++;
      const on = readBoolean(text);
      if (on === null) bad(key);
      else if (on) features.add(feature);
      else features.delete(feature);
      continue;
    }
    const ok = readKey(key, text, fields, view, problem ?? 'classification');
    if (ok === 'unknown') notes.push({ field: noteField(key), problem: 'unknownKey' });
    else {
      known++;
      if (!ok) bad(key);
    }
  }
  if (problem !== null) Object.assign(fields, { ...problemDefaults(problem), ...datasetOf(fields) });
  fields.features = FEATURE_IDS.filter((id) => features.has(id));
  return { fields, view, known };
}

function datasetOf(fields: LinkFields): Pick<LinkFields, 'dataset'> {
  return fields.dataset ? { dataset: fields.dataset } : {};
}

/** One playground key into `fields` or `view`: true, false (a bad value) or 'unknown'. */
function readKey(key: string, text: string, fields: LinkFields, view: ShareView, problem: ProblemType): boolean | 'unknown' {
  const number = readNumber(text);
  switch (key) {
    case 'problem':
      return true; // read first, above
    case 'dataset':
    case 'regDataset': {
      // the playground keeps both; the one of the link's problem is used
      const dataset = lookup(key === 'dataset' ? CLASSIFICATION_DATASETS : REGRESSION_DATASETS, text);
      if ((key === 'dataset') === (problem === 'classification') && dataset !== null) fields.dataset = dataset;
      return dataset !== null;
    }
    case 'activation':
      return assign(fields, 'activation', lookup(ACTIVATIONS, text));
    case 'regularization':
      return assign(fields, 'regularization', lookup(REGULARIZATIONS, text));
    case 'learningRate':
    case 'regularizationRate':
    case 'noise':
    case 'batchSize':
      return assign(fields, key, number);
    case 'percTrainData':
      return assign(fields, 'trainRatio', number);
    case 'networkShape':
      return assign(fields, 'hiddenLayers', readList(text, readNumber));
    case 'seed':
      // the playground seeds its data and its weights from this one string (an empty one it ignores, and so do we)
      if (text.trim() !== '') fields.seed = fields.dataSeed = playgroundSeed(text);
      return true;
    case 'initZero': {
      const zero = readBoolean(text);
      return assign(fields, 'initialization', zero === null ? null : zero ? 'zero' : 'uniform');
    }
    case 'showTestData':
    case 'discretize': {
      const on = readBoolean(text);
      if (on !== null) view[key] = on;
      return on !== null;
    }
    default:
      return 'unknown';
  }
}

function assign<K extends keyof LinkFields>(fields: LinkFields, key: K, value: LinkFields[K] | null): boolean {
  if (value === null || value === undefined) return false;
  fields[key] = value;
  return true;
}
