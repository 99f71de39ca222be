/**
 * The practicum's autoencoder, 784 → d → 784 with tanh after both layers, trained on the MSE
 * between the output and the clean image with Adam, written for speed in the browser.
 *
 * Why it is hand-written rather than autodiff (`optimizer.minimize`) or tfjs-layers:
 * - The backward pass of two dense layers is a handful of ops; autodiff records a tape and
 *   emits more kernels for the same result.
 * - On the wasm backend, matMul with a transpose flag leaves XNNPACK for a scalar fallback
 *   loop that is 10–20× slower, and every autodiff gradient of a matMul uses such a flag. Here
 *   the transposes are materialised and every product takes the fast path. tfjs's wasm
 *   transpose is slow on a minibatch of 256 rows (a multiple of 128); the page replaces it for
 *   such shapes with a tiled copy (lib/ml/wasm-transpose.ts), bit for bit the same.
 * - On wasm, tf.gather costs ~50 ns per element while tf.gatherND copies whole rows, so the
 *   minibatch is drawn with gatherND there (the CPU backend is the other way round).
 * - wasm's tanh is a scalar loop ~7× slower than its (XNNPACK) sigmoid, so there tanh(z) is
 *   computed as 2σ(2z) − 1 (within 2e-7).
 * - Bias gradients are products with a row of ones, faster than a reduction over axis 0 (on
 *   WebGL too: a column sum there is a transpose, two reductions and an unpack).
 * - On GPU backends (WebGL, WebGPU) the formulation changes where wasm's choices cost a GPU
 *   dispatches: matMul's transpose flags instead of transposes, gather, tanh itself, and
 *   squares as products (WebGL's square shader is unpacked, so each one also unpacks and
 *   repacks its operand). `npm run bench -- --only kernels` counts the kernels, shader
 *   dispatches and values written of one step against tfjs-layers' model.fit.
 * - The constant 2/(B·784) of the MSE gradient is folded into Adam's constants instead of
 *   costing a pass over the batch; Adam's bias correction goes into two per-step scalars, and
 *   its moments are kept in the unscaled gradient's units (two passes fewer per parameter).
 * - Minibatch sampling stays on the backend, several steps run without a read-back, and the
 *   loss is only computed for the step that returns it.
 *
 * This module holds the model's state and its training step; the pieces live beside it:
 * model-maths.ts (forward and backward passes), adam.ts, minibatch.ts (the epoch sampler),
 * evaluate.ts (test-set figures) and torch-weights.ts (PyTorch-format import and export).
 */
import * as tf from '@tensorflow/tfjs-core';
import { checkCount, checkPositive, guard } from '../checks';
import { mulberry32 } from '../random';
import type { TrainingSession } from '../trainer';
import { Adam } from './adam';
import { corruptInput, validateCorruption, type Corruption } from './corruption';
import { meanSquaredError } from './evaluate';
import { EpochSampler, gatherRows } from './minibatch';
import {
  PARAM_NAMES,
  backwardUnscaled,
  forwardPass,
  hiddenDelta,
  initialParameters,
  kernelPolicy,
  layer,
  layerGradients,
  outputDelta,
  square,
  type AutoencoderParams,
  type KernelPolicy,
  type ParamName,
} from './model-maths';
import { fromWeightMap, toWeightMap, transposeArray, type WeightMap } from './torch-weights';

export { autoencoderGradients, autoencoderLoss, disposeParams, forward, initialParameters } from './model-maths';
export type { AutoencoderParams, ParamArrays, ParamName } from './model-maths';
export type { WeightEntry, WeightMap } from './torch-weights';

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
   * One optimisation step cut into phases, run one phase per `next()`, so that a caller on a
   * synchronous backend can give the page back between them: for each of `parts` pieces of the
   * minibatch, the five products of the step (two forward, three backward), each with the
   * elementwise work around it; then one Adam update from the gradients summed over the pieces.
   * The iterator's value when done is the step's loss (caller disposes). Abandoning it
   * (`return()`) frees its tensors and leaves the model as it was. With one part the result is
   * bit for bit `step()`'s (the same kernels on the same operands); with several it equals it up
   * to the order of floating-point sums.
   */
  stepInParts(parts: number): Generator<void, tf.Scalar, void>;
  /**
   * stepInParts, whose loss is computed only if it is read: a loop that reads the loss of the
   * last step of a frame skips a pass over the batch's errors in every other step. The step
   * keeps its errors y − target (not a copy) until the loss is read or disposed; the value is
   * bit for bit stepInParts' (the same kernels on the same operands, run later). With several
   * parts the loss is computed with the step, as in stepInParts.
   */
  stepInPartsDeferringLoss(parts: number): Generator<void, StepLoss, void>;
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

