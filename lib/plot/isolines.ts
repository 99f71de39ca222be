/**
 * Isolines (level curves) of an energy surface sampled on the grid of lib/ml/grid.ts.
 *
 * Coordinate transform
 * --------------------
 * d3-contour treats `values[i + j·n]` as a pixel whose centre is at contour coordinates
 * (i + 0.5, j + 0.5); its output spans [0, n] × [0, n], i.e. pixel corners. Our grid is
 * node-centred instead: node (i, j) sits exactly at x = x0 + i·hx, y = y0 + j·hy with
 * hx = (x1 − x0)/(n − 1), hy = (y1 − y0)/(n − 1). Hence
 *
 *     x = x0 + (cx − 0.5)·hx,     y = y0 + (cy − 0.5)·hy.
 *
 * There is no vertical flip here: contour row cy grows with the grid row j, which grows with y
 * (j = 0 is the bottom). The flip to screen space (y growing downwards) belongs to the pixel
 * scale handed to `isolinePath`.
 *
 * d3-contour pads the grid with −∞ so every superlevel set is a closed polygon; where a set meets
 * the edge of the grid, its rings run along the padding frame at cx ∈ {0, n} or cy ∈ {0, n}.
 * Those frame stretches are not level curves (and would lie half a cell outside the box), so the
 * rings are cut there: a ring that never touches the frame stays a closed curve, one that does
 * becomes open polylines ending on the boundary of the box. Non-finite nodes get the same
 * treatment: d3 treats them as −∞ (NaN) or +∞ and traces the border of such a region as if it were
 * a level curve, snapping its points onto the neighbouring finite nodes; rings are cut there too.
 */
import { contours } from 'd3-contour';
import type { Box } from '@/lib/ml/grid';
import type { EnergyScale } from './colour-scale';

export interface Polyline {
  /** Interleaved data coordinates x0, y0, x1, y1, … */
  readonly points: Float64Array;
  /** True for a closed curve (the last point connects back to the first, which is not repeated). */
  readonly closed: boolean;
}

export interface Isoline {
  /** Energy of the level. */
  readonly level: number;
  /** Position of the level on the colour ramp, in [0, 1]. */
  readonly u: number;
  readonly lines: readonly Polyline[];
}

/**
 * k energies evenly spaced in the scale's transformed (colour) space, strictly inside the domain:
 * u = m/(k + 1) for m = 1…k, so that the extremes — where a level would degenerate to a point —
 * are skipped and the levels sit where the colour ramp changes by equal amounts.
 */
export function isolineLevels(scale: EnergyScale, k: number): number[] {
  const [min, max] = scale.domain;
  if (!(max > min) || !(k >= 1)) return [];
  const count = Math.floor(k);
  const out: number[] = [];
  for (let m = 1; m <= count; m++) out.push(scale.fromUnit(m / (count + 1)));
  return out;
}

/**
 * Level curves of the n×n grid at the given energies, in data coordinates. NaN nodes count as
 * below every level (d3-contour's rule), so undefined regions are never enclosed.
 */
export function computeIsolines(
  values: ArrayLike<number>,
  n: number,
  box: Box,
  levels: readonly number[],
  scale?: EnergyScale,
): Isoline[] {
  if (!Number.isInteger(n) || n < 2) throw new RangeError(`grid size must be an integer ≥ 2, got ${n}`);
  if (values.length < n * n) throw new RangeError(`expected ${n * n} values, got ${values.length}`);
  const generator = contours().size([n, n]).smooth(true);
  const hx = (box.x[1] - box.x[0]) / (n - 1);
  const hy = (box.y[1] - box.y[0]) / (n - 1);
  const x0 = box.x[0] - 0.5 * hx;
  const y0 = box.y[0] - 0.5 * hy;
  // d3 only indexes into `values` and coerces with `+`, so a typed array works without a copy;
  // its typings merely ask for number[].
  const grid = values as unknown as number[];
  const out: Isoline[] = [];
  for (const level of levels) {
    if (!Number.isFinite(level)) continue;
    const geometry = generator.contour(grid, level);
    const lines: Polyline[] = [];
    for (const polygon of geometry.coordinates) {
      for (const ring of polygon) splitRing(ring, values, n, x0, y0, hx, hy, lines);
    }
    out.push({ level, u: scale ? scale.toUnit(level) : NaN, lines });
  }
  return out;
}

