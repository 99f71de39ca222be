/**
 * SVG paths for line charts (loss curves, E(z) curves).
 *
 * Training curves can have tens of thousands of points on a few hundred pixels. Consecutive points
 * landing in the same pixel column are reduced to the first, the lowest, the highest and the last
 * of them, which draws the same picture as the full series (spikes included) at a fraction of the
 * DOM cost.
 */

import { finiteExtent } from './colour-scale';

export type PixelScale = (v: number) => number;

export interface LinePathOptions {
  /** Points for which this is false (e.g. y ≤ 0 on a log axis) break the line, like NaN does. */
  readonly defined?: (x: number, y: number) => boolean;
}

function fmt(v: number): string {
  return String(Math.round(v * 10) / 10);
}

/** Finite [min, max] over the points accepted by `defined`, or null when there is none. */
export function seriesExtent(values: ArrayLike<number>, defined?: (v: number) => boolean): [number, number] | null {
  return finiteExtent(values, defined);
}

/**
 * Path `d` of ys against xs (or against the index when xs is omitted). Non-finite values leave a
 * gap instead of dropping to zero, so a diverged step is visible as a break in the curve.
 */
export function linePath(
  ys: ArrayLike<number>,
  xs: ArrayLike<number> | undefined,
  x: PixelScale,
  y: PixelScale,
  options: LinePathOptions = {},
): string {
  const defined = options.defined;
  const count = xs ? Math.min(xs.length, ys.length) : ys.length;
  const parts: string[] = [];
  let penDown = false;

  // Current pixel-column bucket: first, min, max and last points in pixel space.
  let column = NaN;
  let fx = 0, fy = 0, lx = 0, ly = 0;
  let minX = 0, minY = 0, maxX = 0, maxY = 0, minAt = 0, maxAt = 0, size = 0;

  const emit = (px: number, py: number) => {
    parts.push(`${penDown ? 'L' : 'M'}${fmt(px)},${fmt(py)}`);
    penDown = true;
  };
  const flush = () => {
    if (size === 0) return;
    emit(fx, fy);
    if (size > 1) {
      // Screen y grows downwards, but only the order of visits matters for the outline.
      const [ax, ay, bx, by] = minAt <= maxAt ? [minX, minY, maxX, maxY] : [maxX, maxY, minX, minY];
      if (ax !== fx || ay !== fy) emit(ax, ay);
      if (bx !== ax || by !== ay) emit(bx, by);
      if (lx !== bx || ly !== by) emit(lx, ly);
    }
    size = 0;
  };

  for (let k = 0; k < count; k++) {
    const xv = xs ? xs[k] : k;
    const yv = ys[k];
    if (!Number.isFinite(xv) || !Number.isFinite(yv) || (defined && !defined(xv, yv))) {
      flush();
      penDown = false;
      column = NaN;
      continue;
    }
    const px = x(xv);
    const py = y(yv);
    const c = Math.floor(px);
    if (c !== column) {
      flush();
      column = c;
    }
    if (size === 0) {
      fx = minX = maxX = px;
      fy = minY = maxY = py;
      minAt = maxAt = 0;
    } else {
      if (py < minY) { minY = py; minX = px; minAt = size; }
      if (py > maxY) { maxY = py; maxX = px; maxAt = size; }
    }
    lx = px;
    ly = py;
    size++;
  }
  flush();
  return parts.join('');
}
