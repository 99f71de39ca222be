/**
 * Contrastive divergence on a neural energy over the plane.
 *
 * Energy:     E_θ(y) = g_θ(y), an MLP 2 → h → h → 1 with tanh hidden units and a linear output.
 * Negatives:  k steps of Langevin dynamics on E_θ,
 *               y ← clip_box( y − η ∇_y E_θ(y) + noise·√(2η)·ε ),  ε ~ N(0, I),
 *             started from the positive batch or from uniform points in the box, and then
 *             treated as constants (no gradient flows back through the chain).
 * Loss:       mean E(pos) − mean E(neg) + α (mean E(pos)² + mean E(neg)²),
 *             or, with pushUp off, mean E(pos) alone.
 *
 * Why α: the contrastive loss alone is unbounded below, since a network can raise E(neg) and
 * lower E(pos) forever. The square penalty, as in common EBM training recipes, makes a finite
 * optimum (E(pos) cannot usefully go below −1/(2α) nor E(neg) above +1/(2α)), so the energy stays in a
 * fixed range that the plot can colour consistently and Langevin step sizes keep their meaning.
 *
 * Why no α with pushUp off: the demo is meant to show that nothing resists the push-down. The
 * energy then sinks everywhere without bound (of the order of a unit per step at the default learning rate).
 * The penalty would stop the sinking at E(pos) = −1/(2α) and freeze whatever contrast the
 * surface already had, hiding the collapse.
 *
 * Why tanh hidden units and a linear output: the output must not saturate, or points deep in a
 * spurious valley could not be pushed back up (a softplus floor, tried first, left the inside
 * of a ring at the floor for good). Bounded hidden features keep the collapse tame: the energy
 * can only sink linearly in time, and the units saturate so that the surface really goes flat,
 * whereas unbounded units (swish) made it sink polynomially fast and unevenly, far points
 * first.
 *
 * Why the clip to the box: the plot box is the demo's whole world. Outside it the energy is
 * never trained, and a chain that leaves could follow an ever-decreasing slope to infinity;
 * clipping keeps every negative drawable and every push-up useful.
 *
 * `noise` scales the Langevin noise: 1 is Langevin dynamics at temperature 1 (σ = √(2η) in the
 * lecture's notation), 0 is plain gradient descent on the energy. Without enough noise, chains
 * started from the data barely move while the surface is still flat, positives and negatives
 * coincide, their terms cancel and no contrast ever forms.
 */
import * as tf from '@tensorflow/tfjs-core';
import '../gradients';
import type { Box } from '../grid';
import { uniform } from '../random';
import type { TrainingSession } from '../trainer';
import { DATA_BOX } from './datasets';
import { createMlp, type Activation, type Mlp } from './mlp';
import {
  checkCount,
  checkNonNegative,
  checkPoints,
  checkPositive,
  gatherPoints,
  guard,
  makeOptimizer,
  normals,
  rngFor,
  sampleIndices,
  type OptimizerName,
} from './util';

export interface EnergyNet {
  mlp: Mlp;
  /** E_θ(y) per row, [m]. Call inside a tidy. */
  energy(y: tf.Tensor2D): tf.Tensor1D;
  /** ∇_y Σ_rows E_θ(y), [m, 2]: what a Langevin step descends. Call inside a tidy. */
  inputGradient(y: tf.Tensor2D): tf.Tensor2D;
  readonly variables: tf.Variable[];
  dispose(): void;
}

/** The gradient of Σ energy(y) with respect to y, by autodiff. */
function autodiffGradient(energy: (y: tf.Tensor2D) => tf.Tensor1D): (y: tf.Tensor2D) => tf.Tensor2D {
  const gradient = tf.grad((y: tf.Tensor) => tf.sum(energy(y as tf.Tensor2D)));
  return (y) => gradient(y) as tf.Tensor2D;
}

/**
 * ∇_y Σ E(y) for the tanh net 2 → h → h → 1 with a linear output, written out:
 *   δ2 = w3ᵀ ⊙ (1 − h2²),  δ1 = (δ2 w2ᵀ) ⊙ (1 − h1²),  ∇_y = δ1 w1ᵀ.
 * These are the products tf.grad computes, in its order (so the same values), without what
 * the tape adds at every call: the output layer's forward pass, which the gradient does not
 * need, the sum and its backward pass, and a ones tensor and a scalar per tanh uploaded from
 * JavaScript. A Langevin chain takes k such gradients per training step.
 */
function tanhInputGradient(variables: tf.Variable[], one: tf.Scalar): (y: tf.Tensor2D) => tf.Tensor2D {
  const [w1, b1, w2, b2, w3] = variables as tf.Tensor2D[];
  return (y) => {
    const h1 = tf.tanh(tf.add(tf.matMul(y, w1), b1));
    const h2 = tf.tanh(tf.add(tf.matMul(h1, w2), b2));
    const d2 = tf.mul(tf.reshape(w3, [1, -1]), tf.sub(one, tf.square(h2)));
    const d1 = tf.mul(tf.matMul(d2, w2, false, true), tf.sub(one, tf.square(h1)));
    return tf.matMul(d1, w1, false, true);
  };
}

