/**
 * The autoencoder's maths, 784 → d → 784 with tanh after both layers: the forward pass and the
 * hand-written backward pass of the MSE, with the kernel choices that keep them fast on wasm
 * (see the notes in autoencoder.ts). Stateless: parameters come in as tensors.
 */
import * as tf from '@tensorflow/tfjs-core';
import { mulberry32, type Rng } from '../random';

/** Internal layout: weights are [fan_in, fan_out] so that every forward product is x·W. */
export interface AutoencoderParams {
  w1: tf.Tensor2D;
  b1: tf.Tensor1D;
  w2: tf.Tensor2D;
  b2: tf.Tensor1D;
}

export interface ParamArrays {
  w1: Float32Array;
  b1: Float32Array;
  w2: Float32Array;
  b2: Float32Array;
}

export type ParamName = keyof ParamArrays;
export const PARAM_NAMES: readonly ParamName[] = ['w1', 'b1', 'w2', 'b2'];

function uniformArray(n: number, bound: number, rng: Rng): Float32Array {
  const out = new Float32Array(n);
  for (let i = 0; i < n; i++) out[i] = (2 * rng() - 1) * bound;
  return out;
}

/**
 * PyTorch's nn.Linear initialisation: weights and biases uniform in ±1/√fan_in. Internal
 * layout (see AutoencoderParams).
 */
export function initialParameters(inputSize: number, hidden: number, seed: number): ParamArrays {
  const rng = mulberry32(seed);
  const b1Bound = 1 / Math.sqrt(inputSize);
  const b2Bound = 1 / Math.sqrt(hidden);
  return {
    w1: uniformArray(inputSize * hidden, b1Bound, rng),
    b1: uniformArray(hidden, b1Bound, rng),
    w2: uniformArray(hidden * inputSize, b2Bound, rng),
    b2: uniformArray(inputSize, b2Bound, rng),
  };
}

export interface KernelPolicy {
  /** Transpose operands explicitly instead of passing matMul's transpose flags. */
  explicitTranspose: boolean;
  /** Draw minibatch rows with gatherND rather than gather. */
  gatherRowsNd: boolean;
  /**
   * Compute tanh as 2σ(2z) − 1. On wasm, tanh is a scalar loop ~7× slower than its (XNNPACK)
   * sigmoid. On WebGL, tanh has only an unpacked shader: it unpacks the packed product it
   * follows, and every packed op that reads its output packs it again (four times per layer
   * in a training step), while sigmoid, products and differences all run packed.
   */
  tanhViaSigmoid: boolean;
  /**
   * Square as x·x. On WebGL, Square has only an unpacked shader, so between the packed products
   * and sums around it every square costs an unpack and a pack on top of its own pass; the
   * product has a packed shader. Elsewhere the dedicated kernel is as fast or faster.
   */
  squareAsProduct: boolean;
}

/** The policy the backend named `backend` wants (see the module comment of autoencoder.ts). */
export function policyFor(backend: string): KernelPolicy {
  const wasm = backend === 'wasm';
  const webgl = backend === 'webgl';
  const gpu = webgl || backend === 'webgpu';
  return { explicitTranspose: wasm, gatherRowsNd: wasm, tanhViaSigmoid: wasm || webgl, squareAsProduct: gpu };
}

/** The current backend's policy; re-read every step because the UI may switch backends. */
export function kernelPolicy(): KernelPolicy {
  return policyFor(tf.getBackend());
}

/** x², by the kernel the policy prefers. */
export function square<T extends tf.Tensor>(x: T, policy: KernelPolicy): T {
  return policy.squareAsProduct ? tf.mul(x, x) : tf.square(x);
}

/**
 * aᵀ·b. On wasm not as (bᵀ·a)ᵀ, although for the first layer's xᵀδ1 at a small code (d = 30)
 * that transposes a sixth of the values and gives the same bits: measured in Chromium with
 * fresh operands, as in a step, it is slower (1.4 ms instead of 0.9 at batch 256), because
 * tfjs's wasm matMul prepares its second operand for each new tensor, and x is much larger than
 * δ1. (With the same operands every call, a benchmark sees the opposite.)
 */
function matMulAT(a: tf.Tensor2D, b: tf.Tensor2D, policy: KernelPolicy): tf.Tensor2D {
  return policy.explicitTranspose ? tf.matMul(tf.transpose(a), b) : tf.matMul(a, b, true, false);
}

/** a·bᵀ */
function matMulBT(a: tf.Tensor2D, b: tf.Tensor2D, policy: KernelPolicy): tf.Tensor2D {
  return policy.explicitTranspose ? tf.matMul(a, tf.transpose(b)) : tf.matMul(a, b, false, true);
}

/** Column sums of g as ones[1, B]·g. */
function columnSums(ones: tf.Tensor2D, g: tf.Tensor2D): tf.Tensor1D {
  return tf.reshape(tf.matMul(ones, g), [g.shape[1]]) as tf.Tensor1D;
}

/** Scalars the passes need; the training step keeps them for its lifetime instead of re-creating them. */
export interface PassScalars {
  one: tf.Scalar;
  two: tf.Scalar;
}

function tanh(z: tf.Tensor2D, policy: KernelPolicy, s: PassScalars): tf.Tensor2D {
  // 2σ(2z) − 1 is within 2e-7 of tanh(z).
  return policy.tanhViaSigmoid ? tf.sub(tf.mul(tf.sigmoid(tf.mul(z, s.two)), s.two), s.one) : tf.tanh(z);
}

