import '@tensorflow/tfjs-backend-cpu';
import * as tf from '@tensorflow/tfjs-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import '@/lib/ml/gradients';
import {
  autoencoderGradients,
  autoencoderLoss,
  createAutoencoder,
  initialParameters,
  type Autoencoder,
  type AutoencoderParams,
} from '@/lib/ml/mnist/autoencoder';
import { dropout } from '@/lib/ml/mnist/corruption';
import { mulberry32 } from '@/lib/ml/random';
import { digitTensors, maxAbsDiff, paramsFromExport, randomMatrix, relativeError, trainInPieces } from './helpers';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const NAMES = ['w1', 'b1', 'w2', 'b2'] as const;

function paramTensors(inputSize: number, hidden: number, seed: number): AutoencoderParams {
  const p = initialParameters(inputSize, hidden, seed);
  return {
    w1: tf.tensor2d(p.w1, [inputSize, hidden]),
    b1: tf.tensor1d(p.b1),
    w2: tf.tensor2d(p.w2, [hidden, inputSize]),
    b2: tf.tensor1d(p.b2),
  };
}

async function expectGradientsMatchAutodiff(p: AutoencoderParams, input: tf.Tensor2D, target: tf.Tensor2D): Promise<void> {
  const hand = autoencoderGradients(p, input, target);
  const auto = tf.grads((w1: tf.Tensor, b1: tf.Tensor, w2: tf.Tensor, b2: tf.Tensor) =>
    autoencoderLoss({ w1: w1 as tf.Tensor2D, b1: b1 as tf.Tensor1D, w2: w2 as tf.Tensor2D, b2: b2 as tf.Tensor1D }, input, target),
  )([p.w1, p.b1, p.w2, p.b2]);
  for (const [i, name] of NAMES.entries()) {
    expect(hand[name].shape).toEqual(auto[i].shape);
    const err = relativeError(await hand[name].data(), await auto[i].data());
    expect(err, `${name}: relative error ${err}`).toBeLessThan(1e-4);
  }
  tf.dispose([...Object.values(hand), ...auto]);
}

async function lossOf(model: Autoencoder, steps = 1): Promise<number> {
  const loss = steps === 1 ? model.step() : model.trainSteps(steps);
  const [v] = await loss.data();
  loss.dispose();
  return v;
}

describe('hand-written gradients', () => {
  it('equal autodiff (tf.grads) on a small random example', async () => {
    const p = paramTensors(12, 5, 3);
    const input = randomMatrix(7, 12, 4);
    const target = randomMatrix(7, 12, 5);
    await expectGradientsMatchAutodiff(p, input, target);
    tf.dispose([...Object.values(p), input, target]);
  });

  it('equal autodiff on real digits, 784-30-784, with a corrupted input', async () => {
    const { xTrain, xTest } = digitTensors(32, 1);
    const p = paramTensors(784, 30, 8);
    const { corrupted, mask } = dropout(xTrain, 0.5, mulberry32(1));
    await expectGradientsMatchAutodiff(p, corrupted, xTrain);
    tf.dispose([...Object.values(p), xTrain, xTest, corrupted, mask!]);
  });
});

