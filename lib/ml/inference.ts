/**
 * Inference by gradient descent on an energy: y ← y − η ∇_y E(y), run for a batch of
 * starting points at once so that a demo can show how different starts land on different
 * minimisers of the same energy.
 */
import * as tf from '@tensorflow/tfjs-core';
import './gradients';

/**
 * Energy of each row of a [m, 2] batch, shape [m]. Rows must not interact: the gradient is
 * taken of the summed energy, which equals the per-row gradients only in that case.
 */
export type BatchEnergy = (y: tf.Tensor2D) => tf.Tensor1D;

export interface InferenceOptions {
  /** η. */
  stepSize: number;
  /** Number of descent steps (0 returns the starts). */
  steps: number;
  /** Keep every k-th iterate in the paths; the start and the final iterate are always kept. Default 1. */
  recordEvery?: number;
}

export interface InferenceResult {
  /**
   * One path per start, flat [y1, y2, y1, y2, …] over the recorded iterates. A diverged path
   * stops at its last finite iterate so that it can be drawn as is.
   */
  paths: Float32Array[];
  /** Final iterates, flat [2m]; diverged starts hold non-finite values here. */
  final: Float32Array;
  /** E at the final iterates, [m]. */
  finalEnergy: Float32Array;
  /** Whether any start reached a non-finite iterate or energy (step size too large, usually). */
  diverged: boolean;
  /** Indices of the starts that diverged. */
  divergedStarts: number[];
}

function checkOptions(starts: Float32Array, { stepSize, steps, recordEvery = 1 }: InferenceOptions): void {
  if (starts.length % 2 !== 0) throw new RangeError(`starts must hold 2m coordinates, got ${starts.length}`);
  if (!Number.isFinite(stepSize)) throw new RangeError(`stepSize must be finite, got ${stepSize}`);
  if (!Number.isInteger(steps) || steps < 0) throw new RangeError(`steps must be an integer ≥ 0, got ${steps}`);
  if (!Number.isInteger(recordEvery) || recordEvery < 1) {
    throw new RangeError(`recordEvery must be an integer ≥ 1, got ${recordEvery}`);
  }
}

/**
 * Runs the descent and reads the results back once at the end: reading after each step
 * would stall a GPU backend on every iteration.
 */
export async function gradientDescentInference(
  energy: BatchEnergy,
  starts: Float32Array,
  options: InferenceOptions,
): Promise<InferenceResult> {
  checkOptions(starts, options);
  const { stepSize, steps, recordEvery = 1 } = options;
  const m = starts.length / 2;
  if (m === 0) {
    return { paths: [], final: new Float32Array(0), finalEnergy: new Float32Array(0), diverged: false, divergedStarts: [] };
  }

  const gradient = tf.grad((y: tf.Tensor) => tf.sum(energy(y as tf.Tensor2D)));
  const recorded: tf.Tensor2D[] = [];
  const owned: tf.Tensor[] = [];
  let y: tf.Tensor2D | null = null;
  let pathData: Float32Array;
  let final: Float32Array;
  let finalEnergy: Float32Array;
  try {
    y = tf.tensor2d(starts, [m, 2]);
    recorded.push(y);
    for (let s = 1; s <= steps; s++) {
      const previous: tf.Tensor2D = y;
      y = tf.tidy(() => tf.sub(previous, tf.mul(gradient(previous), stepSize)) as tf.Tensor2D);
      if (recorded[recorded.length - 1] !== previous) previous.dispose();
      if (s % recordEvery === 0 || s === steps) recorded.push(y);
    }
    const current: tf.Tensor2D = y;
    const energyAtEnd = tf.tidy(() => energy(current));
    owned.push(energyAtEnd);
    const stacked = tf.stack(recorded);
    owned.push(stacked);
    const read = await Promise.all([stacked.data(), current.data(), energyAtEnd.data()]);
    pathData = read[0] as Float32Array;
    final = read[1] as Float32Array;
    finalEnergy = read[2] as Float32Array;
  } finally {
    if (y !== null && recorded[recorded.length - 1] !== y) y.dispose();
    tf.dispose(recorded);
    tf.dispose(owned);
  }
  if (finalEnergy.length !== m) throw new RangeError(`energy must return shape [${m}], got ${finalEnergy.length} values`);

  const frames = recorded.length;
  const paths: Float32Array[] = [];
  const divergedStarts: number[] = [];
  for (let i = 0; i < m; i++) {
    const path = new Float32Array(2 * frames);
    let kept = 0;
    for (let f = 0; f < frames; f++) {
      const u = pathData[2 * (f * m + i)];
      const v = pathData[2 * (f * m + i) + 1];
      if (!Number.isFinite(u) || !Number.isFinite(v)) break;
      path[2 * kept] = u;
      path[2 * kept + 1] = v;
      kept++;
    }
    const finite =
      kept === frames &&
      Number.isFinite(final[2 * i]) &&
      Number.isFinite(final[2 * i + 1]) &&
      Number.isFinite(finalEnergy[i]);
    if (!finite) divergedStarts.push(i);
    paths.push(kept === frames ? path : path.slice(0, 2 * kept));
  }
  return { paths, final, finalEnergy, diverged: divergedStarts.length > 0, divergedStarts };
}
