import * as tf from '@tensorflow/tfjs-core';

/** The optimizers the demos offer. */
export type OptimizerName = 'sgd' | 'adam';

export function makeOptimizer(name: OptimizerName, learningRate: number): tf.Optimizer {
  switch (name) {
    case 'sgd':
      return tf.train.sgd(learningRate);
    case 'adam':
      return tf.train.adam(learningRate);
    default:
      throw new RangeError(`unknown optimizer ${String(name)}`);
  }
}
