import { describe, expect, it } from 'vitest';
import { buildDivergingLut, CLASS_COLORS, NEGATIVE_COLOR, NEUTRAL_COLOR, POSITIVE_COLOR } from './colorScale';
import { paintClassGrid, paintDivergingGrid, paintIntensityGrid, type GridView } from './gridImage';

const lut = buildDivergingLut(31);

function pixel(out: Uint8ClampedArray, size: number, row: number, col: number): number[] {
  const p = 4 * (row * size + col);
  return [out[p]!, out[p + 1]!, out[p + 2]!, out[p + 3]!];
}

describe('paintDivergingGrid', () => {
  it('paints each value with its colour, row 0 at the top', () => {
    // 2×2 grid at offset 3 of a larger buffer
    const data = new Float32Array([9, 9, 9, -1, 1, 0, 0.0001, 9]);
    const grid: GridView = { data, offset: 3, size: 2 };
    const out = new Uint8ClampedArray(2 * 2 * 4);
    paintDivergingGrid(grid, out, 2, { lut });
    expect(pixel(out, 2, 0, 0)).toEqual([...NEGATIVE_COLOR, 255]);
    expect(pixel(out, 2, 0, 1)).toEqual([...POSITIVE_COLOR, 255]);
    expect(pixel(out, 2, 1, 0)).toEqual([...NEUTRAL_COLOR, 255]);
  });

  it('discretizes to the two end colours', () => {
    const grid: GridView = { data: new Float32Array([-0.01, 0.02, 0.5, -0.7]), offset: 0, size: 2 };
    const out = new Uint8ClampedArray(16);
    paintDivergingGrid(grid, out, 2, { lut, discretize: true });
    expect(pixel(out, 2, 0, 0)).toEqual([...NEGATIVE_COLOR, 255]);
    expect(pixel(out, 2, 0, 1)).toEqual([...POSITIVE_COLOR, 255]);
    expect(pixel(out, 2, 1, 0)).toEqual([...POSITIVE_COLOR, 255]);
    expect(pixel(out, 2, 1, 1)).toEqual([...NEGATIVE_COLOR, 255]);
  });

  it('scales values before colouring', () => {
    const grid: GridView = { data: new Float32Array([6]), offset: 0, size: 1 };
    const out = new Uint8ClampedArray(4);
    paintDivergingGrid(grid, out, 1, { lut, scale: 0 });
    expect(pixel(out, 1, 0, 0)).toEqual([...NEUTRAL_COLOR, 255]);
  });

  it('maps a 0…1 output onto the palette with scale and shift', () => {
    const grid: GridView = { data: new Float32Array([0, 0.5, 1, 0.75]), offset: 0, size: 2 };
    const out = new Uint8ClampedArray(16);
    paintDivergingGrid(grid, out, 2, { lut, scale: 2, shift: -1 });
    expect(pixel(out, 2, 0, 0)).toEqual([...NEGATIVE_COLOR, 255]);
    expect(pixel(out, 2, 0, 1)).toEqual([...NEUTRAL_COLOR, 255]);
    expect(pixel(out, 2, 1, 0)).toEqual([...POSITIVE_COLOR, 255]);
  });

  it('paints every pixel at the opacity asked for', () => {
    const grid: GridView = { data: new Float32Array([-1, 1, 0, 0.5]), offset: 0, size: 2 };
    const out = new Uint8ClampedArray(16);
    paintDivergingGrid(grid, out, 2, { lut, alpha: 160 });
    expect(pixel(out, 2, 0, 0)).toEqual([...NEGATIVE_COLOR, 160]);
    expect([1, 2, 3].map((i) => out[4 * i + 3])).toEqual([160, 160, 160]);
  });

  it('down-samples a 4×4 grid to 2×2 by taking every second value', () => {
    const data = new Float32Array(16).fill(0);
    data[0] = -1; // (0,0)
    data[2] = 1; // (0,2) → thumbnail (0,1)
    data[8] = 1; // (2,0) → thumbnail (1,0)
    data[1] = 1; // skipped
    const out = new Uint8ClampedArray(16);
    paintDivergingGrid({ data, offset: 0, size: 4 }, out, 2, { lut });
    expect(pixel(out, 2, 0, 0)).toEqual([...NEGATIVE_COLOR, 255]);
    expect(pixel(out, 2, 0, 1)).toEqual([...POSITIVE_COLOR, 255]);
    expect(pixel(out, 2, 1, 0)).toEqual([...POSITIVE_COLOR, 255]);
    expect(pixel(out, 2, 1, 1)).toEqual([...NEUTRAL_COLOR, 255]);
  });
});

describe('paintClassGrid', () => {
  const size = 2;
  // three classes packed in one buffer, one pixel favouring each, one tie
  const data = new Float32Array([
    /* class 0 */ 5, 0, 0, 0,
    /* class 1 */ 0, 5, 0, 0,
    /* class 2 */ 0, 0, 5, 0,
  ]);
  const grids: GridView[] = [0, 1, 2].map((c) => ({ data, offset: c * 4, size }));

  it('colours each pixel by its argmax class when discretized', () => {
    const out = new Uint8ClampedArray(16);
    paintClassGrid(grids, out, size, { discretize: true });
    expect(pixel(out, size, 0, 0)).toEqual([...CLASS_COLORS[0]!, 255]);
    expect(pixel(out, size, 0, 1)).toEqual([...CLASS_COLORS[1]!, 255]);
    expect(pixel(out, size, 1, 0)).toEqual([...CLASS_COLORS[2]!, 255]);
  });

  it('fades to neutral when every class is equally likely', () => {
    const out = new Uint8ClampedArray(16);
    paintClassGrid(grids, out, size);
    expect(pixel(out, size, 1, 1)).toEqual([...NEUTRAL_COLOR, 255]);
    // a confident pixel is close to, but not exactly, its class colour
    const confident = pixel(out, size, 0, 1);
    expect(Math.abs(confident[2]! - CLASS_COLORS[1]![2])).toBeLessThan(12);
  });

  it('reads probabilities directly when told so', () => {
    const probs = new Float32Array([1, 0.5, 0, 0.5]);
    const out = new Uint8ClampedArray(4);
    paintClassGrid(
      [
        { data: probs, offset: 0, size: 1 },
        { data: probs, offset: 2, size: 1 },
      ],
      out,
      1,
      { probabilities: true },
    );
    expect(pixel(out, 1, 0, 0)).toEqual([...CLASS_COLORS[0]!, 255]);
  });
});

describe('paintIntensityGrid', () => {
  it('fades from neutral at 0 to the colour at 1, clamped', () => {
    const grid: GridView = { data: new Float32Array([0, 1, -3, 7]), offset: 0, size: 2 };
    const out = new Uint8ClampedArray(16);
    const green = CLASS_COLORS[2]!;
    paintIntensityGrid(grid, out, 2, green);
    expect(pixel(out, 2, 0, 0)).toEqual([...NEUTRAL_COLOR, 255]);
    expect(pixel(out, 2, 0, 1)).toEqual([...green, 255]);
    expect(pixel(out, 2, 1, 0)).toEqual([...NEUTRAL_COLOR, 255]);
    expect(pixel(out, 2, 1, 1)).toEqual([...green, 255]);
  });
});
