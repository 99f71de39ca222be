/**
 * PyTorch's Adam for the autoencoder's four parameters, with the gradient's constant scale and
 * the bias corrections folded into per-step scalars.
 *
 * The moments are kept in the units of the caller's unscaled gradient g (the true gradient is
 * s·g): m̃ = m/((1 − β1)s) and ṽ = v/((1 − β2)s²), so that
 *   m̃ ← β1 m̃ + g,   ṽ ← β2 ṽ + g²,
 *   θ ← θ − lr·(m/c1)/(√(v/c2) + ε) = θ − lrₜ·m̃/(√ṽ + εₜ),
 * with c1 = 1 − β1^t, c2 = 1 − β2^t, lrₜ = lr·√c2·(1 − β1)/(c1·√(1 − β2)) and
 * εₜ = ε·√c2/(s·√(1 − β2)). That is ten kernels per parameter instead of twelve, and every one
 * of them is a pass over the parameter: at d = 500 Adam's passes are most of a step's memory
 * traffic on a GPU. The moments are converted to PyTorch's units on export and back on import.
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
  /** First and second moments in the unscaled gradient's units (see the module comment). */
  private readonly m = {} as Record<ParamName, tf.Variable>;
  private readonly v = {} as Record<ParamName, tf.Variable>;
  private readonly scalars: { beta1: tf.Scalar; beta2: tf.Scalar };
  /** PyTorch's moments are these multiples of ours. */
  private readonly mUnit: number;
  private readonly vUnit: number;

  constructor(
    private readonly shapes: Record<ParamName, number[]>,
    private readonly options: AdamOptions,
  ) {
    const { beta1, beta2, gradScale } = options;
    this.mUnit = (1 - beta1) * gradScale;
    this.vUnit = (1 - beta2) * gradScale * gradScale;
    this.scalars = { beta1: tf.scalar(beta1), beta2: tf.scalar(beta2) };
    tf.tidy(() => {
      for (const name of PARAM_NAMES) {
        this.m[name] = tf.variable(tf.zeros(shapes[name]), false);
        this.v[name] = tf.variable(tf.zeros(shapes[name]), false);
      }
    });
  }

  /** Updates every parameter from unscaled gradients as step `t` (call inside tf.tidy). */
  apply(params: Record<ParamName, tf.Variable>, grads: Record<ParamName, tf.Tensor>, t: number, lr: number, policy: KernelPolicy): void {
    const { beta1, beta2, epsilon, gradScale } = this.options;
    const c2 = Math.sqrt(1 - beta2 ** t);
    const root = Math.sqrt(1 - beta2);
    const lrT = tf.scalar((lr * c2 * (1 - beta1)) / ((1 - beta1 ** t) * root));
    const epsT = tf.scalar((epsilon * c2) / (gradScale * root));
    const s = this.scalars;
    for (const name of PARAM_NAMES) {
      const grad = grads[name];
      const m = tf.add(tf.mul(this.m[name], s.beta1), grad);
      const v = tf.add(tf.mul(this.v[name], s.beta2), square(grad, policy));
      const update = tf.mul(tf.div(m, tf.add(tf.sqrt(v), epsT)), lrT);
      params[name].assign(tf.sub(params[name], update));
      this.m[name].assign(m);
      this.v[name].assign(v);
    }
  }

  /**
   * Both moments in PyTorch's units, as new tensors the caller disposes; made synchronously,
   * so that they come from the same step as anything else read at the same time.
   */
  moments(): [Record<ParamName, tf.Tensor>, Record<ParamName, tf.Tensor>] {
    return tf.tidy(() => {
      const m = {} as Record<ParamName, tf.Tensor>;
      const v = {} as Record<ParamName, tf.Tensor>;
      for (const name of PARAM_NAMES) {
        m[name] = tf.mul(this.m[name], this.mUnit);
        v[name] = tf.mul(this.v[name], this.vUnit);
      }
      return [m, v];
    });
  }

  /** Sets both moments, given in PyTorch's units (zeros when `moments` is null, i.e. a fresh start). */
  restore(moments: [Moments, Moments] | null): void {
    tf.tidy(() => {
      for (const name of PARAM_NAMES) {
        const shape = this.shapes[name];
        this.m[name].assign(moments ? tf.div(tf.tensor(moments[0][name], shape), this.mUnit) : tf.zeros(shape));
        this.v[name].assign(moments ? tf.div(tf.tensor(moments[1][name], shape), this.vUnit) : tf.zeros(shape));
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