/** A training step's loss, computed when first read. */
export interface StepLoss {
  /** The loss, as a one-element array. */
  data(): Promise<Float32Array>;
  /** Frees what the loss is computed from (or the loss); call it whether or not it was read. */
  dispose(): void;
}

/** A step's loss from its errors y − target (the one formula for an eager and a deferred loss). */
function meanSquare(diff: tf.Tensor2D, policy: KernelPolicy): tf.Scalar {
  return tf.mean<tf.Scalar>(square(diff, policy));
}

/**
 * A step's result as a StepLoss: its loss, or its errors y − target, whose mean square (by the
 * kernels trainingStep uses) is computed at the first read. Abandoning the step abandons `step`.
 */
function* deferringLoss(step: Generator<void, tf.Tensor, void>, policy: KernelPolicy): Generator<void, StepLoss, void> {
  const result = yield* step;
  let source: tf.Tensor | null = result;
  let value: Promise<Float32Array> | null = null;
  return {
    data() {
      if (value === null) {
        if (source === null) return Promise.reject(new Error('the step loss was disposed before it was read'));
        const errors = source;
        const loss = errors.rank === 0 ? errors : tf.tidy(() => meanSquare(errors as tf.Tensor2D, policy));
        if (loss !== errors) errors.dispose();
        source = null;
        value = loss.data<'float32'>().finally(() => loss.dispose());
      }
      return value;
    },
    dispose() {
      source?.dispose();
      source = null;
    },
  };
}

/** The tensors of a container a tidy returned (a tensor, or arrays and records of them). */
function flatTensors(container: tf.TensorContainer): tf.Tensor[] {
  if (container instanceof tf.Tensor) return [container];
  if (Array.isArray(container)) return container.flatMap(flatTensors);
  if (container !== null && typeof container === 'object' && !ArrayBuffer.isView(container)) return Object.values(container).flatMap(flatTensors);
  return [];
}

