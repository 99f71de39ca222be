import { describe, expect, it } from 'vitest';
import type { Box } from '@/lib/ml/grid';
import { createEnergyScale, energyDomain } from '@/lib/plot/colour-scale';
import { computeIsolines, isolineLevels, isolinePaths, polylinesPath } from '@/lib/plot/isolines';

function sample(box: Box, n: number, f: (x: number, y: number) => number): Float32Array {
  const values = new Float32Array(n * n);
  for (let j = 0; j < n; j++) {
    const y = box.y[0] + (j * (box.y[1] - box.y[0])) / (n - 1);
    for (let i = 0; i < n; i++) {
      const x = box.x[0] + (i * (box.x[1] - box.x[0])) / (n - 1);
      values[j * n + i] = f(x, y);
    }
  }
  return values;
}

function points(line: { points: Float64Array }): [number, number][] {
  const out: [number, number][] = [];
  for (let k = 0; k < line.points.length; k += 2) out.push([line.points[k], line.points[k + 1]]);
  return out;
}

describe('computeIsolines', () => {
  it('traces E = x² + y² at level r² as one closed curve of radius r', () => {
    // An off-centre, non-square box catches mix-ups between x and y and half-cell offsets.
    const box: Box = { x: [-2, 3], y: [-1.5, 2.5] };
    const n = 97;
    const cx = 0.4;
    const cy = 0.3;
    const values = sample(box, n, (x, y) => (x - cx) ** 2 + (y - cy) ** 2);
    const halfCell = 0.5 * Math.max((box.x[1] - box.x[0]) / (n - 1), (box.y[1] - box.y[0]) / (n - 1));
    for (const r of [0.5, 1, 1.3]) {
      const [iso] = computeIsolines(values, n, box, [r * r]);
      expect(iso.level).toBe(r * r);
      expect(iso.lines).toHaveLength(1);
      const [line] = iso.lines;
      expect(line.closed).toBe(true);
      const pts = points(line);
      expect(pts.length).toBeGreaterThan(20);
      for (const [x, y] of pts) {
        expect(Math.abs(Math.hypot(x - cx, y - cy) - r)).toBeLessThan(halfCell);
      }
      // The curve goes all the way round the centre.
      const angles = new Set(pts.map(([x, y]) => Math.floor(((Math.atan2(y - cy, x - cx) + Math.PI) / (2 * Math.PI)) * 8)));
      expect(angles.size).toBe(8);
    }
  });

  it('keeps the orientation: a level of E = y is a horizontal line at that y', () => {
    const box: Box = { x: [0, 1], y: [10, 20] };
    const n = 11;
    const values = sample(box, n, (_x, y) => y);
    const [iso] = computeIsolines(values, n, box, [13.5]);
    expect(iso.lines).toHaveLength(1);
    const [line] = iso.lines;
    expect(line.closed).toBe(false);
    const pts = points(line);
    for (const [, y] of pts) expect(y).toBeCloseTo(13.5, 9);
    // It spans the box exactly, ending on its edges rather than half a cell outside.
    const xs = pts.map(([x]) => x);
    expect(Math.min(...xs)).toBeCloseTo(0, 9);
    expect(Math.max(...xs)).toBeCloseTo(1, 9);
  });

  it('cuts curves at the box boundary instead of tracing the frame', () => {
    const box: Box = { x: [-1, 1], y: [-1, 1] };
    const n = 41;
    // Circle centred on the right edge: only its left half is inside the box.
    const values = sample(box, n, (x, y) => (x - 1) ** 2 + y ** 2);
    const [iso] = computeIsolines(values, n, box, [0.25]);
    expect(iso.lines).toHaveLength(1);
    const [line] = iso.lines;
    expect(line.closed).toBe(false);
    for (const [x, y] of points(line)) {
      expect(x).toBeGreaterThanOrEqual(box.x[0]);
      expect(x).toBeLessThanOrEqual(box.x[1] + 1e-12);
      expect(Math.abs(Math.hypot(x - 1, y) - 0.5)).toBeLessThan(0.025);
    }
  });

  it('does not trace the border of non-finite regions, and skips non-finite levels', () => {
    const box: Box = { x: [0, 1], y: [0, 1] };
    const n = 6;
    for (const bad of [NaN, Infinity, -Infinity]) {
      const values = sample(box, n, (x) => x);
      values.fill(bad, 0, n);
      const isolines = computeIsolines(values, n, box, [NaN, 0.7, Infinity]);
      expect(isolines.map((iso) => iso.level)).toEqual([0.7]);
      expect(isolines[0].lines).toHaveLength(1);
      const pts = points(isolines[0].lines[0]);
      for (const [x] of pts) expect(x).toBeCloseTo(0.7, 6);
      // From the first finite row up to the top edge.
      expect(Math.min(...pts.map(([, y]) => y))).toBeCloseTo(0.2, 6);
      expect(Math.max(...pts.map(([, y]) => y))).toBeCloseTo(1, 9);
    }
  });
});

