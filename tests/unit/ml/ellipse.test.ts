import '@tensorflow/tfjs-backend-cpu';
import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  argminLatent,
  ellipseData,
  ellipseEnergies,
  ellipseRadii,
  freeEnergyBeta,
  freeEnergyInf,
  gibbsDensity,
  latentGrid,
} from '@/lib/ml/ellipse';
import { mulberry32, uniform } from '@/lib/ml/random';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

// Independent float64 reference, fed with the same float32-rounded inputs as the tensors.
function referenceEnergies(y1: number, y2: number, w: readonly [number, number], z: Float32Array): number[] {
  return Array.from(z, (zk) => (y1 - w[0] * Math.cos(zk)) ** 2 + (y2 - w[1] * Math.sin(zk)) ** 2);
}

function referenceSoftMin(energies: number[], beta: number): number {
  const min = Math.min(...energies);
  let sum = 0;
  for (const e of energies) sum += Math.exp(-beta * (e - min));
  return min - Math.log(sum / energies.length) / beta;
}

function testPoints(): Float32Array {
  const fixed = [3, 0, 0, -2.5, 0.2, 0.1, -1, 1, 2.6, 1.9, -0.5, -0.3, 1.2, -1.6];
  const rng = mulberry32(99);
  for (let i = 0; i < 10; i++) fixed.push(uniform(rng, -3, 3), uniform(rng, -3, 3));
  return Float32Array.from(fixed);
}

const WEIGHTS: ReadonlyArray<readonly [number, number]> = [
  [2, 1.5],
  [Math.fround(0.7), Math.fround(2.6)],
];
const BETAS = [0.01, 0.1, 1, 10, 100, 1000];

async function evaluate(fn: (y: tf.Tensor2D, w: tf.Tensor1D) => tf.Tensor, points: Float32Array, w: readonly [number, number]) {
  const out = tf.tidy(() => fn(tf.tensor2d(points, [points.length / 2, 2]), tf.tensor1d([w[0], w[1]])));
  const values = (await out.data()) as Float32Array;
  out.dispose();
  return values;
}

function expectClose(actual: number, expected: number, relative: number): void {
  // The tiny absolute floor only matters for values near zero, where float32 rounding of
  // the inputs dominates.
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(relative * Math.abs(expected) + 1e-6);
}

describe('ellipseRadii and ellipseData', () => {
  it('has semi-axes (2, 1.5) at x = 0', () => {
    expect(ellipseRadii(0)).toEqual([2, 1.5]);
  });

  it('puts noiseless points exactly on the ellipse', () => {
    const data = ellipseData({ n: 24, x: 0, noise: 0, seed: 3 });
    expect(data).toHaveLength(48);
    for (let i = 0; i < 24; i++) {
      expect(data[2 * i] ** 2 / 4 + data[2 * i + 1] ** 2 / 2.25).toBeCloseTo(1, 5);
    }
  });

  it('is deterministic for a seed and changes with it', () => {
    const a = ellipseData({ n: 24, x: 0, noise: 0.05, seed: 8 });
    expect(ellipseData({ n: 24, x: 0, noise: 0.05, seed: 8 })).toEqual(a);
    expect(ellipseData({ n: 24, x: 0, noise: 0.05, seed: 9 })).not.toEqual(a);
  });

  it('draws x per point when asked, within the ρ bounds', () => {
    const data = ellipseData({ n: 200, x: 'uniform', noise: 0, seed: 1 });
    const maxRadius = Math.max(...ellipseRadii(1));
    for (let i = 0; i < 200; i++) expect(Math.hypot(data[2 * i], data[2 * i + 1])).toBeLessThanOrEqual(maxRadius + 1e-4);
  });
});

describe('latentGrid', () => {
  it('has 48 values in steps of π/24 from 0, excluding 2π', () => {
    const z = latentGrid();
    expect(z).toHaveLength(48);
    expect(z[0]).toBe(0);
    expect(z[47]).toBeCloseTo((47 * Math.PI) / 24, 6);
    expect(z[47]).toBeLessThan(2 * Math.PI);
  });
});

