import '@tensorflow/tfjs-backend-cpu';
import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { ellipseData } from '@/lib/ml/ellipse';
import {
  createEllipseTrainer,
  ellipseInitialWeights,
  type EllipseTrainer,
  type EllipseTrainerOptions,
} from '@/lib/ml/ellipse-trainer';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

async function train(trainer: EllipseTrainer, steps: number): Promise<number[]> {
  const losses: number[] = [];
  for (let i = 0; i < steps; i++) {
    const loss = trainer.step();
    losses.push((await loss.data())[0]);
    loss.dispose();
  }
  return losses;
}

function runSteps(trainer: EllipseTrainer, steps: number): void {
  for (let i = 0; i < steps; i++) trainer.step().dispose();
}

const TRUE_AXES = [2, 1.5];
const data = ellipseData({ n: 24, x: 0, noise: 0, seed: 1 });

describe('ellipseInitialWeights', () => {
  it('is seeded and lies in [0.5, 3]', () => {
    for (let seed = 0; seed < 50; seed++) {
      const w = ellipseInitialWeights(seed);
      expect(ellipseInitialWeights(seed)).toEqual(w);
      for (const v of w) {
        expect(v).toBeGreaterThanOrEqual(0.5);
        expect(v).toBeLessThanOrEqual(3);
      }
    }
  });
});

describe('energy-loss training recovers the semi-axes within 5 %', () => {
  const configs: Array<{ name: string; options: Pick<EllipseTrainerOptions, 'learningRate' | 'optimizer' | 'beta'> }> = [
    { name: 'F_∞, Adam', options: { learningRate: 0.05, optimizer: 'adam' } },
    { name: 'F_∞, SGD', options: { learningRate: 0.1, optimizer: 'sgd' } },
    { name: 'F_β (β = 50), Adam', options: { learningRate: 0.05, optimizer: 'adam', beta: 50 } },
  ];
  for (const { name, options } of configs) {
    it(name, async () => {
      for (const seed of [1, 4, 5]) {
        const trainer = createEllipseTrainer({ data, w0: ellipseInitialWeights(seed), ...options });
        const losses = await train(trainer, 150);
        const w = await trainer.weights();
        trainer.dispose();
        expect(losses[losses.length - 1]).toBeLessThan(losses[0]);
        for (let c = 0; c < 2; c++) expect(Math.abs(w[c] - TRUE_AXES[c]) / TRUE_AXES[c]).toBeLessThan(0.05);
      }
    });
  }
});

describe('reproducibility', () => {
  it('same seed gives identical data, losses and weights', async () => {
    const run = async (seed: number) => {
      const d = ellipseData({ n: 24, x: 0, noise: 0.05, seed });
      const trainer = createEllipseTrainer({ data: d, w0: ellipseInitialWeights(seed), learningRate: 0.05 });
      const losses = await train(trainer, 50);
      const w = await trainer.weights();
      trainer.dispose();
      return { d, losses, w };
    };
    const a = await run(17);
    const b = await run(17);
    expect(b.d).toEqual(a.d);
    expect(b.losses).toEqual(a.losses);
    expect(b.w).toEqual(a.w);
    const c = await run(18);
    expect(c.w).not.toEqual(a.w);
  });
});

describe('tensor memory', () => {
  // Both optimizers and both losses are covered: Adam creates its slots lazily and the
  // soft-min builds a different graph from the hard minimum.
  const cases = [
    { optimizer: 'adam', beta: undefined },
    { optimizer: 'sgd', beta: 10 },
  ] as const;
  for (const { optimizer, beta } of cases) {
    it(`is constant over steps and restored by dispose (${optimizer}, β = ${beta ?? '∞'})`, () => {
      const before = tf.memory().numTensors;
      const trainer = createEllipseTrainer({ data, w0: [1, 2.5], learningRate: 0.05, optimizer, beta });
      runSteps(trainer, 100);
      const after100 = tf.memory().numTensors;
      runSteps(trainer, 900);
      expect(tf.memory().numTensors).toBe(after100);
      trainer.dispose();
      expect(tf.memory().numTensors).toBe(before);
    });
  }

  it('returns a loss the caller owns', async () => {
    const trainer = createEllipseTrainer({ data, w0: [1, 1], learningRate: 0.05 });
    const loss = trainer.step();
    expect(loss.rank).toBe(0);
    expect(loss.isDisposed).toBe(false);
    expect(Number.isFinite((await loss.data())[0])).toBe(true);
    loss.dispose();
    trainer.dispose();
    expect(() => trainer.step()).toThrow();
  });
});

describe('validation', () => {
  it('rejects bad options', () => {
    expect(() => createEllipseTrainer({ data: new Float32Array(3), w0: [1, 1], learningRate: 0.1 })).toThrow(RangeError);
    expect(() => createEllipseTrainer({ data, w0: [1, 1], learningRate: 0 })).toThrow(RangeError);
    expect(() => createEllipseTrainer({ data, w0: [1, 1], learningRate: 0.1, beta: -1 })).toThrow(RangeError);
    expect(() => createEllipseTrainer({ data, w0: [Number.NaN, 1], learningRate: 0.1 })).toThrow(RangeError);
  });
});
