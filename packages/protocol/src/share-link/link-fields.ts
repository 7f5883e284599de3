/**
 * What both link formats (ours and TensorFlow Playground's) share: reading a
 * hash into keys, reading one value, and settling the fields a link named
 * into a config the engine accepts, one field at a time. The rules of a
 * config are the engine's `validateConfig` and the protocol's
 * `TrainerConfigSchema`; nothing here repeats them.
 */
import { ConfigError, DEFAULT_CONFIG, DEFAULT_OPTIMIZER, problemDefaults, validateConfig, type TrainerConfig } from '@playroom/engine';
import { TrainerConfigSchema } from '../schemas/config-schema';
import { createValidator } from '../validation';

/** Why part of a link was not used: a key nobody knows, a value that is not allowed, points left out of the link, or nothing readable at all. */
export const SHARE_LINK_PROBLEMS = ['unknownKey', 'badValue', 'pointsLeftOut', 'unreadable'] as const;
export type ShareLinkProblem = (typeof SHARE_LINK_PROBLEMS)[number];

/** One part of a link that was not used: `field` is the link's key or the config field (`link` for the whole). */
export interface ShareLinkNote {
  field: string;
  problem: ShareLinkProblem;
}

/** What a link shows besides the config: the playground's two view switches. */
export interface ShareView {
  showTestData: boolean;
  discretize: boolean;
}

export const DEFAULT_SHARE_VIEW: ShareView = { showTestData: false, discretize: false };

/** A hash longer than this is not read at all (a note says so): far above any link we write (see SHARE_LINK_MAX_POINTS). */
export const SHARE_LINK_MAX_HASH_CHARS = 200_000;

/** The key → value pairs of a hash (`#a=1&b=2`); a later key wins, as in the playground. */
export function hashEntries(hash: string): Map<string, string> {
  const entries = new Map<string, string>();
  const body = hash.startsWith('#') ? hash.slice(1) : hash;
  for (const part of body.split('&')) {
    if (part === '') continue;
    const at = part.indexOf('=');
    const key = safeDecode(at < 0 ? part : part.slice(0, at));
    const value = safeDecode(at < 0 ? '' : part.slice(at + 1));
    if (key !== null && value !== null && key !== '') entries.set(key, value);
  }
  return entries;
}

function safeDecode(text: string): string | null {
  try {
    return decodeURIComponent(text);
  } catch {
    return null;
  }
}

/** A link key shortened for a note (a key is whatever someone typed). */
export function noteField(key: string): string {
  return key.length > 40 ? `${key.slice(0, 40)}…` : key;
}

/** A number as a link writes it: `String` is the shortest text that reads back to the same double. */
export function readNumber(text: string): number | null {
  if (text.trim() === '') return null;
  const value = Number(text);
  return Number.isFinite(value) ? value : null;
}

export function readBoolean(text: string): boolean | null {
  return text === 'true' ? true : text === 'false' ? false : null;
}

/** Comma-separated values, each read by `item` (null: the whole list is bad); an empty text is an empty list. */
export function readList<T>(text: string, item: (part: string) => T | null): T[] | null {
  if (text === '') return [];
  const values: T[] = [];
  for (const part of text.split(',')) {
    const value = item(part);
    if (value === null) return null;
    values.push(value);
  }
  return values;
}

export function readOneOf<T extends string>(allowed: readonly T[]) {
  return (text: string): T | null => ((allowed as readonly string[]).includes(text) ? (text as T) : null);
}

/** The fields a link named, before the engine has judged them together. */
export type LinkFields = Partial<Omit<TrainerConfig, 'optimizer'>> & { optimizer?: Partial<TrainerConfig['optimizer']> };

/** Fields a link named, the view, and how many of its keys were known (none: the link is junk). */
export interface LinkReading {
  fields: LinkFields;
  view: ShareView;
  known: number;
}

const checkSchema = createValidator(TrainerConfigSchema);

/**
 * The default config with the link's fields, each one the engine or the
 * schema refuses put back to its default with a note, until the whole is
 * accepted. Never throws.
 */
export function settleConfig(fields: LinkFields, notes: ShareLinkNote[]): TrainerConfig {
  const candidate: Record<string, unknown> = { ...DEFAULT_CONFIG, ...fields, optimizer: { ...DEFAULT_OPTIMIZER, ...fields.optimizer } };
  const reverted = new Set<string>();
  // every pass puts back at least one field, and there are fewer than 30 of them
  for (let pass = 0; pass < 30; pass++) {
    const field = refusedField(candidate);
    if (field === null) return validateConfig(candidate);
    notes.push({ field, problem: 'badValue' });
    revert(candidate, field, reverted.has(field));
    reverted.add(field);
  }
  notes.push({ field: 'link', problem: 'unreadable' });
  return structuredClone(DEFAULT_CONFIG);
}

/** The config field (`optimizer.beta1`, `hiddenLayers`) the engine or the schema refuses first, or null. */
function refusedField(candidate: Record<string, unknown>): string | null {
  try {
    validateConfig(candidate);
  } catch (error) {
    if (error instanceof ConfigError) return fieldOf(error.field);
    return 'link';
  }
  const checked = checkSchema(candidate);
  if (checked.ok) return null;
  return fieldOf((checked.error.field ?? '/link').slice(1).replace(/\//g, '.'));
}

/** `hiddenLayers[2]` → `hiddenLayers`, `customPoints.3.x` → `customPoints`; an optimizer setting keeps its name. */
function fieldOf(path: string): string {
  const [top, second] = path.split(/[.[]/);
  if (top === 'optimizer' && second !== undefined && second !== '') return `optimizer.${second}`;
  return top || 'link';
}

function revert(candidate: Record<string, unknown>, field: string, again: boolean): void {
  const problem = candidate.problem as TrainerConfig['problem'];
  if (field.startsWith('optimizer.')) {
    const key = field.slice('optimizer.'.length) as keyof TrainerConfig['optimizer'];
    candidate.optimizer = { ...(candidate.optimizer as object), [key]: DEFAULT_OPTIMIZER[key] };
    return;
  }
  switch (field) {
    case 'dataset':
    case 'outputLoss':
      // the default may not fit the link's problem: the problem's own first choice does
      candidate[field] = problemDefaults(validProblem(problem))[field];
      if (again) Object.assign(candidate, problemDefaults(DEFAULT_CONFIG.problem));
      return;
    case 'customPoints':
      delete candidate.customPoints;
      if (candidate.dataset === 'custom') candidate.dataset = problemDefaults(validProblem(problem)).dataset;
      return;
    case 'layerActivations':
    case 'biases':
      delete candidate[field];
      return;
    default:
      if (field in DEFAULT_CONFIG) candidate[field] = structuredClone(DEFAULT_CONFIG[field as keyof TrainerConfig]);
      else Object.assign(candidate, structuredClone(DEFAULT_CONFIG));
  }
}

function validProblem(problem: unknown): TrainerConfig['problem'] {
  try {
    return problemDefaults(problem as TrainerConfig['problem']).problem;
  } catch {
    return DEFAULT_CONFIG.problem;
  }
}
