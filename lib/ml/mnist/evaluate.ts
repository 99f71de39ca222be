/**
 * Test-set figures computed in chunks, with a pause between chunks, so that evaluating 1,000
 * digits never blocks the page for long: sums accumulate on the backend and are read back once.
 */
import * as tf from '@tensorflow/tfjs-core';
import { checkCount } from '../checks';
import { forward, kernelPolicy, type AutoencoderParams } from './model-maths';
import { gatherRows } from './minibatch';
import { diffusionInpaint, diffusionSmooth } from './inpaint';
import { psnrFromMse } from './metrics';

/** Awaited between chunks (e.g. the next animation frame); may throw to abandon the work. */
export type Pause = () => Promise<void>;

/**
 * Runs `compute` over [0, n) in chunks of `chunkRows` rows, summing the vectors it returns,
 * and reads the total back once. `compute`'s tensors are freed after each chunk.
 */
export async function sumInChunks(n: number, chunkRows: number, compute: (from: number, rows: number) => tf.Tensor1D, pause: Pause): Promise<Float32Array> {
  checkCount('n', n);
  checkCount('chunkRows', chunkRows);
  let total: tf.Tensor1D | null = null;
  try {
    for (let from = 0; from < n; from += chunkRows) {
      if (from > 0) await pause();
      const rows = Math.min(chunkRows, n - from);
      const previous: tf.Tensor1D | null = total;
      total = tf.tidy(() => {
        const part = compute(from, rows);
        return (previous ? tf.add(previous, part) : tf.clone(part)) as tf.Tensor1D;
      });
      previous?.dispose();
    }
    return Float32Array.from(await total!.data());
  } finally {
    total?.dispose();
  }
}

export interface QualitySums {
  /** Mean squared error per pixel over all images. */
  mse: number;
  /** Mean over images of each image's PSNR in dB (range 2 for [-1, 1] pixels). */
  psnr: number;
}

/** [Σ squared error, Σ per-image PSNR] of estimates against clean rows. */
function qualitySums(clean: tf.Tensor2D, estimate: tf.Tensor2D): tf.Tensor1D {
  const perImage = tf.mean(tf.squaredDifference(clean, estimate), 1);
  return tf.stack([tf.mul(tf.sum(perImage), tf.scalar(clean.shape[1])), tf.sum(psnrFromMse(perImage))]) as tf.Tensor1D;
}

/** Rows per forward pass in meanSquaredError: bounded memory, few kernel launches. */
const MSE_ROWS = 1000;

/**
 * Mean squared error between the reconstruction of `input` and `target` over a whole set, in
 * chunks on the backend with one read-back and no pause (for scripts and tests; the demos use
 * evaluateReconstruction, which gives the page back between chunks).
 */
export async function meanSquaredError(params: AutoencoderParams, target: tf.Tensor2D, input: tf.Tensor2D = target): Promise<number> {
  const [n, size] = target.shape;
  if (n === 0) throw new RangeError('empty test set');
  let total: tf.Scalar = tf.scalar(0);
  for (let from = 0; from < n; from += MSE_ROWS) {
    const rows = Math.min(MSE_ROWS, n - from);
    const next = tf.tidy(() => tf.add(total, tf.sum(tf.squaredDifference(forward(params, rowsOf(input, from, rows)).y, rowsOf(target, from, rows)))) as tf.Scalar);
    total.dispose();
    total = next;
  }
  try {
    return (await total.data())[0] / (n * size);
  } finally {
    total.dispose();
  }
}

/**
 * Rows [from, from + rows) of x, gathered rather than sliced: tfjs's wasm slice first copies the
 * whole of x out of the wasm heap (the full test set, about 3 MB, for every chunk and every
 * tensor sliced), which made that copy most of an evaluation chunk's time on the page's thread.
 */
function rowsOf(x: tf.Tensor2D, from: number, rows: number): tf.Tensor2D {
  if (rows === x.shape[0]) return x;
  const indices = new Int32Array(rows);
  for (let i = 0; i < rows; i++) indices[i] = from + i;
  return gatherRows(x, indices, kernelPolicy());
}

function finish(sums: Float32Array, n: number, size: number): QualitySums {
  return { mse: sums[0] / (n * size), psnr: sums[1] / n };
}

/**
 * MSE and mean PSNR of the model's reconstructions of `input` against `target` (the clean
 * images; pass the same tensor for a plain autoencoder).
 */
export async function evaluateReconstruction(
  params: AutoencoderParams,
  input: tf.Tensor2D,
  target: tf.Tensor2D,
  options: { chunkRows: number; pause: Pause },
): Promise<QualitySums> {
  const [n, size] = target.shape;
  const sums = await sumInChunks(
    n,
    options.chunkRows,
    (from, rows) => qualitySums(rowsOf(target, from, rows), forward(params, rowsOf(input, from, rows)).y),
    options.pause,
  );
  return finish(sums, n, size);
}

/**
 * The classical baseline: diffusion inpainting of the pixels marked in `mask` from the known
 * pixels of `clean` (it is told where the holes are), or, without a mask (noise on every
 * pixel), diffusion smoothing of `corrupted`.
 */
export function classicalBaseline(clean: tf.Tensor2D, corrupted: tf.Tensor2D, mask: tf.Tensor2D | null): tf.Tensor2D {
  return mask ? diffusionInpaint(clean, mask) : diffusionSmooth(corrupted);
}

/** MSE and mean PSNR of the classical baseline over a corrupted set. */
export async function evaluateBaseline(
  clean: tf.Tensor2D,
  corrupted: tf.Tensor2D,
  mask: tf.Tensor2D | null,
  options: { chunkRows: number; pause: Pause },
): Promise<QualitySums> {
  const [n, size] = clean.shape;
  const sums = await sumInChunks(
    n,
    options.chunkRows,
    (from, rows) => {
      const c = rowsOf(clean, from, rows);
      return qualitySums(c, classicalBaseline(c, rowsOf(corrupted, from, rows), mask ? rowsOf(mask, from, rows) : null));
    },
    options.pause,
  );
  return finish(sums, n, size);
}
