/**
 * The practicum's settings for the three MNIST demos, in one place so that the demos, the
 * benchmark and the tests agree on them.
 */
import type { Corruption } from './corruption';

/** Adam's step size and the minibatch size of the practicum. */
export const PRACTICUM = { learningRate: 1e-3, batchSize: 256 } as const;

/** Code sizes: a bottleneck (784/30 ≈ 26× compression) and a code wider than the input image. */
export const AUTOENCODER_PRESETS = {
  underComplete: { hidden: 30 },
  overComplete: { hidden: 500 },
} as const;

export type PresetName = keyof typeof AUTOENCODER_PRESETS;

/** The preset a code size belongs to, or null for a size set by hand. */
export function presetOf(hidden: number): PresetName | null {
  for (const [name, preset] of Object.entries(AUTOENCODER_PRESETS)) {
    if (preset.hidden === hidden) return name as PresetName;
  }
  return null;
}

/** The denoising model of the practicum: a 500-unit code, half of the pixels dropped. */
export const DENOISING_DEFAULTS = {
  hidden: AUTOENCODER_PRESETS.overComplete.hidden,
  corruption: { kind: 'dropout', p: 0.5 } as Corruption,
} as const;

/** The interpolation experiment's path length (both endpoints included). */
export const INTERPOLATION_STEPS = 16;

/** Epochs completed after `steps` minibatches of `batchSize` drawn from `trainCount` examples. */
export function epochsAt(steps: number, batchSize: number, trainCount: number): number {
  if (!(trainCount > 0)) throw new RangeError(`trainCount must be > 0, got ${trainCount}`);
  return (steps * batchSize) / trainCount;
}

/**
 * Floating-point operations of one training step of the 784-d-784 autoencoder on a batch of B:
 * five products of B·n·d multiply-adds each (two forward, three backward: δ₂W₂ᵀ, hᵀδ₂, xᵀδ₁),
 * i.e. 10·B·n·d, plus elementwise work that is linear in the sizes and ignored here.
 */
export function stepFlops(batchSize: number, hidden: number, inputSize = 784): number {
  return 10 * batchSize * inputSize * hidden;
}

/**
 * Test rows per evaluation chunk, so that one chunk's forward pass (4·rows·n·d operations) stays
 * around 40 MFLOP per wasm thread (`threads`, which share each product), and its elementwise work
 * (a dozen passes over rows·n values) around 4 M values: a few milliseconds on wasm per chunk,
 * one chunk per frame. A chunk's rows decide only how the test error's sum is split.
 */
export function evaluationChunkRows(hidden: number, inputSize = 784, total = 1000, threads = 1): number {
  const rows = Math.round((4e7 * Math.max(1, Math.floor(threads))) / (4 * inputSize * hidden));
  return Math.max(16, Math.min(total, 400, rows));
}

/** Floating-point operations of one of a training step's five products on `rows` rows: 2·rows·n·d. */
export function productFlops(rows: number, hidden: number, inputSize = 784): number {
  return 2 * rows * inputSize * hidden;
}

/**
 * The largest product one phase of a training step may hold on a backend that computes on the
 * page's thread (see Autoencoder.stepInParts), so that no task of the page runs over 50 ms:
 * - wasm, per thread: 2.5e8, about 10 ms at the 26 GFLOP/s a single-threaded 1024×1024 product
 *   reaches on a 2-core laptop (npm run bench), leaving room for slower machines and for the
 *   phase's elementwise work. The 784-500-784 preset at batch 256 (2e8 per product) runs whole.
 * - cpu: 3e7, about 40 ms at the 0.75 GFLOP/s of tfjs's cpu backend. (Its elementwise work is
 *   slow too: Adam's update of a wide model alone takes longer than 50 ms there.)
 */
export const PHASE_FLOPS = { wasm: 2.5e8, cpu: 3e7 } as const;

/**
 * How many pieces of the minibatch to cut one training step into (see Autoencoder.stepInParts,
 * which also cuts each piece into its products): 1 on a backend that queues work for a GPU, else
 * the smallest power of two that brings one product of a piece within the backend's
 * PHASE_FLOPS (times the wasm threads, which share each product), with pieces of at least 16
 * rows. One piece gives exactly `step()`'s numbers; several change the order of the gradient's
 * sums, so a seeded run's numbers depend on the sizes and, on wasm, on the thread count — never
 * on timings.
 */
export function stepPieces(batchSize: number, hidden: number, backend: string, threads = 1, inputSize = 784): number {
  const budget = backend === 'wasm' ? PHASE_FLOPS.wasm * Math.max(1, Math.floor(threads)) : backend === 'cpu' ? PHASE_FLOPS.cpu : Infinity;
  let pieces = 1;
  while (productFlops(batchSize / pieces, hidden, inputSize) > budget && batchSize / (pieces * 2) >= 16) pieces *= 2;
  return pieces;
}
