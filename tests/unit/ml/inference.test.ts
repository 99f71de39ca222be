import '@tensorflow/tfjs-backend-cpu';
import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { conditionalEnergy, conditionalEnergyAt, ellipseAxes } from '@/lib/ml/conditional-energy';
import { gradientDescentInference } from '@/lib/ml/inference';
import { mulberry32, uniform } from '@/lib/ml/random';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

// Independent analytic forms: q = y1²/a² + y2²/b², E = (q − 1)², ∇E = 2(q − 1)·(2y1/a², 2y2/b²).
function level(x: number, y1: number, y2: number): number {
  const a = 1.5 * x + 2 * (1 - x);
  const b = 2 * x + 1.5 * (1 - x);
  return (y1 * y1) / (a * a) + (y2 * y2) / (b * b);
}

function analyticGradient(x: number, y1: number, y2: number): [number, number] {
  const a = 1.5 * x + 2 * (1 - x);
  const b = 2 * x + 1.5 * (1 - x);
  const r = 2 * (level(x, y1, y2) - 1);
  return [(r * 2 * y1) / (a * a), (r * 2 * y2) / (b * b)];
}

const XS = [0, 0.3, 0.75, 1];
const STARTS = Float32Array.from([3, 0, 0, -3, 0.5, 0.5, -2.5, 2.5, 1, -0.2, -0.1, 0.05, 2.2, 1.7, -1.4, -1.9]);

describe('conditional energy', () => {
  it('has axes (2, 1.5) at x = 0 and (1.5, 2) at x = 1', () => {
    expect(ellipseAxes(0)).toEqual([2, 1.5]);
    expect(ellipseAxes(1)).toEqual([1.5, 2]);
  });

  it('matches the closed form and vanishes on the ellipse', async () => {
    const rng = mulberry32(4);
    const pts = Float32Array.from({ length: 40 }, () => uniform(rng, -3, 3));
    for (const x of XS) {
      const e = tf.tidy(() => conditionalEnergy(x, tf.tensor2d(pts, [20, 2])));
      const values = await e.data();
      e.dispose();
      for (let i = 0; i < 20; i++) {
        const ref = (level(x, pts[2 * i], pts[2 * i + 1]) - 1) ** 2;
        expect(Math.abs(values[i] - ref)).toBeLessThanOrEqual(1e-5 * ref + 1e-6);
      }
      const [a, b] = ellipseAxes(x);
      const onEllipse = tf.tidy(() =>
        conditionalEnergy(x, tf.tensor2d([a, 0, 0, -b, a * Math.SQRT1_2, b * Math.SQRT1_2], [3, 2])),
      );
      for (const v of await onEllipse.data()) expect(v).toBeLessThan(1e-10);
      onEllipse.dispose();
    }
  });

  it('autodiff gradient equals the analytic gradient', async () => {
    const rng = mulberry32(21);
    const pts = Float32Array.from({ length: 60 }, () => uniform(rng, -3, 3));
    for (const x of XS) {
      const energy = conditionalEnergyAt(x);
      const g = tf.tidy(() => tf.grad((y: tf.Tensor) => tf.sum(energy(y as tf.Tensor2D)))(tf.tensor2d(pts, [30, 2])));
      const values = await g.data();
      g.dispose();
      for (let i = 0; i < 30; i++) {
        const ref = analyticGradient(x, pts[2 * i], pts[2 * i + 1]);
        for (let c = 0; c < 2; c++) {
          expect(Math.abs(values[2 * i + c] - ref[c])).toBeLessThanOrEqual(1e-4 * Math.abs(ref[c]) + 1e-5);
        }
      }
    }
  });
});

