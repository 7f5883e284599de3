/**
 * Datasets: which generator a kind uses, which problem it belongs to, and how
 * a config becomes a train/test split. Deterministic: the same (dataset,
 * noise, trainRatio, dataSeed, customPoints) gives the same arrays, bit for
 * bit, so a browser regenerates the data instead of receiving it.
 */
import { LIMITS, type CustomPoint, type DatasetKind, type ProblemType, type TrainerConfig } from './config';
import {
  classifyCircle,
  classifyFourClass,
  classifyMoons,
  classifySine,
  classifySpiral,
  classifyThreeClass,
  classifyTwoGauss,
  classifyXor,
  regressGauss,
  regressPlane,
  type Point2D,
  type PointGenerator,
} from './dataset-generators';
import { Rng } from './rng';

export type { Point2D } from './dataset-generators';

/** Points in struct-of-arrays form, ready for the trainer. */
export interface Dataset {
  /** x, y interleaved: point i is (xs[2i], xs[2i+1]) */
  xs: Float64Array;
  labels: Float64Array;
  count: number;
}

export interface DataSplit {
  train: Dataset;
  test: Dataset;
  /** 2 for classification (labels ±1), k for multiclass (labels 0..k−1), 0 for regression */
  numClasses: number;
}

/** Every kind that has a generator (all but 'custom'). */
export type GeneratedDatasetKind = Exclude<DatasetKind, 'custom'>;

const GENERATORS: Readonly<Record<GeneratedDatasetKind, PointGenerator>> = {
  circle: classifyCircle,
  xor: classifyXor,
  gauss: classifyTwoGauss,
  spiral: classifySpiral,
  sine: classifySine,
  moons: classifyMoons,
  'three-class': classifyThreeClass,
  'four-class': classifyFourClass,
  'regress-plane': regressPlane,
  'regress-gauss': regressGauss,
};

const PROBLEM_OF: Readonly<Record<GeneratedDatasetKind, ProblemType>> = {
  circle: 'classification',
  xor: 'classification',
  gauss: 'classification',
  spiral: 'classification',
  sine: 'classification',
  moons: 'classification',
  'three-class': 'multiclass',
  'four-class': 'multiclass',
  'regress-plane': 'regression',
  'regress-gauss': 'regression',
};

const CLASSES_OF: Readonly<Partial<Record<GeneratedDatasetKind, number>>> = {
  'three-class': 3,
  'four-class': 4,
};

/** The problem a dataset belongs to; null for 'custom', which fits any problem. */
export function datasetProblem(kind: DatasetKind): ProblemType | null {
  return kind === 'custom' ? null : PROBLEM_OF[kind];
}

/** The dataset kinds to offer for a problem (the UI's dataset picker), 'custom' last. */
export function datasetsForProblem(problem: ProblemType): DatasetKind[] {
  const kinds = (Object.keys(PROBLEM_OF) as GeneratedDatasetKind[]).filter((kind) => PROBLEM_OF[kind] === problem);
  return [...kinds, 'custom'];
}

/**
 * Whether a dataset can be trained as a problem. Besides its own problem, a
 * ±1 classification set also works as a 2-class multiclass problem (classes
 * 0 = −1, 1 = +1), and ±1 labels are valid regression targets.
 */
export function datasetFitsProblem(kind: DatasetKind, problem: ProblemType): boolean {
  const own = datasetProblem(kind);
  if (own === null || own === problem) return true;
  return own === 'classification' && (problem === 'multiclass' || problem === 'regression');
}

/** The playground's sample counts: 500 for classification sets, 1200 for regression sets. */
export function defaultSampleCount(kind: GeneratedDatasetKind): number {
  return PROBLEM_OF[kind] === 'regression' ? 1200 : 500;
}

/** Generates `numSamples` points of a kind, drawing from `rng`; `noise01` is 0–0.5. */
export function generatePoints(kind: GeneratedDatasetKind, numSamples: number, noise01: number, rng: Rng): Point2D[] {
  const generator = GENERATORS[kind];
  if (generator === undefined) throw new RangeError(`Unknown dataset "${String(kind)}"`);
  return generator(numSamples, noise01, rng);
}

