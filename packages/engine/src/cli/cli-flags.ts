/**
 * Every flag of `playroom-train`: its name, what it sets, and how its text
 * value is read. The parser and the help text are both driven by this table,
 * so a flag cannot be documented without working or the other way round.
 */
import {
  ACTIVATION_IDS,
  DATASET_KINDS,
  FEATURE_IDS,
  INIT_IDS,
  OPTIMIZER_IDS,
  OUTPUT_LOSS_IDS,
  PROBLEM_TYPES,
  REGULARIZATION_IDS,
  type ActivationId,
  type CustomPoint,
  type FeatureId,
  type TrainerConfig,
} from '../config';
import { ALL_FEATURES, PLAYGROUND_FEATURES } from '../features';
import { PRESET_IDS, findPreset, presetConfig } from '../presets';

/** A command-line mistake: names the flag and says what it accepts. Exit code 2. */
export class CliUsageError extends Error {
  constructor(
    readonly flag: string,
    message: string,
  ) {
    super(flag === '' ? message : `${flag}: ${message}`);
    this.name = 'CliUsageError';
  }
}

/** What the run itself does, besides the trainer config. */
export interface RunOptions {
  epochs: number;
  /** print (and record in the JSON history) every N epochs; null = choose from epochs */
  every: number | null;
  json: boolean;
  /** the preset the run started from (--preset), or null */
  preset: string | null;
  /** a playground file to continue a session of, exactly (--from), or null */
  from: string | null;
  /** which of its sessions, 0-based (--session is 1-based) */
  session: number;
  /** where to write a playground file of the trained session (--save), or null */
  save: string | null;
}

/** The schedule flags gather here before they become `config.schedule`. */
export interface ScheduleDraft {
  kind?: string;
  decayRate?: number;
  decayEpochs?: number;
  factor?: number;
  patience?: number;
  minLearningRate?: number;
}

/** The parser's working state: a config being edited plus the run options. */
export interface ParseDraft {
  config: TrainerConfig;
  options: RunOptions;
  schedule: ScheduleDraft;
  /** config fields (and 'epochs') set explicitly, so defaults that depend on them (problem, loss, a preset's epochs) are not forced */
  explicit: Set<string>;
}

export interface FlagSpec {
  name: string;
  /** placeholder in the help text; absent for boolean switches */
  value?: string;
  help: string;
  /** the config field (or run option) it sets, for mapping validation errors back to flags */
  field: string;
  apply(draft: ParseDraft, raw: string, flag: string): void;
}

function number(raw: string, flag: string): number {
  const value = raw.trim() === '' ? Number.NaN : Number(raw);
  if (!Number.isFinite(value)) throw new CliUsageError(flag, `expected a number, got "${raw}"`);
  return value;
}

function integer(raw: string, flag: string, min: number): number {
  const value = raw.trim() === '' ? Number.NaN : Number(raw);
  if (!Number.isInteger(value) || value < min) {
    throw new CliUsageError(flag, `expected a whole number ≥ ${min}, got "${raw}"`);
  }
  return value;
}

function oneOf<T extends string>(allowed: readonly T[], raw: string, flag: string): T {
  if ((allowed as readonly string[]).includes(raw)) return raw as T;
  throw new CliUsageError(flag, `"${raw}" is not one of ${allowed.join(', ')}`);
}

function list(raw: string): string[] {
  return raw
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part !== '');
}

function parseFeatures(raw: string, flag: string): FeatureId[] {
  if (raw === 'all') return [...ALL_FEATURES];
  if (raw === 'playground') return [...PLAYGROUND_FEATURES];
  const ids = list(raw).map((id) => oneOf(FEATURE_IDS, id, flag));
  if (ids.length === 0) throw new CliUsageError(flag, `expected all, playground or a comma list of ${FEATURE_IDS.join(', ')}`);
  return ids;
}

function parseShape(raw: string, flag: string): number[] {
  if (raw === 'none' || raw.trim() === '') return [];
  return list(raw).map((size) => integer(size, flag, 1));
}

function parseLayerActivations(raw: string, flag: string): (ActivationId | null)[] {
  return raw.split(',').map((part) => {
    const id = part.trim();
    return id === '' || id === '-' || id === 'default' ? null : oneOf(ACTIVATION_IDS, id, flag);
  });
}

function parseCustomPoints(raw: string, flag: string): CustomPoint[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    throw new CliUsageError(flag, 'expected a JSON array of {"x", "y", "label"} objects');
  }
  if (!Array.isArray(parsed)) throw new CliUsageError(flag, 'expected a JSON array of {"x", "y", "label"} objects');
  return parsed as CustomPoint[];
}

function parseConfigJson(raw: string, flag: string): Partial<TrainerConfig> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    throw new CliUsageError(flag, 'expected a JSON object with TrainerConfig fields');
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new CliUsageError(flag, 'expected a JSON object with TrainerConfig fields');
  }
  return parsed as Partial<TrainerConfig>;
}

const SCHEDULE_KINDS = ['constant', 'exponential', 'plateau'] as const;

