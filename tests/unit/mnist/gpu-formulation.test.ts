/**
 * The GPU formulation of the autoencoder's step (matMul transpose flags, gather, tanh as a
 * sigmoid on WebGL, squares as products) and the wasm one (materialised transposes, gatherND,
 * tanh as a sigmoid) compute the same maths: both are run here on the CPU backend, by policy,
 * against each other, against autodiff and against a plain float64 calculation.
 */
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import '@/lib/ml/gradients';
import { Adam } from '@/lib/ml/mnist/adam';
import { autoencoderGradients, autoencoderLoss, forwardPass, freshScalars, initialParameters, policyFor, type AutoencoderParams, type KernelPolicy } from '@/lib/ml/mnist/model-maths';
import { gatherRows } from '@/lib/ml/mnist/minibatch';
import { randomMatrix, relativeError } from './helpers';

const NAMES = ['w1', 'b1', 'w2', 'b2'] as const;
const N = 10;
const D = 4;
const B = 6;
const POLICIES: [string, KernelPolicy][] = [
  ['wasm', policyFor('wasm')],
  ['webgl', policyFor('webgl')],
  ['webgpu', policyFor('webgpu')],
  ['cpu', policyFor('cpu')],
];

beforeAll(async () => {
  await tf.setBackend('cpu');
});

let init: ReturnType<typeof initialParameters>;
let p: AutoencoderParams;
let input: tf.Tensor2D;
let target: tf.Tensor2D;

beforeAll(() => {
  init = initialParameters(N, D, 11);
  p = { w1: tf.tensor2d(init.w1, [N, D]), b1: tf.tensor1d(init.b1), w2: tf.tensor2d(init.w2, [D, N]), b2: tf.tensor1d(init.b2) };
  input = randomMatrix(B, N, 12);
  target = randomMatrix(B, N, 13);
});

afterAll(() => {
  tf.dispose([...Object.values(p), input, target]);
});

/** The loss and its gradients in float64, loop by loop, from the definitions alone. */
function reference(x: Float32Array, t: Float32Array): { loss: number; grads: Record<(typeof NAMES)[number], Float64Array> } {
  const h = new Float64Array(B * D);
  const y = new Float64Array(B * N);
  for (let r = 0; r < B; r++) {
    for (let j = 0; j < D; j++) {
      let z = init.b1[j];
      for (let i = 0; i < N; i++) z += x[r * N + i] * init.w1[i * D + j];
      h[r * D + j] = Math.tanh(z);
    }
    for (let i = 0; i < N; i++) {
      let z = init.b2[i];
      for (let j = 0; j < D; j++) z += h[r * D + j] * init.w2[j * N + i];
      y[r * N + i] = Math.tanh(z);
    }
  }
  let loss = 0;
  const grads = { w1: new Float64Array(N * D), b1: new Float64Array(D), w2: new Float64Array(D * N), b2: new Float64Array(N) };
  const scale = 2 / (B * N);
  for (let r = 0; r < B; r++) {
    const d2 = new Float64Array(N);
    for (let i = 0; i < N; i++) {
      const e = y[r * N + i] - t[r * N + i];
      loss += e * e;
      d2[i] = scale * e * (1 - y[r * N + i] ** 2);
      grads.b2[i] += d2[i];
      for (let j = 0; j < D; j++) grads.w2[j * N + i] += h[r * D + j] * d2[i];
    }
    for (let j = 0; j < D; j++) {
      let back = 0;
      for (let i = 0; i < N; i++) back += d2[i] * init.w2[j * N + i];
      const d1 = back * (1 - h[r * D + j] ** 2);
      grads.b1[j] += d1;
      for (let i = 0; i < N; i++) grads.w1[i * D + j] += x[r * N + i] * d1;
    }
  }
  return { loss: loss / (B * N), grads };
}

describe('Adam with moments in the unscaled gradient\'s units', () => {
  it('moves the parameters and holds the moments of tf.train.adam (PyTorch\'s units)', async () => {
    const shapes = { w1: [N, D], b1: [D], w2: [D, N], b2: [N] };
    const scale = 0.05;
    const ours = new Adam(shapes, { beta1: 0.9, beta2: 0.999, epsilon: 1e-8, gradScale: scale });
    const mine = Object.fromEntries(NAMES.map((n) => [n, tf.variable(tf.clone(p[n]), true, `ours-${n}`)])) as Record<(typeof NAMES)[number], tf.Variable>;
    const theirs = Object.fromEntries(NAMES.map((n) => [n, tf.variable(tf.clone(p[n]), true, `ref-${n}`)])) as Record<(typeof NAMES)[number], tf.Variable>;
    const reference = tf.train.adam(1e-2, 0.9, 0.999, 1e-8);
    for (let t = 1; t <= 4; t++) {
      tf.tidy(() => {
        const grads = autoencoderGradients(mine as unknown as AutoencoderParams, input, target, policyFor('webgl'));
        // Unscaled gradients for ours, the true ones for the reference.
        ours.apply(mine, grads, t, 1e-2, policyFor('webgl'));
        const g2 = autoencoderGradients(theirs as unknown as AutoencoderParams, input, target, policyFor('webgl'));
        reference.applyGradients(Object.fromEntries(NAMES.map((n) => [`ref-${n}`, tf.mul(g2[n], scale)])));
      });
    }
    const [m, v] = ours.moments();
    const refWeights = await reference.getWeights();
    const refTensor = (name: string) => refWeights.find((w) => w.name === name)!.tensor;
    for (const n of NAMES) {
      expect(relativeError(await mine[n].data(), await theirs[n].data()), `${n}`).toBeLessThan(1e-5);
      expect(relativeError(await m[n].data(), await refTensor(`ref-${n}/m`).data()), `${n} m`).toBeLessThan(1e-5);
      expect(relativeError(await v[n].data(), await refTensor(`ref-${n}/v`).data()), `${n} v`).toBeLessThan(1e-5);
    }
    tf.dispose([...Object.values(m), ...Object.values(v), ...Object.values(mine), ...Object.values(theirs)]);
    reference.dispose();
    ours.dispose();
  });
});

