import '@tensorflow/tfjs-backend-cpu';
import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { createMlp, glorotUniform, type Activation } from '@/lib/ml/part-b/mlp';
import { mulberry32 } from '@/lib/ml/random';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe('createMlp', () => {
  it('is seeded, Glorot-uniform with zero biases, and frees its variables on dispose', async () => {
    const start = tf.memory().numTensors;
    const a = createMlp({ sizes: [2, 16, 3], hidden: 'tanh', seed: 5 });
    const b = createMlp({ sizes: [2, 16, 3], hidden: 'tanh', seed: 5 });
    const c = createMlp({ sizes: [2, 16, 3], hidden: 'tanh', seed: 6 });
    expect(a.variables.map((v) => v.shape)).toEqual([[2, 16], [1, 16], [16, 3], [1, 3]]);
    const [wa, ba, wb, wc] = await Promise.all([a.variables[0].data(), a.variables[1].data(), b.variables[0].data(), c.variables[0].data()]);
    expect(wb).toEqual(wa);
    expect(wc).not.toEqual(wa);
    const limit = Math.sqrt(6 / 18);
    for (const v of wa) expect(Math.abs(v)).toBeLessThanOrEqual(limit);
    expect(Math.max(...Array.from(wa, Math.abs))).toBeGreaterThan(0.5 * limit);
    expect(Array.from(ba).every((v) => v === 0)).toBe(true);
    for (const m of [a, b, c]) m.dispose();
    expect(tf.memory().numTensors).toBe(start);
    expect(() => a.apply(tf.zeros([1, 2]) as tf.Tensor2D)).toThrow();
  });

  it('computes the layers with the chosen activations', async () => {
    for (const hidden of ['linear', 'tanh', 'relu', 'softplus', 'swish'] as Activation[]) {
      const mlp = createMlp({ sizes: [2, 4, 1], hidden, output: 'tanh', seed: 1 });
      const x = [0.3, -1.2];
      const [w0, b0, w1, b1] = await Promise.all(mlp.variables.map((v) => v.data()));
      const f = (v: number) =>
        ({ linear: v, tanh: Math.tanh(v), relu: Math.max(0, v), softplus: Math.log1p(Math.exp(v)), swish: v / (1 + Math.exp(-v)) })[hidden];
      let out = b1[0];
      for (let j = 0; j < 4; j++) out += f(x[0] * w0[j] + x[1] * w0[4 + j] + b0[j]) * w1[j];
      const y = tf.tidy(() => mlp.apply(tf.tensor2d([x])));
      expect((await y.data())[0]).toBeCloseTo(Math.tanh(out), 5);
      y.dispose();
      mlp.dispose();
    }
  });

  it('rejects bad sizes and activations', () => {
    expect(() => createMlp({ sizes: [2], hidden: 'tanh', seed: 1 })).toThrow(RangeError);
    expect(() => createMlp({ sizes: [2, 0, 1], hidden: 'tanh', seed: 1 })).toThrow(RangeError);
    expect(() => createMlp({ sizes: [2, 3, 1], hidden: 'gelu' as Activation, seed: 1 })).toThrow(RangeError);
  });

  it('glorotUniform draws from its generator in order', () => {
    expect(glorotUniform(3, 4, mulberry32(1))).toEqual(glorotUniform(3, 4, mulberry32(1)));
  });
});
