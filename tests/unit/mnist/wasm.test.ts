/**
 * The browser trains on the wasm backend, where the model takes different kernels (explicit
 * transposes, gatherND, tanh via sigmoid). These checks run that path in Node.
 */
import '@tensorflow/tfjs-backend-cpu';
import '@tensorflow/tfjs-backend-wasm';
import * as tf from '@tensorflow/tfjs-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import '@/lib/ml/gradients';
import { autoencoderGradients, autoencoderLoss, createAutoencoder, disposeParams, initialParameters } from '@/lib/ml/mnist/autoencoder';
import { evaluateReconstruction } from '@/lib/ml/mnist/evaluate';
import { digitTensors, maxAbsDiff, relativeError, trainInPieces } from './helpers';

beforeAll(async () => {
  expect(await tf.setBackend('wasm')).toBe(true);
});

afterAll(async () => {
  await tf.setBackend('cpu');
});

describe('on the wasm backend', () => {
  it('the hand-written gradients equal autodiff', async () => {
    const { xTrain, xTest } = digitTensors(16, 16);
    const init = initialParameters(784, 20, 5);
    const p = {
      w1: tf.tensor2d(init.w1, [784, 20]),
      b1: tf.tensor1d(init.b1),
      w2: tf.tensor2d(init.w2, [20, 784]),
      b2: tf.tensor1d(init.b2),
    };
    const hand = autoencoderGradients(p, xTest, xTrain);
    const auto = tf.grads((w1: tf.Tensor, b1: tf.Tensor, w2: tf.Tensor, b2: tf.Tensor) =>
      autoencoderLoss({ w1: w1 as tf.Tensor2D, b1: b1 as tf.Tensor1D, w2: w2 as tf.Tensor2D, b2: b2 as tf.Tensor1D }, xTest, xTrain),
    )([p.w1, p.b1, p.w2, p.b2]);
    for (const [i, name] of (['w1', 'b1', 'w2', 'b2'] as const).entries()) {
      const err = relativeError(await hand[name].data(), await auto[i].data());
      expect(err, `${name}: relative error ${err}`).toBeLessThan(1e-4);
    }
    tf.dispose([...Object.values(hand), ...auto, ...Object.values(p), xTrain, xTest]);
  });

  it('training halves the test MSE and leaks nothing', async () => {
    const { xTrain, xTest } = digitTensors(1000, 500);
    const start = tf.memory().numTensors;
    const model = createAutoencoder({ hidden: 30, seed: 2, batchSize: 64, corruption: { kind: 'dropout', p: 0.5 } });
    model.setData(xTrain);
    const before = await model.testLoss(xTest);
    model.trainSteps(10).dispose();
    const afterTen = tf.memory().numTensors;
    model.trainSteps(290).dispose();
    expect(tf.memory().numTensors).toBe(afterTen);
    const after = await model.testLoss(xTest);
    expect(after).toBeLessThan(before / 2);
    model.dispose();
    expect(tf.memory().numTensors).toBe(start);
    tf.dispose([xTrain, xTest]);
  });

  it('a step cut into phases (as the page runs it) equals the whole step, bit for bit in one piece', async () => {
    const { xTrain, xTest } = digitTensors(300, 1);
    const run = async (pieces: number | 'whole') => {
      const model = createAutoencoder({ hidden: 24, seed: 9, batchSize: 64, corruption: { kind: 'gaussian', sigma: 0.3 } });
      model.setData(xTrain);
      return trainInPieces(model, 5, pieces);
    };
    const run2 = async (pieces: number, options: { deferLoss: boolean; readEvery?: number }) => {
      const model = createAutoencoder({ hidden: 24, seed: 9, batchSize: 64, corruption: { kind: 'gaussian', sigma: 0.3 } });
      model.setData(xTrain);
      return trainInPieces(model, 5, pieces, options);
    };
    const start = tf.memory().numTensors;
    const whole = await run('whole');
    const pieces = await run(4);
    // In one piece, the phases are the whole step's kernels: the same numbers, bit for bit.
    const phased = await run(1);
    expect(tf.memory().numTensors).toBe(start);
    expect(phased.losses).toEqual(whole.losses);
    for (const key of Object.keys(whole.weights)) expect(maxAbsDiff(phased.weights[key].data, whole.weights[key].data), key).toBe(0);
    for (let i = 0; i < whole.losses.length; i++) expect(Math.abs(pieces.losses[i] - whole.losses[i])).toBeLessThan(2e-5 * whole.losses[i]);
    for (const key of Object.keys(whole.weights)) expect(maxAbsDiff(pieces.weights[key].data, whole.weights[key].data), key).toBeLessThan(1e-5);
    // A loss computed only when read is the same number; unread ones cost nothing and leak nothing.
    const deferred = await run2(1, { deferLoss: true });
    const sparse = await run2(1, { deferLoss: true, readEvery: 2 });
    expect(tf.memory().numTensors).toBe(start);
    expect(deferred.losses).toEqual(whole.losses);
    expect(sparse.losses).toEqual(whole.losses.map((loss, i) => ((i + 1) % 2 === 0 ? loss : NaN)));
    for (const other of [deferred, sparse]) for (const key of Object.keys(whole.weights)) expect(maxAbsDiff(other.weights[key].data, whole.weights[key].data), key).toBe(0);
    tf.dispose([xTrain, xTest]);
  });

  it('a chunked test evaluation (rows gathered chunk by chunk) equals the one-pass test loss', async () => {
    const { xTrain, xTest } = digitTensors(128, 45);
    const model = createAutoencoder({ hidden: 12, seed: 4, batchSize: 32 });
    model.setData(xTrain);
    model.trainSteps(3).dispose();
    const snapshot = model.snapshot();
    const start = tf.memory().numTensors;
    const expected = await model.testLoss(xTest);
    const got = await evaluateReconstruction(snapshot, xTest, xTest, { chunkRows: 7, pause: () => Promise.resolve() });
    expect(tf.memory().numTensors).toBe(start);
    expect(Math.abs(got.mse - expected) / expected).toBeLessThan(1e-4);
    disposeParams(snapshot);
    model.dispose();
    tf.dispose([xTrain, xTest]);
  });
});
