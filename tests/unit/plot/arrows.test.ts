import { describe, expect, it } from 'vitest';
import { arrowPaths } from '@/lib/plot/arrows';

/** The numbers of a path string, in order. */
const numbers = (d: string) => (d.match(/-?\d+(\.\d+)?/g) ?? []).map(Number);

describe('arrowPaths', () => {
  it('draws a shaft up to the head and a head whose tip is the arrow\'s end', () => {
    const { shafts, heads, count } = arrowPaths([0, 0, 10, 0], 4);
    expect(count).toBe(1);
    expect(numbers(shafts)).toEqual([0, 0, 6, 0]);
    // Tip (10, 0), then the two base corners 0.45·4 = 1.8 either side of (6, 0).
    expect(numbers(heads)).toEqual([10, 0, 6, 1.8, 6, -1.8]);
    expect(heads.endsWith('Z')).toBe(true);
  });

  it('follows the direction of each arrow', () => {
    const { heads } = arrowPaths([5, 5, 5, 25], 4);
    const [tx, ty, ax, ay, bx, by] = numbers(heads);
    expect([tx, ty]).toEqual([5, 25]);
    // The base is 4 px back along the arrow, the corners across it.
    expect([ay, by]).toEqual([21, 21]);
    expect(Math.abs(ax - bx)).toBeCloseTo(3.6, 5);
  });

  it('leaves out arrows too short to show a direction, and non-finite ones', () => {
    const { count, shafts, heads } = arrowPaths([0, 0, 1, 1, 0, 0, NaN, 3, 0, 0, 0, 30], 4, 2);
    expect(count).toBe(1);
    expect(numbers(shafts)).toEqual([0, 0, 0, 26]);
    expect(numbers(heads).slice(0, 2)).toEqual([0, 30]);
  });

  it('gives an arrow shorter than its head only a head, no longer than the arrow', () => {
    const { shafts, heads, count } = arrowPaths([0, 0, 3, 0], 4, 2);
    expect(count).toBe(1);
    expect(shafts).toBe('');
    // Coordinates are rounded to a tenth of a pixel.
    numbers(heads).forEach((v, i) => expect(Math.abs(v - [3, 0, 0, 1.35, 0, -1.35][i])).toBeLessThanOrEqual(0.051));
  });
});
