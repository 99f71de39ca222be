/**
 * Energy-loss training of the ellipse model: minimise the mean free energy of the data,
 * (1/N) Σ_i F(y_i), over the semi-axes w = (w1, w2).
 */
import * as tf from '@tensorflow/tfjs-core';
import './gradients';
import { freeEnergy, latentGrid } from './ellipse';
import { mulberry32, uniform } from './random';
import { makeOptimizer, type OptimizerName } from './optimizer';
import type { TrainingSession } from './trainer';

export type { OptimizerName } from './optimizer';

export interface EllipseTrainerOptions {
  /** Flat [y1, y2, …] training points (e.g. from `ellipseData`). */
  data: Float32Array;
  /** Initial semi-axes; `ellipseInitialWeights(seed)` gives the demo's default. */
  w0: [number, number];
  learningRate: number;
  /** Inverse temperature of the soft-min; undefined trains on F_∞ (the hard minimum). */
  beta?: number;
  /** Default 'adam'. */
  optimizer?: OptimizerName;
  /** Latent grid; default `latentGrid()` (48 angles). */
  latent?: Float32Array;
}

export interface EllipseTrainer extends TrainingSession {
  /** Current (w1, w2). */
  weights(): Promise<[number, number]>;
}

export const INITIAL_WEIGHT_RANGE: readonly [number, number] = [0.5, 3];

/** Seeded initial semi-axes, each uniform in [0.5, 3). */
export function ellipseInitialWeights(seed: number): [number, number] {
  const rng = mulberry32(seed);
  const [lo, hi] = INITIAL_WEIGHT_RANGE;
  return [uniform(rng, lo, hi), uniform(rng, lo, hi)];
}

export function createEllipseTrainer({
  data,
  w0,
  learningRate,
  beta,
  optimizer = 'adam',
  latent = latentGrid(),
}: EllipseTrainerOptions): EllipseTrainer {
  if (data.length === 0 || data.length % 2 !== 0) {
    throw new RangeError(`data must hold 2n > 0 coordinates, got ${data.length}`);
  }
  if (!(learningRate > 0) || !Number.isFinite(learningRate)) {
    throw new RangeError(`learningRate must be finite and > 0, got ${learningRate}`);
  }
  if (beta !== undefined && !(beta > 0)) throw new RangeError(`beta must be > 0, got ${beta}`);
  if (!w0.every(Number.isFinite)) throw new RangeError(`w0 must be finite, got ${w0}`);

  const y = tf.tensor2d(data, [data.length / 2, 2]);
  const w = tf.tidy(() => tf.variable(tf.tensor1d(w0), true));
  const opt = makeOptimizer(optimizer, learningRate);
  const loss = (): tf.Scalar => tf.mean(freeEnergy(y, w, latent, beta));
  let disposed = false;

  return {
    step() {
      if (disposed) throw new Error('the trainer has been disposed');
      // The tidy frees the gradients and energies of the step and lets only its return value,
      // the cost, escape to the caller.
      return tf.tidy(() => {
        const cost = opt.minimize(loss, true, [w]);
        if (cost === null) throw new Error('the optimizer returned no loss');
        return cost;
      });
    },
    async weights() {
      if (disposed) throw new Error('the trainer has been disposed');
      const values = await w.data();
      return [values[0], values[1]];
    },
    dispose() {
      if (disposed) return;
      disposed = true;
      opt.dispose();
      w.dispose();
      y.dispose();
    },
  };
}
