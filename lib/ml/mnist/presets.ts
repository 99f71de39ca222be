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
 * around 40 MFLOP, and its elementwise work (a dozen passes over rows·n values) around 4 M
 * values: a few milliseconds on wasm per chunk, one chunk per frame.
 */
export function evaluationChunkRows(hidden: number, inputSize = 784, total = 1000): number {
  const rows = Math.round(4e7 / (4 * inputSize * hidden));
  return Math.max(16, Math.min(total, 400, rows));
}

/**
 * Floating-point operations per piece of a training step on a backend that computes on the
 * page's thread (wasm, cpu): about 5 ms of products at the 30 GFLOP/s wasm reaches on a 2-core
 * laptop. Measured (npm run bench): with pieces of twice this size, the 784-500-784 preset still
 * showed 59 ms tasks, its elementwise work and Adam's update weighing as much as the products;
 * at this size no task reached 50 ms.
 */
export const PIECE_FLOPS = 1.6e8;

/**
 * How many pieces to cut one step into (see Autoencoder.stepInParts): 1 on a backend that
 * queues work for a GPU, else the smallest power of two that brings a piece under PIECE_FLOPS,
 * with pieces of at least 16 rows. A function of the sizes alone, never of timings, so that a
 * seeded run repeats exactly.
 */
export function stepPieces(batchSize: number, hidden: number, onPageThread: boolean, inputSize = 784): number {
  if (!onPageThread) return 1;
  let pieces = 1;
  while (stepFlops(batchSize / pieces, hidden, inputSize) > PIECE_FLOPS && batchSize / (pieces * 2) >= 16) pieces *= 2;
  return pieces;
}
