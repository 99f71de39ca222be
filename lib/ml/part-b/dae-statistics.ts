/**
 * The figures the denoising-autoencoder demo states in words: how the reconstruction field
 * moves points near and far from the data, and the energy on and off the data. Plain arrays,
 * no tensors: the demo computes them from values it has already read back.
 */
import { median } from 'd3-array';
import type { Box } from '../grid';
import { finiteExtent } from '../../plot/colour-scale';

/** Centres of a count × count tiling of the box, flat [x0, y0, x1, y1, …], row by row from the bottom. */
export function cellCentres(box: Box, count: number): Float32Array {
  const out = new Float32Array(2 * count * count);
  const dx = (box.x[1] - box.x[0]) / count;
  const dy = (box.y[1] - box.y[0]) / count;
  for (let j = 0; j < count; j++) {
    for (let i = 0; i < count; i++) {
      out[2 * (j * count + i)] = box.x[0] + (i + 0.5) * dx;
      out[2 * (j * count + i) + 1] = box.y[0] + (j + 0.5) * dy;
    }
  }
  return out;
}

/** Distance from (x, y) to the nearest of the flat points. */
export function nearestDistance(points: Float32Array, x: number, y: number): number {
  let best = Infinity;
  for (let i = 0; i < points.length; i += 2) {
    const d = (points[i] - x) ** 2 + (points[i + 1] - y) ** 2;
    if (d < best) best = d;
  }
  return Math.sqrt(best);
}

/** d3's median, NaN for an empty list. */
function medianOrNaN(values: Iterable<number>): number {
  return median(values) ?? NaN;
}

export interface FieldInput {
  /** Arrow tails, flat [x, y] pairs. */
  tails: Float32Array;
  /** Dec(Enc(·)) of the tails, then of the data, then of the origin, then of the sample's noisy points. */
  heads: Float32Array;
  /** The training points, flat. */
  data: Float32Array;
  /** F on the surface grid. */
  surface: Float32Array;
  /** A corrupted sample: its noisy points and the clean points they came from. */
  sample: { noisy: Float32Array; clean: Float32Array } | null;
  /** Tails this close to a data point count as "near the data". */
  near: number;
}

export interface ArrowGroup {
  count: number;
  /** Arrows whose head is nearer the data than their tail. */
  inward: number;
  /** Median arrow length. */
  medianLength: number;
}

export interface FieldStatistics {
  near: ArrowGroup;
  far: ArrowGroup;
  /** Median squared reconstruction error of the data points. */
  dataMedian: number;
  /** Median F over the whole grid. */
  boxMedian: number;
  /** Squared distance of the origin's reconstruction from the origin. */
  centre: number;
  min: number;
  max: number;
  /** Mean distance of the noisy points, then of their reconstructions, from the clean points (NaN without a sample). */
  noisy: number;
  restored: number;
}

export function fieldStatistics({ tails, heads, data, surface, sample, near }: FieldInput): FieldStatistics {
  const arrows = tails.length / 2;
  const n = data.length / 2;
  const groups = { near: { count: 0, inward: 0, lengths: [] as number[] }, far: { count: 0, inward: 0, lengths: [] as number[] } };
  for (let a = 0; a < arrows; a++) {
    const [tx, ty, hx, hy] = [tails[2 * a], tails[2 * a + 1], heads[2 * a], heads[2 * a + 1]];
    const before = nearestDistance(data, tx, ty);
    const group = before <= near ? groups.near : groups.far;
    group.count += 1;
    group.lengths.push(Math.hypot(hx - tx, hy - ty));
    if (nearestDistance(data, hx, hy) < before) group.inward += 1;
  }
  const onData: number[] = [];
  for (let i = 0; i < n; i++) {
    const h = 2 * (arrows + i);
    onData.push((data[2 * i] - heads[h]) ** 2 + (data[2 * i + 1] - heads[h + 1]) ** 2);
  }
  const c = 2 * (arrows + n);
  let noisy = NaN;
  let restored = NaN;
  if (sample) {
    let a = 0;
    let b = 0;
    const m = sample.noisy.length / 2;
    for (let s = 0; s < m; s++) {
      const h = 2 * (arrows + n + 1 + s);
      a += Math.hypot(sample.noisy[2 * s] - sample.clean[2 * s], sample.noisy[2 * s + 1] - sample.clean[2 * s + 1]);
      b += Math.hypot(heads[h] - sample.clean[2 * s], heads[h + 1] - sample.clean[2 * s + 1]);
    }
    noisy = a / m;
    restored = b / m;
  }
  const [min, max] = finiteExtent(surface) ?? [NaN, NaN];
  const summarise = (g: { count: number; inward: number; lengths: number[] }): ArrowGroup => ({ count: g.count, inward: g.inward, medianLength: medianOrNaN(g.lengths) });
  return {
    near: summarise(groups.near),
    far: summarise(groups.far),
    dataMedian: medianOrNaN(onData),
    boxMedian: medianOrNaN(surface),
    centre: heads[c] ** 2 + heads[c + 1] ** 2,
    min,
    max,
    noisy,
    restored,
  };
}