describe('GPU and wasm formulations of the autoencoder step', () => {
  it('differ where the backends want different kernels', () => {
    const wasm = policyFor('wasm');
    const webgl = policyFor('webgl');
    expect(wasm.explicitTranspose && wasm.gatherRowsNd && !wasm.squareAsProduct).toBe(true);
    expect(!webgl.explicitTranspose && !webgl.gatherRowsNd && webgl.squareAsProduct && webgl.tanhViaSigmoid).toBe(true);
    expect(policyFor('webgpu').tanhViaSigmoid).toBe(false);
  });

  it('give the same loss and gradients as each other, autodiff and a float64 calculation', async () => {
    const ref = reference(await input.data() as Float32Array, await target.data() as Float32Array);
    const auto = tf.grads((w1: tf.Tensor, b1: tf.Tensor, w2: tf.Tensor, b2: tf.Tensor) =>
      autoencoderLoss({ w1: w1 as tf.Tensor2D, b1: b1 as tf.Tensor1D, w2: w2 as tf.Tensor2D, b2: b2 as tf.Tensor1D }, input, target),
    )([p.w1, p.b1, p.w2, p.b2]);
    const byPolicy: Record<string, Float32Array>[] = [];
    for (const [name, policy] of POLICIES) {
      const { y } = tf.tidy(() => forwardPass(p, input, policy, freshScalars()));
      const loss = tf.tidy(() => tf.mean(tf.square(tf.sub(y, target))));
      expect(Math.abs((await loss.data())[0] - ref.loss), `${name} loss`).toBeLessThan(1e-6);
      tf.dispose([y, loss]);
      const grads = autoencoderGradients(p, input, target, policy);
      const values: Record<string, Float32Array> = {};
      for (const [i, param] of NAMES.entries()) {
        values[param] = (await grads[param].data()) as Float32Array;
        expect(relativeError(values[param], ref.grads[param]), `${name} ${param} vs float64`).toBeLessThan(1e-5);
        expect(relativeError(values[param], await auto[i].data()), `${name} ${param} vs autodiff`).toBeLessThan(1e-5);
      }
      byPolicy.push(values);
      tf.dispose(Object.values(grads));
    }
    for (const values of byPolicy.slice(1)) {
      for (const param of NAMES) expect(relativeError(values[param], byPolicy[0][param])).toBeLessThan(1e-6);
    }
    tf.dispose(auto);
  });

  it('draw the same minibatch rows (gather and gatherND)', async () => {
    const indices = Int32Array.from([5, 0, 3, 3]);
    const a = gatherRows(input, indices, policyFor('wasm'));
    const b = gatherRows(input, indices, policyFor('webgl'));
    expect(Array.from(await a.data())).toEqual(Array.from(await b.data()));
    tf.dispose([a, b]);
  });

  it('make the same Adam update', async () => {
    const shapes = { w1: [N, D], b1: [D], w2: [D, N], b2: [N] };
    const results: Float32Array[][] = [];
    for (const policy of [policyFor('wasm'), policyFor('webgl')]) {
      const adam = new Adam(shapes, { beta1: 0.9, beta2: 0.999, epsilon: 1e-8, gradScale: 0.5 });
      const params = Object.fromEntries(NAMES.map((n) => [n, tf.variable(tf.clone(p[n]))])) as Record<(typeof NAMES)[number], tf.Variable>;
      for (let t = 1; t <= 3; t++) {
        tf.tidy(() => {
          const grads = autoencoderGradients(params as unknown as AutoencoderParams, input, target, policy);
          adam.apply(params, grads, t, 1e-2, policy);
        });
      }
      results.push(await Promise.all(NAMES.map(async (n) => (await params[n].data()) as Float32Array)));
      adam.dispose();
      tf.dispose(Object.values(params));
    }
    for (const [i, name] of NAMES.entries()) expect(relativeError(results[1][i], results[0][i]), name).toBeLessThan(1e-6);
  });
});
