/**
 * PyTorch's Adam for the autoencoder's four parameters, with the gradient's constant scale
 * folded into its constants (see autoencoder.ts) and the bias corrections folded into two
 * per-step scalars.
 */
import * as tf from '@tensorflow/tfjs-core';
import { PARAM_NAMES, square, type KernelPolicy, type ParamName } from './model-maths';

export interface AdamOptions {
  beta1: number;
  beta2: number;
  epsilon: number;
  /** The factor the caller's gradients lack (2/(B·784) for the unscaled MSE gradient). */
  gradScale: number;
}

export type Moments = Record<ParamName, Float32Array>;

export class Adam {
  /** First and second moments, one variable per parameter. */
  readonly m = {} as Record<ParamName, tf.Variable>;
  readonly v = {} as Record<ParamName, tf.Variable>;
  private readonly scalars: { beta1: tf.Scalar; beta2: tf.Scalar; k1: tf.Scalar; k2: tf.Scalar };

  constructor(
    private readonly shapes: Record<ParamName, number[]>,
    private readonly options: AdamOptions,
  ) {
    const { beta1, beta2, gradScale } = options;
    // Adam sees the gradient only through (1 − β1)·g and (1 − β2)·g², so its scale goes there.
    this.scalars = {
      beta1: tf.scalar(beta1),
      beta2: tf.scalar(beta2),
      k1: tf.scalar((1 - beta1) * gradScale),
      k2: tf.scalar((1 - beta2) * gradScale * gradScale),
    };
    tf.tidy(() => {
      for (const name of PARAM_NAMES) {
        this.m[name] = tf.variable(tf.zeros(shapes[name]), false);
        this.v[name] = tf.variable(tf.zeros(shapes[name]), false);
      }
    });
  }

  /**
   * Updates every parameter from unscaled gradients as step `t` (call inside tf.tidy). With bias
   * corrections c1 = 1 − β1^t and c2 = 1 − β2^t, lr·(m/c1)/(√(v/c2) + ε) = lrₜ·m/(√v + εₜ)
   * where lrₜ = lr·√c2/c1 and εₜ = ε·√c2.
   */
  apply(params: Record<ParamName, tf.Variable>, grads: Record<ParamName, tf.Tensor>, t: number, lr: number, policy: KernelPolicy): void {
    const { beta1, beta2, epsilon } = this.options;
    const c2 = Math.sqrt(1 - beta2 ** t);
    const lrT = tf.scalar((lr * c2) / (1 - beta1 ** t));
    const epsT = tf.scalar(epsilon * c2);
    const s = this.scalars;
    for (const name of PARAM_NAMES) {
      const grad = grads[name];
      const m = tf.add(tf.mul(this.m[name], s.beta1), tf.mul(grad, s.k1));
      const v = tf.add(tf.mul(this.v[name], s.beta2), tf.mul(square(grad, policy), s.k2));
      const update = tf.mul(tf.div(m, tf.add(tf.sqrt(v), epsT)), lrT);
      params[name].assign(tf.sub(params[name], update));
      this.m[name].assign(m);
      this.v[name].assign(v);
    }
  }

  /** Sets both moments (zeros when `moments` is null, i.e. a fresh start). */
  restore(moments: [Moments, Moments] | null): void {
    tf.tidy(() => {
      for (const name of PARAM_NAMES) {
        const shape = this.shapes[name];
        this.m[name].assign(moments ? tf.tensor(moments[0][name], shape) : tf.zeros(shape));
        this.v[name].assign(moments ? tf.tensor(moments[1][name], shape) : tf.zeros(shape));
      }
    });
  }

  dispose(): void {
    for (const name of PARAM_NAMES) {
      this.m[name].dispose();
      this.v[name].dispose();
    }
    for (const s of Object.values(this.scalars)) s.dispose();
  }
}
