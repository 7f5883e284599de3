/**
 * Decision grids: every neuron's output over an N×N grid of the input domain,
 * which the browser paints as heatmaps every frame. All grids live in ONE
 * Float32Array, neuron after neuron (input features, then each hidden layer,
 * then the outputs); neuron n's grid starts at n·N², row-major, row 0 at the
 * TOP (y = +domain) and column 0 at the left (x = −domain), both ends
 * included, so it maps straight onto canvas ImageData.
 *
 * For softmax (multiclass) the output grids hold the class probabilities;
 * `argmaxGrid` turns them into the predicted class per point. Otherwise the
 * output grid holds the output unit's value (tanh, linear or sigmoid).
 *
 * Speed: points go through the network in blocks (block-kernels.ts), layer
 * by layer, with the inner loop over the block's points, and the feature
 * values of a grid are computed once and cached. With `out` passed, nothing
 * is allocated.
 */
import { BlockBuffers, forwardBlock } from './block-kernels';
import { LIMITS, type FeatureId } from './config';
import { FEATURES } from './features';
import type { Network } from './network';

export interface GridOptions {
  /** points per side (default 100) */
  size?: number;
  /** the grid covers [−domain, domain]² (default LIMITS.domain = 6) */
  domain?: number;
}

export const DEFAULT_GRID_SIZE = 100;

/** Points per block: small enough that a block's buffers stay in cache. */
const BLOCK = 256;

/** Number of grids `decisionGrids` produces: features + hidden neurons + outputs. */
export function neuronCount(network: Network): number {
  return network.layerSizes.reduce((sum, size) => sum + size, 0);
}

/** Which grid (0-based, times N² for its offset) shows neuron `neuron` of `layer` (layer 0 = input features). */
export function gridIndex(network: Network, layer: number, neuron: number): number {
  const size = network.layerSizes[layer];
  if (size === undefined || !Number.isInteger(neuron) || neuron < 0 || neuron >= size) {
    throw new RangeError(`no neuron ${neuron} in layer ${layer}`);
  }
  return network.neuronOffsets[layer]! + neuron;
}

/** The x coordinate of grid column `col` (−domain at the left). */
export function gridX(col: number, size: number, domain: number): number {
  return -domain + (2 * domain * col) / (size - 1);
}

/** The y coordinate of grid row `row` (+domain at the top). */
export function gridY(row: number, size: number, domain: number): number {
  return domain - (2 * domain * row) / (size - 1);
}

/**
 * Computes every neuron's grid into `out` (allocated when absent or too
 * small) and returns it. `features` are the network's input features in order.
 */
export function decisionGrids(
  network: Network,
  features: readonly FeatureId[],
  options: GridOptions = {},
  out?: Float32Array,
): Float32Array {
  const size = options.size ?? DEFAULT_GRID_SIZE;
  const domain = options.domain ?? LIMITS.domain;
  if (!Number.isInteger(size) || size < 2) throw new RangeError(`grid size must be an integer ≥ 2, got ${size}`);
  if (features.length !== network.inputCount) {
    throw new RangeError(`network has ${network.inputCount} inputs, got ${features.length} features`);
  }
  const points = size * size;
  const neurons = neuronCount(network);
  const grids = out && out.length >= neurons * points ? out : new Float32Array(neurons * points);
  const inputs = featureGrid(features, size, domain);
  const buf = blockBuffers(neurons);
  const a = buf.a;
  for (let first = 0; first < points; first += BLOCK) {
    const count = Math.min(BLOCK, points - first);
    forwardBlock(network, inputs, points, first, count, buf);
    for (let n = 0; n < neurons; n++) {
      const from = n * BLOCK;
      const to = n * points + first;
      for (let q = 0; q < count; q++) grids[to + q] = a[from + q]!;
    }
  }
  return grids;
}

/** The predicted class (argmax of the output grids) per grid point, for multiclass networks. */
export function argmaxGrid(network: Network, grids: Float32Array, size: number, out?: Uint8Array): Uint8Array {
  const points = size * size;
  const classes = network.outputCount;
  const first = gridIndex(network, network.layerSizes.length - 1, 0) * points;
  const result = out && out.length >= points ? out : new Uint8Array(points);
  for (let p = 0; p < points; p++) {
    let best = 0;
    let bestValue = grids[first + p]!;
    for (let c = 1; c < classes; c++) {
      const v = grids[first + c * points + p]!;
      if (v > bestValue) {
        bestValue = v;
        best = c;
      }
    }
    result[p] = best;
  }
  return result;
}

let buffers = new BlockBuffers(0, BLOCK);

function blockBuffers(neurons: number): BlockBuffers {
  if (buffers.a.length < neurons * BLOCK) buffers = new BlockBuffers(neurons, BLOCK);
  return buffers;
}

// Feature values depend only on (features, size, domain): computed once, kept for a few combinations.
const featureGrids = new Map<string, Float64Array>();
const MAX_CACHED_FEATURE_GRIDS = 8;

let last: { features: FeatureId[]; size: number; domain: number; grid: Float64Array } | null = null;

function featureGrid(features: readonly FeatureId[], size: number, domain: number): Float64Array {
  // The common case, the same grid frame after frame, allocates nothing.
  if (last && last.size === size && last.domain === domain && sameFeatures(last.features, features)) return last.grid;
  const grid = cachedFeatureGrid(features, size, domain);
  last = { features: [...features], size, domain, grid };
  return grid;
}

function sameFeatures(a: readonly FeatureId[], b: readonly FeatureId[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function cachedFeatureGrid(features: readonly FeatureId[], size: number, domain: number): Float64Array {
  const key = `${features.join(',')}|${size}|${domain}`;
  const cached = featureGrids.get(key);
  if (cached) return cached;
  const points = size * size;
  const grid = new Float64Array(features.length * points);
  for (let row = 0; row < size; row++) {
    const y = gridY(row, size, domain);
    for (let col = 0; col < size; col++) {
      const x = gridX(col, size, domain);
      for (let f = 0; f < features.length; f++) grid[f * points + row * size + col] = FEATURES[features[f]!].f(x, y);
    }
  }
  if (featureGrids.size >= MAX_CACHED_FEATURE_GRIDS) featureGrids.delete(featureGrids.keys().next().value!);
  featureGrids.set(key, grid);
  return grid;
}
