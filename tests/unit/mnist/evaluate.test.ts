import '@tensorflow/tfjs-backend-cpu';
import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import '@/lib/ml/gradients';
import { createAutoencoder, disposeParams } from '@/lib/ml/mnist/autoencoder';
import { dropout } from '@/lib/ml/mnist/corruption';
import { classicalBaseline, evaluateBaseline, evaluateReconstruction, sumInChunks } from '@/lib/ml/mnist/evaluate';
import { diffusionSmooth } from '@/lib/ml/mnist/inpaint';
import { psnrJs } from '@/lib/ml/mnist/metrics';
import { mulberry32 } from '@/lib/ml/random';
import { digitTensors, maxAbsDiff, randomMatrix } from './helpers';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const noPause = () => Promise.resolve();

describe('chunked evaluation', () => {
  it('sums chunk by chunk to the one-shot value and leaves no tensor behind', async () => {
    const x = randomMatrix(10, 3, 1);
    const before = tf.memory().numTensors;
    let pauses = 0;
    const sums = await sumInChunks(10, 3, (from, rows) => tf.sum(tf.slice(x, [from, 0], [rows, 3]), 0) as tf.Tensor1D, async () => void pauses++);
    expect(pauses).toBe(3);
    expect(tf.memory().numTensors).toBe(before);
    const oneShot = tf.sum(x, 0);
    expect(maxAbsDiff(sums, await oneShot.data())).toBeLessThan(1e-5);
    oneShot.dispose();
    await expect(sumInChunks(10, 3, () => tf.zeros([1]) as tf.Tensor1D, () => Promise.reject(new Error('stop')))).rejects.toThrow('stop');
    expect(tf.memory().numTensors).toBe(before);
    x.dispose();
  });

  it('matches testLoss and a per-image PSNR computed in JavaScript, on a snapshot that training does not change', async () => {
    const { xTrain, xTest } = digitTensors(256, 40);
    const model = createAutoencoder({ hidden: 8, seed: 2, batchSize: 32 });
    model.setData(xTrain);
    model.trainSteps(3).dispose();
    const snapshot = model.snapshot();
    const expected = await model.testLoss(xTest);
    const recon = await model.reconstruct(xTest).data();
    model.trainSteps(2).dispose();
    const got = await evaluateReconstruction(snapshot, xTest, xTest, { chunkRows: 7, pause: noPause });
    expect(Math.abs(got.mse - expected) / expected).toBeLessThan(1e-4);
    const clean = await xTest.data();
    let psnr = 0;
    for (let i = 0; i < 40; i++) psnr += psnrJs(clean.subarray(i * 784, (i + 1) * 784), recon.subarray(i * 784, (i + 1) * 784));
    expect(Math.abs(got.psnr - psnr / 40)).toBeLessThan(1e-3);
    disposeParams(snapshot);
    model.dispose();
    tf.dispose([xTrain, xTest]);
  });

  it('reads the first encoder kernels only', async () => {
    const model = createAutoencoder({ inputSize: 12, hidden: 5, seed: 1 });
    const all = await model.encoderKernels();
    const first = await model.encoderKernels(2);
    expect(first.length).toBe(24);
    expect(Array.from(first)).toEqual(Array.from(all.subarray(0, 24)));
    expect((await model.encoderKernels(50)).length).toBe(60);
    model.dispose();
  });

  it('the baseline inpaints dropout holes better than leaving them, and smoothing keeps a flat image flat', async () => {
    const { xTest } = digitTensors(1, 30);
    const { corrupted, mask } = dropout(xTest, 0.5, mulberry32(4));
    const base = await evaluateBaseline(xTest, corrupted, mask, { chunkRows: 12, pause: noPause });
    const holes = await evaluateBaseline(xTest, corrupted, mask, { chunkRows: 30, pause: noPause });
    expect(Math.abs(base.psnr - holes.psnr)).toBeLessThan(1e-3);
    const unfilled = tf.tidy(() => tf.mul(xTest, tf.sub(1, mask!)));
    const clean = await xTest.data();
    const raw = await unfilled.data();
    let rawPsnr = 0;
    for (let i = 0; i < 30; i++) rawPsnr += psnrJs(clean.subarray(i * 784, (i + 1) * 784), raw.subarray(i * 784, (i + 1) * 784));
    expect(base.psnr).toBeGreaterThan(rawPsnr / 30 + 3);
    const flat = tf.fill([2, 784], 0.3);
    const smooth = diffusionSmooth(flat);
    expect(maxAbsDiff(await smooth.data(), await flat.data())).toBeLessThan(1e-6);
    const noisy = tf.add(xTest, tf.mul(randomMatrix(30, 784, 9), 0.8)) as tf.Tensor2D;
    const fromSmooth = await evaluateBaseline(xTest, noisy, null, { chunkRows: 30, pause: noPause });
    const asIs = await evaluateReconstructionIdentity(xTest, noisy);
    expect(fromSmooth.psnr).toBeGreaterThan(asIs);
    const b = classicalBaseline(xTest, noisy, null);
    expect(b.shape).toEqual([30, 784]);
    tf.dispose([xTest, corrupted, mask!, unfilled, flat, smooth, noisy, b]);
  });
});

async function evaluateReconstructionIdentity(clean: tf.Tensor2D, estimate: tf.Tensor2D): Promise<number> {
  const c = await clean.data();
  const e = await estimate.data();
  let s = 0;
  const n = clean.shape[0];
  for (let i = 0; i < n; i++) s += psnrJs(c.subarray(i * 784, (i + 1) * 784), e.subarray(i * 784, (i + 1) * 784));
  return s / n;
}
