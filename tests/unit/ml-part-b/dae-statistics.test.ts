import { describe, expect, it } from 'vitest';
import { cellCentres, fieldStatistics, nearestDistance } from '@/lib/ml/part-b/dae-statistics';

describe('cellCentres', () => {
  it('tiles the box row by row from the bottom', () => {
    expect(Array.from(cellCentres({ x: [0, 2], y: [0, 4] }, 2))).toEqual([0.5, 1, 1.5, 1, 0.5, 3, 1.5, 3]);
  });
});

describe('nearestDistance', () => {
  it('is the distance to the closest point, Infinity without points', () => {
    expect(nearestDistance(Float32Array.of(0, 0, 3, 4), 3, 0)).toBe(3);
    expect(nearestDistance(new Float32Array(0), 1, 1)).toBe(Infinity);
  });
});

describe('fieldStatistics', () => {
  // Data: one point at (1, 0). Tails: one on the data (near), one far away at (5, 0).
  const data = Float32Array.of(1, 0);
  const tails = Float32Array.of(1, 0, 5, 0);

  it('splits arrows into near and far, counts those that move towards the data and takes median lengths', () => {
    // Heads: near tail stays (length 0); far tail moves to (3, 0) (inward, length 2); data → (1, 0.5); origin → (0.1, 0.2).
    const heads = Float32Array.of(1, 0, 3, 0, 1, 0.5, 0.1, 0.2);
    const stats = fieldStatistics({ tails, heads, data, surface: Float32Array.of(4, 1, NaN, 2), sample: null, near: 0.5 });
    expect(stats.near).toEqual({ count: 1, inward: 0, medianLength: 0 });
    expect(stats.far).toEqual({ count: 1, inward: 1, medianLength: 2 });
    expect(stats.dataMedian).toBeCloseTo(0.25, 6);
    expect(stats.centre).toBeCloseTo(0.05, 6);
    expect([stats.min, stats.max]).toEqual([1, 4]);
    expect(stats.boxMedian).toBe(2);
    expect(stats.noisy).toBeNaN();
    expect(stats.restored).toBeNaN();
  });

  it('measures how far a sample was moved back towards its clean points', () => {
    // The sample's single noisy point (1, 2) of clean (1, 0) is reconstructed at (1, 0.5).
    const heads = Float32Array.of(1, 0, 5, 0, 1, 0, 0, 0, 1, 0.5);
    const sample = { noisy: Float32Array.of(1, 2), clean: Float32Array.of(1, 0) };
    const stats = fieldStatistics({ tails, heads, data, surface: Float32Array.of(1), sample, near: 0.5 });
    expect(stats.noisy).toBeCloseTo(2, 6);
    expect(stats.restored).toBeCloseTo(0.5, 6);
    expect(stats.far.inward).toBe(0);
  });
});
