/**
 * The input features' heatmaps, computed straight from FEATURES: they depend
 * on nothing but the feature, so each is computed once and cached. Values are
 * divided by their largest magnitude, so X₁ (−6…6) and sin X₁ (−1…1) both use
 * the whole palette and a student sees the shape, not a saturated square.
 */
import { FEATURES, LIMITS, type FeatureId } from '@playroom/engine';
import type { GridView } from './gridImage';

const cache = new Map<string, GridView>();

/** A normalized `size × size` grid of a feature over [−6, 6]², row 0 at the top. */
export function featureGrid(feature: FeatureId, size: number): GridView {
  const key = `${feature}|${size}`;
  const cached = cache.get(key);
  if (cached) return cached;
  const data = new Float32Array(size * size);
  const domain = LIMITS.domain;
  let max = 0;
  for (let row = 0; row < size; row++) {
    const y = domain - (2 * domain * row) / (size - 1);
    for (let col = 0; col < size; col++) {
      const x = -domain + (2 * domain * col) / (size - 1);
      const v = FEATURES[feature].f(x, y);
      data[row * size + col] = v;
      max = Math.max(max, Math.abs(v));
    }
  }
  if (max > 0) for (let i = 0; i < data.length; i++) data[i]! /= max;
  const grid = { data, offset: 0, size };
  cache.set(key, grid);
  return grid;
}
