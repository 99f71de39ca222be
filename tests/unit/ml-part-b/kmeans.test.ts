import '@tensorflow/tfjs-backend-cpu';
import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { mulberry32, uniform } from '@/lib/ml/random';
import { DATA_BOX, blobs, spiral, uniformPoints } from '@/lib/ml/part-b/datasets';
import {
  assignments,
  createKMeansSession,
  initialPrototypes,
  kmeansEnergy,
  kmeansSoftEnergy,
  lloydUpdate,
} from '@/lib/ml/part-b/kmeans';
import { losses, mean } from './helpers';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

function randomPoints(n: number, seed: number, spread = 3): Float32Array {
  const rng = mulberry32(seed);
  return Float32Array.from({ length: 2 * n }, () => uniform(rng, -spread, spread));
}

/** Squared distances in float64 from the float32 inputs. */
function distances(y: Float32Array, W: Float32Array): number[][] {
  const out: number[][] = [];
  for (let i = 0; i < y.length / 2; i++) {
    const row: number[] = [];
    for (let k = 0; k < W.length / 2; k++) row.push((y[2 * i] - W[2 * k]) ** 2 + (y[2 * i + 1] - W[2 * k + 1]) ** 2);
    out.push(row);
  }
  return out;
}

function softMin64(d: number[], beta: number): number {
  const top = Math.max(...d.map((v) => -beta * v));
  const sum = d.reduce((s, v) => s + Math.exp(-beta * v - top), 0);
  return -(top + Math.log(sum / d.length)) / beta;
}

async function evaluate(f: (y: tf.Tensor2D, W: tf.Tensor2D) => tf.Tensor, y: Float32Array, W: Float32Array) {
  const out = tf.tidy(() => f(tf.tensor2d(y, [y.length / 2, 2]), tf.tensor2d(W, [W.length / 2, 2])));
  const values = await out.data();
  out.dispose();
  return values;
}

describe('K-means energies', () => {
  const y = randomPoints(300, 1);
  const W = randomPoints(7, 2);
  const d = distances(y, W);

  it('F equals the brute-force minimum over prototypes', async () => {
    const f = await evaluate(kmeansEnergy, y, W);
    expect(f.length).toBe(300);
    d.forEach((row, i) => {
      const exact = Math.min(...row);
      expect(Math.abs(f[i] - exact)).toBeLessThanOrEqual(1e-5 * Math.max(1, exact));
    });
  });

  it('ž is the brute-force argmin', async () => {
    const z = await evaluate(assignments, y, W);
    expect(z).toBeInstanceOf(Int32Array);
    d.forEach((row, i) => expect(z[i]).toBe(row.indexOf(Math.min(...row))));
  });

  it('F_β matches a float64 log-sum-exp to 1e-4 relative, for small and large β', async () => {
    for (const beta of [0.01, 0.3, 1, 10, 1000]) {
      const soft = await evaluate((a, b) => kmeansSoftEnergy(a, b, beta), y, W);
      d.forEach((row, i) => {
        const exact = softMin64(row, beta);
        expect(Number.isFinite(soft[i])).toBe(true);
        expect(Math.abs(soft[i] - exact)).toBeLessThanOrEqual(1e-4 * Math.max(Math.abs(exact), 1e-3));
      });
    }
  });

  it('F_β lies in [F, F + log(K)/β] and so tends to F as β grows', async () => {
    const hard = await evaluate(kmeansEnergy, y, W);
    const logK = Math.log(W.length / 2);
    let previousGap = Infinity;
    for (const beta of [0.1, 1, 10, 100, 1e4]) {
      const soft = await evaluate((a, b) => kmeansSoftEnergy(a, b, beta), y, W);
      let gap = 0;
      for (let i = 0; i < hard.length; i++) {
        expect(soft[i]).toBeGreaterThanOrEqual(hard[i] - 1e-5);
        expect(soft[i]).toBeLessThanOrEqual(hard[i] + logK / beta + 1e-5);
        gap = Math.max(gap, soft[i] - hard[i]);
      }
      expect(gap).toBeLessThan(previousGap);
      previousGap = gap;
    }
    expect(previousGap).toBeLessThan(1e-3);
  });

  it('has gradients that move each prototype towards the points it owns', async () => {
    const yt = tf.tensor2d(y, [300, 2]);
    const Wt = tf.tensor2d(W, [7, 2]);
    const g = tf.grad((w: tf.Tensor) => tf.sum(kmeansEnergy(yt, w as tf.Tensor2D)))(Wt);
    const grad = await g.data();
    tf.dispose([yt, Wt, g]);
    const z = d.map((row) => row.indexOf(Math.min(...row)));
    for (let k = 0; k < 7; k++) {
      for (let c = 0; c < 2; c++) {
        let exact = 0;
        z.forEach((owner, i) => {
          if (owner === k) exact += -2 * (y[2 * i + c] - W[2 * k + c]);
        });
        expect(Math.abs(grad[2 * k + c] - exact)).toBeLessThanOrEqual(1e-4 * (1 + Math.abs(exact)));
      }
    }
  });

  it('rejects wrong shapes and β ≤ 0', () => {
    const a = tf.zeros([4, 3]) as tf.Tensor2D;
    const b = tf.zeros([2, 2]) as tf.Tensor2D;
    expect(() => kmeansEnergy(a, b)).toThrow(RangeError);
    expect(() => kmeansSoftEnergy(b, b, 0)).toThrow(RangeError);
    tf.dispose([a, b]);
  });
});