/** --preset: the preset's config replaces the draft's, and its epochs count unless --epochs was given. */
function applyPreset(draft: ParseDraft, raw: string, flag: string): void {
  const preset = findPreset(raw);
  if (preset === undefined) throw new CliUsageError(flag, `unknown preset "${raw}"; known presets: ${PRESET_IDS.join(', ')}`);
  const earlier = [...draft.explicit].filter((field) => field !== 'epochs');
  if (earlier.length > 0 || Object.keys(draft.schedule).length > 0) {
    throw new CliUsageError(flag, 'give it before the flags that change its config (flags after it override it)');
  }
  draft.config = presetConfig(preset);
  for (const key of Object.keys(preset.config)) draft.explicit.add(key);
  if (!draft.explicit.has('epochs')) draft.options.epochs = preset.epochs;
  draft.options.preset = preset.id;
}

/** Sets a config field and remembers that it was chosen on the command line. */
function set<K extends keyof TrainerConfig>(draft: ParseDraft, field: K, value: TrainerConfig[K]): void {
  draft.config[field] = value;
  draft.explicit.add(field);
}

export const FLAGS: readonly FlagSpec[] = [
  // presets
  { name: '--preset', value: 'ID', field: 'preset', help: "start from a teaching preset's config and epochs; later flags override it",
    apply: applyPreset },
  { name: '--list-presets', field: 'listPresets', help: 'print the preset ids, one a line', apply: () => undefined },
  // data
  { name: '--dataset', value: DATASET_KINDS.join('|'), field: 'dataset', help: 'the data (sets --problem to match unless given)',
    apply: (d, raw, flag) => set(d, 'dataset', oneOf(DATASET_KINDS, raw, flag)) },
  { name: '--problem', value: PROBLEM_TYPES.join('|'), field: 'problem', help: 'problem type (sets --output-loss to match unless given)',
    apply: (d, raw, flag) => set(d, 'problem', oneOf(PROBLEM_TYPES, raw, flag)) },
  { name: '--noise', value: '0-50', field: 'noise', help: 'noise, percent', apply: (d, raw, flag) => set(d, 'noise', number(raw, flag)) },
  { name: '--train-ratio', value: '10-90', field: 'trainRatio', help: 'percent of the points used for training',
    apply: (d, raw, flag) => set(d, 'trainRatio', number(raw, flag)) },
  { name: '--data-seed', value: 'N', field: 'dataSeed', help: 'seed of the data and its train/test shuffle',
    apply: (d, raw, flag) => set(d, 'dataSeed', number(raw, flag)) },
  { name: '--custom-points', value: 'JSON', field: 'customPoints', help: 'points for --dataset custom: [{"x":1,"y":2,"label":1},...]',
    apply: (d, raw, flag) => set(d, 'customPoints', parseCustomPoints(raw, flag)) },
  // network
  { name: '--features', value: 'all|playground|x1,x2,...', field: 'features', help: `inputs, from ${FEATURE_IDS.join(', ')}`,
    apply: (d, raw, flag) => set(d, 'features', parseFeatures(raw, flag)) },
  { name: '--shape', value: 'N,N,...|none', field: 'hiddenLayers', help: 'neurons per hidden layer (0-6 layers of 1-8)',
    apply: (d, raw, flag) => set(d, 'hiddenLayers', parseShape(raw, flag)) },
  { name: '--activation', value: ACTIVATION_IDS.join('|'), field: 'activation', help: 'hidden-layer activation',
    apply: (d, raw, flag) => set(d, 'activation', oneOf(ACTIVATION_IDS, raw, flag)) },
  { name: '--layer-activations', value: 'A,A,...', field: 'layerActivations', help: 'per hidden layer; "-" keeps --activation',
    apply: (d, raw, flag) => set(d, 'layerActivations', parseLayerActivations(raw, flag)) },
  { name: '--output-loss', value: OUTPUT_LOSS_IDS.join('|'), field: 'outputLoss', help: 'output unit and loss',
    apply: (d, raw, flag) => set(d, 'outputLoss', oneOf(OUTPUT_LOSS_IDS, raw, flag)) },
  { name: '--init', value: INIT_IDS.join('|'), field: 'initialization', help: 'weight initialization',
    apply: (d, raw, flag) => set(d, 'initialization', oneOf(INIT_IDS, raw, flag)) },
  { name: '--biases', value: 'on|off', field: 'biases', help: 'off: no biases, every boundary passes through the origin',
    apply: (d, raw, flag) => set(d, 'biases', oneOf(['on', 'off'] as const, raw, flag) === 'on') },
  { name: '--seed', value: 'N', field: 'seed', help: 'seed of the weights and of training',
    apply: (d, raw, flag) => set(d, 'seed', number(raw, flag)) },
  // training
  { name: '--learning-rate', value: 'R', field: 'learningRate', help: 'base learning rate (0-10)',
    apply: (d, raw, flag) => set(d, 'learningRate', number(raw, flag)) },
  { name: '--batch-size', value: '1-100', field: 'batchSize', help: 'examples per update',
    apply: (d, raw, flag) => set(d, 'batchSize', number(raw, flag)) },
  { name: '--regularization', value: REGULARIZATION_IDS.join('|'), field: 'regularization', help: 'weight penalty',
    apply: (d, raw, flag) => set(d, 'regularization', oneOf(REGULARIZATION_IDS, raw, flag)) },
  { name: '--regularization-rate', value: 'R', field: 'regularizationRate', help: 'penalty strength (0-10)',
    apply: (d, raw, flag) => set(d, 'regularizationRate', number(raw, flag)) },
  { name: '--optimizer', value: OPTIMIZER_IDS.join('|'), field: 'optimizer.kind', help: 'update rule',
    apply: (d, raw, flag) => set(d, 'optimizer', { ...d.config.optimizer, kind: oneOf(OPTIMIZER_IDS, raw, flag) }) },
  { name: '--momentum', value: 'M', field: 'optimizer.momentum', help: 'momentum coefficient (momentum)',
    apply: (d, raw, flag) => set(d, 'optimizer', { ...d.config.optimizer, momentum: number(raw, flag) }) },
  { name: '--beta1', value: 'B', field: 'optimizer.beta1', help: "Adam's β1",
    apply: (d, raw, flag) => set(d, 'optimizer', { ...d.config.optimizer, beta1: number(raw, flag) }) },
  { name: '--beta2', value: 'B', field: 'optimizer.beta2', help: "Adam's β2",
    apply: (d, raw, flag) => set(d, 'optimizer', { ...d.config.optimizer, beta2: number(raw, flag) }) },
  { name: '--epsilon', value: 'E', field: 'optimizer.epsilon', help: "Adam's ε",
    apply: (d, raw, flag) => set(d, 'optimizer', { ...d.config.optimizer, epsilon: number(raw, flag) }) },
  { name: '--schedule', value: SCHEDULE_KINDS.join('|'), field: 'schedule.kind', help: 'learning-rate schedule',
    apply: (d, raw, flag) => { d.schedule.kind = oneOf(SCHEDULE_KINDS, raw, flag); } },
  { name: '--decay-rate', value: 'R', field: 'schedule.decayRate', help: 'exponential: rate · R^(epoch / decay-epochs) (default 0.5)',
    apply: (d, raw, flag) => { d.schedule.decayRate = number(raw, flag); } },
  { name: '--decay-epochs', value: 'N', field: 'schedule.decayEpochs', help: 'exponential: epochs per decay step (default 100)',
    apply: (d, raw, flag) => { d.schedule.decayEpochs = number(raw, flag); } },
  { name: '--plateau-factor', value: 'F', field: 'schedule.factor', help: 'plateau: rate multiplier (default 0.5)',
    apply: (d, raw, flag) => { d.schedule.factor = number(raw, flag); } },
  { name: '--plateau-patience', value: 'N', field: 'schedule.patience', help: 'plateau: epochs without improvement (default 20)',
    apply: (d, raw, flag) => { d.schedule.patience = number(raw, flag); } },
  { name: '--min-learning-rate', value: 'R', field: 'schedule.minLearningRate', help: 'plateau: lowest rate (default 0.00001)',
    apply: (d, raw, flag) => { d.schedule.minLearningRate = number(raw, flag); } },
  { name: '--config', value: 'JSON', field: 'config', help: 'a base TrainerConfig as JSON; other flags override it',
    apply: (d, raw, flag) => {
      const base = parseConfigJson(raw, flag);
      d.config = { ...d.config, ...base };
      for (const key of Object.keys(base)) d.explicit.add(key);
      if (base.schedule !== undefined) d.schedule = { ...base.schedule };
    } },
  // run
  { name: '--epochs', value: 'N', field: 'epochs', help: "epochs to train (default 100, or the preset's)",
    apply: (d, raw, flag) => {
      d.options.epochs = integer(raw, flag, 0);
      d.explicit.add('epochs');
    } },
  { name: '--every', value: 'N', field: 'every', help: 'report every N epochs (default: about 10 rows; 1 with --json)',
    apply: (d, raw, flag) => { d.options.every = integer(raw, flag, 1); } },
  { name: '--from', value: 'FILE', field: 'from', help: "continue a session of a playground file exactly (its config, weights, optimizer and random state); no config flags",
    apply: (d, raw) => { d.options.from = raw; } },
  { name: '--session', value: 'N', field: 'session', help: 'with --from: the file\'s Nth session (default 1, the first)',
    apply: (d, raw, flag) => { d.options.session = integer(raw, flag, 1) - 1; } },
  { name: '--save', value: 'FILE', field: 'save', help: 'after training, write the session as a playground file (opens in the browser)',
    apply: (d, raw) => { d.options.save = raw; } },
  { name: '--json', field: 'json', help: 'print one JSON object instead of a table', apply: (d) => { d.options.json = true; } },
  { name: '--help', field: 'help', help: 'show this help', apply: () => undefined },
];

export const FLAG_BY_NAME: ReadonlyMap<string, FlagSpec> = new Map(FLAGS.map((flag) => [flag.name, flag]));