describe('createAutoencoder', () => {
  const { xTrain, xTest } = digitTensors(1000, 1000);
  afterAll(() => tf.dispose([xTrain, xTest]));

  it('has the documented shapes and ranges', async () => {
    const model = createAutoencoder({ hidden: 30, seed: 1 });
    expect([model.inputSize, model.hidden, model.batchSize, model.steps]).toEqual([784, 30, 256, 0]);
    const x = tf.slice(xTest, [0, 0], [5, 784]) as tf.Tensor2D;
    const h = model.encode(x);
    const y = model.decode(h);
    const r = model.reconstruct(x);
    expect(h.shape).toEqual([5, 30]);
    expect(y.shape).toEqual([5, 784]);
    expect(r.shape).toEqual([5, 784]);
    expect(maxAbsDiff(await r.data(), await y.data())).toBe(0);
    expect(Math.max(...(await tf.abs(h).data()))).toBeLessThan(1);

    const kernels = await model.encoderKernels();
    const weights = await model.exportWeights();
    expect(kernels.length).toBe(30 * 784);
    expect(weights['encoder.weight'].shape).toEqual([30, 784]);
    expect(maxAbsDiff(kernels, weights['encoder.weight'].data)).toBe(0);
    expect(weights['decoder.weight'].shape).toEqual([784, 30]);
    expect(weights['encoder.bias'].shape).toEqual([30]);
    expect(weights['decoder.bias'].shape).toEqual([784]);
    // PyTorch's nn.Linear initialisation bounds.
    expect(Math.max(...kernels.map(Math.abs))).toBeLessThanOrEqual(1 / 28);
    expect(Math.max(...weights['decoder.weight'].data.map(Math.abs))).toBeLessThanOrEqual(1 / Math.sqrt(30));
    tf.dispose([x, h, y, r]);
    model.dispose();
  });

  // Batch 32 rather than 64: the CPU backend's matMul makes each step cost ~25 ms even so.
  it('cuts the test MSE by more than half in 300 steps (1,000 digits, d = 30, batch 32)', async () => {
    const model = createAutoencoder({ hidden: 30, seed: 2, batchSize: 32 });
    model.setData(xTrain);
    const before = await model.testLoss(xTest);
    const loss = model.trainSteps(300);
    const [last] = await loss.data();
    loss.dispose();
    const after = await model.testLoss(xTest);
    console.log(`test MSE ${before.toFixed(4)} → ${after.toFixed(4)} (last training loss ${last.toFixed(4)})`);
    expect(model.steps).toBe(300);
    expect(before).toBeGreaterThan(0.3);
    expect(after).toBeLessThan(before / 2);
    model.dispose();
  });

  it('trains a denoiser: the loss on dropout-corrupted test digits falls', async () => {
    const model = createAutoencoder({ hidden: 30, seed: 3, batchSize: 32, corruption: { kind: 'dropout', p: 0.5 } });
    model.setData(xTrain);
    const { corrupted, mask } = dropout(xTest, 0.5, mulberry32(9));
    const before = await model.testLoss(xTest, corrupted);
    model.trainSteps(100).dispose();
    const after = await model.testLoss(xTest, corrupted);
    console.log(`denoising test MSE ${before.toFixed(4)} → ${after.toFixed(4)}`);
    expect(after).toBeLessThan(before / 2);
    tf.dispose([corrupted, mask!]);
    model.dispose();
  });

  it('takes the same steps as tf.train.adam with autodiff', async () => {
    const data = randomMatrix(8, 20, 6);
    const model = createAutoencoder({ inputSize: 20, hidden: 6, seed: 4, batchSize: 8, learningRate: 0.01 });
    // With the whole set in every batch, only the order of the rows differs from the reference.
    model.setData(data);
    const ref = paramsFromExport(await model.exportWeights());
    const vars = NAMES.map((n) => tf.variable(ref[n]));
    const opt = tf.train.adam(0.01, 0.9, 0.999, 1e-8);
    for (let i = 0; i < 5; i++) {
      model.step().dispose();
      opt.minimize(() => autoencoderLoss({ w1: vars[0], b1: vars[1], w2: vars[2], b2: vars[3] } as AutoencoderParams, data, data), false, vars);
    }
    const mine = paramsFromExport(await model.exportWeights());
    for (const [i, name] of NAMES.entries()) {
      const a = await mine[name].data();
      const b = await vars[i].data();
      const start = await ref[name].data();
      expect(maxAbsDiff(a, b), name).toBeLessThan(2e-6);
      // …and the weights did move (by up to 5 steps of 0.01).
      expect(maxAbsDiff(a, start)).toBeGreaterThan(0.02);
    }
    tf.dispose([...Object.values(ref), ...Object.values(mine), ...vars, data]);
    opt.dispose();
    model.dispose();
  });

  it('repeats a seeded run exactly, and trainSteps(n) equals n steps', async () => {
    const run = async (seed: number, useTrainSteps: boolean) => {
      const model = createAutoencoder({ hidden: 16, seed, batchSize: 32, corruption: { kind: 'saltPepper', fraction: 0.2 } });
      model.setData(xTrain);
      const losses: number[] = [];
      if (useTrainSteps) losses.push(await lossOf(model, 12));
      else for (let i = 0; i < 12; i++) losses.push(await lossOf(model));
      const weights = await model.exportWeights({ optimizer: true });
      model.dispose();
      return { last: losses[losses.length - 1], losses, weights };
    };
    const a = await run(11, false);
    const b = await run(11, false);
    const c = await run(11, true);
    const d = await run(12, false);
    expect(b.losses).toEqual(a.losses);
    expect(c.last).toBe(a.last);
    for (const key of Object.keys(a.weights)) {
      expect(maxAbsDiff(b.weights[key].data, a.weights[key].data), key).toBe(0);
      expect(maxAbsDiff(c.weights[key].data, a.weights[key].data), key).toBe(0);
    }
    expect(d.losses).not.toEqual(a.losses);
  });

  it('a step cut into phases, in one piece, is bit for bit the whole step', async () => {
    const run = async (parts: number | 'whole', corruption: 'none' | 'dropout') => {
      const model = createAutoencoder({ hidden: 12, seed: 21, batchSize: 30, corruption: corruption === 'none' ? { kind: 'none' } : { kind: 'dropout', p: 0.5 } });
      model.setData(xTrain);
      return trainInPieces(model, 6, parts);
    };
    for (const corruption of ['none', 'dropout'] as const) {
      const whole = await run('whole', corruption);
      const phased = await run(1, corruption);
      expect(phased.counts.every((c) => c === 6)).toBe(true);
      expect(phased.losses).toEqual(whole.losses);
      for (const key of Object.keys(whole.weights)) expect(maxAbsDiff(phased.weights[key].data, whole.weights[key].data), key).toBe(0);
      // The loss computed only when read (here every third step's) is the same number.
      const model = createAutoencoder({ hidden: 12, seed: 21, batchSize: 30, corruption: corruption === 'none' ? { kind: 'none' } : { kind: 'dropout', p: 0.5 } });
      model.setData(xTrain);
      const deferred = await trainInPieces(model, 6, 1, { deferLoss: true, readEvery: 3 });
      expect(deferred.losses).toEqual(whole.losses.map((loss, i) => ((i + 1) % 3 === 0 ? loss : NaN)));
      for (const key of Object.keys(whole.weights)) expect(maxAbsDiff(deferred.weights[key].data, whole.weights[key].data), key).toBe(0);
    }
  });

  it('a step cut into pieces equals the whole step (up to summation order) and repeats exactly', async () => {
    const run = async (parts: number | 'whole') => {
      const model = createAutoencoder({ hidden: 12, seed: 21, batchSize: 30, corruption: { kind: 'dropout', p: 0.5 } });
      model.setData(xTrain);
      const out = await trainInPieces(model, 6, parts);
      expect(out.steps).toBe(6);
      // Five phases per piece (its products), then Adam's update.
      expect(out.counts.every((c) => c === (parts === 'whole' ? 1 : 5 * parts + 1))).toBe(true);
      return out;
    };
    const whole = await run('whole');
    const four = await run(4);
    const seven = await run(7);
    for (const other of [four, seven]) {
      for (let i = 0; i < whole.losses.length; i++) expect(Math.abs(other.losses[i] - whole.losses[i])).toBeLessThan(2e-5 * whole.losses[i]);
      for (const key of Object.keys(whole.weights)) expect(maxAbsDiff(other.weights[key].data, whole.weights[key].data), key).toBeLessThan(1e-5);
    }
    const again = await run(4);
    expect(again.losses).toEqual(four.losses);
    // Several pieces with a deferred loss: the loss is computed with the step, the same number.
    const model = createAutoencoder({ hidden: 12, seed: 21, batchSize: 30, corruption: { kind: 'dropout', p: 0.5 } });
    model.setData(xTrain);
    const deferred = await trainInPieces(model, 6, 4, { deferLoss: true });
    expect(deferred.losses).toEqual(four.losses);
    for (const key of Object.keys(four.weights)) expect(maxAbsDiff(again.weights[key].data, four.weights[key].data), key).toBe(0);
  });

  it('an abandoned piecewise step frees its tensors and changes nothing', async () => {
    const start = tf.memory().numTensors;
    const model = createAutoencoder({ hidden: 8, seed: 3, batchSize: 32 });
    model.setData(xTrain);
    model.step().dispose();
    const before = await model.exportWeights({ optimizer: true });
    const count = tf.memory().numTensors;
    const it = model.stepInParts(4);
    it.next();
    it.next();
    expect(tf.memory().numTensors).toBeGreaterThan(count);
    it.return(undefined as never);
    expect(tf.memory().numTensors).toBe(count);
    expect(model.steps).toBe(1);
    const after = await model.exportWeights({ optimizer: true });
    for (const key of Object.keys(before)) expect(maxAbsDiff(after[key].data, before[key].data), key).toBe(0);
    // Disposed between pieces: the next piece fails clearly and still frees what it held.
    const pending = model.stepInParts(2);
    pending.next();
    model.dispose();
    expect(() => pending.next()).toThrow(/disposed/);
    expect(tf.memory().numTensors).toBe(start);
    expect(() => createAutoencoder({ hidden: 4, seed: 1, batchSize: 8 }).stepInParts(9)).toThrow(/parts must be an integer in \[1, 8\]/);
  });

  it('restores exported weights and optimizer state', async () => {
    const a = createAutoencoder({ hidden: 10, seed: 5, batchSize: 32 });
    a.setData(xTrain);
    a.trainSteps(5).dispose();
    const saved = await a.exportWeights({ optimizer: true });
    expect(saved['adam.step'].data[0]).toBe(5);

    const b = createAutoencoder({ hidden: 10, seed: 99, batchSize: 32 });
    b.importWeights(saved);
    expect(b.steps).toBe(5);
    const again = await b.exportWeights({ optimizer: true });
    for (const key of Object.keys(saved)) expect(maxAbsDiff(again[key].data, saved[key].data), key).toBe(0);
    const x = tf.slice(xTest, [0, 0], [4, 784]) as tf.Tensor2D;
    const ra = a.reconstruct(x);
    const rb = b.reconstruct(x);
    expect(maxAbsDiff(await ra.data(), await rb.data())).toBe(0);

    // Weights alone restart Adam; a bad map is rejected and leaves the model as it was.
    b.importWeights(await a.exportWeights());
    expect(b.steps).toBe(0);
    const bad = { ...saved, 'decoder.bias': { shape: [783], data: new Float32Array(783) } };
    expect(() => b.importWeights(bad)).toThrow(/decoder.bias has shape \[783\], expected \[784\]/);
    const { 'encoder.bias': _dropped, ...missing } = saved;
    expect(() => b.importWeights(missing)).toThrow(/lack encoder.bias/);
    const rb2 = b.reconstruct(x);
    expect(maxAbsDiff(await rb2.data(), await ra.data())).toBe(0);
    tf.dispose([x, ra, rb, rb2]);
    a.dispose();
    b.dispose();
  });

  it('leaks no tensor: same count after 100 and 1,000 steps, back to the start after dispose', async () => {
    // Small sizes keep 1,000 CPU steps quick; the ops are the same as at full size.
    const data = randomMatrix(100, 64, 10);
    const start = tf.memory().numTensors;
    const model = createAutoencoder({ inputSize: 64, hidden: 8, seed: 6, batchSize: 16, corruption: { kind: 'dropout', p: 0.5 } });
    model.setData(data);
    for (let i = 0; i < 100; i++) model.step().dispose();
    const after100 = tf.memory().numTensors;
    for (let i = 0; i < 900; i++) model.step().dispose();
    expect(tf.memory().numTensors).toBe(after100);
    model.trainSteps(10).dispose();
    model.setCorruption({ kind: 'gaussian', sigma: 0.3 });
    model.trainSteps(10).dispose();
    model.setCorruption({ kind: 'saltPepper', fraction: 0.1 });
    model.trainSteps(10).dispose();
    await model.testLoss(data);
    await model.encoderKernels();
    await model.exportWeights({ optimizer: true });
    model.importWeights(await model.exportWeights());
    tf.dispose([model.reconstruct(data), model.encode(data)]);
    expect(tf.memory().numTensors).toBe(after100);
    model.dispose();
    expect(tf.memory().numTensors).toBe(start);
    data.dispose();
  });

  it('rejects misuse clearly', () => {
    expect(() => createAutoencoder({ hidden: 0, seed: 1 })).toThrow(/hidden must be an integer ≥ 1/);
    expect(() => createAutoencoder({ hidden: 4, seed: 1, corruption: { kind: 'dropout', p: 1 } })).toThrow(/dropout p must be in \[0, 1\)/);
    const model = createAutoencoder({ hidden: 4, seed: 1 });
    expect(() => model.step()).toThrow(/call setData/);
    const wrong = tf.zeros([3, 10]) as tf.Tensor2D;
    expect(() => model.setData(wrong)).toThrow(/xTrain must be \[N, 784\], got \[3,10\]/);
    expect(() => model.trainSteps(0)).toThrow(/n must be an integer ≥ 1/);
    model.dispose();
    expect(() => model.encode(xTest)).toThrow(/disposed/);
    wrong.dispose();
  });
});