describe('gradientDescentInference', () => {
  it('converges to the zero-energy ellipse from several starts', async () => {
    for (const x of XS) {
      const result = await gradientDescentInference(conditionalEnergyAt(x), STARTS, { stepSize: 0.05, steps: 600 });
      expect(result.diverged).toBe(false);
      expect(result.paths).toHaveLength(STARTS.length / 2);
      for (let i = 0; i < STARTS.length / 2; i++) {
        expect(Math.abs(level(x, result.final[2 * i], result.final[2 * i + 1]) - 1)).toBeLessThan(1e-3);
        expect(result.finalEnergy[i]).toBeLessThan(1e-6);
        const path = result.paths[i];
        expect(path).toHaveLength(2 * 601);
        expect([path[0], path[1]]).toEqual([STARTS[2 * i], STARTS[2 * i + 1]]);
        expect([path[path.length - 2], path[path.length - 1]]).toEqual([result.final[2 * i], result.final[2 * i + 1]]);
      }
    }
  });

  it('different starts reach different outputs for the same input', async () => {
    const result = await gradientDescentInference(conditionalEnergyAt(0.5), STARTS, { stepSize: 0.05, steps: 600 });
    const angles = new Set<number>();
    for (let i = 0; i < STARTS.length / 2; i++) {
      angles.add(Math.round(Math.atan2(result.final[2 * i + 1], result.final[2 * i]) * 10));
    }
    expect(angles.size).toBeGreaterThan(4);
  });

  it('records the start, every k-th iterate and the final one', async () => {
    const result = await gradientDescentInference(conditionalEnergyAt(0), STARTS.slice(0, 4), {
      stepSize: 0.05,
      steps: 10,
      recordEvery: 3,
    });
    // Iterates 0, 3, 6, 9 and 10.
    for (const path of result.paths) expect(path).toHaveLength(10);
  });

  it('returns the starts when steps = 0', async () => {
    const starts = STARTS.slice(0, 6);
    const result = await gradientDescentInference(conditionalEnergyAt(0), starts, { stepSize: 0.05, steps: 0 });
    expect(result.final).toEqual(starts);
    expect(result.paths.map((p) => Array.from(p))).toEqual([[3, 0], [0, -3], [0.5, 0.5]]);
  });

  it('reports divergence instead of throwing, with finite path prefixes', async () => {
    const starts = Float32Array.from([3, 3, 1.9, 0.1]);
    const result = await gradientDescentInference(conditionalEnergyAt(0), starts, { stepSize: 10, steps: 50 });
    expect(result.diverged).toBe(true);
    expect(result.divergedStarts).toContain(0);
    for (const path of result.paths) {
      expect(path.length).toBeGreaterThanOrEqual(2);
      expect(path.every(Number.isFinite)).toBe(true);
    }
  });

  it('rejects invalid options', async () => {
    const energy = conditionalEnergyAt(0);
    await expect(gradientDescentInference(energy, Float32Array.from([1]), { stepSize: 0.1, steps: 1 })).rejects.toThrow(RangeError);
    await expect(gradientDescentInference(energy, STARTS, { stepSize: 0.1, steps: 1.5 })).rejects.toThrow(RangeError);
    await expect(gradientDescentInference(energy, STARTS, { stepSize: 0.1, steps: 1, recordEvery: 0 })).rejects.toThrow(RangeError);
  });

  it('leaks no tensors, also when it diverges or the energy throws', async () => {
    const before = tf.memory().numTensors;
    await gradientDescentInference(conditionalEnergyAt(0.2), STARTS, { stepSize: 0.05, steps: 200, recordEvery: 7 });
    await gradientDescentInference(conditionalEnergyAt(0), Float32Array.from([3, 3]), { stepSize: 10, steps: 30 });
    let calls = 0;
    const failing = (y: tf.Tensor2D): tf.Tensor1D => {
      if (++calls > 5) throw new Error('boom');
      return conditionalEnergy(0, y);
    };
    await expect(gradientDescentInference(failing, STARTS, { stepSize: 0.05, steps: 20 })).rejects.toThrow('boom');
    expect(tf.memory().numTensors).toBe(before);
  });
});
