/**
 * The point generators: TensorFlow Playground's six (same geometry, same
 * order of random draws, our seeded Rng instead of Math.random) and ours
 * (sine, moons, three-class, four-class). All live in [-6, 6]² (gaussian
 * tails aside) and take noise as 0–0.5, the playground's slider divided by 100.
 */
import type { Rng } from './rng';

/** A labelled point: label ±1 (classification), 0..k−1 (multiclass) or in [−1, 1] (regression). */
export interface Point2D {
  x: number;
  y: number;
  label: number;
}

export type PointGenerator = (numSamples: number, noise: number, rng: Rng) => Point2D[];

function distance(ax: number, ay: number, bx: number, by: number): number {
  const dx = ax - bx;
  const dy = ay - by;
  return Math.sqrt(dx * dx + dy * dy);
}

/** Linear map of `value` from [d0, d1] to [r0, r1], like d3.scale.linear. */
function rescale(value: number, d0: number, d1: number, r0: number, r1: number): number {
  return r0 + ((value - d0) / (d1 - d0)) * (r1 - r0);
}

/** Two gaussian blobs, + at (2, 2), − at (−2, −2); noise widens them (variance 0.5 → 4). */
export const classifyTwoGauss: PointGenerator = (numSamples, noise, rng) => {
  const points: Point2D[] = [];
  const variance = rescale(noise, 0, 0.5, 0.5, 4);
  const blob = (cx: number, cy: number, label: number): void => {
    for (let i = 0; i < numSamples / 2; i++) {
      const x = rng.normal(cx, variance);
      const y = rng.normal(cy, variance);
      points.push({ x, y, label });
    }
  };
  blob(2, 2, 1);
  blob(-2, -2, -1);
  return points;
};

/** A disc of + (radius < 2.5) inside a ring of − (3.5–5); noise moves the labelling point. */
export const classifyCircle: PointGenerator = (numSamples, noise, rng) => {
  const points: Point2D[] = [];
  const radius = 5;
  const labelAt = (x: number, y: number): number => (distance(x, y, 0, 0) < radius * 0.5 ? 1 : -1);
  const ring = (rMin: number, rMax: number): void => {
    for (let i = 0; i < numSamples / 2; i++) {
      const r = rng.uniform(rMin, rMax);
      const angle = rng.uniform(0, 2 * Math.PI);
      const x = r * Math.sin(angle);
      const y = r * Math.cos(angle);
      const noiseX = rng.uniform(-radius, radius) * noise;
      const noiseY = rng.uniform(-radius, radius) * noise;
      points.push({ x, y, label: labelAt(x + noiseX, y + noiseY) });
    }
  };
  ring(0, radius * 0.5);
  ring(radius * 0.7, radius);
  return points;
};

/** The four quadrants, + where x·y ≥ 0, kept 0.3 away from the axes. */
export const classifyXor: PointGenerator = (numSamples, noise, rng) => {
  const points: Point2D[] = [];
  const padding = 0.3;
  for (let i = 0; i < numSamples; i++) {
    let x = rng.uniform(-5, 5);
    x += x > 0 ? padding : -padding;
    let y = rng.uniform(-5, 5);
    y += y > 0 ? padding : -padding;
    const noiseX = rng.uniform(-5, 5) * noise;
    const noiseY = rng.uniform(-5, 5) * noise;
    points.push({ x, y, label: (x + noiseX) * (y + noiseY) >= 0 ? 1 : -1 });
  }
  return points;
};

/** Two interleaved spiral arms of 1.75 turns each. */
export const classifySpiral: PointGenerator = (numSamples, noise, rng) => {
  const points: Point2D[] = [];
  const n = numSamples / 2;
  const arm = (deltaT: number, label: number): void => {
    for (let i = 0; i < n; i++) {
      const r = (i / n) * 5;
      const t = ((1.75 * i) / n) * 2 * Math.PI + deltaT;
      const x = r * Math.sin(t) + rng.uniform(-1, 1) * noise;
      const y = r * Math.cos(t) + rng.uniform(-1, 1) * noise;
      points.push({ x, y, label });
    }
  };
  arm(0, 1);
  arm(Math.PI, -1);
  return points;
};

/**
 * The regression datasets' sampling: points uniform in [−6, 6]², each labelled at a copy of itself shifted by
 * noise (the playground's order of draws: x, y, then the two shifts).
 */
function uniformPointsLabelledAt(numSamples: number, noise: number, rng: Rng, labelAt: (x: number, y: number) => number): Point2D[] {
  const points: Point2D[] = [];
  const radius = 6;
  for (let i = 0; i < numSamples; i++) {
    const x = rng.uniform(-radius, radius);
    const y = rng.uniform(-radius, radius);
    const noiseX = rng.uniform(-radius, radius) * noise;
    const noiseY = rng.uniform(-radius, radius) * noise;
    points.push({ x, y, label: labelAt(x + noiseX, y + noiseY) });
  }
  return points;
}

/**
 * The plane label = (x + y) / 10, sampled at a noise-shifted point, clamped
 * to [−1, 1] (the playground lets corners reach ±1.2; our regression labels
 * stay in [−1, 1] everywhere).
 */
