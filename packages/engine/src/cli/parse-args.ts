/**
 * `playroom-train` argument parsing: argv in, a trainer config and run
 * options out, or a CliUsageError naming the flag. Pure: no I/O, no process.
 * Ranges are not checked here; the engine's validateConfig does that.
 */
import { DEFAULT_CONFIG, type LearningRateSchedule, type OutputLossId, type ProblemType, type TrainerConfig } from '../config';
import { datasetProblem, datasetsForProblem } from '../datasets';
import { CliUsageError, FLAG_BY_NAME, FLAGS, type ParseDraft, type RunOptions, type ScheduleDraft } from './cli-flags';

export { CliUsageError } from './cli-flags';
export type { RunOptions } from './cli-flags';

export type ParsedArgs =
  | { kind: 'help' }
  | { kind: 'list-presets' }
  | { kind: 'run'; config: TrainerConfig; options: RunOptions };

export const DEFAULT_EPOCHS = 100;

/** The loss that goes with a problem when --output-loss is not given. */
const LOSS_FOR_PROBLEM: Readonly<Record<ProblemType, OutputLossId>> = {
  classification: 'tanh-square',
  regression: 'linear-square',
  multiclass: 'softmax-xent',
};

function buildSchedule(draft: ScheduleDraft, base: LearningRateSchedule): LearningRateSchedule {
  const kind = draft.kind ?? base.kind;
  if (kind === 'exponential') {
    const from = base.kind === 'exponential' ? base : { decayRate: 0.5, decayEpochs: 100 };
    return { kind, decayRate: draft.decayRate ?? from.decayRate, decayEpochs: draft.decayEpochs ?? from.decayEpochs };
  }
  if (kind === 'plateau') {
    const from = base.kind === 'plateau' ? base : { factor: 0.5, patience: 20, minLearningRate: 0.00001 };
    return {
      kind,
      factor: draft.factor ?? from.factor,
      patience: draft.patience ?? from.patience,
      minLearningRate: draft.minLearningRate ?? from.minLearningRate,
    };
  }
  return { kind: 'constant' };
}

/** Parses argv (without node and the script): `--flag value` or `--flag=value`. */
export function parseArgs(argv: readonly string[]): ParsedArgs {
  const draft: ParseDraft = {
    config: structuredClone(DEFAULT_CONFIG),
    options: { epochs: DEFAULT_EPOCHS, every: null, json: false, preset: null, from: null, session: 0, save: null },
    schedule: {},
    explicit: new Set(),
  };
  const seen = new Set<string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '-h' || arg === '--help') return { kind: 'help' };
    if (arg === '--list-presets') return { kind: 'list-presets' };
    if (!arg.startsWith('--')) {
      throw new CliUsageError('', `unexpected argument "${arg}" (flags look like --name value; see --help)`);
    }
    const eq = arg.indexOf('=');
    const name = eq === -1 ? arg : arg.slice(0, eq);
    const spec = FLAG_BY_NAME.get(name);
    if (spec === undefined) throw new CliUsageError(name, 'unknown flag (see --help for the list)');
    if (seen.has(name)) throw new CliUsageError(name, 'given twice');
    seen.add(name);
    let raw: string;
    if (spec.value === undefined) {
      if (eq !== -1) throw new CliUsageError(name, 'takes no value');
      raw = '';
    } else if (eq !== -1) {
      raw = arg.slice(eq + 1);
    } else {
      const next = argv[i + 1];
      if (next === undefined || (next.startsWith('--') && next.length > 2)) {
        throw new CliUsageError(name, `needs a value: ${spec.value}`);
      }
      raw = next;
      i++;
    }
    spec.apply(draft, raw, name);
  }

  const { config, explicit, options } = draft;
  if (options.from !== null) {
    // the file's session brings its own config: a flag that changes it would not continue it exactly
    const changed = [...explicit].find((field) => field !== 'epochs');
    if (changed !== undefined || options.preset !== null) {
      throw new CliUsageError('--from', `the file's session brings its config: drop ${options.preset !== null ? '--preset' : flagForField(changed!)}`);
    }
  } else if (seen.has('--session')) {
    throw new CliUsageError('--session', 'needs --from FILE');
  }
  if (!explicit.has('problem')) config.problem = datasetProblem(config.dataset) ?? config.problem;
  else if (!explicit.has('dataset') && datasetProblem(config.dataset) !== config.problem) {
    // `--problem regression` alone should train on a regression set, not on the default circle.
    config.dataset = datasetsForProblem(config.problem)[0]!;
  }
  if (!explicit.has('outputLoss')) config.outputLoss = LOSS_FOR_PROBLEM[config.problem];
  config.schedule = buildSchedule(draft.schedule, config.schedule);
  return { kind: 'run', config, options: draft.options };
}

/** The flag that sets a config field (as named in a ConfigError), or the field itself when no flag does. */
export function flagForField(field: string): string {
  let best: { name: string; length: number } | null = null;
  for (const flag of FLAGS) {
    const matches = field === flag.field || field.startsWith(`${flag.field}.`) || field.startsWith(`${flag.field}[`);
    if (matches && (best === null || flag.field.length > best.length)) best = { name: flag.name, length: flag.field.length };
  }
  if (best !== null) return best.name;
  if (field === 'schedule' || field.startsWith('schedule')) return '--schedule';
  if (field === 'optimizer' || field.startsWith('optimizer')) return '--optimizer';
  return field;
}

/** How often to report when --every is not given: about ten rows for people, every epoch for machines. */
export function reportInterval(options: Pick<RunOptions, 'epochs' | 'every' | 'json'>): number {
  if (options.every !== null) return options.every;
  return options.json ? 1 : Math.max(1, Math.round(options.epochs / 10));
}
