import { describe, expect, it } from 'vitest';
import { mulberry32, normal, uniform } from '@/lib/ml/random';

function draw(seed: number, n: number): number[] {
  const rng = mulberry32(seed);
  return Array.from({ length: n }, () => rng());
}

describe('mulberry32', () => {
  it('repeats the same sequence for the same seed', () => {
    expect(draw(42, 1000)).toEqual(draw(42, 1000));
  });

  it('gives different sequences for different seeds', () => {
    expect(draw(1, 10)).not.toEqual(draw(2, 10));
  });

  it('stays in [0, 1) with a plausible mean', () => {
    const values = draw(7, 20000);
    expect(Math.min(...values)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...values)).toBeLessThan(1);
    const mean = values.reduce((s, v) => s + v, 0) / values.length;
    expect(Math.abs(mean - 0.5)).toBeLessThan(0.01);
  });

  it('rejects a non-finite seed', () => {
    expect(() => mulberry32(Number.NaN)).toThrow(RangeError);
  });
});

describe('uniform and normal', () => {
  it('uniform respects its bounds', () => {
    const rng = mulberry32(3);
    for (let i = 0; i < 1000; i++) {
      const v = uniform(rng, -2, 5);
      expect(v).toBeGreaterThanOrEqual(-2);
      expect(v).toBeLessThan(5);
    }
  });

  it('normal has the requested mean and standard deviation', () => {
    const rng = mulberry32(11);
    const n = 40000;
    const values = Array.from({ length: n }, () => normal(rng, 1, 0.5));
    const mean = values.reduce((s, v) => s + v, 0) / n;
    const variance = values.reduce((s, v) => s + (v - mean) ** 2, 0) / (n - 1);
    expect(values.every(Number.isFinite)).toBe(true);
    expect(Math.abs(mean - 1)).toBeLessThan(0.02);
    expect(Math.abs(Math.sqrt(variance) - 0.5)).toBeLessThan(0.02);
  });

  it('normal is deterministic for a seed', () => {
    const a = mulberry32(5);
    const b = mulberry32(5);
    for (let i = 0; i < 100; i++) expect(normal(a)).toBe(normal(b));
  });
});
