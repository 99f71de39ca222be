import '@tensorflow/tfjs-backend-cpu';
import * as tf from '@tensorflow/tfjs-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { corrupt, corruptInput, dropout, gaussianNoise, saltAndPepper, validateCorruption } from '@/lib/ml/mnist/corruption';
import { mulberry32 } from '@/lib/ml/random';
import { digitTensors, maxAbsDiff, meanOf } from './helpers';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe('corruptions of real digits', () => {
  // 64 digits: 50,176 pixels, so a fraction's standard error is about 0.002.
  const { xTest: x } = digitTensors(1, 64);
  let clean: Float32Array;
  beforeAll(async () => {
    clean = (await x.data()) as Float32Array;
  });
  afterAll(() => x.dispose());

  it("dropout (the practicum's) keeps about half the pixels and exactly doubles them", async () => {
    const { corrupted, mask } = dropout(x, 0.5, mulberry32(1));
    const c = await corrupted.data();
    const m = await mask!.data();
    let dropped = 0;
    let wrong = 0;
    for (let i = 0; i < c.length; i++) {
      if (m[i] === 1) {
        dropped++;
        // 0 or −0 (a dropped background pixel is −1·0): mid-grey either way.
        if (c[i] !== 0) wrong++;
      } else if (m[i] !== 0 || c[i] !== 2 * clean[i]) {
        wrong++;
      }
    }
    expect(wrong).toBe(0);
    expect(Math.abs(dropped / c.length - 0.5)).toBeLessThan(0.02);
    tf.dispose([corrupted, mask!]);
  });

  it('dropout applied to ones gives the mask itself: values 0 and 2 only, mean near 1', async () => {
    const ones = tf.ones([64, 784]);
    const { corrupted, mask } = dropout(ones, 0.5, mulberry32(2));
    const v = await corrupted.data();
    expect(new Set(v)).toEqual(new Set([0, 2]));
    const mean = meanOf(v);
    expect(Math.abs(mean - 1)).toBeLessThan(0.04);
    tf.dispose([ones, corrupted, mask!]);
  });

  it('dropout with p = 0.25 drops a quarter and scales the rest by 4/3', async () => {
    const { corrupted, mask } = dropout(x, 0.25, mulberry32(3));
    const c = await corrupted.data();
    const m = await mask!.data();
    const fraction = meanOf(m);
    expect(Math.abs(fraction - 0.25)).toBeLessThan(0.02);
    const scale = Math.fround(1 / 0.75);
    let wrong = 0;
    for (let i = 0; i < c.length; i++) if (m[i] === 0 && c[i] !== Math.fround(clean[i] * scale)) wrong++;
    expect(wrong).toBe(0);
    tf.dispose([corrupted, mask!]);
  });

  it('Gaussian noise has the requested standard deviation and no mask', async () => {
    const { corrupted, mask } = gaussianNoise(x, 0.3, mulberry32(4));
    expect(mask).toBeNull();
    const c = await corrupted.data();
    let sum = 0;
    let sq = 0;
    for (let i = 0; i < c.length; i++) {
      const e = c[i] - clean[i];
      sum += e;
      sq += e * e;
    }
    const mean = sum / c.length;
    expect(Math.abs(mean)).toBeLessThan(0.01);
    expect(Math.abs(Math.sqrt(sq / c.length - mean * mean) - 0.3)).toBeLessThan(0.01);
    corrupted.dispose();
  });

  it('salt and pepper overwrites the requested fraction with ±1, half each', async () => {
    const { corrupted, mask } = saltAndPepper(x, 0.2, mulberry32(5));
    const c = await corrupted.data();
    const m = await mask!.data();
    let altered = 0;
    let salt = 0;
    let wrong = 0;
    for (let i = 0; i < c.length; i++) {
      if (m[i] === 1) {
        altered++;
        if (Math.abs(c[i]) !== 1) wrong++;
        if (c[i] === 1) salt++;
      } else if (m[i] !== 0 || c[i] !== clean[i]) {
        wrong++;
      }
    }
    expect(wrong).toBe(0);
    expect(Math.abs(altered / c.length - 0.2)).toBeLessThan(0.02);
    expect(Math.abs(salt / altered - 0.5)).toBeLessThan(0.03);
    tf.dispose([corrupted, mask!]);
  });

  it('is seeded, and the training variant draws the same corruption', async () => {
    for (const spec of [
      { kind: 'dropout', p: 0.5 },
      { kind: 'gaussian', sigma: 0.5 },
      { kind: 'saltPepper', fraction: 0.1 },
    ] as const) {
      const a = corrupt(x, spec, mulberry32(7));
      const b = corrupt(x, spec, mulberry32(7));
      const fast = corruptInput(x, spec, mulberry32(7));
      const other = corrupt(x, spec, mulberry32(8));
      expect(maxAbsDiff(await a.corrupted.data(), await b.corrupted.data())).toBe(0);
      expect(maxAbsDiff(await a.corrupted.data(), await fast.data())).toBe(0);
      expect(maxAbsDiff(await a.corrupted.data(), await other.corrupted.data())).toBeGreaterThan(0);
      tf.dispose([a.corrupted, b.corrupted, fast, other.corrupted]);
      tf.dispose([a.mask, b.mask, other.mask].filter((t) => t !== null));
    }
  });

  it('validates parameters', () => {
    expect(() => validateCorruption({ kind: 'dropout', p: 1 })).toThrow(RangeError);
    expect(() => validateCorruption({ kind: 'gaussian', sigma: -1 })).toThrow(RangeError);
    expect(() => validateCorruption({ kind: 'saltPepper', fraction: 1.5 })).toThrow(RangeError);
    expect(() => dropout(x, Number.NaN, mulberry32(1))).toThrow(/dropout p/);
  });
});
