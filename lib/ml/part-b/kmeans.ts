/**
 * K-means as a latent-variable energy-based model.
 *
 *   E(y, z) = ‖y − W z‖²,  z one-hot over K prototypes w_k,
 *   F(y)    = min_k ‖y − w_k‖²,
 *   F_β(y)  = −(1/β) log( (1/K) Σ_k exp(−β ‖y − w_k‖²) ).
 *
 * Layout: the lecture stores the prototypes as the columns of W; here W is a [K, 2] tensor
 * whose ROWS are the prototypes (the lecture's Wᵀ), which matches the flat
 * [x0, y0, x1, y1, …] arrays the UI draws from. Every energy takes a batch y of shape [m, 2],
 * so a whole grid surface is one batched pass.
 */
import * as tf from '@tensorflow/tfjs-core';
import { floatOneHot } from '../one-hot';
import '../gradients';
import { mulberry32 } from '../random';
import type { TrainingSession } from '../trainer';
import { checkCount, checkPoints, checkPositive, guard, makeOptimizer, sampleDistinct, type OptimizerName } from './util';

function checkShapes(y: tf.Tensor, W: tf.Tensor): void {
  if (y.rank !== 2 || y.shape[1] !== 2) throw new RangeError(`y must have shape [m, 2], got [${y.shape}]`);
  if (W.rank !== 2 || W.shape[1] !== 2 || W.shape[0] < 1) throw new RangeError(`W must have shape [K ≥ 1, 2], got [${W.shape}]`);
}

/**
 * ‖y_i − w_k‖² for every pair, shape [m, K]. Formed from the differences rather than as
 * ‖y‖² − 2 y·w + ‖w‖²: the expanded form cancels catastrophically in float32 next to a
 * prototype, exactly where the wells are drawn, and can even go negative there.
 */
export function squaredDistances(y: tf.Tensor2D, W: tf.Tensor2D): tf.Tensor2D {
  checkShapes(y, W);
  return tf.tidy(() => tf.sum(tf.square(tf.sub(tf.expandDims(y, 1), tf.expandDims(W, 0))), 2) as tf.Tensor2D);
}

/** F(y) = min_k ‖y − w_k‖², shape [m]. */
export function kmeansEnergy(y: tf.Tensor2D, W: tf.Tensor2D): tf.Tensor1D {
  return tf.tidy(() => tf.min(squaredDistances(y, W), 1) as tf.Tensor1D);
}

/**
 * F_β(y), shape [m]. Computed as F − (1/β) log( (1/K) Σ_k exp(−β (d_k − F)) ): the exponents
 * are ≤ 0 and the sum is ≥ 1, so nothing overflows for any β, and the small correction is
 * added to the exact hard minimum instead of being recovered from the difference of two large
 * logarithms. The result lies in [F, F + log(K)/β], which is why F_β → F as β grows.
 */
export function kmeansSoftEnergy(y: tf.Tensor2D, W: tf.Tensor2D, beta: number): tf.Tensor1D {
  checkPositive('beta', beta);
  return tf.tidy(() => {
    const d = squaredDistances(y, W);
    const hard = tf.min(d, 1, true);
    const k = W.shape[0];
    const logMean = tf.sub(tf.log(tf.sum(tf.exp(tf.mul(tf.sub(d, hard), -beta)), 1)), Math.log(k));
    return tf.sub(tf.squeeze(hard, [1]), tf.div(logMean, beta)) as tf.Tensor1D;
  });
}

/** ž: the index of the nearest prototype for each point, int32 [m] (the backend breaks exact ties). */
export function assignments(y: tf.Tensor2D, W: tf.Tensor2D): tf.Tensor1D {
  return tf.tidy(() => tf.argMin(squaredDistances(y, W), 1) as tf.Tensor1D);
}

/**
 * One Lloyd update: assign, then move each prototype to the mean of the points it owns. A
 * prototype that owns no point keeps its position (the mean of nothing is undefined, and
 * keeping it never increases the energy).
 */
