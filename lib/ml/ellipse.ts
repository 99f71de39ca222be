/**
 * The ellipse latent-variable model: data, energies and free energies.
 *
 * Data: y = [ρ1(x) cos θ + ε, ρ2(x) sin θ + ε] with θ ~ U(0, 2π), ε ~ N(0, noise²) and
 * ρ(x) = [αx + β(1−x), βx + α(1−x)]·exp(2x). The model is an ellipse with semi-axes
 * w = (w1, w2) swept by a latent angle z on a fixed grid Z:
 *   E(y, z) = (y1 − w1 cos z)² + (y2 − w2 sin z)².
 *
 * Tensor functions take y as [m, 2] and w as [2] (a tensor or a trainable variable, so the
 * same code serves the plots and the training loss) and stay differentiable in w and y.
 */
import * as tf from '@tensorflow/tfjs-core';
import { mulberry32, normal, uniform } from './random';

export const RHO_ALPHA = 1.5;
export const RHO_BETA = 2;
export const DEFAULT_NOISE = 1 / 20;
export const DEFAULT_LATENT_STEP = Math.PI / 24;

const TWO_PI = 2 * Math.PI;

/** The semi-axes ρ(x) = [ρ1, ρ2] of the data ellipse for the input x. */
export function ellipseRadii(x: number): [number, number] {
  const growth = Math.exp(2 * x);
  return [
    (RHO_ALPHA * x + RHO_BETA * (1 - x)) * growth,
    (RHO_BETA * x + RHO_ALPHA * (1 - x)) * growth,
  ];
}

export interface EllipseDataOptions {
  /** Number of points. */
  n: number;
  /** Input shared by every point, or 'uniform' to draw x ~ U(0, 1) per point. Default 0. */
  x?: number | 'uniform';
  /** Standard deviation of ε; 0 puts the points exactly on the ellipse. Default 1/20. */
  noise?: number;
  seed: number;
}

/** Flat [y1, y2, y1, y2, …] coordinates of n samples, ready for a [n, 2] tensor. */
export function ellipseData({ n, x = 0, noise = DEFAULT_NOISE, seed }: EllipseDataOptions): Float32Array {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`n must be a non-negative integer, got ${n}`);
  if (!(noise >= 0) || !Number.isFinite(noise)) throw new RangeError(`noise must be finite and ≥ 0, got ${noise}`);
  if (x !== 'uniform' && !Number.isFinite(x)) throw new RangeError(`x must be finite or 'uniform', got ${x}`);
  const rng = mulberry32(seed);
  const out = new Float32Array(2 * n);
  for (let i = 0; i < n; i++) {
    const xi = x === 'uniform' ? uniform(rng) : x;
    const theta = uniform(rng, 0, TWO_PI);
    // The normals are drawn even when noise = 0 so that a seed gives the same angles at every
    // noise level: the slider then moves the same points instead of reshuffling them.
    const e1 = normal(rng);
    const e2 = normal(rng);
    const [r1, r2] = ellipseRadii(xi);
    out[2 * i] = r1 * Math.cos(theta) + noise * e1;
    out[2 * i + 1] = r2 * Math.sin(theta) + noise * e2;
  }
  return out;
}

/** The latent grid {0, step, 2·step, …} ∩ [0, 2π); 48 values for the default π/24. */
export function latentGrid(step: number = DEFAULT_LATENT_STEP): Float32Array {
  if (!(step > 0) || !Number.isFinite(step)) throw new RangeError(`step must be finite and > 0, got ${step}`);
  // The tolerance keeps 2π itself out when 2π/step is an integer up to rounding.
  const count = Math.ceil(TWO_PI / step - 1e-9);
  const out = new Float32Array(count);
  for (let k = 0; k < count; k++) out[k] = k * step;
  return out;
}

function checkInputs(y: tf.Tensor2D, w: tf.Tensor1D, z: ArrayLike<number>): void {
  if (y.rank !== 2 || y.shape[1] !== 2) throw new RangeError(`y must have shape [m, 2], got [${y.shape}]`);
  if (w.rank !== 1 || w.shape[0] !== 2) throw new RangeError(`w must have shape [2], got [${w.shape}]`);
  if (z.length === 0) throw new RangeError('the latent grid is empty');
}

