/**
 * Seeded corruptions of image batches in [-1, 1] space, for the denoising autoencoder and the
 * inpainting comparison.
 *
 * The random draws come from the caller's seeded generator (lib/ml/random.ts) in JavaScript and
 * the corruption itself is applied with tensor ops. tfjs-core's own random ops also draw on the
 * JavaScript side and upload the result, so this costs nothing extra, and it makes a run repeat
 * exactly on every backend.
 */
import * as tf from '@tensorflow/tfjs-core';
import type { Rng } from '../random';

export type Corruption =
  | { kind: 'none' }
  /** Each pixel is dropped with probability p; see `dropout`. */
  | { kind: 'dropout'; p: number }
  /** Additive N(0, sigma²) noise on every pixel, no clipping. */
  | { kind: 'gaussian'; sigma: number }
  /** A fraction of the pixels is overwritten with −1 (pepper) or +1 (salt), half each on average. */
  | { kind: 'saltPepper'; fraction: number };

export interface Corrupted<T extends tf.Tensor> {
  corrupted: T;
  /** 1 where a pixel was dropped or overwritten, 0 elsewhere; null when every pixel is altered (Gaussian noise). */
  mask: T | null;
}

/** Throws a RangeError naming the bad parameter. */
export function validateCorruption(c: Corruption): void {
  switch (c.kind) {
    case 'none':
      return;
    case 'dropout':
      if (!(c.p >= 0 && c.p < 1)) throw new RangeError(`dropout p must be in [0, 1), got ${c.p}`);
      return;
    case 'gaussian':
      if (!(c.sigma >= 0) || !Number.isFinite(c.sigma)) throw new RangeError(`gaussian sigma must be finite and ≥ 0, got ${c.sigma}`);
      return;
    case 'saltPepper':
      if (!(c.fraction >= 0 && c.fraction <= 1)) throw new RangeError(`salt-and-pepper fraction must be in [0, 1], got ${c.fraction}`);
      return;
    default:
      throw new RangeError(`unknown corruption ${JSON.stringify(c)}`);
  }
}

// #region excerpt:dropout-mask
// Probabilities are resolved to 1/65536, so one 32-bit draw decides two pixels: half the calls
// to the generator, and p = 0.5 (the course's value) is still exact.
const LEVELS = 65536;

/** Dropout multipliers: 0 with probability p, 1/(1 − p) otherwise. */
function dropoutMultipliers(size: number, p: number, rng: Rng): Float32Array {
  const out = new Float32Array(size);
  const threshold = Math.round(p * LEVELS);
  const keep = 1 / (1 - p);
  for (let i = 0; i < size; i += 2) {
    const bits = rng() * 4294967296;
    out[i] = bits >>> 16 < threshold ? 0 : keep;
    if (i + 1 < size) out[i + 1] = (bits & 0xffff) < threshold ? 0 : keep;
  }
  return out;
}
// #endregion

/** N(0, sigma²) samples, using both variates of each Box–Muller pair. */
function gaussianSamples(size: number, sigma: number, rng: Rng): Float32Array {
  const out = new Float32Array(size);
  for (let i = 0; i < size; i += 2) {
    const radius = sigma * Math.sqrt(-2 * Math.log(1 - rng()));
    const angle = 2 * Math.PI * rng();
    out[i] = radius * Math.cos(angle);
    if (i + 1 < size) out[i + 1] = radius * Math.sin(angle);
  }
  return out;
}

/** 0 = keep, −1 = pepper, +1 = salt. */
function saltPepperCodes(size: number, fraction: number, rng: Rng): Float32Array {
  const out = new Float32Array(size);
  const threshold = Math.round(fraction * LEVELS);
  for (let i = 0; i < size; i++) {
    const bits = rng() * 4294967296;
    if (bits >>> 16 < threshold) out[i] = bits & 1 ? 1 : -1;
  }
  return out;
}

/**
 * The practicum's corruption: a dropout mask (`F.dropout(torch.ones(shape), p)`) multiplied
 * into the normalised image. With p = 0.5 the mask holds 0 and 2 exactly. In [-1, 1] space a
 * dropped pixel therefore becomes 0, i.e. mid-grey rather than black, and a kept pixel is
 * doubled, so the background (−1) becomes −2 and full ink (+1) becomes +2. This is what the
 * course does and what the denoiser learns to undo; the mask marks the dropped pixels.
 */
export function dropout<T extends tf.Tensor>(x: T, p: number, rng: Rng): Corrupted<T> {
  validateCorruption({ kind: 'dropout', p });
  return tf.tidy(() => {
    const multipliers = tf.tensor(dropoutMultipliers(x.size, p, rng), x.shape);
    return {
      corrupted: tf.mul(x, multipliers) as T,
      mask: tf.cast(tf.equal(multipliers, 0), 'float32') as T,
    };
  });
}

/** x + N(0, sigma²) on every pixel, not clipped to [-1, 1]; the mask is null. */
export function gaussianNoise<T extends tf.Tensor>(x: T, sigma: number, rng: Rng): Corrupted<T> {
  validateCorruption({ kind: 'gaussian', sigma });
  const corrupted = tf.tidy(() => tf.add(x, tf.tensor(gaussianSamples(x.size, sigma, rng), x.shape)) as T);
  return { corrupted, mask: null };
}

/**
 * Overwrites a fraction of the pixels with −1 or +1. The mask marks every overwritten pixel,
 * including those that already had that value (pepper on background).
 */
export function saltAndPepper<T extends tf.Tensor>(x: T, fraction: number, rng: Rng): Corrupted<T> {
  validateCorruption({ kind: 'saltPepper', fraction });
  return tf.tidy(() => {
    const codes = tf.tensor(saltPepperCodes(x.size, fraction, rng), x.shape);
    return {
      corrupted: tf.where(tf.equal(codes, 0), x, codes) as T,
      mask: tf.abs(codes) as T,
    };
  });
}

/** Applies `c`, returning the corrupted tensor and its mask (caller disposes both). */
export function corrupt<T extends tf.Tensor>(x: T, c: Corruption, rng: Rng): Corrupted<T> {
  switch (c.kind) {
    case 'none':
      return { corrupted: tf.clone(x), mask: null };
    case 'dropout':
      return dropout(x, c.p, rng);
    case 'gaussian':
      return gaussianNoise(x, c.sigma, rng);
    case 'saltPepper':
      return saltAndPepper(x, c.fraction, rng);
    default:
      throw new RangeError(`unknown corruption ${JSON.stringify(c)}`);
  }
}

/**
 * The training loop's variant: the corrupted tensor only, with no mask and no validation (the
 * caller validated `c` once). Draws exactly what `corrupt` draws, so both stay in step.
 */
export function corruptInput<T extends tf.Tensor>(x: T, c: Corruption, rng: Rng): T {
  switch (c.kind) {
    case 'none':
      return x;
    case 'dropout':
      return tf.tidy(() => tf.mul(x, tf.tensor(dropoutMultipliers(x.size, c.p, rng), x.shape)) as T);
    case 'gaussian':
      return tf.tidy(() => tf.add(x, tf.tensor(gaussianSamples(x.size, c.sigma, rng), x.shape)) as T);
    case 'saltPepper':
      return tf.tidy(() => {
        const codes = tf.tensor(saltPepperCodes(x.size, c.fraction, rng), x.shape);
        return tf.where(tf.equal(codes, 0), x, codes) as T;
      });
    default:
      throw new RangeError(`unknown corruption ${JSON.stringify(c)}`);
  }
}
