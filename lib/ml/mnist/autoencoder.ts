/**
 * The practicum's autoencoder, 784 → d → 784 with tanh after both layers, trained on the MSE
 * between the output and the clean image with Adam, written for speed in the browser.
 *
 * Why it is hand-written rather than autodiff (`optimizer.minimize`) or tfjs-layers:
 * - The backward pass of two dense layers is a handful of ops; autodiff records a tape and
 *   emits more kernels for the same result.
 * - On the wasm backend, matMul with a transpose flag leaves XNNPACK for a scalar fallback
 *   loop that is 10–20× slower, and every autodiff gradient of a matMul uses such a flag. Here
 *   the transposes are materialised (cheap) and every product takes the fast path.
 * - On wasm, tf.gather costs ~50 ns per element while tf.gatherND copies whole rows, so the
 *   minibatch is drawn with gatherND there (the CPU backend is the other way round).
 * - wasm's tanh is a scalar loop ~7× slower than its (XNNPACK) sigmoid, so there tanh(z) is
 *   computed as 2σ(2z) − 1 (within 2e-7).
 * - Bias gradients are products with a row of ones, faster than a reduction over axis 0.
 * - The constant 2/(B·784) of the MSE gradient is folded into Adam's constants instead of
 *   costing a pass over the batch; Adam's bias correction goes into two per-step scalars.
 * - Minibatch sampling stays on the backend, several steps run without a read-back, and the
 *   loss is only computed for the step that returns it.
 */
import * as tf from '@tensorflow/tfjs-core';
import { mulberry32, type Rng } from '../random';
import type { TrainingSession } from '../trainer';
import { corruptInput, validateCorruption, type Corruption } from './corruption';

export interface AutoencoderOptions {
  /** Default 784. */
  inputSize?: number;
  /** Code size d. */
  hidden: number;
  /** Seeds the initial weights, the minibatch order and the corruption draws. */
  seed: number;
  /** Adam step size; default 1e-3. */
  learningRate?: number;
  /** Default 256. */
  batchSize?: number;
  /** Corrupt the inputs (the loss stays on the clean image): a denoising autoencoder. Default none. */
  corruption?: Corruption;
  /** Adam's β1 (0.9), β2 (0.999) and ε (1e-8), as in PyTorch. */
  beta1?: number;
  beta2?: number;
  epsilon?: number;
}

export interface WeightEntry {
  shape: number[];
  data: Float32Array;
}

/**
 * Named tensors in PyTorch's layout: `encoder.weight` [d, 784], `encoder.bias` [d],
 * `decoder.weight` [784, d], `decoder.bias` [784], and with the optimizer state `adam.step`
 * (shape []) and `adam.exp_avg.<name>` / `adam.exp_avg_sq.<name>` for each of those.
 */
export type WeightMap = Record<string, WeightEntry>;