describe('Lloyd updates', () => {
  it('never increase the total energy over 20 steps (spiral and blobs, random and k-means++ starts)', async () => {
    const cases = [
      { data: spiral(400, 1), k: 12 },
      { data: blobs(300, 2), k: 5 },
      { data: blobs(300, 3), k: 4 },
    ];
    for (const { data, k } of cases) {
      for (const init of ['random', 'kmeans++'] as const) {
        for (const seed of [1, 2]) {
          const session = createKMeansSession({ data, k, seed, mode: 'lloyd', init });
          const start = await session.energy(data);
          const energies = [mean(start), ...(await losses(session, 20))];
          session.dispose();
          for (let t = 1; t < energies.length; t++) {
            // float32 sums can differ in the last bits once the assignments are stable.
            expect(energies[t]).toBeLessThanOrEqual(energies[t - 1] * (1 + 1e-6) + 1e-7);
          }
          expect(energies[energies.length - 1]).toBeLessThan(energies[0]);
        }
      }
    }
  });

  it('move each prototype to the mean of its points and leave an empty cluster where it is', async () => {
    const y = new Float32Array([0, 0, 2, 0, 10, 10, 12, 10]);
    const W = new Float32Array([1, 1, 11, 9, 100, -100]);
    const next = await evaluate(lloydUpdate, y, W);
    expect(Array.from(next)).toEqual([1, 0, 11, 10, 100, -100]);
  });
});

describe('initialPrototypes', () => {
  const data = blobs(200, 1);
  it('is seeded and picks K distinct data points', () => {
    for (const init of ['random', 'kmeans++'] as const) {
      const p = initialPrototypes(data, 6, 3, init);
      expect(initialPrototypes(data, 6, 3, init)).toEqual(p);
      const keys = new Set<string>();
      for (let k = 0; k < 6; k++) {
        const x = p[2 * k];
        const y = p[2 * k + 1];
        let found = false;
        for (let i = 0; i < data.length / 2; i++) if (data[2 * i] === x && data[2 * i + 1] === y) found = true;
        expect(found).toBe(true);
        keys.add(`${x},${y}`);
      }
      expect(keys.size).toBe(6);
    }
  });

  it('copes with K equal to the number of points, and with repeated points', () => {
    const twice = new Float32Array([1, 1, 1, 1, 2, 2]);
    expect(initialPrototypes(twice, 3, 1).length).toBe(6);
    expect(() => initialPrototypes(twice, 4, 1)).toThrow(RangeError);
  });
});

describe('createKMeansSession', () => {
  const data = blobs(150, 4);

  it('gradient steps lower the mean free energy, with Adam and with SGD', async () => {
    for (const optimizer of ['adam', 'sgd'] as const) {
      const session = createKMeansSession({ data, k: 5, seed: 2, mode: 'gradient', optimizer, init: 'random' });
      const l = await losses(session, 60);
      session.dispose();
      expect(l[l.length - 1]).toBeLessThan(0.8 * l[0]);
    }
  });

  it('exposes prototypes, assignments and energies consistent with the tensor functions', async () => {
    const session = createKMeansSession({ data, k: 5, seed: 1, mode: 'lloyd' });
    await losses(session, 5);
    const W = await session.prototypes();
    expect(W.length).toBe(10);
    const z = await session.assign();
    expect(z.length).toBe(150);
    expect(Array.from(await evaluate(assignments, data, W))).toEqual(Array.from(z));
    const grid = uniformPoints(DATA_BOX, 64, 1);
    expect(await session.energy(grid)).toEqual(await evaluate(kmeansEnergy, grid, W));
    expect(await session.energy(grid, 5)).toEqual(await evaluate((a, b) => kmeansSoftEnergy(a, b, 5), grid, W));
    expect((await session.assign(grid)).length).toBe(64);
    session.dispose();
    await expect(session.prototypes()).rejects.toThrow();
    expect(() => session.step()).toThrow();
  });

  it('switches mode without resetting the prototypes', async () => {
    const session = createKMeansSession({ data, k: 3, seed: 1, mode: 'lloyd' });
    await losses(session, 3);
    const before = await session.prototypes();
    session.setMode('gradient');
    expect(session.mode).toBe('gradient');
    await losses(session, 1);
    const after = await session.prototypes();
    session.dispose();
    let moved = 0;
    for (let i = 0; i < before.length; i++) moved = Math.max(moved, Math.abs(after[i] - before[i]));
    expect(moved).toBeGreaterThan(0);
    expect(moved).toBeLessThan(0.2);
  });

  it('repeats a seeded run exactly', async () => {
    const trace = async () => {
      const session = createKMeansSession({ data, k: 4, seed: 9, mode: 'gradient' });
      const l = await losses(session, 20);
      const W = await session.prototypes();
      session.dispose();
      return { l, W };
    };
    expect(await trace()).toEqual(await trace());
  });

  it('rejects bad options', () => {
    expect(() => createKMeansSession({ data, k: 0, seed: 1, mode: 'lloyd' })).toThrow(RangeError);
    expect(() => createKMeansSession({ data, k: 2, seed: 1, mode: 'lloyd', learningRate: -1 })).toThrow(RangeError);
    expect(() => createKMeansSession({ data: new Float32Array(3), k: 1, seed: 1, mode: 'lloyd' })).toThrow(RangeError);
  });
});
