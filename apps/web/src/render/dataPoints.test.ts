import { describe, expect, it } from 'vitest';
import { pixelPoint, pointColor, pointPixel } from './dataPoints';

describe('pointPixel', () => {
  it('maps the domain corners to the square corners with y pointing up', () => {
    expect(pointPixel(-6, 6, 300)).toEqual([0, 0]);
    expect(pointPixel(6, -6, 300)).toEqual([300, 300]);
    expect(pointPixel(0, 0, 300)).toEqual([150, 150]);
    expect(pointPixel(3, 3, 100)).toEqual([75, 25]);
  });

  it('is undone by pixelPoint', () => {
    expect(pixelPoint(75, 25, 100)).toEqual([3, 3]);
    expect(pixelPoint(0, 300, 300)).toEqual([-6, -6]);
    const [px, py] = pointPixel(1.25, -4.5, 340);
    const [x, y] = pixelPoint(px, py, 340);
    expect(x).toBeCloseTo(1.25, 12);
    expect(y).toBeCloseTo(-4.5, 12);
  });
});

describe('pointColor', () => {
  it('uses the diverging palette for ±1 labels and class colours for multiclass', () => {
    expect(pointColor(1, 'classification')).toBe('rgb(8,119,189)');
    expect(pointColor(-1, 'classification')).toBe('rgb(245,147,34)');
    expect(pointColor(2, 'multiclass')).toBe('rgb(46,158,91)');
    expect(pointColor(0, 'multiclass')).toBe('rgb(245,147,34)');
  });
});
