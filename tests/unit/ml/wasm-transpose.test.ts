/**
 * The tiled transpose that replaces tfjs's on the wasm backend where tfjs's is slow: it must be
 * a permutation of the same bits, so every result is compared bit for bit with tfjs's kernel.
 */
import '@tensorflow/tfjs-backend-cpu';
import '@tensorflow/tfjs-backend-wasm';
import * as tf from '@tensorflow/tfjs-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createAutoencoder } from '@/lib/ml/mnist/autoencoder';
import { mulberry32 } from '@/lib/ml/random';
import { installWasmTranspose, prefersTiledCopy, transposeWords, type TransposeChoice } from '@/lib/ml/wasm-transpose';
import { digitTensors, trainInPieces } from '../mnist/helpers';

/** The 32-bit patterns of a float32 array (what "bit for bit" compares). */
function bits(values: ArrayLike<number> | Float32Array): number[] {
  const floats = values instanceof Float32Array ? values : Float32Array.from(values);
  return Array.from(new Uint32Array(floats.buffer, floats.byteOffset, floats.length));
}

/** Seeded values with the awkward ones mixed in: −0, ±∞, a NaN with a payload, a denormal. */
function awkwardMatrix(rows: number, cols: number, seed: number): Float32Array {
  const rng = mulberry32(seed);
  const values = Float32Array.from({ length: rows * cols }, () => 2 * rng() - 1);
  const words = new Uint32Array(values.buffer);
  const specials = [0x80000000, 0x7f800000, 0xff800000, 0x7fc01234, 0x00000001];
  specials.forEach((word, k) => {
    if (k < words.length) words[(k * 7919) % words.length] = word;
  });
  return values;
}

/** Transposes with tfjs's own kernel (the replacement taken out for the call). */
async function tfjsTranspose(values: Float32Array, shape: [number, number]): Promise<number[]> {
  const x = tf.tensor2d(values, shape);
  const out = tf.transpose(x);
  const result = bits((await out.data()) as Float32Array);
  tf.dispose([x, out]);
  return result;
}

let restore: (() => void) | undefined;

beforeAll(async () => {
  expect(await tf.setBackend('wasm')).toBe(true);
});

afterEach(() => {
  restore?.();
  restore = undefined;
});

afterAll(async () => {
  await tf.setBackend('cpu');
});

describe('the tiled wasm transpose', () => {
  it.each([
    [1, 37],
    [37, 1],
    [17, 33],
    [33, 17],
    [32, 32],
    [128, 64],
    [256, 784],
  ] as [number, number][])('equals tfjs bit for bit on %i×%i, and is the kernel that ran', async (rows, cols) => {
    const values = awkwardMatrix(rows, cols, rows * 1000 + cols);
    const expected = await tfjsTranspose(values, [rows, cols]);
    let copies = 0;
    const everywhere: TransposeChoice = () => ((copies += 1), true);
    restore = installWasmTranspose(tf, everywhere);
    const x = tf.tensor2d(values, [rows, cols]);
    const out = tf.transpose(x);
    expect(out.shape).toEqual([cols, rows]);
    expect(bits((await out.data()) as Float32Array)).toEqual(expected);
    expect(copies).toBe(1);
    tf.dispose([x, out]);
  });

  it('is a plain transpose of words (checked against the definition)', () => {
    const rows = 45;
    const cols = 70;
    const heap = new Int32Array(10 + 2 * rows * cols);
    for (let k = 0; k < rows * cols; k++) heap[10 + k] = k * 3 + 1;
    transposeWords(heap, 10, 10 + rows * cols, rows, cols);
    for (let i = 0; i < rows; i++) for (let j = 0; j < cols; j++) expect(heap[10 + rows * cols + j * rows + i]).toBe(heap[10 + i * cols + j]);
    expect(heap.slice(0, 10).every((w) => w === 0)).toBe(true);
  });

  it('takes over only where tfjs is slow: 2-D float32, rows a multiple of 128, 64 columns or more', () => {
    expect(prefersTiledCopy([256, 784], 'float32', [1, 0])).toBe(true);
    expect(prefersTiledCopy([256, 500], 'float32', [1, 0])).toBe(true);
    expect(prefersTiledCopy([128, 64], 'float32', [1, 0])).toBe(true);
    expect(prefersTiledCopy([256, 30], 'float32', [1, 0])).toBe(false);
    expect(prefersTiledCopy([500, 784], 'float32', [1, 0])).toBe(false);
    expect(prefersTiledCopy([30, 784], 'float32', [1, 0])).toBe(false);
    expect(prefersTiledCopy([256, 784], 'int32', [1, 0])).toBe(false);
    expect(prefersTiledCopy([256, 784], 'float32', [0, 1])).toBe(false);
    expect(prefersTiledCopy([2, 256, 784], 'float32', [0, 2, 1])).toBe(false);
  });

  it('leaves every other transpose to tfjs (int32, 3-D, identity permutation)', async () => {
    let asked = 0;
    restore = installWasmTranspose(tf, () => ((asked += 1), true));
    const ints = tf.tensor2d([1, 2, 3, 4, 5, 6], [2, 3], 'int32');
    const cube = tf.tensor3d([1, 2, 3, 4, 5, 6, 7, 8], [2, 2, 2]);
    const same = tf.tensor2d([1, 2, 3, 4], [2, 2]);
    const [a, b, c] = [tf.transpose(ints), tf.transpose(cube, [2, 1, 0]), tf.transpose(same, [0, 1])];
    expect(Array.from(await a.data())).toEqual([1, 4, 2, 5, 3, 6]);
    expect(Array.from(await b.data())).toEqual([1, 5, 3, 7, 2, 6, 4, 8]);
    expect(Array.from(await c.data())).toEqual([1, 2, 3, 4]);
    expect(asked).toBe(0);
    tf.dispose([ints, cube, same, a, b, c]);
  });

  it('installs once and puts tfjs kernel back', () => {
    const tfjs = tf.getKernel('Transpose', 'wasm');
    restore = installWasmTranspose(tf);
    const ours = tf.getKernel('Transpose', 'wasm');
    expect(ours?.kernelFunc).not.toBe(tfjs?.kernelFunc);
    expect(ours?.setupFunc).toBe(tfjs?.setupFunc);
    installWasmTranspose(tf)();
    expect(tf.getKernel('Transpose', 'wasm')).toBe(ours);
    restore();
    restore = undefined;
    expect(tf.getKernel('Transpose', 'wasm')).toBe(tfjs);
  });

  it("leaves the autoencoder's training bit for bit as with tfjs's kernel (batch 128: the tiled copy runs)", async () => {
    const { xTrain } = digitTensors(400, 1);
    const train = async () => {
      const model = createAutoencoder({ hidden: 24, seed: 4, batchSize: 128, corruption: { kind: 'gaussian', sigma: 0.3 } });
      model.setData(xTrain);
      return trainInPieces(model, 4, 'whole');
    };
    const before = await train();
    let copies = 0;
    restore = installWasmTranspose(tf, (shape, dtype, perm) => {
      const chosen = prefersTiledCopy(shape, dtype, perm);
      if (chosen) copies += 1;
      return chosen;
    });
    const after = await train();
    // xᵀ (128×784) once a step; hᵀ (128×24) is too narrow and stays tfjs's.
    expect(copies).toBe(4);
    expect(after.losses).toEqual(before.losses);
    for (const key of Object.keys(before.weights)) expect(bits(after.weights[key].data), key).toEqual(bits(before.weights[key].data));
    xTrain.dispose();
  });
});
