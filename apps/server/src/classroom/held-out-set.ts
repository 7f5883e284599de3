import {
  BlockBuffers,
  Rng,
  datasetProblem,
  evaluateSet,
  featurizeAll,
  generatePoints,
  type FeatureId,
  type GeneratedDatasetKind,
  type Network,
} from '@playroom/engine';

/** Points in the server's held-out set: bounded, so scoring 100 forks stays a few ms (CHAL-2). */
export const HELD_OUT_POINTS = 400;

/**
 * The server's own test points for a challenge (CHAL-2): drawn by the
 * engine's generator with a seed no client is told, never a fork's split.
 */
export class HeldOutSet {
  readonly xs: Float64Array;
  readonly labels: Float64Array;
  readonly count: number;
  private readonly inputs = new Map<string, Float64Array>();
  private buffers = new BlockBuffers(0, 64);

  constructor(
    readonly dataset: GeneratedDatasetKind,
    noise: number,
    seed: number,
    count = HELD_OUT_POINTS,
  ) {
    const points = generatePoints(dataset, count, noise / 100, new Rng(seed));
    // the multiclass sets' labels are classes already; the ±1 sets' labels are what classification trains on
    this.count = points.length;
    this.xs = new Float64Array(2 * this.count);
    this.labels = new Float64Array(this.count);
    points.forEach((point, i) => {
      this.xs[2 * i] = point.x;
      this.xs[2 * i + 1] = point.y;
      this.labels[i] = point.label;
    });
  }

  /** The mean loss of a network (whose input layer takes `features`) on these points, the engine's `evaluateSet`. */
  loss(network: Network, features: readonly FeatureId[]): number {
    const neurons = network.outputs.length;
    if (this.buffers.a.length < neurons * this.buffers.stride) this.buffers = new BlockBuffers(neurons, this.buffers.stride);
    const withAccuracy = datasetProblem(this.dataset) !== 'regression';
    return evaluateSet(network, this.featurized(features), this.labels, this.count, withAccuracy, this.buffers).loss;
  }

  /** Feature-major inputs (feature f of point p at f·count + p), computed once per feature list. */
  private featurized(features: readonly FeatureId[]): Float64Array {
    const key = features.join(',');
    let inputs = this.inputs.get(key);
    if (!inputs) {
      const rows = featurizeAll(features, this.xs, this.count);
      const width = features.length;
      inputs = new Float64Array(rows.length);
      for (let p = 0; p < this.count; p++) for (let f = 0; f < width; f++) inputs[f * this.count + p] = rows[p * width + f]!;
      this.inputs.set(key, inputs);
    }
    return inputs;
  }
}
