import { describe, expect, it } from 'vitest';
import {
  BLOB_CENTRES,
  DATASETS,
  DATA_BOX,
  RING_RADIUS,
  SPIRAL_RADII,
  blobs,
  ring,
  spiral,
  twoMoons,
  uniformPoints,
  type DatasetName,
} from '@/lib/ml/part-b/datasets';

const names = Object.keys(DATASETS) as DatasetName[];

function* rows(points: Float32Array): Generator<[number, number]> {
  for (let i = 0; i < points.length; i += 2) yield [points[i], points[i + 1]];
}

describe('datasets', () => {
  it.each(names)('%s is seeded and returns 2n coordinates', (name) => {
    const make = DATASETS[name];
    const a = make(257, 11);
    expect(a).toBeInstanceOf(Float32Array);
    expect(a.length).toBe(514);
    expect(make(257, 11)).toEqual(a);
    expect(make(257, 12)).not.toEqual(a);
    expect(make(0, 11).length).toBe(0);
  });

  it.each(names)('%s keeps almost every point inside the plot box with its default noise', (name) => {
    const points = DATASETS[name](1000, 3);
    let inside = 0;
    for (const [x, y] of rows(points)) {
      if (x >= DATA_BOX.x[0] && x <= DATA_BOX.x[1] && y >= DATA_BOX.y[0] && y <= DATA_BOX.y[1]) inside++;
    }
    expect(inside).toBeGreaterThanOrEqual(990);
  });

  it('noise-free shapes have the documented geometry', () => {
    for (const [x, y] of rows(ring(100, 1, 0))) expect(Math.hypot(x, y)).toBeCloseTo(RING_RADIUS, 5);
    for (const [x, y] of rows(spiral(200, 1, 0))) {
      const r = Math.hypot(x, y);
      expect(r).toBeGreaterThanOrEqual(SPIRAL_RADII[0] - 1e-6);
      expect(r).toBeLessThanOrEqual(SPIRAL_RADII[1] + 1e-6);
    }
    const b = blobs(2 * BLOB_CENTRES.length, 1, 0);
    Array.from(rows(b)).forEach(([x, y], i) => {
      const [cx, cy] = BLOB_CENTRES[i % BLOB_CENTRES.length];
      expect(x).toBeCloseTo(cx, 6);
      expect(y).toBeCloseTo(cy, 6);
    });
    for (const [x, y] of rows(twoMoons(200, 1, 0))) {
      expect(Math.abs(x)).toBeLessThanOrEqual(2.4 + 1e-6);
      expect(Math.abs(y)).toBeLessThanOrEqual(1.2 + 1e-6);
    }
  });

  it('the clean positions do not depend on the noise level', () => {
    const clean = ring(50, 5, 0);
    const noisy = ring(50, 5, 0.1);
    let maxShift = 0;
    for (let i = 0; i < clean.length; i++) maxShift = Math.max(maxShift, Math.abs(noisy[i] - clean[i]));
    expect(maxShift).toBeLessThan(0.6);
  });

  it('rejects bad arguments', () => {
    expect(() => ring(-1, 1)).toThrow(RangeError);
    expect(() => ring(2.5, 1)).toThrow(RangeError);
    expect(() => ring(10, 1, -0.1)).toThrow(RangeError);
  });
});

describe('uniformPoints', () => {
  it('is seeded and fills the box', () => {
    const box = { x: [-1, 2] as const, y: [5, 6] as const };
    const p = uniformPoints(box, 2000, 4);
    expect(uniformPoints(box, 2000, 4)).toEqual(p);
    let sx = 0;
    for (const [x, y] of rows(p)) {
      expect(x).toBeGreaterThanOrEqual(-1);
      expect(x).toBeLessThan(2);
      expect(y).toBeGreaterThanOrEqual(5);
      expect(y).toBeLessThan(6);
      sx += x;
    }
    expect(sx / 2000).toBeCloseTo(0.5, 1);
  });
});