export function lloydUpdate(y: tf.Tensor2D, W: tf.Tensor2D): tf.Tensor2D {
  return tf.tidy(() => {
    const k = W.shape[0];
    const owner = floatOneHot(assignments(y, W) as tf.Tensor1D, k);
    const counts = tf.reshape(tf.sum(owner, 0), [k, 1]);
    const sums = tf.matMul(owner, y, true, false);
    const means = tf.div(sums, tf.maximum(counts, 1));
    return tf.where(tf.tile(tf.greater(counts, 0), [1, 2]), means, W) as tf.Tensor2D;
  });
}

export type KMeansInit = 'random' | 'kmeans++';

/**
 * Seeded initial prototypes, flat [2K]: K distinct data points ('random'), or k-means++, which
 * draws each further prototype with probability proportional to its squared distance to the
 * nearest one already chosen and so seldom starts two prototypes in the same cluster.
 * Requires K ≤ n.
 */
export function initialPrototypes(data: Float32Array, k: number, seed: number, init: KMeansInit = 'kmeans++'): Float32Array {
  checkPoints('data', data, false);
  checkCount('k', k);
  const n = data.length / 2;
  if (k > n) throw new RangeError(`k must not exceed the number of points (${n}), got ${k}`);
  const rng = mulberry32(seed);
  let chosen: number[];
  if (init === 'random') {
    chosen = sampleDistinct(rng, n, k);
  } else if (init === 'kmeans++') {
    chosen = [Math.min(n - 1, Math.floor(rng() * n))];
    const nearest = new Float64Array(n).fill(Infinity);
    const lower = (into: Float64Array, from: Float64Array | null, c: number): number => {
      let total = 0;
      for (let i = 0; i < n; i++) {
        const dx = data[2 * i] - data[2 * c];
        const dy = data[2 * i + 1] - data[2 * c + 1];
        into[i] = Math.min((from ?? into)[i], dx * dx + dy * dy);
        total += into[i];
      }
      return total;
    };
    let total = lower(nearest, null, chosen[0]);
    // Greedy k-means++: draw a few candidates by D² and keep the one that lowers the total
    // squared distance most. Plain k-means++ still put two prototypes in one blob (and none in
    // another) for about one seed in six on the blobs preset; this makes that rare.
    const candidates = 2 + Math.floor(Math.log(k));
    const trial = new Float64Array(n);
    while (chosen.length < k) {
      let next = -1;
      let bestTotal = Infinity;
      for (let t = 0; t < candidates && total > 0; t++) {
        let target = rng() * total;
        let c = -1;
        for (let i = 0; i < n; i++) {
          target -= nearest[i];
          if (target < 0 && nearest[i] > 0) {
            c = i;
            break;
          }
        }
        if (c < 0) continue;
        const candidateTotal = lower(trial, nearest, c);
        if (candidateTotal < bestTotal) {
          bestTotal = candidateTotal;
          next = c;
        }
      }
      // Fewer distinct points than K (or rounding at the end of the sum): fall back to any
      // point not chosen yet so the prototypes stay K distinct indices.
      if (next < 0) next = sampleDistinct(rng, n, n).find((i) => !chosen.includes(i)) ?? 0;
      chosen.push(next);
      total = lower(nearest, null, next);
    }
  } else {
    throw new RangeError(`unknown init ${String(init)}`);
  }
  const out = new Float32Array(2 * k);
  chosen.forEach((idx, j) => {
    out[2 * j] = data[2 * idx];
    out[2 * j + 1] = data[2 * idx + 1];
  });
  return out;
}

export type KMeansMode = 'lloyd' | 'gradient';

