/**
 * A minimal multilayer perceptron for the part B demos. tfjs-layers would do the same, but
 * the site ships tfjs-core only, and owning the variables directly makes it plain which
 * tensors a session must dispose and which it hands to the optimizer.
 */
import * as tf from '@tensorflow/tfjs-core';
import { mulberry32, uniform } from '../random';

export const ACTIVATIONS = ['linear', 'tanh', 'relu', 'softplus', 'swish'] as const;
export type Activation = (typeof ACTIVATIONS)[number];

export interface MlpOptions {
  /** Layer widths from input to output, e.g. [2, 64, 64, 1]: one dense layer per consecutive pair. */
  sizes: readonly number[];
  /** Activation after every hidden layer. */
  hidden: Activation;
  /** Activation after the last layer; default 'linear'. */
  output?: Activation;
  seed: number;
}

export interface Mlp {
  /** [m, sizes[0]] → [m, sizes[last]]. Call it inside a tidy: intermediates are not freed here. */
  apply(x: tf.Tensor2D): tf.Tensor2D;
  /** Weights then bias of each layer in order, all trainable. */
  readonly variables: tf.Variable[];
  readonly sizes: readonly number[];
  dispose(): void;
}

export function activate(x: tf.Tensor2D, activation: Activation): tf.Tensor2D {
  switch (activation) {
    case 'linear':
      return x;
    case 'tanh':
      return tf.tanh(x);
    case 'relu':
      return tf.relu(x);
    case 'softplus':
      return tf.softplus(x);
    case 'swish':
      return tf.mul(x, tf.sigmoid(x));
    default:
      throw new RangeError(`unknown activation ${String(activation)}`);
  }
}

/**
 * Glorot-uniform weights, limit √(6 / (fan_in + fan_out)), which keeps the variance of the
 * activations about constant through tanh layers at the start of training; zero biases.
 */
export function glorotUniform(fanIn: number, fanOut: number, rng: () => number): Float32Array {
  const limit = Math.sqrt(6 / (fanIn + fanOut));
  const out = new Float32Array(fanIn * fanOut);
  for (let i = 0; i < out.length; i++) out[i] = uniform(rng, -limit, limit);
  return out;
}

export function createMlp({ sizes, hidden, output = 'linear', seed }: MlpOptions): Mlp {
  if (sizes.length < 2) throw new RangeError(`an MLP needs at least an input and an output size, got [${sizes}]`);
  for (const s of sizes) {
    if (!Number.isInteger(s) || s < 1) throw new RangeError(`layer sizes must be integers ≥ 1, got [${sizes}]`);
  }
  // Checked here rather than on the first apply, which may run long after construction.
  for (const a of [hidden, output]) {
    if (!(ACTIVATIONS as readonly string[]).includes(a)) throw new RangeError(`unknown activation ${String(a)}`);
  }
  const rng = mulberry32(seed);
  // The tidy frees the initial-value tensors, which tf.variable copies.
  const variables = tf.tidy(() => {
    const vars: tf.Variable[] = [];
    for (let l = 0; l + 1 < sizes.length; l++) {
      const w = glorotUniform(sizes[l], sizes[l + 1], rng);
      vars.push(tf.variable(tf.tensor2d(w, [sizes[l], sizes[l + 1]]), true));
      vars.push(tf.variable(tf.zeros([1, sizes[l + 1]]), true));
    }
    return vars;
  });
  let disposed = false;
  const layers = sizes.length - 1;
  return {
    sizes: [...sizes],
    variables,
    apply(x) {
      if (disposed) throw new Error('the MLP has been disposed');
      let h = x;
      for (let l = 0; l < layers; l++) {
        h = tf.add(tf.matMul(h, variables[2 * l]), variables[2 * l + 1]);
        h = activate(h, l + 1 < layers ? hidden : output);
      }
      return h;
    },
    dispose() {
      if (disposed) return;
      disposed = true;
      tf.dispose(variables);
    },
  };
}
