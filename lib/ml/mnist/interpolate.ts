/**
 * Interpolating between two digits, in pixel space and in the autoencoder's code space.
 *
 * Pixel-space interpolants are cross-fades: the midpoint of a 3 and an 8 is two faint digits
 * on top of each other, far from anything the autoencoder was trained on, so it reconstructs
 * them badly. Decoding interpolated codes instead stays (roughly) among digit-like images.
 * `reconstructionErrors` puts a number on that.
 */
import * as tf from '@tensorflow/tfjs-core';

/** What the helpers need from a model (an Autoencoder fits). */
export interface Codec {
  encode(x: tf.Tensor2D): tf.Tensor2D;
  decode(h: tf.Tensor2D): tf.Tensor2D;
  reconstruct(x: tf.Tensor2D): tf.Tensor2D;
}

/** t_i = i/(steps − 1), i = 0 … steps − 1: both endpoints included. */
export function interpolationWeights(steps: number): number[] {
  if (!Number.isInteger(steps) || steps < 2) throw new RangeError(`steps must be an integer ≥ 2, got ${steps}`);
  return Array.from({ length: steps }, (_, i) => i / (steps - 1));
}

function asRow(v: tf.Tensor, what: string): tf.Tensor2D {
  if (v.rank === 1) return tf.reshape(v, [1, v.shape[0]]);
  if (v.rank === 2 && v.shape[0] === 1) return v as tf.Tensor2D;
  throw new RangeError(`${what} must be one row ([n] or [1, n]), got [${v.shape}]`);
}

/** Rows (1 − t_i)·a + t_i·b, [steps, n], from two rows a and b ([n] or [1, n]). */
export function lerpRows(a: tf.Tensor, b: tf.Tensor, steps: number): tf.Tensor2D {
  const t = interpolationWeights(steps);
  return tf.tidy(() => {
    const ra = asRow(a, 'a');
    const rb = asRow(b, 'b');
    if (ra.shape[1] !== rb.shape[1]) throw new RangeError(`a [${a.shape}] and b [${b.shape}] differ in length`);
    const weights = tf.tensor2d(t, [steps, 1]);
    return tf.add(ra, tf.mul(weights, tf.sub(rb, ra))) as tf.Tensor2D;
  });
}

/** Cross-fade between two images: [steps, 784]. */
export function pixelInterpolation(a: tf.Tensor, b: tf.Tensor, steps: number): tf.Tensor2D {
  return lerpRows(a, b, steps);
}

/** Encode both images, interpolate the codes, decode: codes [steps, d] and images [steps, 784]. */
export function latentInterpolation(
  model: Codec,
  a: tf.Tensor,
  b: tf.Tensor,
  steps: number,
): { codes: tf.Tensor2D; images: tf.Tensor2D } {
  return tf.tidy(() => {
    const codes = lerpRows(model.encode(asRow(a, 'a')), model.encode(asRow(b, 'b')), steps);
    return { codes, images: model.decode(codes) };
  });
}

/** Per-row MSE between each image and the model's reconstruction of it: [rows]. */
export function reconstructionErrors(model: Codec, images: tf.Tensor2D): tf.Tensor1D {
  return tf.tidy(() => tf.mean(tf.squaredDifference(model.reconstruct(images), images), 1) as tf.Tensor1D);
}

export interface InterpolationReport {
  pixel: { images: tf.Tensor2D; errors: Float32Array };
  latent: { images: tf.Tensor2D; errors: Float32Array };
}

/**
 * Both interpolations and the reconstruction error of every step, with one read-back. The
 * caller disposes the two image tensors.
 */
export async function interpolationReport(model: Codec, a: tf.Tensor, b: tf.Tensor, steps: number): Promise<InterpolationReport> {
  const { pixelImages, latentImages, errors } = tf.tidy(() => {
    const pixel = pixelInterpolation(a, b, steps);
    const latent = latentInterpolation(model, a, b, steps).images;
    return {
      pixelImages: pixel,
      latentImages: latent,
      errors: tf.concat([reconstructionErrors(model, pixel), reconstructionErrors(model, latent)]),
    };
  });
  try {
    const values = (await errors.data()) as Float32Array;
    return {
      pixel: { images: pixelImages, errors: values.slice(0, steps) },
      latent: { images: latentImages, errors: values.slice(steps) },
    };
  } catch (error) {
    pixelImages.dispose();
    latentImages.dispose();
    throw error;
  } finally {
    errors.dispose();
  }
}

/** The pixel average (a + b)/2 of two digits and the model's reconstruction of it, each [1, 784]. */
export function averageDigits(model: Codec, a: tf.Tensor, b: tf.Tensor): { average: tf.Tensor2D; reconstruction: tf.Tensor2D } {
  return tf.tidy(() => {
    const ra = asRow(a, 'a');
    const rb = asRow(b, 'b');
    if (ra.shape[1] !== rb.shape[1]) throw new RangeError(`a [${a.shape}] and b [${b.shape}] differ in length`);
    const average = tf.mul(tf.add(ra, rb), tf.scalar(0.5)) as tf.Tensor2D;
    return { average, reconstruction: model.reconstruct(average) };
  });
}
