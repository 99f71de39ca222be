import { describe, expect, it } from 'vitest';
import { linePath, seriesExtent } from '@/lib/plot/line-path';

const id = (v: number) => v;

describe('linePath', () => {
  it('plots against the index when xs is omitted', () => {
    expect(linePath([5, 6, 7], undefined, (v) => 10 * v, id)).toBe('M0,5L10,6L20,7');
  });

  it('uses xs when given', () => {
    expect(linePath([1, 2], [3, 8], id, id)).toBe('M3,1L8,2');
  });

  it('breaks the line at non-finite and undefined points', () => {
    const d = linePath([1, NaN, 3, 4, -1, 6, 7], undefined, (v) => 10 * v, id, { defined: (_x, y) => y > 0 });
    expect(d).toBe('M0,1M20,3L30,4M50,6L60,7');
  });

  it('reduces many points per pixel column to the extremes without losing spikes', () => {
    const n = 10_000;
    const ys = new Float64Array(n);
    for (let k = 0; k < n; k++) ys[k] = Math.sin(k / 50);
    ys[5003] = 40;
    const d = linePath(ys, undefined, (v) => (v / n) * 100, (v) => 100 - v);
    const commands = d.match(/[ML]/g) ?? [];
    expect(commands.length).toBeLessThanOrEqual(4 * 101);
    expect(d).toContain(',60');
  });
});

describe('seriesExtent', () => {
  it('ignores non-finite and rejected values', () => {
    expect(seriesExtent([NaN, -2, 3, Infinity])).toEqual([-2, 3]);
    expect(seriesExtent([-2, 0.5, 3], (v) => v > 0)).toEqual([0.5, 3]);
    expect(seriesExtent([NaN])).toBeNull();
  });
});
