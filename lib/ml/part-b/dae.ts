/**
 * A denoising autoencoder on two-dimensional data, read as an energy-based model.
 *
 * Training: corrupt ỹ = y + σε with ε ~ N(0, I) and minimise mean ‖y − Dec(Enc(ỹ))‖².
 * Energy:   F(y) = ‖y − Dec(Enc(y))‖², which is small on the data and grows roughly like the
 *           squared distance to the data away from it, because the network learnt to send
 *           corrupted points back to where they came from.
 *
 * The code is as wide as the hidden layers (no bottleneck): in two dimensions a narrower code
 * cannot be narrower than the data manifold without losing it, and the point of the demo is
 * that the corruption alone, not the architecture, shapes the energy.
 */
import * as tf from '@tensorflow/tfjs-core';
import '../gradients';
import type { TrainingSession } from '../trainer';
import { createMlp, type Activation, type Mlp } from './mlp';
import {
  checkCount,
  checkNonNegative,
  checkPoints,
  checkPositive,
  gatherPoints,
  guard,
  makeOptimizer,
  normals,
  rngFor,
  sampleIndices,
  type OptimizerName,
} from './util';

export interface DaeModel {
  encoder: Mlp;
  decoder: Mlp;
  /** Dec(Enc(y)), [m, 2]. Call inside a tidy. */
  reconstruct(y: tf.Tensor2D): tf.Tensor2D;
  /** ‖y − Dec(Enc(y))‖² per row, [m]. Call inside a tidy. */
  energy(y: tf.Tensor2D): tf.Tensor1D;
  readonly variables: tf.Variable[];
  dispose(): void;
}

export interface DaeModelOptions {
  hidden: number;
  seed: number;
  activation?: Activation;
}

/** Enc: 2 → h → h (tanh, the code); Dec: h → h (tanh) → 2 (linear). */
export function createDaeModel({ hidden, seed, activation = 'tanh' }: DaeModelOptions): DaeModel {
  checkCount('hidden', hidden);
  const encoder = createMlp({ sizes: [2, hidden, hidden], hidden: activation, output: activation, seed });
  // Offset seed: the decoder must not start as a copy of the encoder's random stream.
  const decoder = createMlp({ sizes: [hidden, hidden, 2], hidden: activation, output: 'linear', seed: seed + 1 });
  const reconstruct = (y: tf.Tensor2D) => decoder.apply(encoder.apply(y));
  return {
    encoder,
    decoder,
    reconstruct,
    energy: (y) => tf.sum(tf.square(tf.sub(y, reconstruct(y))), 1) as tf.Tensor1D,
    variables: [...encoder.variables, ...decoder.variables],
    dispose() {
      encoder.dispose();
      decoder.dispose();
    },
  };
}

export interface DaeSessionOptions {
  /** Flat [y1, y2, …] training points. */
  data: Float32Array;
  /** Corruption level σ (standard deviation of the Gaussian noise per coordinate). */
  sigma: number;
  seed: number;
  /** Default 0.01 (Adam). */
  learningRate?: number;
  /** Width of every hidden layer and of the code; default 32. */
  hidden?: number;
  /** Points per step, drawn with replacement; default: the whole dataset, in order. */
  batch?: number;
  /** Default 'adam'. */
  optimizer?: OptimizerName;
}

export interface CorruptedSample {
  /** ỹ = y + σε, flat [2·count]. */
  noisy: Float32Array;
  /** The data points y that were corrupted. */
  clean: Float32Array;
  /** Dec(Enc(ỹ)): where the network sends each corrupted point. */
  reconstructed: Float32Array;
}

export interface DaeSession extends TrainingSession {
  readonly sigma: number;
  /** Changes σ for the following steps (the slider); the weights are kept. */
  setSigma(sigma: number): void;
  /** F(y) = ‖y − Dec(Enc(y))‖² at each of the points (flat [2m]) → [m]. */
  energy(points: Float32Array): Promise<Float32Array>;
  /** Dec(Enc(y)) at each point, flat [2m]: the heads of the displacement arrows y → Dec(Enc(y)). */
  reconstruct(points: Float32Array): Promise<Float32Array>;
  /**
   * `count` data points, corrupted with the current σ, and their reconstructions. Draws are
   * seeded from a counter of their own, so calling this does not change the training run.
   */
  corruptedSample(count: number): Promise<CorruptedSample>;
}

/** Stream ids of `rngFor`: one independent random stream per use. */
const TRAIN_STREAM = 1;
const SAMPLE_STREAM = 2;

export function createDaeSession({
  data,
  sigma,
  seed,
  learningRate = 0.01,
  hidden = 32,
  batch,
  optimizer = 'adam',
}: DaeSessionOptions): DaeSession {
  checkPoints('data', data, false);
  checkNonNegative('sigma', sigma);
  checkPositive('learningRate', learningRate);
  if (batch !== undefined) checkCount('batch', batch);
  const n = data.length / 2;
  const model = createDaeModel({ hidden, seed });
  const opt = makeOptimizer(optimizer, learningRate);
  const full = batch === undefined ? tf.tensor2d(data, [n, 2]) : null;
  let noise = sigma;
  let steps = 0;
  let samples = 0;
  let disposed = false;

  const run = async (points: Float32Array, f: (y: tf.Tensor2D) => tf.Tensor): Promise<Float32Array> => {
    guard(disposed, 'DAE session');
    checkPoints('points', points);
    const out = tf.tidy(() => f(tf.tensor2d(points, [points.length / 2, 2])));
    try {
      return (await out.data()) as Float32Array;
    } finally {
      out.dispose();
    }
  };

  return {
    get sigma() {
      return noise;
    },
    setSigma(next) {
      guard(disposed, 'DAE session');
      checkNonNegative('sigma', next);
      noise = next;
    },
    step() {
      guard(disposed, 'DAE session');
      const rng = rngFor(seed, steps++, TRAIN_STREAM);
      const clean = batch === undefined ? null : gatherPoints(data, sampleIndices(rng, n, batch));
      const m = clean === null ? n : clean.length / 2;
      const eps = normals(rng, 2 * m);
      return tf.tidy(() => {
        const y = full ?? tf.tensor2d(clean as Float32Array, [m, 2]);
        const corrupted = tf.add(y, tf.mul(tf.tensor2d(eps, [m, 2]), noise)) as tf.Tensor2D;
        const cost = opt.minimize(
          () => tf.mean(tf.sum(tf.square(tf.sub(y, model.reconstruct(corrupted))), 1)) as tf.Scalar,
          true,
          model.variables,
        );
        if (cost === null) throw new Error('the optimizer returned no loss');
        return cost;
      });
    },
    energy: (points) => run(points, (y) => model.energy(y)),
    reconstruct: (points) => run(points, (y) => model.reconstruct(y)),
    async corruptedSample(count) {
      guard(disposed, 'DAE session');
      checkCount('count', count, 0);
      const rng = rngFor(seed, samples++, SAMPLE_STREAM);
      const clean = gatherPoints(data, sampleIndices(rng, n, count));
      const eps = normals(rng, 2 * count);
      const noisy = new Float32Array(2 * count);
      for (let i = 0; i < noisy.length; i++) noisy[i] = clean[i] + noise * eps[i];
      const reconstructed = await run(noisy, (y) => model.reconstruct(y));
      return { noisy, clean, reconstructed };
    },
    dispose() {
      if (disposed) return;
      disposed = true;
      opt.dispose();
      model.dispose();
      full?.dispose();
    },
  };
}
