/**
 * The playground's diverging palette: orange for negative values, a light grey
 * for zero and blue for positive ones, clamped to [-1, 1]. Heatmaps, weights
 * and data points all use it, so one colour means one value everywhere.
 */

export type Rgb = readonly [number, number, number];

/** TensorFlow Playground's three stops: −1, 0, +1. */
export const NEGATIVE_COLOR: Rgb = [0xf5, 0x93, 0x22];
export const NEUTRAL_COLOR: Rgb = [0xe8, 0xea, 0xeb];
export const POSITIVE_COLOR: Rgb = [0x08, 0x77, 0xbd];

/** Class colours for multiclass problems (class 0 and 1 match the two-class palette). */
export const CLASS_COLORS: readonly Rgb[] = [NEGATIVE_COLOR, POSITIVE_COLOR, [0x2e, 0x9e, 0x5b], [0x8e, 0x5b, 0xc4]];

/**
 * Number of colour shades of a heatmap. The playground uses 30; an odd count
 * keeps a true neutral shade for 0, and the visible banding still reads as contour lines.
 */
export const HEATMAP_SHADES = 31;

function mix(a: Rgb, b: Rgb, t: number): [number, number, number] {
  return [
    Math.round(a[0] + (b[0] - a[0]) * t),
    Math.round(a[1] + (b[1] - a[1]) * t),
    Math.round(a[2] + (b[2] - a[2]) * t),
  ];
}

/** The colour of a value on the diverging scale (clamped to [-1, 1]; NaN counts as 0). */
export function divergingRgb(value: number): [number, number, number] {
  const v = Number.isFinite(value) ? Math.max(-1, Math.min(1, value)) : Number.isNaN(value) ? 0 : Math.sign(value);
  return v < 0 ? mix(NEUTRAL_COLOR, NEGATIVE_COLOR, -v) : mix(NEUTRAL_COLOR, POSITIVE_COLOR, v);
}

/** The same colour as a CSS string, for SVG strokes and fills. */
export function divergingCss(value: number): string {
  const [r, g, b] = divergingRgb(value);
  return `rgb(${r},${g},${b})`;
}

/** A CSS string for a class colour. */
export function classCss(classIndex: number): string {
  const [r, g, b] = CLASS_COLORS[classIndex % CLASS_COLORS.length]!;
  return `rgb(${r},${g},${b})`;
}

/**
 * A lookup table of `shades` RGBA colours spanning [-1, 1], so painting a pixel
 * is an index computation and four byte copies, never a string or an object.
 */
export function buildDivergingLut(shades = HEATMAP_SHADES): Uint8ClampedArray {
  const lut = new Uint8ClampedArray(shades * 4);
  for (let s = 0; s < shades; s++) {
    // Shade s stands for the middle of its bucket, like d3.scale.quantize.
    const value = shades === 1 ? 0 : -1 + (2 * s) / (shades - 1);
    const [r, g, b] = divergingRgb(value);
    lut[4 * s] = r;
    lut[4 * s + 1] = g;
    lut[4 * s + 2] = b;
    lut[4 * s + 3] = 255;
  }
  return lut;
}

/** Which LUT shade a value falls in (quantized over [-1, 1], clamped; NaN → the middle). */
export function shadeIndex(value: number, shades: number): number {
  if (value !== value) return (shades - 1) >> 1;
  const t = (value + 1) * 0.5;
  const index = Math.floor(t * shades);
  return index < 0 ? 0 : index >= shades ? shades - 1 : index;
}