describe('isolineLevels', () => {
  it('spaces levels evenly in the colour space, strictly inside the domain', () => {
    const linear = createEnergyScale([0, 10]);
    expect(isolineLevels(linear, 4)).toEqual([2, 4, 6, 8]);
    const log = createEnergyScale([0, 1000], { log: true });
    const levels = isolineLevels(log, 3);
    expect(levels.map((e) => log.toUnit(e))).toEqual(levels.map((_, m) => expect.closeTo((m + 1) / 4, 12)));
    expect(levels[0]).toBeLessThan(10);
    expect(isolineLevels(createEnergyScale([1, 1]), 5)).toEqual([]);
    expect(isolineLevels(linear, 0)).toEqual([]);
  });

  it('records the ramp position of each isoline', () => {
    const box: Box = { x: [-1, 1], y: [-1, 1] };
    const values = sample(box, 21, (x, y) => x * x + y * y);
    const scale = createEnergyScale(energyDomain(values)!, { log: true });
    const isolines = computeIsolines(values, 21, box, isolineLevels(scale, 4), scale);
    expect(isolines.map((iso) => iso.u)).toEqual([0.2, 0.4, 0.6, 0.8].map((u) => expect.closeTo(u, 9)));
  });
});

describe('SVG paths', () => {
  it('maps data coordinates through the scales, flipping y for screen space', () => {
    const lines = [
      { points: new Float64Array([0, 0, 1, 0, 1, 1]), closed: true },
      { points: new Float64Array([0.5, 0.5, 0.25, 1]), closed: false },
    ];
    const x = (v: number) => 100 * v;
    const y = (v: number) => 100 * (1 - v);
    expect(polylinesPath(lines, x, y)).toBe('M0,100L100,100L100,0ZM50,50L25,0');
  });

  it('gives one path per level', () => {
    const box: Box = { x: [-1, 1], y: [-1, 1] };
    const values = sample(box, 33, (x, y) => x * x + y * y);
    const paths = isolinePaths(computeIsolines(values, 33, box, [0.1, 0.5]), (v) => v, (v) => -v);
    expect(paths.map((p) => p.level)).toEqual([0.1, 0.5]);
    for (const p of paths) expect(p.d).toMatch(/^M[-\d.]+,[-\d.]+(L[-\d.]+,[-\d.]+)+Z$/);
  });

  it('computes 10 isolines of a 128×128 grid quickly', () => {
    const box: Box = { x: [-3, 3], y: [-3, 3] };
    const n = 128;
    const values = sample(box, n, (x, y) => (x * x - 1) ** 2 + 2 * y * y + Math.sin(3 * x) * 0.3);
    const scale = createEnergyScale(energyDomain(values)!);
    const levels = isolineLevels(scale, 10);
    for (let warm = 0; warm < 5; warm++) computeIsolines(values, n, box, levels, scale);
    const t0 = performance.now();
    const runs = 10;
    for (let r = 0; r < runs; r++) {
      const isolines = computeIsolines(values, n, box, levels, scale);
      isolinePaths(isolines, (v) => v * 80, (v) => v * -80);
    }
    // About 5 ms on a laptop-class core; the bound only guards against a complexity regression,
    // with room for a loaded CI machine.
    expect((performance.now() - t0) / runs).toBeLessThan(50);
  });
});

describe('subsampleGrid', () => {
  it('keeps every factor-th node and the exact coordinates of the kept ones', async () => {
    const { subsampleGrid } = await import('@/lib/plot/isolines');
    const { gridPoints } = await import('@/lib/ml/grid');
    const box = { x: [-3, 3], y: [-2, 2] } as const;
    const n = 129;
    const pts = gridPoints(box, n);
    const xs = new Float32Array(n * n).map((_, k) => pts[2 * k]);
    const ys = new Float32Array(n * n).map((_, k) => pts[2 * k + 1]);
    const sx = subsampleGrid(xs, n, box, 2);
    const sy = subsampleGrid(ys, n, box, 2);
    expect(sx.n).toBe(65);
    const coarse = gridPoints(sx.box, sx.n);
    for (let k = 0; k < sx.n * sx.n; k += 97) {
      expect(sx.values[k]).toBeCloseTo(coarse[2 * k], 5);
      expect(sy.values[k]).toBeCloseTo(coarse[2 * k + 1], 5);
    }
  });
});
