/**
 * A classical inpainting baseline for the autoencoder: harmonic (diffusion) inpainting. Each
 * unknown pixel is repeatedly replaced by the average of its 4 neighbours while the known pixels
 * stay fixed (Jacobi iteration for Laplace's equation with the known pixels as boundary data).
 * At the image border only the neighbours inside the image are averaged, so the border does not
 * fade towards the padding value.
 */
import * as tf from '@tensorflow/tfjs-core';

export interface DiffusionOptions {
  /** Jacobi sweeps; default 100. Dropout holes are one or two pixels wide and settle in a few dozen. */
  iterations?: number;
  rows?: number;
  cols?: number;
}

/**
 * Fills the pixels where `missing` is 1 from the pixels where it is 0.
 *
 * `image` and `missing` are [B, rows·cols] (or [B, rows, cols]); the values of `image` at the
 * missing pixels are ignored. Unknown pixels start at the mean of the image's known pixels.
 * Returns a tensor of `image`'s shape; the caller disposes it.
 */
export function diffusionInpaint<T extends tf.Tensor>(image: T, missing: T, options: DiffusionOptions = {}): T {
  const { iterations = 100, rows = 28, cols = 28 } = options;
  if (!Number.isInteger(iterations) || iterations < 0) throw new RangeError(`iterations must be an integer ≥ 0, got ${iterations}`);
  if (image.size !== missing.size) throw new RangeError(`image [${image.shape}] and mask [${missing.shape}] differ in size`);
  if (image.size % (rows * cols) !== 0) throw new RangeError(`image [${image.shape}] is not a batch of ${rows}×${cols} images`);
  const batch = image.size / (rows * cols);

  return tf.tidy(() => {
    const shape: [number, number, number, number] = [batch, rows, cols, 1];
    const unknown = tf.reshape(tf.cast(missing, 'float32'), shape);
    const known = tf.sub(tf.scalar(1), unknown);
    const fixed = tf.mul(tf.reshape(image, shape), known);
    const kernel = tf.tensor4d([0, 1, 0, 1, 0, 1, 0, 1, 0], [3, 3, 1, 1]);
    const neighbours = tf.conv2d(tf.ones<tf.Rank.R4>([1, rows, cols, 1]), kernel, 1, 'same');
    // Averaging weight: 1/(neighbour count) at unknown pixels, 0 at known ones.
    const weight = tf.div(unknown, neighbours);

    const knownCount = tf.maximum(tf.sum(known, [1, 2, 3], true), tf.scalar(1));
    const fill = tf.div(tf.sum(fixed, [1, 2, 3], true), knownCount);
    let u: tf.Tensor4D = tf.add<tf.Tensor4D>(fixed, tf.mul(unknown, fill));
    for (let i = 0; i < iterations; i++) {
      // Free each sweep's intermediates at once: a batch of 1,000 digits times 100 sweeps
      // would otherwise hold hundreds of megabytes until the end.
      const next = tf.tidy(() => tf.add<tf.Tensor4D>(fixed, tf.mul(weight, tf.conv2d(u, kernel, 1, 'same'))));
      u.dispose();
      u = next;
    }
    return tf.reshape(u, image.shape) as T;
  });
}

/**
 * The classical answer to noise on every pixel (nothing to inpaint): a few explicit steps of
 * the heat equation, u ← u + λ·Δu with λ = 0.2 (stable for λ ≤ 1/4), i.e. a small Gaussian
 * blur. Like `diffusionInpaint`, only neighbours inside the image count at the border.
 */
export function diffusionSmooth<T extends tf.Tensor>(image: T, options: DiffusionOptions = {}): T {
  const { iterations = 3, rows = 28, cols = 28 } = options;
  if (!Number.isInteger(iterations) || iterations < 0) throw new RangeError(`iterations must be an integer ≥ 0, got ${iterations}`);
  if (image.size % (rows * cols) !== 0) throw new RangeError(`image [${image.shape}] is not a batch of ${rows}×${cols} images`);
  const batch = image.size / (rows * cols);
  const lambda = 0.2;
  return tf.tidy(() => {
    const kernel = tf.tensor4d([0, 1, 0, 1, 0, 1, 0, 1, 0], [3, 3, 1, 1]);
    const neighbours = tf.conv2d(tf.ones<tf.Rank.R4>([1, rows, cols, 1]), kernel, 1, 'same');
    const keep = tf.sub(tf.scalar(1), tf.mul(neighbours, tf.scalar(lambda)));
    const weight = tf.scalar(lambda);
    let u = tf.reshape(image, [batch, rows, cols, 1]) as tf.Tensor4D;
    for (let i = 0; i < iterations; i++) {
      u = tf.add<tf.Tensor4D>(tf.mul(u, keep), tf.mul(tf.conv2d(u, kernel, 1, 'same'), weight));
    }
    return tf.reshape(u, image.shape) as T;
  });
}
