import { describe, expect, it } from 'vitest';
import { placePeek } from './NeuronPeek';

const PHONE = { width: 360, height: 640 };
const BOX = { width: 220, height: 250 };

describe('placePeek', () => {
  it('centres the box over the finger, above it, when there is room', () => {
    expect(placePeek({ x: 180, y: 400 }, BOX, PHONE)).toEqual({ x: 70, y: 400 - 28 - 250 });
  });

  it('keeps a box tapped near the right edge inside the screen', () => {
    const { x } = placePeek({ x: 350, y: 400 }, BOX, PHONE);
    expect(x + BOX.width).toBe(PHONE.width - 8);
  });

  it('keeps a box tapped near the left edge inside the screen', () => {
    expect(placePeek({ x: 5, y: 400 }, BOX, PHONE).x).toBe(8);
  });

  it('goes under the finger when there is no room above, and stays above the bottom edge', () => {
    expect(placePeek({ x: 180, y: 100 }, BOX, PHONE).y).toBe(128);
    // no room either way: as low as fits
    expect(placePeek({ x: 180, y: 250 }, { width: 220, height: 400 }, PHONE).y).toBe(640 - 8 - 400);
  });

  it('starts a box larger than the screen at the margin', () => {
    expect(placePeek({ x: 180, y: 50 }, { width: 500, height: 900 }, PHONE)).toEqual({ x: 8, y: 8 });
  });
});