export interface KMeansSessionOptions {
  /** Flat [y1, y2, …] training points. */
  data: Float32Array;
  /** Number of prototypes K (≤ number of points). */
  k: number;
  seed: number;
  mode: KMeansMode;
  /** Step size of gradient mode (unused by Lloyd steps). Default 0.05 for Adam, 2 for SGD. */
  learningRate?: number;
  /** Optimizer of gradient mode; default 'adam'. */
  optimizer?: OptimizerName;
  /** Default 'kmeans++'. */
  init?: KMeansInit;
}

export interface KMeansSession extends TrainingSession {
  /**
   * Lloyd mode: one assign-then-average update; returns the mean of F over the data AFTER the
   * update. Gradient mode: one optimizer step on mean F; returns mean F BEFORE the step (what
   * `minimize` reports). Either way the caller disposes the scalar.
   */
  step(): tf.Scalar;
  readonly mode: KMeansMode;
  /** Switches between Lloyd and gradient steps without resetting the prototypes. */
  setMode(mode: KMeansMode): void;
  /** Current prototypes, flat [x0, y0, x1, y1, …] (K rows). */
  prototypes(): Promise<Float32Array>;
  /** ž for the training data, or for `points` when given. */
  assign(points?: Float32Array): Promise<Int32Array>;
  /** F at `points` (flat [2m]), or F_β when `beta` is given: one batched pass, e.g. for a grid. */
  energy(points: Float32Array, beta?: number): Promise<Float32Array>;
}

export function createKMeansSession({
  data,
  k,
  seed,
  mode,
  learningRate,
  optimizer = 'adam',
  init = 'kmeans++',
}: KMeansSessionOptions): KMeansSession {
  const start = initialPrototypes(data, k, seed, init);
  const rate = learningRate ?? (optimizer === 'sgd' ? 2 : 0.05);
  checkPositive('learningRate', rate);
  let current: KMeansMode = checkMode(mode);
  const y = tf.tensor2d(data, [data.length / 2, 2]);
  const W = tf.tidy(() => tf.variable(tf.tensor2d(start, [k, 2]), true));
  // Created on the first gradient step only, so a Lloyd-only session holds no optimizer slots.
  let opt: tf.Optimizer | null = null;
  let disposed = false;
  const loss = (): tf.Scalar => tf.mean(kmeansEnergy(y, W));

  return {
    get mode() {
      return current;
    },
    setMode(next) {
      guard(disposed, 'K-means session');
      current = checkMode(next);
    },
    step() {
      guard(disposed, 'K-means session');
      if (current === 'lloyd') {
        return tf.tidy(() => {
          W.assign(lloydUpdate(y, W));
          return loss();
        });
      }
      if (opt === null) opt = makeOptimizer(optimizer, rate);
      const o = opt;
      return tf.tidy(() => {
        const cost = o.minimize(loss, true, [W]);
        if (cost === null) throw new Error('the optimizer returned no loss');
        return cost;
      });
    },
    async prototypes() {
      guard(disposed, 'K-means session');
      return (await W.data()) as Float32Array;
    },
    async assign(points) {
      guard(disposed, 'K-means session');
      if (points !== undefined) checkPoints('points', points);
      const z = tf.tidy(() => assignments(points === undefined ? y : tf.tensor2d(points, [points.length / 2, 2]), W));
      try {
        return (await z.data()) as Int32Array;
      } finally {
        z.dispose();
      }
    },
    async energy(points, beta) {
      guard(disposed, 'K-means session');
      checkPoints('points', points);
      const f = tf.tidy(() => {
        const p = tf.tensor2d(points, [points.length / 2, 2]);
        return beta === undefined ? kmeansEnergy(p, W) : kmeansSoftEnergy(p, W, beta);
      });
      try {
        return (await f.data()) as Float32Array;
      } finally {
        f.dispose();
      }
    },
    dispose() {
      if (disposed) return;
      disposed = true;
      opt?.dispose();
      W.dispose();
      y.dispose();
    },
  };
}

function checkMode(mode: KMeansMode): KMeansMode {
  if (mode !== 'lloyd' && mode !== 'gradient') throw new RangeError(`unknown mode ${String(mode)}`);
  return mode;
}