export function layer(x: tf.Tensor2D, w: tf.Tensor2D, b: tf.Tensor1D, policy: KernelPolicy, s: PassScalars): tf.Tensor2D {
  return tanh(tf.fused.matMul({ a: x, b: w, bias: b }) as tf.Tensor2D, policy, s);
}

export function forwardPass(
  p: AutoencoderParams,
  x: tf.Tensor2D,
  policy: KernelPolicy,
  s: PassScalars,
): { h: tf.Tensor2D; y: tf.Tensor2D } {
  const h = layer(x, p.w1, p.b1, policy, s);
  return { h, y: layer(h, p.w2, p.b2, policy, s) };
}

export function freshScalars(): PassScalars {
  return { one: tf.scalar(1), two: tf.scalar(2) };
}

/** Frees the tensors of a `snapshot()`. */
export function disposeParams(p: AutoencoderParams): void {
  for (const name of PARAM_NAMES) p[name].dispose();
}

/** Codes h and reconstruction y of a batch (tensors are not freed: call inside tf.tidy). */
export function forward(p: AutoencoderParams, x: tf.Tensor2D): { h: tf.Tensor2D; y: tf.Tensor2D } {
  return forwardPass(p, x, kernelPolicy(), freshScalars());
}

// #region excerpt:model
/**
 * The MSE loss written with plain differentiable ops, independent of the hand-written pass:
 * the reference for the gradient check and for autodiff comparisons.
 */
export function autoencoderLoss(p: AutoencoderParams, input: tf.Tensor2D, target: tf.Tensor2D): tf.Scalar {
  return tf.tidy(() => {
    const h = tf.tanh(tf.add(tf.matMul(input, p.w1), p.b1));
    const y = tf.tanh(tf.add(tf.matMul(h, p.w2), p.b2));
    return tf.mean(tf.square(tf.sub(y, target)));
  });
}
// #endregion

/** δ2 = (y − target) ⊙ (1 − y²): the output layer's error signal, from diff = y − target. */
export function outputDelta(y: tf.Tensor2D, diff: tf.Tensor2D, policy: KernelPolicy, s: PassScalars): tf.Tensor2D {
  return tf.mul(diff, tf.sub(s.one, square(y, policy)));
}

/** δ1 = (δ2 W2ᵀ) ⊙ (1 − h²): the code layer's error signal. */
export function hiddenDelta(p: AutoencoderParams, d2: tf.Tensor2D, h: tf.Tensor2D, policy: KernelPolicy, s: PassScalars): tf.Tensor2D {
  return tf.mul(matMulBT(d2, p.w2, policy), tf.sub(s.one, square(h, policy)));
}

/** A layer's unscaled gradients from its input a and error signal δ: ∂W ∝ aᵀδ, ∂b ∝ Σ_rows δ. */
export function layerGradients(a: tf.Tensor2D, delta: tf.Tensor2D, ones: tf.Tensor2D, policy: KernelPolicy): { w: tf.Tensor2D; b: tf.Tensor1D } {
  return { w: matMulAT(a, delta, policy), b: columnSums(ones, delta) };
}

/**
 * Backward pass of mean((y − target)²) without the constant 2/(B·inputSize):
 *   δ2 = (y − target) ⊙ (1 − y²),  ∂W2 ∝ hᵀδ2,  ∂b2 ∝ Σ_rows δ2,
 *   δ1 = (δ2 W2ᵀ) ⊙ (1 − h²),      ∂W1 ∝ inputᵀδ1, ∂b1 ∝ Σ_rows δ1.
 * The training step cut into phases (autoencoder.ts) runs the same stages one by one.
 */
export function backwardUnscaled(
  p: AutoencoderParams,
  input: tf.Tensor2D,
  h: tf.Tensor2D,
  y: tf.Tensor2D,
  diff: tf.Tensor2D,
  ones: tf.Tensor2D,
  policy: KernelPolicy,
  s: PassScalars,
): Record<ParamName, tf.Tensor> {
  const d2 = outputDelta(y, diff, policy, s);
  const d1 = hiddenDelta(p, d2, h, policy, s);
  const g2 = layerGradients(h, d2, ones, policy);
  const g1 = layerGradients(input, d1, ones, policy);
  return { w2: g2.w, b2: g2.b, w1: g1.w, b1: g1.b };
}

/** Exact gradients of autoencoderLoss by the hand-written backward pass (for tests and tools). */
export function autoencoderGradients(
  p: AutoencoderParams,
  input: tf.Tensor2D,
  target: tf.Tensor2D,
  policy: KernelPolicy = kernelPolicy(),
): Record<ParamName, tf.Tensor> {
  return tf.tidy(() => {
    const [batch, size] = target.shape;
    const scalars = freshScalars();
    const { h, y } = forwardPass(p, input, policy, scalars);
    const ones = tf.ones([1, batch]) as tf.Tensor2D;
    const grads = backwardUnscaled(p, input, h, y, tf.sub<tf.Tensor2D>(y, target), ones, policy, scalars);
    const scale = tf.scalar(2 / (batch * size));
    return {
      w1: tf.mul(grads.w1, scale),
      b1: tf.mul(grads.b1, scale),
      w2: tf.mul(grads.w2, scale),
      b2: tf.mul(grads.b2, scale),
    };
  });
}
