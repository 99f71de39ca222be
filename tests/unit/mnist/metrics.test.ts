import '@tensorflow/tfjs-backend-cpu';
import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { createAutoencoder } from '@/lib/ml/mnist/autoencoder';
import { dropout } from '@/lib/ml/mnist/corruption';
import { diffusionInpaint } from '@/lib/ml/mnist/inpaint';
import {
  averageDigits,
  interpolationReport,
  interpolationWeights,
  latentInterpolation,
  pixelInterpolation,
  reconstructionErrors,
} from '@/lib/ml/mnist/interpolate';
import { mse, psnr, psnrJs } from '@/lib/ml/mnist/metrics';
import { mulberry32 } from '@/lib/ml/random';
import { digitTensors, maxAbsDiff, meanOf } from './helpers';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

async function mean(t: tf.Tensor): Promise<number> {
  const v = await t.data();
  t.dispose();
  return meanOf(v);
}

describe('PSNR', () => {
  // Squared errors 0, 1, 0, 0.25: MSE = 0.3125, PSNR = 10·log10(2² / 0.3125) = 10·log10(12.8).
  const clean = [-1, -1, 1, 1];
  const estimate = [-1, 0, 1, 0.5];
  const expected = 11.072099696478685;

  it('matches the hand-computed value in plain JS', () => {
    expect(psnrJs(clean, estimate)).toBeCloseTo(expected, 10);
    // [0, 1] images with MAX = 1 give the same figure.
    expect(psnrJs(clean.map((v) => (v + 1) / 2), estimate.map((v) => (v + 1) / 2), 1)).toBeCloseTo(expected, 10);
    expect(psnrJs(clean, clean)).toBe(Infinity);
  });

  it('matches it on tensors, per image of a batch', async () => {
    const a = tf.tensor2d([clean, clean]);
    const b = tf.tensor2d([estimate, clean]);
    const p = psnr(a, b);
    expect(p.shape).toEqual([2]);
    const v = await p.data();
    expect(v[0]).toBeCloseTo(expected, 4);
    expect(v[1]).toBe(Infinity);
    const single = psnr(tf.tensor1d(clean), tf.tensor1d(estimate));
    expect(single.shape).toEqual([]);
    expect((await single.data())[0]).toBeCloseTo(expected, 4);
    expect(Array.from(await mse(a, b).data())).toEqual([0.3125, 0]);
    expect(() => psnr(a, tf.tensor2d([estimate]))).toThrow(/shapes differ/);
    tf.dispose([a, b, p, single]);
  });
});

describe('diffusion inpainting', () => {
  it('improves the PSNR of dropout-corrupted real digits and keeps the known pixels', async () => {
    const { xTest: x } = digitTensors(1, 64);
    const { corrupted, mask } = dropout(x, 0.5, mulberry32(3));
    const missing = mask!;
    const known = tf.mul(x, tf.sub(1, missing));
    const filled = diffusionInpaint(known, missing, { iterations: 100 });

    const raw = await mean(psnr(x, corrupted)); // the {0, 2} mask applied as in the course
    const holes = await mean(psnr(x, known)); // known pixels exact, holes at 0 (mid-grey)
    const diffused = await mean(psnr(x, filled));
    expect(diffused).toBeGreaterThan(holes + 3);
    expect(holes).toBeGreaterThan(raw);

    // Known pixels are never changed.
    const f = await filled.data();
    const k = await known.data();
    const m = await missing.data();
    let changed = 0;
    for (let i = 0; i < f.length; i++) if (m[i] === 0 && f[i] !== k[i]) changed++;
    expect(changed).toBe(0);
    tf.dispose([x, corrupted, missing, known, filled]);
  });

  it('fills a constant image with its constant and accepts [B, 28, 28]', async () => {
    const image = tf.fill([2, 28, 28], 0.25);
    const rng = mulberry32(4);
    const missing = tf.tensor3d(Float32Array.from({ length: 2 * 784 }, () => (rng() < 0.7 ? 1 : 0)), [2, 28, 28]);
    const filled = diffusionInpaint(tf.mul(image, tf.sub(1, missing)), missing, { iterations: 10 });
    expect(filled.shape).toEqual([2, 28, 28]);
    expect(maxAbsDiff(await filled.data(), await image.data())).toBeLessThan(1e-6);
    tf.dispose([image, missing, filled]);
  });
});

describe('interpolation', () => {
  it('interpolates pixels between the endpoints', async () => {
    expect(interpolationWeights(5)).toEqual([0, 0.25, 0.5, 0.75, 1]);
    const a = tf.tensor1d([-1, 0, 1]);
    const b = tf.tensor1d([1, 0, 0]);
    const path = pixelInterpolation(a, b, 3);
    expect(path.shape).toEqual([3, 3]);
    expect(Array.from(await path.data())).toEqual([-1, 0, 1, 0, 0, 0.5, 1, 0, 0]);
    tf.dispose([a, b, path]);
  });

  it('interpolates codes, reports per-step errors and reconstructs the average', async () => {
    const { xTest } = digitTensors(1, 2);
    const model = createAutoencoder({ hidden: 12, seed: 1 });
    const a = tf.slice(xTest, [0, 0], [1, 784]);
    const b = tf.slice(xTest, [1, 0], [1, 784]);

    const { codes, images } = latentInterpolation(model, a, b, 7);
    expect(codes.shape).toEqual([7, 12]);
    expect(images.shape).toEqual([7, 784]);
    const ends = model.reconstruct(xTest);
    const e = await ends.data();
    const im = await images.data();
    expect(maxAbsDiff(im.subarray(0, 784), e.subarray(0, 784))).toBeLessThan(1e-6);
    expect(maxAbsDiff(im.subarray(6 * 784), e.subarray(784))).toBeLessThan(1e-6);

    const report = await interpolationReport(model, a, b, 7);
    expect(report.pixel.errors.length).toBe(7);
    expect(report.latent.errors.length).toBe(7);
    const direct = await reconstructionErrors(model, report.pixel.images).data();
    expect(maxAbsDiff(report.pixel.errors, direct)).toBeLessThan(1e-7);

    const { average, reconstruction } = averageDigits(model, a, b);
    const avg = await average.data();
    const aa = await a.data();
    const bb = await b.data();
    for (let i = 0; i < 784; i++) expect(avg[i]).toBeCloseTo((aa[i] + bb[i]) / 2, 6);
    expect(reconstruction.shape).toEqual([1, 784]);

    tf.dispose([xTest, a, b, codes, images, ends, report.pixel.images, report.latent.images, average, reconstruction]);
    model.dispose();
  });
});
