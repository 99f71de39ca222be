/** Minibatches of the training set: a seeded epoch-by-epoch order, and the rows drawn on the backend. */
import * as tf from '@tensorflow/tfjs-core';
import type { Rng } from '../random';
import type { KernelPolicy } from './model-maths';

/** Draws minibatch indices epoch by epoch: every row once per epoch, in a fresh seeded order. */
export class EpochSampler {
  private readonly order: Int32Array;
  private position: number;

  constructor(
    readonly size: number,
    private readonly rng: Rng,
  ) {
    this.order = new Int32Array(size);
    for (let i = 0; i < size; i++) this.order[i] = i;
    this.position = size;
  }

  /** A fresh array each call: a backend may keep a reference to the array a tensor was made from. */
  next(count: number): Int32Array {
    const out = new Int32Array(count);
    for (let k = 0; k < count; k++) {
      if (this.position === this.size) this.shuffle();
      out[k] = this.order[this.position++];
    }
    return out;
  }

  private shuffle(): void {
    const o = this.order;
    for (let i = o.length - 1; i > 0; i--) {
      const j = Math.floor(this.rng() * (i + 1));
      const t = o[i];
      o[i] = o[j];
      o[j] = t;
    }
    this.position = 0;
  }
}

/** The rows `indices` of x (call inside tf.tidy); gatherND on wasm, where gather is slow per element. */
export function gatherRows(x: tf.Tensor2D, indices: Int32Array, policy: KernelPolicy): tf.Tensor2D {
  return (policy.gatherRowsNd ? tf.gatherND(x, tf.tensor2d(indices, [indices.length, 1], 'int32')) : tf.gather(x, tf.tensor1d(indices, 'int32'))) as tf.Tensor2D;
}
