import { describe, expect, it } from 'vitest';
import { layoutNetwork, linkPath, linkWidth } from './networkLayout';

describe('layoutNetwork', () => {
  const input = { columnSizes: [9, 4, 2, 1], labelWidth: 60, headerHeight: 40 };

  it('spreads the columns across the width, the features first', () => {
    const layout = layoutNetwork({ ...input, width: 800 });
    expect(layout.columnX[0]).toBe(60);
    expect(layout.columnX[3]).toBe(800 - layout.nodeSize);
    expect(layout.nodes[0]).toHaveLength(9);
    expect(layout.nodes[1]![3]!.y).toBeGreaterThan(layout.nodes[1]![2]!.y);
    expect(layout.height).toBeGreaterThan(layout.nodes[0]![8]!.y + layout.nodeSize - 1);
  });

  it('shrinks the nodes on a phone but keeps them tappable', () => {
    const wide = layoutNetwork({ ...input, width: 800 });
    const phone = layoutNetwork({ ...input, columnSizes: [9, 8, 8, 8, 8, 8, 8, 1], width: 360 });
    expect(phone.nodeSize).toBeLessThan(wide.nodeSize);
    expect(phone.nodeSize).toBeGreaterThanOrEqual(22);
    const last = phone.columnX.at(-1)!;
    expect(last + phone.nodeSize).toBeLessThanOrEqual(360);
  });

  it('never overlaps columns when the width is too small, growing wider instead', () => {
    const layout = layoutNetwork({ ...input, columnSizes: [9, 8, 8, 8, 8, 8, 8, 4], width: 200 });
    for (let c = 1; c < layout.columnX.length; c++) {
      expect(layout.columnX[c]! - layout.columnX[c - 1]!).toBeGreaterThanOrEqual(layout.nodeSize);
    }
    expect(layout.width).toBe(layout.columnX.at(-1)! + layout.nodeSize);
    expect(layout.width).toBeGreaterThan(200);
  });
});

describe('links', () => {
  it('runs from the right edge of the source to the left edge of the target', () => {
    const path = linkPath({ column: 0, row: 0, x: 0, y: 0 }, { column: 1, row: 1, x: 100, y: 50 }, 20);
    expect(path).toBe('M20,10 C60,10 60,60 100,60');
  });

  it('thickens with |weight| up to 10 px', () => {
    expect(linkWidth(0)).toBe(1);
    expect(linkWidth(-2.5)).toBe(5.5);
    expect(linkWidth(50)).toBe(10);
    expect(linkWidth(NaN)).toBe(10);
  });
});