export interface Autoencoder extends TrainingSession {
  readonly inputSize: number;
  readonly hidden: number;
  readonly batchSize: number;
  /** Optimisation steps taken (or restored by importWeights). */
  readonly steps: number;
  /** The training set, [N, inputSize] in [-1, 1]. Borrowed, not copied: keep it alive while training, dispose it yourself. */
  setData(xTrain: tf.Tensor2D): void;
  /** Switches the input corruption for the following steps. */
  setCorruption(corruption: Corruption): void;
  setLearningRate(learningRate: number): void;
  /** n steps without reading anything back; returns the last step's loss (caller disposes). */
  trainSteps(n: number): tf.Scalar;
  /**
   * One optimisation step cut into `parts` pieces of the minibatch (gradients accumulated,
   * one Adam update at the end), run one piece per `next()`, so that a caller on a synchronous
   * backend can give the page back between pieces. The iterator's value when done is the
   * step's loss (caller disposes). Abandoning it (`return()`) frees its tensors and leaves the
   * model as it was. The result equals `step()` up to the order of floating-point sums.
   */
  stepInParts(parts: number): Generator<void, tf.Scalar, void>;
  /** [B, d] codes tanh(x·W1 + b1). */
  encode(x: tf.Tensor2D): tf.Tensor2D;
  /** [B, inputSize] images tanh(h·W2 + b2). */
  decode(h: tf.Tensor2D): tf.Tensor2D;
  reconstruct(x: tf.Tensor2D): tf.Tensor2D;
  /**
   * Mean squared error between reconstruct(input) and target over the whole set, computed in
   * batches on the backend with one read-back. `input` defaults to `target`; pass a corrupted
   * copy to measure a denoiser.
   */
  testLoss(target: tf.Tensor2D, input?: tf.Tensor2D): Promise<number>;
  /**
   * The rows of the first weight matrix, row-major (one image per hidden unit): all d of them,
   * or only the first `count`, cut on the backend so that a display of a few kernels of a wide
   * model reads back only what it shows.
   */
  encoderKernels(count?: number): Promise<Float32Array>;
  /**
   * The current weights as tensors the caller owns (dispose with `disposeParams`). Clones share
   * the variables' storage, so this costs no copy, and they keep their values while training
   * goes on: an evaluation spread over several frames sees one consistent model.
   */
  snapshot(): AutoencoderParams;
  /** A consistent snapshot of the weights, plus Adam's state if `optimizer` is set. */
  exportWeights(options?: { optimizer?: boolean }): Promise<WeightMap>;
  /** Restores exportWeights' output; without optimizer entries Adam restarts from zero. */
  importWeights(weights: WeightMap): void;
}

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
const PARAM_NAMES: readonly ParamName[] = ['w1', 'b1', 'w2', 'b2'];
const EXPORT_NAMES: Record<ParamName, string> = {
  w1: 'encoder.weight',
  b1: 'encoder.bias',
  w2: 'decoder.weight',
  b2: 'decoder.bias',
};

/** Rows of test data per forward pass in testLoss: bounded memory, few kernel launches. */
const EVAL_ROWS = 1000;

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

interface KernelPolicy {
  /** Transpose operands explicitly instead of passing matMul's transpose flags. */
  explicitTranspose: boolean;
  /** Draw minibatch rows with gatherND rather than gather. */
  gatherRowsNd: boolean;
  /** Compute tanh as 2σ(2z) − 1 (wasm's tanh is a scalar loop ~7× slower than its sigmoid). */
  tanhViaSigmoid: boolean;
}

/** See the module comment; re-read every step because the UI may switch backends. */
function kernelPolicy(): KernelPolicy {
  const wasm = tf.getBackend() === 'wasm';
  return { explicitTranspose: wasm, gatherRowsNd: wasm, tanhViaSigmoid: wasm };
}

/** aᵀ·b */
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
interface PassScalars {
  one: tf.Scalar;
  two: tf.Scalar;
}

function tanh(z: tf.Tensor2D, policy: KernelPolicy, s: PassScalars): tf.Tensor2D {
  // 2σ(2z) − 1 is within 2e-7 of tanh(z).
  return policy.tanhViaSigmoid ? tf.sub(tf.mul(tf.sigmoid(tf.mul(z, s.two)), s.two), s.one) : tf.tanh(z);
}

function layer(x: tf.Tensor2D, w: tf.Tensor2D, b: tf.Tensor1D, policy: KernelPolicy, s: PassScalars): tf.Tensor2D {
  return tanh(tf.fused.matMul({ a: x, b: w, bias: b }) as tf.Tensor2D, policy, s);
}

function forwardPass(
  p: AutoencoderParams,
  x: tf.Tensor2D,
  policy: KernelPolicy,
  s: PassScalars,
): { h: tf.Tensor2D; y: tf.Tensor2D } {
  const h = layer(x, p.w1, p.b1, policy, s);
  return { h, y: layer(h, p.w2, p.b2, policy, s) };
}

