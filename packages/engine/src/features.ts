/**
 * Input features: the transforms of a point (x1, x2) that feed the network's
 * input layer, as in TensorFlow Playground (plus cos x1, cos x2).
 */
import { FEATURE_IDS, type FeatureId } from './config';

export interface FeatureDef {
  /** The feature's value at the point (x, y). */
  f(x: number, y: number): number;
  /** Math notation, the same in every language (the UI adds translated words). */
  label: string;
}

export const FEATURES: Readonly<Record<FeatureId, FeatureDef>> = {
  x1: { f: (x) => x, label: 'X₁' },
  x2: { f: (_x, y) => y, label: 'X₂' },
  x1sq: { f: (x) => x * x, label: 'X₁²' },
  x2sq: { f: (_x, y) => y * y, label: 'X₂²' },
  x1x2: { f: (x, y) => x * y, label: 'X₁X₂' },
  sinx1: { f: (x) => Math.sin(x), label: 'sin(X₁)' },
  sinx2: { f: (_x, y) => Math.sin(y), label: 'sin(X₂)' },
  cosx1: { f: (x) => Math.cos(x), label: 'cos(X₁)' },
  cosx2: { f: (_x, y) => Math.cos(y), label: 'cos(X₂)' },
};

/** The playground's seven features (everything but the cosines). */
export const PLAYGROUND_FEATURES: readonly FeatureId[] = FEATURE_IDS.filter(
  (id) => id !== 'cosx1' && id !== 'cosx2',
);

/** All nine features. */
export const ALL_FEATURES: readonly FeatureId[] = FEATURE_IDS;

/** Writes the features of (x, y) into `out` starting at `offset`; returns the offset after them. */
export function featurize(
  features: readonly FeatureId[],
  x: number,
  y: number,
  out: Float64Array | Float32Array | number[],
  offset = 0,
): number {
  for (let i = 0; i < features.length; i++) {
    out[offset + i] = FEATURES[features[i]!].f(x, y);
  }
  return offset + features.length;
}

/** Featurizes every point of an interleaved x,y array into a row-major matrix (count × features). */
export function featurizeAll(
  features: readonly FeatureId[],
  xs: Float64Array,
  count: number,
  out: Float64Array = new Float64Array(count * features.length),
): Float64Array {
  const width = features.length;
  for (let p = 0; p < count; p++) featurize(features, xs[2 * p]!, xs[2 * p + 1]!, out, p * width);
  return out;
}
