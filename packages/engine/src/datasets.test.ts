import { describe, expect, it } from 'vitest';
import { DATASET_KINDS, DEFAULT_CONFIG, type TrainerConfig } from './config';
import {
  buildDataSplit,
  customPointsError,
  datasetFitsProblem,
  datasetProblem,
  datasetsForProblem,
  defaultSampleCount,
  generatePoints,
  type GeneratedDatasetKind,
} from './datasets';
import { Rng } from './rng';

const GENERATED = DATASET_KINDS.filter((k): k is GeneratedDatasetKind => k !== 'custom');
const BINARY: GeneratedDatasetKind[] = ['circle', 'xor', 'gauss', 'spiral', 'sine', 'moons'];

function config(overrides: Partial<TrainerConfig>): TrainerConfig {
  const dataset = overrides.dataset ?? DEFAULT_CONFIG.dataset;
  const problem = overrides.problem ?? datasetProblem(dataset) ?? 'classification';
  return { ...DEFAULT_CONFIG, dataset, problem, ...overrides };
}

function countLabels(labels: ArrayLike<number>): Map<number, number> {
  const counts = new Map<number, number>();
  for (let i = 0; i < labels.length; i++) counts.set(labels[i]!, (counts.get(labels[i]!) ?? 0) + 1);
  return counts;
}

function allLabels(kind: GeneratedDatasetKind, noise: number, seed = 1): number[] {
  return generatePoints(kind, defaultSampleCount(kind), noise, new Rng(seed)).map((p) => p.label);
}

describe('generatePoints', () => {
  it('generates the playground counts: 500 for classification, 1200 for regression', () => {
    for (const kind of GENERATED) {
      const expected = datasetProblem(kind) === 'regression' ? 1200 : 500;
      expect(defaultSampleCount(kind)).toBe(expected);
      expect(generatePoints(kind, expected, 0.2, new Rng(1))).toHaveLength(expected);
    }
  });

  it('labels ±1 classification sets, exactly balanced where the playground builds them by halves', () => {
    for (const kind of BINARY) {
      const counts = countLabels(allLabels(kind, 0));
      expect([...counts.keys()].sort()).toEqual([-1, 1]);
      const positives = counts.get(1)!;
      if (kind === 'xor') expect(Math.abs(positives - 250)).toBeLessThan(40);
      else expect(positives).toBe(250);
    }
  });

  it('labels multiclass sets 0..k−1 with counts within one of each other', () => {
    for (const [kind, k] of [['three-class', 3], ['four-class', 4]] as const) {
      const counts = countLabels(allLabels(kind, 0.3));
      expect([...counts.keys()].sort()).toEqual(Array.from({ length: k }, (_, i) => i));
      const sizes = [...counts.values()];
      expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
    }
  });

  it('keeps regression labels in [−1, 1] and uses both signs', () => {
    for (const kind of ['regress-plane', 'regress-gauss'] as const) {
      for (const noise of [0, 0.5]) {
        const labels = allLabels(kind, noise);
        expect(Math.min(...labels)).toBeGreaterThanOrEqual(-1);
        expect(Math.max(...labels)).toBeLessThanOrEqual(1);
        expect(labels.some((l) => l < -0.3) && labels.some((l) => l > 0.3)).toBe(true);
      }
    }
  });

  it('keeps noise-free points of bounded sets inside the [−6, 6] domain', () => {
    for (const kind of ['circle', 'xor', 'spiral', 'sine', 'moons', 'regress-plane', 'regress-gauss'] as const) {
      for (const p of generatePoints(kind, defaultSampleCount(kind), 0, new Rng(2))) {
        expect(Math.abs(p.x)).toBeLessThanOrEqual(6);
        expect(Math.abs(p.y)).toBeLessThanOrEqual(6);
      }
    }
  });

  it('matches the playground geometry without noise', () => {
    for (const p of generatePoints('circle', 500, 0, new Rng(3))) {
      const r = Math.hypot(p.x, p.y);
      expect(p.label === 1 ? r < 2.5 : r >= 3.5 && r <= 5).toBe(true);
    }
    for (const p of generatePoints('xor', 500, 0, new Rng(3))) {
      expect(p.label).toBe(p.x * p.y >= 0 ? 1 : -1);
      expect(Math.min(Math.abs(p.x), Math.abs(p.y))).toBeGreaterThanOrEqual(0.3);
    }
    for (const p of generatePoints('sine', 500, 0, new Rng(3))) {
      expect(p.label).toBe(p.y >= 2.5 * Math.sin(0.9 * p.x) ? 1 : -1);
    }
  });

  it('flips more labels against the clean boundary as noise grows', () => {
    const wrong = (noise: number): number =>
      generatePoints('circle', 500, noise, new Rng(4)).filter((p) => (Math.hypot(p.x, p.y) < 2.5 ? 1 : -1) !== p.label)
        .length;
    expect(wrong(0)).toBe(0);
    expect(wrong(0.25)).toBeGreaterThan(10);
    expect(wrong(0.5)).toBeGreaterThan(wrong(0.25));
  });

  it('widens the blobs with noise', () => {
    const spread = (kind: GeneratedDatasetKind, noise: number): number => {
      const pts = generatePoints(kind, 500, noise, new Rng(5)).filter((p) => p.label === 1);
      const mx = pts.reduce((a, p) => a + p.x, 0) / pts.length;
      return pts.reduce((a, p) => a + (p.x - mx) ** 2, 0) / pts.length;
    };
    for (const kind of ['gauss', 'three-class', 'four-class'] as const) {
      expect(spread(kind, 0.5)).toBeGreaterThan(spread(kind, 0) * 1.5);
    }
  });

  it('jitters the moons off their arcs with noise', () => {
    // Undo the scaling (x·3.6, y·5 around the unit moons' centre): the upper moon is then the unit circle.
    const offArc = (noise: number): number => {
      const upper = generatePoints('moons', 500, noise, new Rng(6)).filter((p) => p.label === 1);
      return upper.reduce((a, p) => a + Math.abs(Math.hypot(p.x / 3.6 + 0.5, p.y / 5 + 0.25) - 1), 0) / upper.length;
    };
    expect(offArc(0)).toBeLessThan(0.15);
    expect(offArc(0.5)).toBeGreaterThan(offArc(0) * 3);
  });
});

