/**
 * Grid → pixels. A grid is a square of `size × size` values inside a larger
 * Float32Array (the engine packs every neuron's grid into one buffer), row 0
 * at the top of the picture. These functions only write into a caller-owned
 * RGBA byte array, so they allocate nothing and run the same under jsdom.
 */
import { CLASS_COLORS, NEUTRAL_COLOR, shadeIndex, type Rgb } from './colorScale';

/** A square grid of values stored at `offset` in `data`. */
export interface GridView {
  data: Float32Array;
  offset: number;
  size: number;
}

export interface DivergingPaintOptions {
  /** an RGBA lookup table from buildDivergingLut */
  lut: Uint8ClampedArray;
  /** snap every value to −1 or +1 (the playground's "discretize output") */
  discretize?: boolean;
  /** values are mapped to `value · scale + shift` first (a sigmoid's 0…1 becomes −1…1 with 2, −1) */
  scale?: number;
  shift?: number;
  /** every pixel's opacity, 0–255 (default opaque) */
  alpha?: number;
}

/**
 * Paints `grid` into `out` (RGBA, `outSize × outSize`), sampling every
 * `grid.size / outSize`-th value, so one 100×100 grid also gives a 25×25 thumbnail.
 */
export function paintDivergingGrid(grid: GridView, out: Uint8ClampedArray, outSize: number, options: DivergingPaintOptions): void {
  const { lut, discretize = false, scale = 1, shift = 0, alpha = 255 } = options;
  const shades = lut.length >> 2;
  const step = grid.size / outSize;
  const { data, offset, size } = grid;
  let p = 0;
  for (let row = 0; row < outSize; row++) {
    const rowStart = offset + Math.floor(row * step) * size;
    for (let col = 0; col < outSize; col++) {
      let v = data[rowStart + Math.floor(col * step)]! * scale + shift;
      if (discretize) v = v >= 0 ? 1 : -1;
      const s = shadeIndex(v, shades) << 2;
      out[p] = lut[s]!;
      out[p + 1] = lut[s + 1]!;
      out[p + 2] = lut[s + 2]!;
      out[p + 3] = alpha;
      p += 4;
    }
  }
}

export interface ClassPaintOptions {
  /** full class colours, no fading */
  discretize?: boolean;
  /** the grids hold softmax probabilities already (otherwise logits, softmaxed here) */
  probabilities?: boolean;
  /** every pixel's opacity, 0–255 (default opaque) */
  alpha?: number;
}

/**
 * Paints a multiclass output: each pixel takes the colour of the class with
 * the largest output (argmax), faded toward the neutral colour as the
 * winner's probability falls toward chance (1/k).
 */
export function paintClassGrid(
  classGrids: readonly GridView[],
  out: Uint8ClampedArray,
  outSize: number,
  options: ClassPaintOptions = {},
): void {
  const { discretize = false, probabilities = false, alpha = 255 } = options;
  const k = classGrids.length;
  if (k === 0) return;
  const size = classGrids[0]!.size;
  const step = size / outSize;
  const floor = 1 / k;
  let p = 0;
  for (let row = 0; row < outSize; row++) {
    const rowIndex = Math.floor(row * step) * size;
    for (let col = 0; col < outSize; col++) {
      const index = rowIndex + Math.floor(col * step);
      let best = 0;
      let bestValue = -Infinity;
      for (let c = 0; c < k; c++) {
        const g = classGrids[c]!;
        const v = g.data[g.offset + index]!;
        if (v > bestValue) {
          bestValue = v;
          best = c;
        }
      }
      let confidence = 1;
      if (!discretize) {
        let winner = bestValue;
        if (!probabilities) {
          // softmax probability of the winner: 1 / Σ exp(v_c − v_best)
          let sum = 0;
          for (let c = 0; c < k; c++) {
            const g = classGrids[c]!;
            sum += Math.exp(g.data[g.offset + index]! - bestValue);
          }
          winner = Number.isFinite(sum) && sum > 0 ? 1 / sum : floor;
        }
        confidence = Math.max(0, Math.min(1, (winner - floor) / (1 - floor)));
      }
      const color = CLASS_COLORS[best % CLASS_COLORS.length]!;
      out[p] = NEUTRAL_COLOR[0] + (color[0] - NEUTRAL_COLOR[0]) * confidence;
      out[p + 1] = NEUTRAL_COLOR[1] + (color[1] - NEUTRAL_COLOR[1]) * confidence;
      out[p + 2] = NEUTRAL_COLOR[2] + (color[2] - NEUTRAL_COLOR[2]) * confidence;
      out[p + 3] = alpha;
      p += 4;
    }
  }
}

/** Paints values in [0, 1] (a class probability) from the neutral colour to `color`, at opacity `alpha` (0–255). */
export function paintIntensityGrid(grid: GridView, out: Uint8ClampedArray, outSize: number, color: Rgb, alpha = 255): void {
  const step = grid.size / outSize;
  const { data, offset, size } = grid;
  let p = 0;
  for (let row = 0; row < outSize; row++) {
    const rowStart = offset + Math.floor(row * step) * size;
    for (let col = 0; col < outSize; col++) {
      const raw = data[rowStart + Math.floor(col * step)]!;
      const t = raw > 0 ? (raw < 1 ? raw : 1) : 0;
      out[p] = NEUTRAL_COLOR[0] + (color[0] - NEUTRAL_COLOR[0]) * t;
      out[p + 1] = NEUTRAL_COLOR[1] + (color[1] - NEUTRAL_COLOR[1]) * t;
      out[p + 2] = NEUTRAL_COLOR[2] + (color[2] - NEUTRAL_COLOR[2]) * t;
      out[p + 3] = alpha;
      p += 4;
    }
  }
}