/** E(y_i, z_k) for every point and latent value: shape [m, |Z|]. */
export function ellipseEnergies(y: tf.Tensor2D, w: tf.Tensor1D, z: ArrayLike<number>): tf.Tensor2D {
  checkInputs(y, w, z);
  // cos z and sin z are computed in float64 on the CPU: the grid is constant, and GPU
  // trigonometry is not accurate enough to compare backends to a reference.
  const cosZ = new Float32Array(z.length);
  const sinZ = new Float32Array(z.length);
  for (let k = 0; k < z.length; k++) {
    cosZ[k] = Math.cos(z[k]);
    sinZ[k] = Math.sin(z[k]);
  }
  return tf.tidy(() => {
    const [y1, y2] = tf.split(y, 2, 1);
    const w1 = tf.slice(w, [0], [1]);
    const w2 = tf.slice(w, [1], [1]);
    const d1 = tf.sub(y1, tf.mul(w1, tf.tensor2d(cosZ, [1, z.length])));
    const d2 = tf.sub(y2, tf.mul(w2, tf.tensor2d(sinZ, [1, z.length])));
    return tf.add(tf.square(d1), tf.square(d2));
  });
}

/** F_∞(y) = min_z E(y, z): shape [m]. Its gradient in w flows through the minimising z. */
export function freeEnergyInf(y: tf.Tensor2D, w: tf.Tensor1D, z: ArrayLike<number>): tf.Tensor1D {
  return tf.tidy(() => tf.min(ellipseEnergies(y, w, z), 1));
}

/**
 * F_β(y) = −(1/β) log( (1/|Z|) Σ_z exp(−β E(y, z)) ): shape [m]. β = Infinity gives F_∞.
 *
 * Satisfies F_∞ ≤ F_β ≤ F_∞ + log|Z| / β, and tends to the mean energy as β → 0.
 */
export function freeEnergyBeta(
  y: tf.Tensor2D,
  w: tf.Tensor1D,
  z: ArrayLike<number>,
  beta: number,
): tf.Tensor1D {
  if (!(beta > 0)) throw new RangeError(`beta must be > 0, got ${beta}`);
  if (beta === Infinity) return freeEnergyInf(y, w, z);
  return tf.tidy(() => {
    const energies = ellipseEnergies(y, w, z);
    // Shifting by the row minimum keeps every exponent ≤ 0 (no overflow) with at least one
    // term equal to 1 (no log of 0).
    const floor = tf.min(energies, 1, true);
    const scaled = tf.mul(tf.sub(energies, floor), -beta);
    // log(mean(exp(s))) as log1p(mean(expm1(s))): for small β every exp(s) is close to 1 and
    // the plain form would lose most of its digits to cancellation before the division by β.
    const logMean = tf.log1p(tf.mean(tf.expm1(scaled), 1));
    return tf.sub(tf.squeeze(floor, [1]), tf.div(logMean, beta));
  });
}

/** F_β for a finite β, F_∞ when β is omitted or Infinity. */
export function freeEnergy(
  y: tf.Tensor2D,
  w: tf.Tensor1D,
  z: ArrayLike<number>,
  beta: number = Infinity,
): tf.Tensor1D {
  return freeEnergyBeta(y, w, z, beta);
}

/** The minimising latent ž = argmin_z E(y, z) of each point: shape [m], values from z. */
export function argminLatent(y: tf.Tensor2D, w: tf.Tensor1D, z: ArrayLike<number>): tf.Tensor1D {
  return tf.tidy(() => {
    const index = tf.argMin(ellipseEnergies(y, w, z), 1);
    return tf.gather(tf.tensor1d(Float32Array.from(z)), index);
  });
}

/**
 * Gibbs probabilities p ∝ exp(−β F) over the given values (e.g. F on a display grid),
 * normalised to sum to 1; same shape as F.
 */
export function gibbsDensity<T extends tf.Tensor>(F: T, beta: number): T {
  if (!(beta > 0) || !Number.isFinite(beta)) throw new RangeError(`beta must be finite and > 0, got ${beta}`);
  return tf.tidy(() => {
    // Shifting by min F leaves p unchanged and keeps the largest weight at exactly 1.
    const weights = tf.exp(tf.mul(tf.sub(F, tf.min(F)), -beta));
    return tf.div(weights, tf.sum(weights)) as T;
  });
}