export function createEnergyNet({ hidden, seed, activation = 'tanh' }: { hidden: number; seed: number; activation?: Activation }): EnergyNet {
  checkCount('hidden', hidden);
  const mlp = createMlp({ sizes: [2, hidden, hidden, 1], hidden: activation, output: 'linear', seed });
  const energy = (y: tf.Tensor2D) => tf.reshape(mlp.apply(y), [-1]) as tf.Tensor1D;
  // Kept for the net's lifetime rather than made at every gradient.
  const one = tf.scalar(1);
  return {
    mlp,
    energy,
    inputGradient: activation === 'tanh' ? tanhInputGradient(mlp.variables, one) : autodiffGradient(energy),
    variables: mlp.variables,
    dispose: () => {
      mlp.dispose();
      one.dispose();
    },
  };
}

export type ChainStart = 'data' | 'uniform';

export interface LangevinOptions {
  /** Number of Langevin steps k (0 returns the starts). */
  k: number;
  /** η. */
  stepSize: number;
  /** Multiplier of the √(2η) noise: 1 = Langevin at temperature 1, 0 = gradient descent. */
  noise: number;
}

/**
 * Runs the chains and returns the final states [m, 2]. The energy is a function of the points
 * (differentiated by autodiff) or a net that gives its own gradient. `eps` must hold k·m·2
 * standard normals (row-major: step, then point); they come from the caller so that the chains
 * follow the session's seeded stream on every backend. The result is a plain tensor that the
 * loss reads as a constant, so no gradient flows back through the chain to θ.
 */
export function langevin(
  energy: ((y: tf.Tensor2D) => tf.Tensor1D) | Pick<EnergyNet, 'inputGradient'>,
  start: tf.Tensor2D,
  eps: Float32Array,
  { k, stepSize, noise }: LangevinOptions,
  box: Box = DATA_BOX,
): tf.Tensor2D {
  const m = start.shape[0];
  if (eps.length < k * m * 2) throw new RangeError(`need ${k * m * 2} normals, got ${eps.length}`);
  const gradient = typeof energy === 'function' ? autodiffGradient(energy) : energy.inputGradient;
  const scale = noise * Math.sqrt(2 * stepSize);
  return tf.tidy(() => {
    const lo = tf.tensor2d([box.x[0], box.y[0]], [1, 2]);
    const hi = tf.tensor2d([box.x[1], box.y[1]], [1, 2]);
    const eta = tf.scalar(stepSize);
    // Every step's noise uploaded and scaled at once, then cut per step: one upload and one
    // product for the chain instead of an upload, a scalar and a product per step (the same
    // element-wise values).
    const kicks = k === 0 ? null : tf.mul(tf.tensor2d(eps.subarray(0, k * m * 2), [k * m, 2]), tf.scalar(scale));
    let y = start;
    for (let t = 0; t < k; t++) {
      const kick = tf.slice(kicks!, [t * m, 0], [m, 2]);
      const moved = tf.add(tf.sub(y, tf.mul(gradient(y), eta)), kick);
      y = tf.minimum(tf.maximum(moved, lo), hi) as tf.Tensor2D;
    }
    // For k = 0 a clone, so that the caller owns a tensor distinct from `start`.
    return k === 0 ? tf.clone(y) : y;
  });
}

export interface CdOptions {
  /** Number of Langevin steps per training step. */
  k: number;
  /** Langevin step size η. */
  stepSize: number;
  /** Noise multiplier (see `LangevinOptions`). */
  noise: number;
  /** Where the chains start. */
  startFrom: ChainStart;
  /** false: the loss is mean E(pos) alone (the collapse demo). */
  pushUp: boolean;
}

export interface CdSessionOptions extends Partial<CdOptions> {
  /** Flat [y1, y2, …] training points, inside `box`. */
  data: Float32Array;
  seed: number;
  /** Default 0.02 (Adam). */
  learningRate?: number;
  /** Hidden width; default 32. */
  hidden?: number;
  /** Positives (and chains) per step, drawn with replacement; default 64. */
  batch?: number;
  /** Weight α of the energy-magnitude penalty (push-up mode only); default 0.1. */
  alpha?: number;
  /** Default 'adam'. */
  optimizer?: OptimizerName;
  /** Box the chains are confined to (and uniform starts are drawn from); default `DATA_BOX`. */
  box?: Box;
}

export interface CdEnergies {
  /** Mean E over the last positive batch (before the update). */
  positive: number;
  /** Mean E over the last negatives (before the update); NaN before the first step. */
  negative: number;
}