/** Why a custom point list is unusable for a problem, or null when it is fine. */
export function customPointsError(points: readonly CustomPoint[] | undefined, problem: ProblemType): string | null {
  if (!Array.isArray(points) || points.length === 0) return 'customPoints needs at least one point';
  if (points.length > LIMITS.maxCustomPoints) {
    return `customPoints has ${points.length} points, at most ${LIMITS.maxCustomPoints} are allowed`;
  }
  const d = LIMITS.domain;
  for (let i = 0; i < points.length; i++) {
    const point = points[i];
    if (typeof point !== 'object' || point === null) return `customPoints[${i}] must be an object {x, y, label}`;
    const { x, y, label } = point;
    if (![x, y, label].every((v) => typeof v === 'number' && Number.isFinite(v))) {
      return `customPoints[${i}] needs finite numbers x, y and label`;
    }
    if (Math.abs(x) > d || Math.abs(y) > d) return `customPoints[${i}] must lie within [-${d}, ${d}]²`;
    if (problem === 'classification' && label !== 1 && label !== -1) {
      return `customPoints[${i}].label must be 1 or -1 for classification`;
    }
    if (problem === 'multiclass' && !(Number.isInteger(label) && label >= 0 && label < LIMITS.maxClasses)) {
      return `customPoints[${i}].label must be an integer class 0–${LIMITS.maxClasses - 1} for multiclass`;
    }
    if (problem === 'regression' && (label < -1 || label > 1)) {
      return `customPoints[${i}].label must be within [-1, 1] for regression`;
    }
  }
  return null;
}

function toDataset(points: readonly Point2D[]): Dataset {
  const count = points.length;
  const xs = new Float64Array(2 * count);
  const labels = new Float64Array(count);
  for (let i = 0; i < count; i++) {
    const point = points[i]!;
    xs[2 * i] = point.x;
    xs[2 * i + 1] = point.y;
    labels[i] = point.label;
  }
  return { xs, labels, count };
}

/**
 * Builds the train/test split of a config the playground's way: generate
 * the points, shuffle them once with the data seed, the first
 * floor(n·trainRatio/100) train (at least one), the rest test.
 */
export function buildDataSplit(
  config: Pick<TrainerConfig, 'dataset' | 'problem' | 'noise' | 'trainRatio' | 'dataSeed' | 'customPoints'>,
): DataSplit {
  const { dataset, problem } = config;
  if (!datasetFitsProblem(dataset, problem)) {
    throw new RangeError(`Dataset "${dataset}" is a ${datasetProblem(dataset)} dataset, not ${problem}`);
  }
  const rng = new Rng(config.dataSeed);
  let points: Point2D[];
  let numClasses: number;
  if (dataset === 'custom') {
    const error = customPointsError(config.customPoints, problem);
    if (error !== null) throw new RangeError(error);
    points = config.customPoints!.map(({ x, y, label }) => ({ x, y, label }));
    const highest = points.reduce((max, point) => Math.max(max, point.label), 1);
    numClasses = problem === 'multiclass' ? highest + 1 : problem === 'classification' ? 2 : 0;
  } else {
    points = generatePoints(dataset, defaultSampleCount(dataset), config.noise / 100, rng);
    numClasses = problem === 'regression' ? 0 : (CLASSES_OF[dataset] ?? 2);
    if (problem === 'multiclass' && PROBLEM_OF[dataset] === 'classification') {
      for (const point of points) point.label = point.label > 0 ? 1 : 0;
    }
  }
  rng.shuffle(points);
  const splitIndex = Math.max(1, Math.floor((points.length * config.trainRatio) / 100));
  return {
    train: toDataset(points.slice(0, splitIndex)),
    test: toDataset(points.slice(splitIndex)),
    numClasses,
  };
}
