/**
 * The conditional energy of the "energy-inference" demo: for a scalar input x ∈ [0, 1] the
 * compatible outputs y form a whole ellipse, so inference must search for a y rather than
 * compute one:
 *   a(x) = 1.5x + 2(1−x),  b(x) = 2x + 1.5(1−x),
 *   E(x, y) = (y1²/a² + y2²/b² − 1)².
 */
import * as tf from '@tensorflow/tfjs-core';

/** The semi-axes [a(x), b(x)] of the zero-energy ellipse. */
export function ellipseAxes(x: number): [number, number] {
  if (!Number.isFinite(x)) throw new RangeError(`x must be finite, got ${x}`);
  return [1.5 * x + 2 * (1 - x), 2 * x + 1.5 * (1 - x)];
}

/** E(x, y_i) for each row of y ([m, 2]): shape [m]. */
export function conditionalEnergy(x: number, y: tf.Tensor2D): tf.Tensor1D {
  if (y.rank !== 2 || y.shape[1] !== 2) throw new RangeError(`y must have shape [m, 2], got [${y.shape}]`);
  const [a, b] = ellipseAxes(x);
  return tf.tidy(() => {
    const scale = tf.tensor2d([1 / (a * a), 1 / (b * b)], [1, 2]);
    const level = tf.sum(tf.mul(tf.square(y), scale), 1);
    return tf.square(tf.sub(level, 1)) as tf.Tensor1D;
  });
}

/** E(x, ·) with x fixed, in the form `gradientDescentInference` expects. */
export function conditionalEnergyAt(x: number): (y: tf.Tensor2D) => tf.Tensor1D {
  ellipseAxes(x);
  return (y) => conditionalEnergy(x, y);
}
