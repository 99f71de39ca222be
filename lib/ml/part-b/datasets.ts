/**
 * Seeded two-dimensional datasets shared by the part B demos (K-means, denoising autoencoder,
 * contrastive divergence). Every generator returns flat [x0, y0, x1, y1, …] coordinates, ready
 * for a [n, 2] tensor, and every shape fits well inside `DATA_BOX` so that the energy surfaces
 * drawn over that box show the data together with a margin of empty space around it: the
 * empty space is where the demos show what each method does with points it never saw.
 */
import type { Box } from '../grid';
import { mulberry32, normal, uniform, type Rng } from '../random';
import { checkCount, checkNonNegative } from './util';

/** The plot box of every part B demo. */
export const DATA_BOX: Box = { x: [-3, 3], y: [-3, 3] };

/**
 * Blob centres: the corners of a regular pentagon of radius 2. Equal spacing (about 2.35
 * between neighbours, some eight noise widths) makes "one well per blob" the clear optimum
 * for K = 5, and leaves no preferred pair to merge when K is one lower.
 */
export const BLOB_CENTRES: readonly (readonly [number, number])[] = Array.from({ length: 5 }, (_, i) => {
  const angle = Math.PI / 2 + (2 * Math.PI * i) / 5;
  return [2 * Math.cos(angle), 2 * Math.sin(angle)] as const;
});

/** Radius of the `ring` dataset. */
export const RING_RADIUS = 2;

/** Inner and outer radius of the `spiral` arm; the arm makes `SPIRAL_TURNS` turns between them. */
export const SPIRAL_RADII: readonly [number, number] = [0.35, 2.6];
export const SPIRAL_TURNS = 1.85;

export type DatasetName = 'blobs' | 'spiral' | 'ring' | 'twoMoons';

export const DEFAULT_NOISE: Readonly<Record<DatasetName, number>> = {
  blobs: 0.3,
  spiral: 0.08,
  ring: 0.1,
  twoMoons: 0.1,
};

function build(n: number, seed: number, noise: number, point: (rng: Rng, i: number) => [number, number]): Float32Array {
  checkCount('n', n, 0);
  checkNonNegative('noise', noise);
  const rng = mulberry32(seed);
  const out = new Float32Array(2 * n);
  for (let i = 0; i < n; i++) {
    const [x, y] = point(rng, i);
    // Noise is drawn even when it is zero so that the sequence of uniforms consumed, and
    // hence the clean positions, do not depend on the noise level.
    out[2 * i] = x + noise * normal(rng);
    out[2 * i + 1] = y + noise * normal(rng);
  }
  return out;
}

/**
 * Gaussian blobs around `BLOB_CENTRES`. Points go to the blobs in turn rather than at random,
 * so the blobs always hold equal counts (±1) and "one well per blob" is the clear optimum.
 */
export function blobs(n: number, seed: number, noise = DEFAULT_NOISE.blobs): Float32Array {
  return build(n, seed, noise, (_rng, i) => {
    const [cx, cy] = BLOB_CENTRES[i % BLOB_CENTRES.length];
    return [cx, cy];
  });
}

/**
 * Points along an Archimedean spiral of almost two turns (radius growing linearly with the
 * angle). The curve parameter is drawn as √u: the arc length of such a spiral grows roughly
 * like the square of the angle, so this spreads the points evenly along the arm instead of
 * crowding them at the centre.
 */
export function spiral(n: number, seed: number, noise = DEFAULT_NOISE.spiral): Float32Array {
  const [r0, r1] = SPIRAL_RADII;
  return build(n, seed, noise, (rng) => {
    const t = Math.sqrt(rng());
    const angle = 2 * Math.PI * SPIRAL_TURNS * t;
    const r = r0 + (r1 - r0) * t;
    return [r * Math.cos(angle), r * Math.sin(angle)];
  });
}

/** Points on a circle of radius `RING_RADIUS` centred at the origin, with radial and tangential noise. */
export function ring(n: number, seed: number, noise = DEFAULT_NOISE.ring): Float32Array {
  return build(n, seed, noise, (rng) => {
    const angle = uniform(rng, 0, 2 * Math.PI);
    return [RING_RADIUS * Math.cos(angle), RING_RADIUS * Math.sin(angle)];
  });
}

/**
 * Two interleaved half circles. Each moon is a unit half circle; the pair is scaled by 1.6 and
 * shifted so that it is centred in the box (x within about ±2.4, y within about ±1.2).
 * Points alternate between the moons, so each holds half of them.
 */
export function twoMoons(n: number, seed: number, noise = DEFAULT_NOISE.twoMoons): Float32Array {
  const scale = 1.6;
  return build(n, seed, noise, (rng, i) => {
    const t = uniform(rng, 0, Math.PI);
    const [x, y] = i % 2 === 0 ? [Math.cos(t), Math.sin(t)] : [1 - Math.cos(t), 0.5 - Math.sin(t)];
    return [scale * (x - 0.5), scale * (y - 0.25)];
  });
}

export const DATASETS: Readonly<Record<DatasetName, (n: number, seed: number, noise?: number) => Float32Array>> = {
  blobs,
  spiral,
  ring,
  twoMoons,
};

/** n points drawn uniformly over the box. */
export function uniformPoints(box: Box, n: number, seed: number): Float32Array {
  checkCount('n', n, 0);
  const rng = mulberry32(seed);
  const out = new Float32Array(2 * n);
  for (let i = 0; i < n; i++) {
    out[2 * i] = uniform(rng, box.x[0], box.x[1]);
    out[2 * i + 1] = uniform(rng, box.y[0], box.y[1]);
  }
  return out;
}
