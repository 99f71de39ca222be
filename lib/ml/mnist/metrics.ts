/**
 * Image-quality metrics for [-1, 1] images. PSNR = 10·log10(MAX² / MSE), where MAX is the
 * range of the pixel values: 2 for [-1, 1] (it would be 1 for [0, 1] or 255 for bytes), so the
 * same images give the same PSNR whichever scale they are stored in.
 */
import * as tf from '@tensorflow/tfjs-core';

/** The reduction axes of a batch: everything but the first axis (nothing for rank 1). */
function imageAxes(x: tf.Tensor): number[] {
  return x.rank <= 1 ? [0] : Array.from({ length: x.rank - 1 }, (_, i) => i + 1);
}

function checkShapes(clean: tf.Tensor, estimate: tf.Tensor): void {
  if (clean.shape.length !== estimate.shape.length || clean.shape.some((d, i) => d !== estimate.shape[i])) {
    throw new RangeError(`shapes differ: clean [${clean.shape}] vs estimate [${estimate.shape}]`);
  }
  if (clean.rank < 1) throw new RangeError('expected at least one axis');
}

/** Mean squared error per image: [B] for a batch of rank ≥ 2, a scalar for one flat image. */
export function mse(clean: tf.Tensor, estimate: tf.Tensor): tf.Tensor {
  checkShapes(clean, estimate);
  return tf.tidy(() => tf.mean(tf.squaredDifference(clean, estimate), imageAxes(clean)));
}

/**
 * PSNR in dB per image: [B] for a batch of rank ≥ 2 (first axis = batch), a scalar for one
 * flat image. Identical images give +Infinity.
 */
export function psnr(clean: tf.Tensor, estimate: tf.Tensor, maxRange = 2): tf.Tensor {
  if (!(maxRange > 0)) throw new RangeError(`maxRange must be > 0, got ${maxRange}`);
  checkShapes(clean, estimate);
  return tf.tidy(() => psnrFromMse(tf.mean(tf.squaredDifference(clean, estimate), imageAxes(clean)), maxRange));
}

/** PSNR in dB from mean squared errors (any shape, elementwise). Call inside tf.tidy. */
export function psnrFromMse(err: tf.Tensor, maxRange = 2): tf.Tensor {
  // 10·log10(MAX²/mse) = (10 / ln 10)·(ln MAX² − ln mse); tfjs-core has no log10.
  return tf.mul(tf.sub(tf.scalar(Math.log(maxRange * maxRange)), tf.log(err)), tf.scalar(10 / Math.LN10));
}

/** PSNR in dB of one image held in plain arrays. Identical images give +Infinity. */
export function psnrJs(clean: ArrayLike<number>, estimate: ArrayLike<number>, maxRange = 2): number {
  if (clean.length !== estimate.length) throw new RangeError(`lengths differ: ${clean.length} vs ${estimate.length}`);
  if (clean.length === 0) throw new RangeError('empty images');
  if (!(maxRange > 0)) throw new RangeError(`maxRange must be > 0, got ${maxRange}`);
  let sum = 0;
  for (let i = 0; i < clean.length; i++) {
    const d = clean[i] - estimate[i];
    sum += d * d;
  }
  return 10 * Math.log10((maxRange * maxRange) / (sum / clean.length));
}