/** Reads the given tensors back, cloned at once so that they come from the same step; frees `owned`. */
async function readConsistent(variables: tf.Tensor[], owned: tf.Tensor[] = []): Promise<Float32Array[]> {
  // Clone synchronously so that every value comes from the same step even if training
  // continues while the read-backs are pending.
  const clones = variables.map((v) => tf.clone(v));
  try {
    return (await Promise.all([...clones, ...owned].map((c) => c.data()))) as Float32Array[];
  } finally {
    tf.dispose([...clones, ...owned]);
  }
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
  checkCount('inputSize', inputSize);
  checkCount('hidden', hidden);
  checkCount('batchSize', batchSize);
  checkPositive('learningRate', learningRate);
  if (!Number.isFinite(seed)) throw new RangeError(`seed must be a finite number, got ${seed}`);
  if (!(beta1 >= 0 && beta1 < 1) || !(beta2 >= 0 && beta2 < 1)) throw new RangeError(`Adam betas must be in [0, 1), got ${beta1}, ${beta2}`);
  checkPositive('epsilon', epsilon);
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
  // The tidy frees the initial-value tensors; the variables hold their own references.
  tf.tidy(() => {
    for (const name of PARAM_NAMES) params[name] = tf.variable(tf.tensor(init[name], shapes[name]), false);
  });
  const model = params as unknown as AutoencoderParams;
  // The MSE gradient is 2/(B·inputSize) times the unscaled one the backward pass computes.
  const adam = new Adam(shapes, { beta1, beta2, epsilon, gradScale: 2 / (batchSize * inputSize) });
  // Kept for the model's lifetime instead of being re-created every step.
  const constants = { one: tf.scalar(1), two: tf.scalar(2), ones: tf.ones([1, batchSize]) as tf.Tensor2D };

  let lr = learningRate;
  let corruption = initialCorruption;
  let step = 0;
  let data: tf.Tensor2D | null = null;
  let sampler: EpochSampler | null = null;
  let disposed = false;

  const alive = (): void => guard(disposed, 'autoencoder');

  const checkRows = (x: tf.Tensor, what: string): void => {
    if (x.rank !== 2 || x.shape[1] !== inputSize) {
      throw new RangeError(`${what} must be [N, ${inputSize}], got [${x.shape}]`);
    }
  };

  /** The training set and its sampler, checked to be there. */
  const trainingData = (): { x: tf.Tensor2D; sampler: EpochSampler } => {
    alive();
    if (data === null || sampler === null) throw new Error('call setData(xTrain) before training');
    return { x: data, sampler };
  };

  /**
   * One optimisation step on a fresh minibatch: corrupt the inputs, forward, backward, Adam.
   * The loss (the MSE against the clean rows) is only computed when asked for.
   */
  // #region excerpt:training-step
  const trainingStep = (wantLoss: boolean): tf.Scalar | undefined => {
    const { x, sampler: batches } = trainingData();
    const indices = batches.next(batchSize);
    const t = step + 1;
    const loss = tf.tidy((): tf.Scalar | undefined => {
      const policy = kernelPolicy();
      const target = gatherRows(x, indices, policy);
      const input = corruptInput(target, corruption, corruptRng);
      const { h, y } = forwardPass(model, input, policy, constants);
      const diff: tf.Tensor2D = tf.sub(y, target);
      adam.apply(params, backwardUnscaled(model, input, h, y, diff, constants.ones, policy, constants), t, lr, policy);
      return wantLoss ? meanSquare(diff, policy) : undefined;
    });
    step = t;
    return loss;
  };
  // #endregion

  /** Rows of each of `parts` near-equal pieces of a minibatch. */
  const pieceBounds = (parts: number): [number, number][] =>
    Array.from({ length: parts }, (_, k) => [Math.floor((k * batchSize) / parts), Math.floor(((k + 1) * batchSize) / parts)]);

  /**
   * trainingStep cut into phases, one per `next()` (see Autoencoder.stepInParts): per piece of
   * the minibatch, each of the five products with the elementwise work around it; then Adam.
   * With one piece, every kernel is trainingStep's, on the same operands in the same order.
   */
  function* trainingStepInParts(parts: number, deferLoss: boolean): Generator<void, tf.Tensor, void> {
    const { x, sampler: batches } = trainingData();
    // Drawn up front in the same order as trainingStep, so that the batches and corruption match it.
    const indices = batches.next(batchSize);
    const t = step + 1;
    const policy = kernelPolicy();
    const whole = parts === 1;
    // A deferred loss leaves the step as its errors y − target: the loss is their mean square.
    const deferred = whole && deferLoss;
    // Every tensor the phases pass on to later phases; whatever is left is freed at the end,
    // also when the step is abandoned part-way (the iterator's return()).
    const live = new Set<tf.Tensor>();
    const hold = <T extends tf.Tensor>(tensor: T): T => (live.add(tensor), tensor);
    const drop = (...tensors: tf.Tensor[]): void => {
      for (const tensor of tensors) {
        live.delete(tensor);
        tensor.dispose();
      }
    };
    /** Runs one phase in a tidy; what it returns is kept for the next phases. */
    const phase = <T extends tf.TensorContainer>(work: () => T): T => {
      alive();
      const out = tf.tidy(work);
      for (const tensor of flatTensors(out)) hold(tensor);
      return out;
    };
    try {
      const [target, input] = phase(() => {
        const rows = gatherRows(x, indices, policy);
        const corrupted = corruptInput(rows, corruption, corruptRng);
        return [rows, corrupted === rows ? tf.clone(rows) : corrupted] as [tf.Tensor2D, tf.Tensor2D];
      });
      // Running sums over the pieces: unscaled gradients, and the loss (or its squared errors).
      let sums: Record<ParamName, tf.Tensor> | null = null;
      let loss: tf.Tensor | null = null;
      for (const [k, [from, to]] of pieceBounds(parts).entries()) {
        if (k > 0) yield;
        const rows = to - from;
        const [xs, ts] = whole ? [input, target] : phase(() => [tf.slice(input, [from, 0], [rows, inputSize]), tf.slice(target, [from, 0], [rows, inputSize])] as [tf.Tensor2D, tf.Tensor2D]);
        const ones = rows === batchSize ? constants.ones : hold(tf.ones([1, rows]) as tf.Tensor2D);
        const h = phase(() => layer(xs, model.w1, model.b1, policy, constants));
        yield;
        const [d2, sq] = phase((): [tf.Tensor2D, tf.Tensor] => {
          const y = layer(h, model.w2, model.b2, policy, constants);
          const diff: tf.Tensor2D = tf.sub(y, ts);
          const d = outputDelta(y, diff, policy, constants);
          // trainingStep's loss on one piece; the sum of squared errors on several.
          if (deferred) return [d, diff];
          return [d, whole ? meanSquare(diff, policy) : tf.sum<tf.Scalar>(square(diff, policy))];
        });
        yield;
        const d1 = phase(() => hiddenDelta(model, d2, h, policy, constants));
        yield;
        const g2 = phase(() => layerGradients(h, d2, ones, policy));
        drop(h, d2);
        yield;
        const g1 = phase(() => layerGradients(xs, d1, ones, policy));
        drop(d1, ...(whole ? [] : [xs, ts]), ...(ones === constants.ones ? [] : [ones]));
        const grads: Record<ParamName, tf.Tensor> = { w1: g1.w, b1: g1.b, w2: g2.w, b2: g2.b };
        if (sums === null) {
          sums = grads;
          loss = sq;
        } else {
          const previous: Record<ParamName, tf.Tensor> = sums;
          const before: tf.Tensor = loss!;
          [sums, loss] = phase(() => [Object.fromEntries(PARAM_NAMES.map((name) => [name, tf.add(previous[name], grads[name])])), tf.add(before, sq)] as [Record<ParamName, tf.Tensor>, tf.Scalar]);
          drop(...Object.values(previous), ...Object.values(grads), before, sq);
        }
      }
      yield;
      const gradients = sums!;
      phase(() => adam.apply(params, gradients, t, lr, policy));
      const result = whole ? loss! : phase(() => tf.div(loss!, tf.scalar(batchSize * inputSize)));
      live.delete(result);
      step = t;
      return result;
    } finally {
      tf.dispose([...live]);
      live.clear();
    }
  }

  /** Checked at the call of stepInParts, not at the first next(). */
  const checkParts = (parts: number): void => {
    alive();
    if (!Number.isInteger(parts) || parts < 1 || parts > batchSize) throw new RangeError(`parts must be an integer in [1, ${batchSize}], got ${parts}`);
    trainingData();
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
      checkPositive('learningRate', next);
      lr = next;
    },

    step() {
      return trainingStep(true) as tf.Scalar;
    },

    stepInParts(parts) {
      checkParts(parts);
      return trainingStepInParts(parts, false) as Generator<void, tf.Scalar, void>;
    },

    stepInPartsDeferringLoss(parts) {
      checkParts(parts);
      return deferringLoss(trainingStepInParts(parts, true), kernelPolicy());
    },

    trainSteps(n) {
      checkCount('n', n);
      for (let i = 1; i < n; i++) trainingStep(false);
      return trainingStep(true) as tf.Scalar;
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
      return meanSquaredError(model, target, input);
    },

    async encoderKernels(count = hidden) {
      alive();
      checkCount('count', count);
      const k = Math.min(count, hidden);
      if (k === hidden) {
        const [w1] = await readConsistent([params.w1]);
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
      const t = step;
      const moments = optimizer ? adam.moments() : [];
      const values = await readConsistent(
        PARAM_NAMES.map((name) => params[name]),
        moments.flatMap((source) => PARAM_NAMES.map((name) => source[name])),
      );
      const byName = (k: number) => Object.fromEntries(PARAM_NAMES.map((name, i) => [name, values[k * PARAM_NAMES.length + i]])) as Record<ParamName, Float32Array>;
      return toWeightMap({ params: byName(0), moments: optimizer ? [byName(1), byName(2)] : null, step: t }, inputSize, hidden);
    },

    importWeights(weights) {
      alive();
      // Validate everything before assigning anything, so a bad map leaves the model intact.
      const state = fromWeightMap(weights, inputSize, hidden);
      tf.tidy(() => {
        for (const name of PARAM_NAMES) params[name].assign(tf.tensor(state.params[name], shapes[name]));
      });
      adam.restore(state.moments);
      step = state.step;
    },

    dispose() {
      if (disposed) return;
      disposed = true;
      for (const name of PARAM_NAMES) params[name].dispose();
      adam.dispose();
      for (const c of Object.values(constants)) c.dispose();
      data = null;
    },
  };
}
