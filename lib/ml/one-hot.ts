import * as tf from '@tensorflow/tfjs-core';

/**
 * A float32 one-hot matrix. The wasm backend of tfjs 4.22 ignores the dtype argument of
 * `tf.oneHot` and writes int32 bits into a float32 tensor (1 reads as 1.4e-45), so the result
 * is cast explicitly: a cast of the default int32 one-hot is correct on every backend.
 */
export function floatOneHot(indices: tf.Tensor1D, depth: number): tf.Tensor2D {
  return tf.tidy(() => tf.cast(tf.oneHot(indices, depth), 'float32') as tf.Tensor2D);
}