export interface CdSession extends TrainingSession {
  readonly options: Readonly<CdOptions>;
  /** Changes any of k, η, noise, the chain start or the push-up switch for the following steps; θ is kept. */
  setOptions(options: Partial<CdOptions>): void;
  /** E_θ at each point (flat [2m]) → [m]. */
  energy(points: Float32Array): Promise<Float32Array>;
  /** The negatives of the last step, flat [2·batch] (empty before the first step). */
  negatives(): Promise<Float32Array>;
  /** Mean energies of the last step's positives and negatives. */
  lastEnergies(): Promise<CdEnergies>;
  /** Training steps taken so far. */
  readonly steps: number;
}

export const CD_DEFAULTS: Readonly<CdOptions> = { k: 10, stepSize: 0.05, noise: 1, startFrom: 'data', pushUp: true };

function checkCdOptions(o: CdOptions): void {
  checkCount('k', o.k, 0);
  checkPositive('stepSize', o.stepSize);
  checkNonNegative('noise', o.noise);
  if (o.startFrom !== 'data' && o.startFrom !== 'uniform') throw new RangeError(`unknown startFrom ${String(o.startFrom)}`);
  if (typeof o.pushUp !== 'boolean') throw new RangeError(`pushUp must be a boolean`);
}

const BATCH_STREAM = 1;

export function createCdSession({
  data,
  seed,
  learningRate = 0.02,
  hidden = 32,
  batch = 64,
  alpha = 0.1,
  optimizer = 'adam',
  box = DATA_BOX,
  ...rest
}: CdSessionOptions): CdSession {
  checkPoints('data', data, false);
  checkPositive('learningRate', learningRate);
  checkCount('batch', batch);
  checkNonNegative('alpha', alpha);
  const options: CdOptions = { ...CD_DEFAULTS, ...definedOnly(rest) };
  checkCdOptions(options);
  const n = data.length / 2;
  const net = createEnergyNet({ hidden, seed });
  const opt = makeOptimizer(optimizer, learningRate);
  let last: tf.Tensor2D | null = null;
  let stats: tf.Tensor1D | null = null;
  let steps = 0;
  let disposed = false;

  return {
    get options() {
      return { ...options };
    },
    get steps() {
      return steps;
    },
    setOptions(next) {
      guard(disposed, 'CD session');
      const merged = { ...options, ...definedOnly(next) };
      checkCdOptions(merged);
      Object.assign(options, merged);
    },
    step() {
      guard(disposed, 'CD session');
      const { k, stepSize, noise, startFrom, pushUp } = options;
      const rng = rngFor(seed, steps++, BATCH_STREAM);
      const positives = gatherPoints(data, sampleIndices(rng, n, batch));
      let starts = positives;
      if (startFrom === 'uniform') {
        starts = new Float32Array(2 * batch);
        for (let i = 0; i < batch; i++) {
          starts[2 * i] = uniform(rng, box.x[0], box.x[1]);
          starts[2 * i + 1] = uniform(rng, box.y[0], box.y[1]);
        }
      }
      const eps = normals(rng, 2 * k * batch);
      const negatives = tf.tidy(() => langevin(net, tf.tensor2d(starts, [batch, 2]), eps, { k, stepSize, noise }, box));
      let nextStats: tf.Tensor1D | null = null;
      const cost = tf.tidy(() => {
        const pos = tf.tensor2d(positives, [batch, 2]);
        const value = opt.minimize(
          () => {
            const ePos = net.energy(pos);
            const eNeg = net.energy(negatives);
            const meanPos = tf.mean(ePos);
            const meanNeg = tf.mean(eNeg);
            // Kept for `lastEnergies`, so the UI can plot both terms without another pass.
            nextStats = tf.keep(tf.stack([meanPos, meanNeg]) as tf.Tensor1D);
            if (!pushUp) return meanPos as tf.Scalar;
            const magnitude = tf.add(tf.mean(tf.square(ePos)), tf.mean(tf.square(eNeg)));
            return tf.add(tf.sub(meanPos, meanNeg), tf.mul(magnitude, alpha)) as tf.Scalar;
          },
          true,
          net.variables,
        );
        if (value === null) throw new Error('the optimizer returned no loss');
        return value;
      });
      last?.dispose();
      last = negatives;
      stats?.dispose();
      stats = nextStats;
      return cost;
    },
    async energy(points) {
      guard(disposed, 'CD session');
      checkPoints('points', points);
      const e = tf.tidy(() => net.energy(tf.tensor2d(points, [points.length / 2, 2])));
      try {
        return (await e.data()) as Float32Array;
      } finally {
        e.dispose();
      }
    },
    async negatives() {
      guard(disposed, 'CD session');
      if (last === null) return new Float32Array(0);
      return (await last.data()) as Float32Array;
    },
    async lastEnergies() {
      guard(disposed, 'CD session');
      if (stats === null) return { positive: Number.NaN, negative: Number.NaN };
      const v = await stats.data();
      return { positive: v[0], negative: v[1] };
    },
    dispose() {
      if (disposed) return;
      disposed = true;
      opt.dispose();
      net.dispose();
      last?.dispose();
      stats?.dispose();
      last = null;
      stats = null;
    },
  };
}

function definedOnly<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}