describe('energies and free energies against a float64 reference', () => {
  const points = testPoints();
  const z = latentGrid();
  const m = points.length / 2;

  it('E(y, z) matches', async () => {
    for (const w of WEIGHTS) {
      const energies = await evaluate((y, wt) => ellipseEnergies(y, wt, z), points, w);
      for (let i = 0; i < m; i++) {
        const ref = referenceEnergies(points[2 * i], points[2 * i + 1], w, z);
        for (let k = 0; k < z.length; k++) expectClose(energies[i * z.length + k], ref[k], 1e-5);
      }
    }
  });

  it('F_∞ equals the brute-force minimum', async () => {
    for (const w of WEIGHTS) {
      const free = await evaluate((y, wt) => freeEnergyInf(y, wt, z), points, w);
      for (let i = 0; i < m; i++) {
        expectClose(free[i], Math.min(...referenceEnergies(points[2 * i], points[2 * i + 1], w, z)), 1e-5);
      }
    }
  });

  it('F_β equals a float64 log-sum-exp to 1e-4 relative, for β from 0.01 to 1000', async () => {
    let worst = 0;
    for (const w of WEIGHTS) {
      for (const beta of BETAS) {
        const free = await evaluate((y, wt) => freeEnergyBeta(y, wt, z, beta), points, w);
        for (let i = 0; i < m; i++) {
          const ref = referenceSoftMin(referenceEnergies(points[2 * i], points[2 * i + 1], w, z), beta);
          expectClose(free[i], ref, 1e-4);
          worst = Math.max(worst, Math.abs(free[i] - ref) / Math.abs(ref));
        }
      }
    }
    expect(worst).toBeLessThan(1e-4);
  });

  it('F_β with β = Infinity is F_∞', async () => {
    const a = await evaluate((y, wt) => freeEnergyBeta(y, wt, z, Infinity), points, WEIGHTS[0]);
    const b = await evaluate((y, wt) => freeEnergyInf(y, wt, z), points, WEIGHTS[0]);
    expect(a).toEqual(b);
  });

  it('F_β decreases to F_∞ within F_∞ ≤ F_β ≤ F_∞ + log|Z|/β', async () => {
    const betas = [0.01, 0.03, 0.1, 0.3, 1, 3, 10, 30, 100, 300, 1000, 3000];
    for (const w of WEIGHTS) {
      const fInf = await evaluate((y, wt) => freeEnergyInf(y, wt, z), points, w);
      const gaps: Float32Array[] = [];
      for (const beta of betas) {
        const fBeta = await evaluate((y, wt) => freeEnergyBeta(y, wt, z, beta), points, w);
        const gap = fBeta.map((f, i) => f - fInf[i]);
        for (let i = 0; i < m; i++) {
          const slack = 1e-5 * (1 + Math.abs(fInf[i]));
          expect(gap[i]).toBeGreaterThanOrEqual(-slack);
          expect(gap[i]).toBeLessThanOrEqual(Math.log(z.length) / beta + slack);
        }
        gaps.push(gap);
      }
      for (let b = 1; b < betas.length; b++) {
        for (let i = 0; i < m; i++) expect(gaps[b][i]).toBeLessThanOrEqual(gaps[b - 1][i] + 1e-5 * (1 + Math.abs(fInf[i])));
      }
      // The largest β leaves a gap of at most log(48)/3000 ≈ 1.3e-3.
      for (let i = 0; i < m; i++) expect(gaps[gaps.length - 1][i]).toBeLessThan(2e-3);
    }
  });

  it('argminLatent returns the minimising grid angle', async () => {
    const w = WEIGHTS[1];
    const zHat = await evaluate((y, wt) => argminLatent(y, wt, z), points, w);
    for (let i = 0; i < m; i++) {
      const ref = referenceEnergies(points[2 * i], points[2 * i + 1], w, z);
      const k = z.indexOf(zHat[i]);
      expect(k).toBeGreaterThanOrEqual(0);
      expect(ref[k]).toBeCloseTo(Math.min(...ref), 5);
    }
  });

  it('gibbsDensity sums to 1 and puts more mass on lower free energy', async () => {
    const F = tf.tensor1d([0.3, 0.1, 2, 0.1, 50]);
    const p = gibbsDensity(F, 4);
    const values = (await p.data()) as Float32Array;
    tf.dispose([F, p]);
    expect(values.reduce((s, v) => s + v, 0)).toBeCloseTo(1, 6);
    expect(values[1]).toBeGreaterThan(values[0]);
    expect(values[1]).toBeCloseTo(values[3], 7);
    expect(values[0] / values[1]).toBeCloseTo(Math.exp(-4 * 0.2), 5);
    expect(values[4]).toBeGreaterThanOrEqual(0);
  });

  it('leaves no tensors behind', async () => {
    const before = tf.memory().numTensors;
    const y = tf.tensor2d(points, [m, 2]);
    const w = tf.tensor1d([2, 1.5]);
    const outputs = [
      ellipseEnergies(y, w, z),
      freeEnergyInf(y, w, z),
      freeEnergyBeta(y, w, z, 3),
      argminLatent(y, w, z),
    ];
    outputs.push(gibbsDensity(outputs[2], 3));
    tf.dispose([y, w, ...outputs]);
    expect(tf.memory().numTensors).toBe(before);
  });
});
