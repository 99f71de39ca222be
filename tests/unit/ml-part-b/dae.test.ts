import '@tensorflow/tfjs-backend-cpu';
import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { DATA_BOX, ring, uniformPoints } from '@/lib/ml/part-b/datasets';
import { createDaeSession } from '@/lib/ml/part-b/dae';
import { losses, mean, median } from './helpers';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe('denoising autoencoder', () => {
  it('after training on a ring, the data energy median is at most a tenth of the median over the box', async () => {
    const data = ring(200, 1);
    const session = createDaeSession({ data, sigma: 0.3, seed: 1 });
    const l = await losses(session, 150);
    const onData = median(await session.energy(data));
    const inBox = median(await session.energy(uniformPoints(DATA_BOX, 1000, 2)));
    session.dispose();
    // Measured with these settings over seeds 1 to 4: a ratio of 0.017 to 0.026 after 150 steps
    // (about the same after 300), so a tenth leaves a wide margin.
    expect(onData).toBeLessThanOrEqual(0.1 * inBox);
    expect(mean(l.slice(-20))).toBeLessThan(mean(l.slice(0, 20)));
  });

  it('reconstruct and energy agree: F(y) = ‖y − Dec(Enc(y))‖²', async () => {
    const data = ring(64, 2);
    const session = createDaeSession({ data, sigma: 0.2, seed: 3, hidden: 8 });
    await losses(session, 5);
    const points = uniformPoints(DATA_BOX, 50, 4);
    const r = await session.reconstruct(points);
    const e = await session.energy(points);
    session.dispose();
    expect(r.length).toBe(100);
    expect(e.length).toBe(50);
    for (let i = 0; i < 50; i++) {
      const exact = (points[2 * i] - r[2 * i]) ** 2 + (points[2 * i + 1] - r[2 * i + 1]) ** 2;
      expect(Math.abs(e[i] - exact)).toBeLessThanOrEqual(1e-5 * (1 + exact));
    }
  });

  it('corrupts data points with noise of the current σ, without disturbing the training run', async () => {
    const data = ring(100, 5);
    const a = createDaeSession({ data, sigma: 0.3, seed: 7, hidden: 8, batch: 32 });
    const b = createDaeSession({ data, sigma: 0.3, seed: 7, hidden: 8, batch: 32 });
    const first = await losses(a, 3);
    const sample = await a.corruptedSample(2000);
    const second = await losses(a, 3);
    const reference = await losses(b, 6);
    expect([...first, ...second]).toEqual(reference);

    expect(sample.noisy.length).toBe(4000);
    expect(sample.clean.length).toBe(4000);
    expect(sample.reconstructed.length).toBe(4000);
    let sq = 0;
    for (let i = 0; i < 4000; i++) sq += (sample.noisy[i] - sample.clean[i]) ** 2;
    // E‖σε‖² = 2σ² = 0.18 for two coordinates.
    expect(sq / 2000).toBeGreaterThan(0.16);
    expect(sq / 2000).toBeLessThan(0.2);

    a.setSigma(0);
    expect(a.sigma).toBe(0);
    const exact = await a.corruptedSample(10);
    expect(exact.noisy).toEqual(exact.clean);
    a.dispose();
    b.dispose();
  });

  it('repeats a seeded run exactly', async () => {
    const trace = async () => {
      const session = createDaeSession({ data: ring(80, 1), sigma: 0.3, seed: 11, hidden: 16 });
      const l = await losses(session, 15);
      const e = await session.energy(uniformPoints(DATA_BOX, 20, 1));
      session.dispose();
      return { l, e };
    };
    expect(await trace()).toEqual(await trace());
  });

  it('rejects bad options', () => {
    const data = ring(10, 1);
    expect(() => createDaeSession({ data, sigma: -1, seed: 1 })).toThrow(RangeError);
    expect(() => createDaeSession({ data, sigma: 0.1, seed: 1, learningRate: 0 })).toThrow(RangeError);
    expect(() => createDaeSession({ data: new Float32Array(0), sigma: 0.1, seed: 1 })).toThrow(RangeError);
  });
});
