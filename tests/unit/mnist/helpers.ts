/** Small shared helpers for the MNIST tests. */
import * as tf from '@tensorflow/tfjs-core';
import type { Autoencoder, AutoencoderParams, WeightMap } from '@/lib/ml/mnist/autoencoder';
import { toTensors } from '@/lib/ml/mnist/load';
import { mulberry32 } from '@/lib/ml/random';
import { decodedDigits } from './digits';

/** ‖a − b‖ / ‖b‖ */
export function relativeError(a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (a.length !== b.length) throw new Error(`lengths differ: ${a.length} vs ${b.length}`);
  let num = 0;
  let den = 0;
  for (let i = 0; i < a.length; i++) {
    num += (a[i] - b[i]) ** 2;
    den += b[i] ** 2;
  }
  return Math.sqrt(num / den);
}

export function meanOf(a: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i];
  return s / a.length;
}

export function maxAbsDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (a.length !== b.length) throw new Error(`lengths differ: ${a.length} vs ${b.length}`);
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i] - b[i]));
  return m;
}

/** Uniform values in [-1, 1), seeded. */
export function randomMatrix(rows: number, cols: number, seed: number): tf.Tensor2D {
  const rng = mulberry32(seed);
  return tf.tensor2d(Float32Array.from({ length: rows * cols }, () => 2 * rng() - 1), [rows, cols]);
}

/** Exported (PyTorch layout) weights as internal-layout tensors (caller disposes). */
export function paramsFromExport(w: WeightMap): AutoencoderParams {
  return {
    w1: tf.transpose(tf.tensor2d(w['encoder.weight'].data, w['encoder.weight'].shape as [number, number])),
    b1: tf.tensor1d(w['encoder.bias'].data),
    w2: tf.transpose(tf.tensor2d(w['decoder.weight'].data, w['decoder.weight'].shape as [number, number])),
    b2: tf.tensor1d(w['decoder.bias'].data),
  };
}

/** Real digits in [-1, 1]: the first `trainRows` of the training split and `testRows` of the test split. */
export function digitTensors(trainRows: number, testRows: number): { xTrain: tf.Tensor2D; xTest: tf.Tensor2D; testLabels: Uint8Array } {
  const decoded = decodedDigits();
  const train = toTensors(decoded, 'train', { limit: trainRows });
  const test = toTensors(decoded, 'test', { limit: testRows });
  return { xTrain: train.x, xTest: test.x, testLabels: test.labels };
}

/**
 * Trains `steps` steps, each one whole (`step()`) or cut into `pieces` (`stepInParts`, or
 * `stepInPartsDeferringLoss` with `deferLoss`), and returns the losses read (every step's, or
 * with `readEvery` only every k-th step's, the others disposed unread; NaN for those), how many
 * pieces each step took, and the final weights with Adam's state. Disposes the model.
 */
export async function trainInPieces(model: Autoencoder, steps: number, pieces: number | 'whole', options: { deferLoss?: boolean; readEvery?: number } = {}) {
  const { deferLoss = false, readEvery = 1 } = options;
  const losses: number[] = [];
  const counts: number[] = [];
  for (let i = 0; i < steps; i++) {
    let loss: { data(): Promise<ArrayLike<number>>; dispose(): void };
    let count = 1;
    if (pieces === 'whole') loss = model.step();
    else {
      const it = deferLoss ? model.stepInPartsDeferringLoss(pieces) : model.stepInParts(pieces);
      let r = it.next();
      while (!r.done) {
        count += 1;
        r = it.next();
      }
      loss = r.value;
    }
    losses.push((i + 1) % readEvery === 0 ? (await loss.data())[0] : NaN);
    counts.push(count);
    loss.dispose();
  }
  const weights = await model.exportWeights({ optimizer: true });
  const trained = model.steps;
  model.dispose();
  return { losses, counts, weights, steps: trained };
}
