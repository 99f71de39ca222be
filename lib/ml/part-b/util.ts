/**
 * Small helpers shared by the part B sessions: derived seeds, batches of seeded normals,
 * argument checks (and the optimizer switch, shared with the ellipse trainer).
 */
import { mulberry32, normal, type Rng } from '../random';

/**
 * A seed for the `counter`-th draw of a stream named by `seed` (and optionally `stream`).
 * Deriving each step's generator from (seed, step) rather than advancing one long-lived
 * generator means a step's randomness does not depend on how many numbers earlier calls
 * (a `corruptedSample` for drawing, say) happened to consume, so runs repeat however the UI
 * interleaves its calls. The mixing is a 32-bit integer hash (the murmur3 finaliser).
 */
export function deriveSeed(seed: number, counter: number, stream = 0): number {
  let h = (Math.imul(seed >>> 0, 0x9e3779b1) ^ Math.imul(counter >>> 0, 0x85ebca6b) ^ Math.imul(stream >>> 0, 0xc2b2ae35)) >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

export function rngFor(seed: number, counter: number, stream = 0): Rng {
  return mulberry32(deriveSeed(seed, counter, stream));
}

export function normals(rng: Rng, count: number): Float32Array {
  const out = new Float32Array(count);
  for (let i = 0; i < count; i++) out[i] = normal(rng);
  return out;
}

/** `count` indices drawn uniformly with replacement from [0, n). */
export function sampleIndices(rng: Rng, n: number, count: number): Int32Array {
  const out = new Int32Array(count);
  for (let i = 0; i < count; i++) out[i] = Math.min(n - 1, Math.floor(rng() * n));
  return out;
}

/** Rows `indices` of flat [n, 2] points. */
export function gatherPoints(points: Float32Array, indices: ArrayLike<number>): Float32Array {
  const out = new Float32Array(2 * indices.length);
  for (let i = 0; i < indices.length; i++) {
    out[2 * i] = points[2 * indices[i]];
    out[2 * i + 1] = points[2 * indices[i] + 1];
  }
  return out;
}

export function checkPoints(name: string, points: Float32Array, allowEmpty = true): void {
  if (points.length % 2 !== 0 || (!allowEmpty && points.length === 0)) {
    throw new RangeError(`${name} must hold 2n${allowEmpty ? '' : ' > 0'} coordinates, got ${points.length}`);
  }
}

export { checkCount, checkNonNegative, checkPositive, guard } from '../checks';
export { makeOptimizer, type OptimizerName } from '../optimizer';

/** k distinct indices of 0…n−1 in draw order (a partial Fisher–Yates shuffle of `rng`). */
export function sampleDistinct(rng: Rng, n: number, k: number): number[] {
  const order = Array.from({ length: n }, (_, i) => i);
  for (let i = 0; i < k; i++) {
    const j = i + Math.floor(rng() * (n - i));
    [order[i], order[j]] = [order[j], order[i]];
  }
  return order.slice(0, k);
}