function freshScalars(): PassScalars {
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

/**
 * Backward pass of mean((y − target)²) without the constant 2/(B·inputSize):
 *   δ2 = (y − target) ⊙ (1 − y²),  ∂W2 ∝ hᵀδ2,  ∂b2 ∝ Σ_rows δ2,
 *   δ1 = (δ2 W2ᵀ) ⊙ (1 − h²),      ∂W1 ∝ inputᵀδ1, ∂b1 ∝ Σ_rows δ1.
 */
function backwardUnscaled(
  p: AutoencoderParams,
  input: tf.Tensor2D,
  h: tf.Tensor2D,
  y: tf.Tensor2D,
  diff: tf.Tensor2D,
  ones: tf.Tensor2D,
  policy: KernelPolicy,
  s: PassScalars,
): Record<ParamName, tf.Tensor> {
  const d2: tf.Tensor2D = tf.mul(diff, tf.sub(s.one, tf.square(y)));
  const d1: tf.Tensor2D = tf.mul(matMulBT(d2, p.w2, policy), tf.sub(s.one, tf.square(h)));
  return {
    w2: matMulAT(h, d2, policy),
    b2: columnSums(ones, d2),
    w1: matMulAT(input, d1, policy),
    b1: columnSums(ones, d1),
  };
}

/** Exact gradients of autoencoderLoss by the hand-written backward pass (for tests and tools). */
export function autoencoderGradients(
  p: AutoencoderParams,
  input: tf.Tensor2D,
  target: tf.Tensor2D,
): Record<ParamName, tf.Tensor> {
  return tf.tidy(() => {
    const [batch, size] = target.shape;
    const policy = kernelPolicy();
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

/** Draws minibatch indices epoch by epoch: every row once per epoch, in a fresh seeded order. */
class EpochSampler {
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

function checkPositiveInteger(name: string, v: number): void {
  if (!Number.isInteger(v) || v < 1) throw new RangeError(`${name} must be an integer ≥ 1, got ${v}`);
}

function checkLearningRate(lr: number): void {
  if (!(lr > 0) || !Number.isFinite(lr)) throw new RangeError(`learningRate must be finite and > 0, got ${lr}`);
}

/** Row-major rows×cols → cols×rows. */
function transposeArray(data: Float32Array, rows: number, cols: number): Float32Array {
  const out = new Float32Array(data.length);
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) out[c * rows + r] = data[r * cols + c];
  }
  return out;
}

export function createAutoencoder(options: AutoencoderOptions): Autoencoder {
  const {
    inputSize = 784,
    hidden,
    seed,
    learningRate = 1e-3,
    batchSize = 256,
    corruption: initialCorruption = { kind: 'none' },
    beta1 = 0.9,
    beta2 = 0.999,
    epsilon = 1e-8,
  } = options;
  checkPositiveInteger('inputSize', inputSize);
  checkPositiveInteger('hidden', hidden);
  checkPositiveInteger('batchSize', batchSize);
  checkLearningRate(learningRate);
  if (!Number.isFinite(seed)) throw new RangeError(`seed must be a finite number, got ${seed}`);
  if (!(beta1 >= 0 && beta1 < 1) || !(beta2 >= 0 && beta2 < 1)) throw new RangeError(`Adam betas must be in [0, 1), got ${beta1}, ${beta2}`);
  if (!(epsilon > 0)) throw new RangeError(`epsilon must be > 0, got ${epsilon}`);
  validateCorruption(initialCorruption);

  // Independent streams, so that switching the corruption on does not change the batches.
  const master = mulberry32(seed);
  const initSeed = Math.floor(master() * 4294967296);
  const sampleRng = mulberry32(Math.floor(master() * 4294967296));
  const corruptRng = mulberry32(Math.floor(master() * 4294967296));

  const shapes: Record<ParamName, number[]> = {
    w1: [inputSize, hidden],
    b1: [hidden],
    w2: [hidden, inputSize],
    b2: [inputSize],
  };
  const init = initialParameters(inputSize, hidden, initSeed);
  const params = {} as Record<ParamName, tf.Variable>;
  const moment1 = {} as Record<ParamName, tf.Variable>;
  const moment2 = {} as Record<ParamName, tf.Variable>;
  // The tidy frees the initial-value tensors; the variables hold their own references.
  tf.tidy(() => {
    for (const name of PARAM_NAMES) {
      params[name] = tf.variable(tf.tensor(init[name], shapes[name]), false);
      moment1[name] = tf.variable(tf.zeros(shapes[name]), false);
      moment2[name] = tf.variable(tf.zeros(shapes[name]), false);
    }
  });
  const model = params as unknown as AutoencoderParams;

  // The MSE gradient is 2/(B·inputSize) times the unscaled one; Adam sees it only through
  // (1 − β1)·g and (1 − β2)·g², so the constant goes there.
  const gradScale = 2 / (batchSize * inputSize);
  const constants = {
    one: tf.scalar(1),
    two: tf.scalar(2),
    beta1: tf.scalar(beta1),
    beta2: tf.scalar(beta2),
    k1: tf.scalar((1 - beta1) * gradScale),
    k2: tf.scalar((1 - beta2) * gradScale * gradScale),
    ones: tf.ones([1, batchSize]) as tf.Tensor2D,
  };

  let lr = learningRate;
  let corruption = initialCorruption;
  let step = 0;
  let data: tf.Tensor2D | null = null;
  let sampler: EpochSampler | null = null;
  let disposed = false;

  const alive = (): void => {
    if (disposed) throw new Error('the autoencoder has been disposed');
  };

  const checkRows = (x: tf.Tensor, what: string): void => {
    if (x.rank !== 2 || x.shape[1] !== inputSize) {
      throw new RangeError(`${what} must be [N, ${inputSize}], got [${x.shape}]`);
    }
  };

  /**
   * PyTorch's Adam, rearranged: with bias corrections c1 = 1 − β1^t and c2 = 1 − β2^t,
   * lr·(m/c1)/(√(v/c2) + ε) = lrₜ·m/(√v + εₜ) where lrₜ = lr·√c2/c1 and εₜ = ε·√c2.
   */
  const adamUpdate = (name: ParamName, grad: tf.Tensor, lrT: tf.Scalar, epsT: tf.Scalar): void => {
    const m = tf.add(tf.mul(moment1[name], constants.beta1), tf.mul(grad, constants.k1));
    const v = tf.add(tf.mul(moment2[name], constants.beta2), tf.mul(tf.square(grad), constants.k2));
    const update = tf.mul(tf.div(m, tf.add(tf.sqrt(v), epsT)), lrT);
    params[name].assign(tf.sub(params[name], update));
    moment1[name].assign(m);
    moment2[name].assign(v);
  };

  /** The minibatch rows `indices` of the training set (call inside tf.tidy). */
  const gatherRows = (x: tf.Tensor2D, indices: Int32Array, policy: KernelPolicy): tf.Tensor2D =>
    (policy.gatherRowsNd ? tf.gatherND(x, tf.tensor2d(indices, [batchSize, 1], 'int32')) : tf.gather(x, tf.tensor1d(indices, 'int32'))) as tf.Tensor2D;

  /** Adam's update of every parameter from unscaled gradients, as step `t` (call inside tf.tidy). */
  const applyAdam = (grads: Record<ParamName, tf.Tensor>, t: number): void => {
    const c2 = Math.sqrt(1 - beta2 ** t);
    const lrT = tf.scalar((lr * c2) / (1 - beta1 ** t));
    const epsT = tf.scalar(epsilon * c2);
    for (const name of PARAM_NAMES) adamUpdate(name, grads[name], lrT, epsT);
  };

  /** The training set, checked to be there. */
  const trainingData = (): tf.Tensor2D => {
    alive();
    if (data === null || sampler === null) throw new Error('call setData(xTrain) before training');
    return data;
  };

  // #region excerpt:training-step
  const runStep = (wantLoss: boolean): tf.Scalar | undefined => {
    const x = trainingData();
    const indices = sampler!.next(batchSize);
    const t = step + 1;
    const loss = tf.tidy((): tf.Scalar | undefined => {
      const policy = kernelPolicy();
      const target = gatherRows(x, indices, policy);
      const input = corruptInput(target, corruption, corruptRng);
      const { h, y } = forwardPass(model, input, policy, constants);
      const diff: tf.Tensor2D = tf.sub(y, target);
      applyAdam(backwardUnscaled(model, input, h, y, diff, constants.ones, policy, constants), t);
      return wantLoss ? tf.mean<tf.Scalar>(tf.square(diff)) : undefined;
    });
    step = t;
    return loss;
  };
  // #endregion

  /** Rows of each of `parts` near-equal pieces of a minibatch. */
  const pieceBounds = (parts: number): [number, number][] =>
    Array.from({ length: parts }, (_, k) => [Math.floor((k * batchSize) / parts), Math.floor(((k + 1) * batchSize) / parts)]);

  function* runStepInParts(parts: number): Generator<void, tf.Scalar, void> {
    const x = trainingData();
    // Drawn up front in the same order as runStep, so that the batches and corruption match it.
    const indices = sampler!.next(batchSize);
    const t = step + 1;
    const [target, input] = tf.tidy(() => {
      const rows = gatherRows(x, indices, kernelPolicy());
      const corrupted = corruptInput(rows, corruption, corruptRng);
      return [rows, corrupted === rows ? tf.clone(rows) : corrupted];
    });
    // Running sums over the pieces: gradients (unscaled) and squared errors.
    let sums: Record<ParamName, tf.Tensor> | null = null;
    let squares: tf.Scalar | null = null;
    try {
      for (const [k, [from, to]] of pieceBounds(parts).entries()) {
        if (k > 0) yield;
        alive();
        const next = tf.tidy(() => {
          const policy = kernelPolicy();
          const rows = to - from;
          const xs = tf.slice(input, [from, 0], [rows, inputSize]) as tf.Tensor2D;
          const ts = tf.slice(target, [from, 0], [rows, inputSize]) as tf.Tensor2D;
          const { h, y } = forwardPass(model, xs, policy, constants);
          const diff: tf.Tensor2D = tf.sub(y, ts);
          const ones = rows === batchSize ? constants.ones : (tf.ones([1, rows]) as tf.Tensor2D);
          const grads = backwardUnscaled(model, xs, h, y, diff, ones, policy, constants);
          const sq = tf.sum<tf.Scalar>(tf.square(diff));
          const added = {} as Record<ParamName, tf.Tensor>;
          for (const name of PARAM_NAMES) added[name] = sums ? tf.add(sums[name], grads[name]) : grads[name];
          return { added, sq: squares ? tf.add<tf.Scalar>(squares, sq) : sq };
        });
        tf.dispose([...Object.values(sums ?? {}), ...(squares ? [squares] : [])]);
        sums = next.added;
        squares = next.sq;
      }
      alive();
      const grads = sums!;
      const total = squares!;
      const loss = tf.tidy(() => {
        applyAdam(grads, t);
        return tf.div<tf.Scalar>(total, tf.scalar(batchSize * inputSize));
      });
      step = t;
      return loss;
    } finally {
      // Also runs when the step is abandoned part-way (the iterator's return()).
      tf.dispose([target, input, ...Object.values(sums ?? {}), ...(squares ? [squares] : [])]);
    }
  }

  const snapshot = async (names: ParamName[], sources: Record<ParamName, tf.Variable>[]): Promise<Float32Array[]> => {
    // Clone synchronously so that every value comes from the same step even if training
    // continues while the read-backs are pending.
    const clones = sources.flatMap((source) => names.map((name) => tf.clone(source[name])));
    try {
      return (await Promise.all(clones.map((c) => c.data()))) as Float32Array[];
    } finally {
      for (const c of clones) c.dispose();
    }
  };

  /** PyTorch's layout: weights are [fan_out, fan_in]. */
  const exportShapes: Record<ParamName, number[]> = {
    w1: [hidden, inputSize],
    b1: [hidden],
    w2: [inputSize, hidden],
    b2: [inputSize],
  };

  /** Internal layout → PyTorch layout (weights transposed). */
  const toExport = (name: ParamName, values: Float32Array): WeightEntry => {
    const shape = [...exportShapes[name]];
    if (name === 'w1' || name === 'w2') return { shape, data: transposeArray(values, shape[1], shape[0]) };
    return { shape, data: Float32Array.from(values) };
  };

  /** PyTorch layout → internal layout, after checking shape and values. */
  const fromExport = (key: string, name: ParamName, entry: WeightEntry | undefined): Float32Array => {
    const expected = exportShapes[name];
    if (!entry) throw new RangeError(`weights lack ${key}`);
    if (entry.shape.length !== expected.length || entry.shape.some((d, i) => d !== expected[i])) {
      throw new RangeError(`${key} has shape [${entry.shape}], expected [${expected}]`);
    }
    const size = expected.reduce((a, b) => a * b, 1);
    if (!(entry.data instanceof Float32Array) || entry.data.length !== size) {
      throw new RangeError(`${key} must hold a Float32Array of ${size} values`);
    }
    for (let i = 0; i < size; i++) {
      if (!Number.isFinite(entry.data[i])) throw new RangeError(`${key} holds a non-finite value at index ${i}`);
    }
    if (name === 'w1' || name === 'w2') return transposeArray(entry.data, expected[0], expected[1]);
    return Float32Array.from(entry.data);
  };

  return {
    inputSize,
    hidden,
    batchSize,
    get steps() {
      return step;
    },

    setData(xTrain) {
      alive();
      checkRows(xTrain, 'xTrain');
      if (xTrain.shape[0] < 1) throw new RangeError('xTrain is empty');
      if (xTrain.dtype !== 'float32') throw new RangeError(`xTrain must be float32, got ${xTrain.dtype}`);
      data = xTrain;
      if (sampler === null || sampler.size !== xTrain.shape[0]) sampler = new EpochSampler(xTrain.shape[0], sampleRng);
    },

    setCorruption(next) {
      alive();
      validateCorruption(next);
      corruption = next;
    },

    setLearningRate(next) {
      alive();
      checkLearningRate(next);
      lr = next;
    },

    step() {
      return runStep(true) as tf.Scalar;
    },

    stepInParts(parts) {
      // Checked at the call, not at the first next().
      alive();
      if (!Number.isInteger(parts) || parts < 1 || parts > batchSize) throw new RangeError(`parts must be an integer in [1, ${batchSize}], got ${parts}`);
      trainingData();
      return runStepInParts(parts);
    },

    trainSteps(n) {
      checkPositiveInteger('n', n);
      for (let i = 1; i < n; i++) runStep(false);
      return runStep(true) as tf.Scalar;
    },

    encode(x) {
      alive();
      checkRows(x, 'x');
      return tf.tidy(() => layer(x, model.w1, model.b1, kernelPolicy(), constants));
    },

    decode(h) {
      alive();
      if (h.rank !== 2 || h.shape[1] !== hidden) throw new RangeError(`h must be [N, ${hidden}], got [${h.shape}]`);
      return tf.tidy(() => layer(h, model.w2, model.b2, kernelPolicy(), constants));
    },

    reconstruct(x) {
      alive();
      checkRows(x, 'x');
      return tf.tidy(() => forwardPass(model, x, kernelPolicy(), constants).y);
    },

    async testLoss(target, input = target) {
      alive();
      checkRows(target, 'target');
      if (input.shape[0] !== target.shape[0] || input.shape[1] !== target.shape[1]) {
        throw new RangeError(`input [${input.shape}] and target [${target.shape}] differ`);
      }
      const n = target.shape[0];
      if (n === 0) throw new RangeError('empty test set');
      let total: tf.Scalar = tf.scalar(0);
      for (let from = 0; from < n; from += EVAL_ROWS) {
        const rows = Math.min(EVAL_ROWS, n - from);
        const next = tf.tidy(() => {
          const whole = rows === n;
          const t = whole ? target : tf.slice(target, [from, 0], [rows, inputSize]);
          const x = whole ? input : tf.slice(input, [from, 0], [rows, inputSize]);
          return tf.add(total, tf.sum(tf.squaredDifference(forwardPass(model, x, kernelPolicy(), constants).y, t))) as tf.Scalar;
        });
        total.dispose();
        total = next;
      }
      try {
        return (await total.data())[0] / (n * inputSize);
      } finally {
        total.dispose();
      }
    },

    async encoderKernels(count = hidden) {
      alive();
      checkPositiveInteger('count', count);
      const k = Math.min(count, hidden);
      if (k === hidden) {
        const [w1] = await snapshot(['w1'], [params]);
        return transposeArray(w1, inputSize, hidden);
      }
      const rows = tf.tidy(() => tf.transpose(tf.slice(params.w1, [0, 0], [inputSize, k])));
      try {
        return Float32Array.from(await rows.data());
      } finally {
        rows.dispose();
      }
    },

    snapshot() {
      alive();
      return { w1: tf.clone(model.w1), b1: tf.clone(model.b1), w2: tf.clone(model.w2), b2: tf.clone(model.b2) };
    },

    async exportWeights({ optimizer = false } = {}) {
      alive();
      const sources = optimizer ? [params, moment1, moment2] : [params];
      const t = step;
      const values = await snapshot([...PARAM_NAMES], sources);
      const out: WeightMap = {};
      PARAM_NAMES.forEach((name, i) => {
        out[EXPORT_NAMES[name]] = toExport(name, values[i]);
        if (optimizer) {
          out[`adam.exp_avg.${EXPORT_NAMES[name]}`] = toExport(name, values[PARAM_NAMES.length + i]);
          out[`adam.exp_avg_sq.${EXPORT_NAMES[name]}`] = toExport(name, values[2 * PARAM_NAMES.length + i]);
        }
      });
      if (optimizer) out['adam.step'] = { shape: [], data: Float32Array.of(t) };
      return out;
    },

    importWeights(weights) {
      alive();
      // Validate everything before assigning anything, so a bad map leaves the model intact.
      const values = PARAM_NAMES.map((name) => fromExport(EXPORT_NAMES[name], name, weights[EXPORT_NAMES[name]]));
      const stepEntry = weights['adam.step'];
      let moments: Float32Array[][] | null = null;
      let restoredStep = 0;
      if (stepEntry) {
        restoredStep = stepEntry.data?.[0];
        if (!Number.isInteger(restoredStep) || restoredStep < 0) throw new RangeError(`adam.step must be an integer ≥ 0, got ${restoredStep}`);
        moments = ['exp_avg', 'exp_avg_sq'].map((kind) =>
          PARAM_NAMES.map((name) => {
            const key = `adam.${kind}.${EXPORT_NAMES[name]}`;
            return fromExport(key, name, weights[key]);
          }),
        );
      }
      tf.tidy(() => {
        PARAM_NAMES.forEach((name, i) => {
          params[name].assign(tf.tensor(values[i], shapes[name]));
          moment1[name].assign(moments ? tf.tensor(moments[0][i], shapes[name]) : tf.zeros(shapes[name]));
          moment2[name].assign(moments ? tf.tensor(moments[1][i], shapes[name]) : tf.zeros(shapes[name]));
        });
      });
      step = restoredStep;
    },

    dispose() {
      if (disposed) return;
      disposed = true;
      for (const name of PARAM_NAMES) {
        params[name].dispose();
        moment1[name].dispose();
        moment2[name].dispose();
      }
      for (const c of Object.values(constants)) c.dispose();
      data = null;
    },
  };
}