describe('buildDataSplit', () => {
  it('splits floor(n·ratio/100) into train and the rest into test', () => {
    for (const dataset of ['spiral', 'regress-gauss', 'three-class'] as const) {
      const n = defaultSampleCount(dataset);
      for (const trainRatio of [10, 33, 50, 77, 90]) {
        const split = buildDataSplit(config({ dataset, trainRatio }));
        expect(split.train.count).toBe(Math.floor((n * trainRatio) / 100));
        expect(split.test.count).toBe(n - split.train.count);
        expect(split.train.xs).toHaveLength(2 * split.train.count);
        expect(split.train.labels).toHaveLength(split.train.count);
        expect(split.test.xs).toHaveLength(2 * split.test.count);
      }
    }
  });

  it('is deterministic bit for bit, and the seed, noise and ratio all matter', () => {
    const a = buildDataSplit(config({ dataset: 'spiral', noise: 20, dataSeed: 7 }));
    const b = buildDataSplit(config({ dataset: 'spiral', noise: 20, dataSeed: 7 }));
    expect(a).toEqual(b);
    expect(Buffer.from(a.train.xs.buffer).equals(Buffer.from(b.train.xs.buffer))).toBe(true);
    expect(buildDataSplit(config({ dataset: 'spiral', noise: 20, dataSeed: 8 })).train.xs).not.toEqual(a.train.xs);
    expect(buildDataSplit(config({ dataset: 'spiral', noise: 30, dataSeed: 7 })).train.xs).not.toEqual(a.train.xs);
  });

  it('shuffles, so train and test both hold both classes', () => {
    const split = buildDataSplit(config({ dataset: 'gauss', trainRatio: 50 }));
    const train = countLabels(split.train.labels);
    expect(train.get(1)! / split.train.count).toBeGreaterThan(0.4);
    expect(train.get(-1)! / split.train.count).toBeGreaterThan(0.4);
    expect(countLabels(split.test.labels).size).toBe(2);
  });

  it('reports the class count of each problem', () => {
    expect(buildDataSplit(config({ dataset: 'circle' })).numClasses).toBe(2);
    expect(buildDataSplit(config({ dataset: 'three-class' })).numClasses).toBe(3);
    expect(buildDataSplit(config({ dataset: 'four-class' })).numClasses).toBe(4);
    expect(buildDataSplit(config({ dataset: 'regress-plane' })).numClasses).toBe(0);
  });

  it('maps ±1 labels to classes 0 and 1 when a binary set is trained as multiclass', () => {
    const split = buildDataSplit(config({ dataset: 'xor', problem: 'multiclass' }));
    expect(split.numClasses).toBe(2);
    expect([...countLabels(split.train.labels).keys()].sort()).toEqual([0, 1]);
  });

  it('refuses a dataset that does not fit the problem', () => {
    expect(datasetFitsProblem('four-class', 'classification')).toBe(false);
    expect(datasetFitsProblem('regress-gauss', 'classification')).toBe(false);
    expect(datasetFitsProblem('circle', 'multiclass')).toBe(true);
    expect(() => buildDataSplit(config({ dataset: 'four-class', problem: 'classification' }))).toThrow(/multiclass/);
  });

  it('uses valid custom points and rejects invalid ones', () => {
    const customPoints = [
      { x: 1, y: 1, label: 1 },
      { x: -1, y: 2, label: -1 },
      { x: 5, y: -6, label: 1 },
      { x: 0, y: 0, label: -1 },
    ];
    const split = buildDataSplit(config({ dataset: 'custom', problem: 'classification', customPoints, trainRatio: 50 }));
    expect(split.train.count).toBe(2);
    expect(split.test.count).toBe(2);
    const xs = [...split.train.xs, ...split.test.xs];
    expect(xs.slice().sort()).toEqual(customPoints.flatMap((p) => [p.x, p.y]).sort());
    expect(customPointsError([{ x: 7, y: 0, label: 1 }], 'classification')).toMatch(/within/);
    expect(customPointsError([{ x: 0, y: 0, label: 0.5 }], 'classification')).toMatch(/1 or -1/);
    expect(customPointsError([{ x: 0, y: 0, label: 4 }], 'multiclass')).toMatch(/class/);
    expect(customPointsError([{ x: 0, y: 0, label: 2 }], 'regression')).toMatch(/\[-1, 1\]/);
    expect(customPointsError([], 'regression')).toMatch(/at least one/);
    expect(customPointsError([{ x: 0, y: 0, label: 3 }], 'multiclass')).toBeNull();
    expect(() => buildDataSplit(config({ dataset: 'custom', problem: 'classification', customPoints: [] }))).toThrow();
  });

  it('counts custom multiclass classes from the highest label and keeps at least one training point', () => {
    const customPoints = [
      { x: 1, y: 1, label: 0 },
      { x: 2, y: 2, label: 2 },
    ];
    const split = buildDataSplit(config({ dataset: 'custom', problem: 'multiclass', customPoints, trainRatio: 10 }));
    expect(split.numClasses).toBe(3);
    expect(split.train.count).toBe(1);
  });
});

describe('dataset catalogue', () => {
  it('maps each kind to its problem and lists the kinds of a problem', () => {
    expect(datasetProblem('spiral')).toBe('classification');
    expect(datasetProblem('four-class')).toBe('multiclass');
    expect(datasetProblem('regress-plane')).toBe('regression');
    expect(datasetProblem('custom')).toBeNull();
    expect(datasetsForProblem('regression')).toEqual(['regress-plane', 'regress-gauss', 'custom']);
    expect(datasetsForProblem('classification')).toEqual([...BINARY, 'custom']);
  });
});