export const regressPlane: PointGenerator = (numSamples, noise, rng) =>
  uniformPointsLabelledAt(numSamples, noise, rng, (x, y) => Math.min(1, Math.max(-1, rescale(x + y, -10, 10, -1, 1))));

const REGRESSION_BUMPS: readonly (readonly [number, number, number])[] = [
  [-4, 2.5, 1],
  [0, 2.5, -1],
  [4, 2.5, 1],
  [-4, -2.5, -1],
  [0, -2.5, 1],
  [4, -2.5, -1],
];

/** Six ±1 cones of radius 2 on a 3×2 grid; the label is the strongest cone at a noise-shifted point. */
export const regressGauss: PointGenerator = (numSamples, noise, rng) => {
  const labelAt = (x: number, y: number): number => {
    let label = 0;
    for (const [cx, cy, sign] of REGRESSION_BUMPS) {
      const height = Math.min(1, Math.max(0, rescale(distance(x, y, cx, cy), 0, 2, 1, 0)));
      const candidate = sign * height;
      if (Math.abs(candidate) > Math.abs(label)) label = candidate;
    }
    return label;
  };
  return uniformPointsLabelledAt(numSamples, noise, rng, labelAt);
};

const SINE_AMPLITUDE = 2.5;
const SINE_FREQUENCY = 0.9;
/** Points closer than this (vertically) to the curve are redrawn, like the playground's XOR padding. */
const SINE_GAP = 0.3;

/** The boundary y = 2.5·sin(0.9·x): + above, − below, exactly half each before noise. */
export const classifySine: PointGenerator = (numSamples, noise, rng) => {
  const points: Point2D[] = [];
  const curve = (x: number): number => SINE_AMPLITUDE * Math.sin(SINE_FREQUENCY * x);
  const half = numSamples / 2;
  let above = 0;
  let below = 0;
  while (points.length < numSamples) {
    const x = rng.uniform(-6, 6);
    const y = rng.uniform(-6, 6);
    const offset = y - curve(x);
    if (Math.abs(offset) < SINE_GAP) continue;
    // Keep the two sides balanced: redraw a point whose side is already full.
    if (offset > 0 ? above >= half : below >= numSamples - half) continue;
    if (offset > 0) above++;
    else below++;
    const noiseX = rng.uniform(-6, 6) * noise;
    const noiseY = rng.uniform(-6, 6) * noise;
    points.push({ x, y, label: y + noiseY - curve(x + noiseX) >= 0 ? 1 : -1 });
  }
  return points;
};

/** Unit moons span 3 × 1.5; stretch them to about [−5.4, 5.4] × [−3.75, 3.75]. */
const MOON_SCALE_X = 3.6;
const MOON_SCALE_Y = 5;

/** Two interleaving half moons (+ upper, − lower), scaled to fill the domain; noise jitters them. */
export const classifyMoons: PointGenerator = (numSamples, noise, rng) => {
  const points: Point2D[] = [];
  // Unit moons span x ∈ [−1, 2], y ∈ [−0.5, 1]; centre them on the origin.
  const variance = (0.08 + noise * 0.8) ** 2;
  const moon = (count: number, label: number): void => {
    for (let i = 0; i < count; i++) {
      const t = rng.uniform(0, Math.PI);
      const ux = label > 0 ? Math.cos(t) : 1 - Math.cos(t);
      const uy = label > 0 ? Math.sin(t) : 0.5 - Math.sin(t);
      const x = (ux - 0.5 + rng.normal(0, variance)) * MOON_SCALE_X;
      const y = (uy - 0.25 + rng.normal(0, variance)) * MOON_SCALE_Y;
      points.push({ x, y, label });
    }
  };
  moon(Math.ceil(numSamples / 2), 1);
  moon(Math.floor(numSamples / 2), -1);
  return points;
};

/** Gaussian blobs labelled 0..k−1; counts differ by at most one; noise widens them (variance 0.5 → 4). */
function classBlobs(centres: readonly (readonly [number, number])[]): PointGenerator {
  return (numSamples, noise, rng) => {
    const points: Point2D[] = [];
    const variance = rescale(noise, 0, 0.5, 0.5, 4);
    const k = centres.length;
    centres.forEach(([cx, cy], label) => {
      const count = Math.floor(numSamples / k) + (label < numSamples % k ? 1 : 0);
      for (let i = 0; i < count; i++) {
        points.push({ x: rng.normal(cx, variance), y: rng.normal(cy, variance), label });
      }
    });
    return points;
  };
}

const THREE_CLASS_RADIUS = 3.5;

/** Three blobs at 90°, 210°, 330° on a circle of radius 3.5. */
export const classifyThreeClass: PointGenerator = classBlobs(
  [90, 210, 330].map((degrees) => {
    const angle = (degrees * Math.PI) / 180;
    return [THREE_CLASS_RADIUS * Math.cos(angle), THREE_CLASS_RADIUS * Math.sin(angle)] as const;
  }),
);

/** Four blobs, one per quadrant, counter-clockwise from (+, +). */
export const classifyFourClass: PointGenerator = classBlobs([
  [3, 3],
  [-3, 3],
  [-3, -3],
  [3, -3],
]);