/** True for ring points that are not crossings of the level between two finite nodes. */
function isCut(p: readonly number[], values: ArrayLike<number>, n: number): boolean {
  // Real crossings lie on edges between nodes, i.e. within [0.5, n − 0.5]; the frame is at 0 or n.
  if (p[0] < 0.5 || p[0] > n - 0.5 || p[1] < 0.5 || p[1] > n - 0.5) return true;
  const fi = p[0] - 0.5;
  const fj = p[1] - 0.5;
  const i0 = Math.floor(fi);
  const j0 = Math.floor(fj);
  const bad = (i: number, j: number) => {
    if (i < 0 || j < 0 || i >= n || j >= n) return false;
    const v = values[j * n + i];
    return v - v !== 0;
  };
  if (i0 === fi && j0 === fj) {
    // Crossings next to a non-finite node are snapped exactly onto the finite node, so a point on
    // a node is suspect whenever one of its neighbours is non-finite.
    return bad(i0 - 1, j0) || bad(i0 + 1, j0) || bad(i0, j0 - 1) || bad(i0, j0 + 1);
  }
  return bad(i0, j0) || bad(Math.ceil(fi), Math.ceil(fj));
}

function splitRing(
  ring: readonly (readonly number[])[],
  values: ArrayLike<number>,
  n: number,
  x0: number,
  y0: number,
  hx: number,
  hy: number,
  out: Polyline[],
): void {
  // GeoJSON rings repeat their first point at the end.
  let m = ring.length;
  if (m > 1 && ring[0][0] === ring[m - 1][0] && ring[0][1] === ring[m - 1][1]) m--;
  if (m < 2) return;

  const toData = (indices: number[], closed: boolean) => {
    const points = new Float64Array(indices.length * 2);
    for (let k = 0; k < indices.length; k++) {
      const p = ring[indices[k]];
      points[2 * k] = x0 + p[0] * hx;
      points[2 * k + 1] = y0 + p[1] * hy;
    }
    out.push({ points, closed });
  };

  let start = -1;
  for (let k = 0; k < m; k++) {
    if (isCut(ring[k], values, n)) {
      start = k;
      break;
    }
  }
  if (start < 0) {
    const all: number[] = [];
    for (let k = 0; k < m; k++) all.push(k);
    toData(all, true);
    return;
  }
  // Walk once around the ring starting just after a cut point, so each interior run is
  // contiguous in the walk even when it wraps past the end of the array.
  let run: number[] = [];
  for (let step = 1; step <= m; step++) {
    const k = (start + step) % m;
    if (isCut(ring[k], values, n)) {
      if (run.length >= 2) toData(run, false);
      run = [];
    } else {
      run.push(k);
    }
  }
  if (run.length >= 2) toData(run, false);
}

export type PixelScale = (v: number) => number;

function fmt(v: number): string {
  // A tenth of a pixel is invisible and keeps the path strings short.
  return String(Math.round(v * 10) / 10);
}

/** SVG path `d` for polylines, mapping data coordinates to pixels with the given scales. */
export function polylinesPath(lines: readonly Polyline[], x: PixelScale, y: PixelScale): string {
  const parts: string[] = [];
  for (const { points, closed } of lines) {
    const count = points.length / 2;
    if (count < 2) continue;
    parts.push(`M${fmt(x(points[0]))},${fmt(y(points[1]))}`);
    for (let k = 1; k < count; k++) parts.push(`L${fmt(x(points[2 * k]))},${fmt(y(points[2 * k + 1]))}`);
    if (closed) parts.push('Z');
  }
  return parts.join('');
}

/** One SVG path `d` per isoline, e.g. `y = v => height·(1 − (v − y0)/(y1 − y0))` for screen space. */
export function isolinePaths(
  isolines: readonly Isoline[],
  x: PixelScale,
  y: PixelScale,
): { level: number; u: number; d: string }[] {
  return isolines.map(({ level, u, lines }) => ({ level, u, d: polylinesPath(lines, x, y) }));
}

/**
 * Every `factor`-th node of the grid, for isolines: tracing contours costs far more than
 * painting pixels, and at 64 nodes a side the curves are already smooth on screen. The box
 * shrinks to the last kept node so coordinates stay exact.
 */
export function subsampleGrid(values: ArrayLike<number>, n: number, box: Box, factor: number): { values: Float32Array; n: number; box: Box } {
  if (!Number.isInteger(factor) || factor < 1) throw new RangeError(`factor must be a positive integer, got ${factor}`);
  const m = Math.floor((n - 1) / factor) + 1;
  const out = new Float32Array(m * m);
  for (let j = 0; j < m; j++) {
    for (let i = 0; i < m; i++) out[j * m + i] = values[j * factor * n + i * factor];
  }
  const hx = (box.x[1] - box.x[0]) / (n - 1);
  const hy = (box.y[1] - box.y[0]) / (n - 1);
  return {
    values: out,
    n: m,
    box: { x: [box.x[0], box.x[0] + (m - 1) * factor * hx], y: [box.y[0], box.y[0] + (m - 1) * factor * hy] },
  };
}
