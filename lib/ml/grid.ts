/**
 * A regular grid over a 2-D box, shared by every energy surface.
 *
 * Convention (relied on by the plots): the grid has `n` nodes per side, node (i, j) sits at
 * x = x0 + i·(x1−x0)/(n−1), y = y0 + j·(y1−y0)/(n−1), and it is stored row-major with
 * j = 0 at the BOTTOM of the box (smallest y): index = j·n + i.
 */
export interface Box {
  readonly x: readonly [number, number];
  readonly y: readonly [number, number];
}

export function gridCoordinate(range: readonly [number, number], n: number, k: number): number {
  return range[0] + (k * (range[1] - range[0])) / (n - 1);
}

/** Flat [x0, y0, x1, y1, …] coordinates of the n×n grid, ready for a [n·n, 2] tensor. */
export function gridPoints(box: Box, n: number): Float32Array {
  if (!Number.isInteger(n) || n < 2) throw new RangeError(`grid size must be an integer ≥ 2, got ${n}`);
  const out = new Float32Array(2 * n * n);
  for (let j = 0; j < n; j++) {
    const y = gridCoordinate(box.y, n, j);
    for (let i = 0; i < n; i++) {
      const k = 2 * (j * n + i);
      out[k] = gridCoordinate(box.x, n, i);
      out[k + 1] = y;
    }
  }
  return out;
}

/** Index of the grid node nearest to (x, y), or −1 outside the box. */
export function nearestGridIndex(box: Box, n: number, x: number, y: number): number {
  const fi = ((x - box.x[0]) / (box.x[1] - box.x[0])) * (n - 1);
  const fj = ((y - box.y[0]) / (box.y[1] - box.y[0])) * (n - 1);
  const i = Math.round(fi);
  const j = Math.round(fj);
  if (i < 0 || j < 0 || i >= n || j >= n) return -1;
  return j * n + i;
}
