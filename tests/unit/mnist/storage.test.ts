import '@tensorflow/tfjs-backend-cpu';
import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import '@/lib/ml/gradients';
import { createAutoencoder } from '@/lib/ml/mnist/autoencoder';
import { MODEL_RECORD_FORMAT, ModelRecordError, fromStoredModel, storedModelConfig, toStoredModel, type ModelConfig } from '@/lib/storage/model-record';
import { randomMatrix } from './helpers';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const config: ModelConfig = { demo: 'autoencoder', hidden: 5, seed: 3, steps: 4, batchSize: 8, learningRate: 1e-3, extra: { corruption: 'dropout', p: 0.5 } };

async function trainedModel() {
  const x = randomMatrix(32, 12, 1);
  const model = createAutoencoder({ inputSize: 12, hidden: 5, seed: 3, batchSize: 8 });
  model.setData(x);
  model.trainSteps(4).dispose();
  return { model, x };
}

describe('stored model records', () => {
  it('round-trip the weights, Adam state and configuration, and a restored model continues identically', async () => {
    const { model, x } = await trainedModel();
    const weights = await model.exportWeights({ optimizer: true });
    // Through structuredClone, as IndexedDB stores it.
    const stored = structuredClone(toStoredModel(config, weights, new Date('2025-01-02T03:04:05Z')));
    expect(stored.format).toBe(MODEL_RECORD_FORMAT);
    expect(stored.savedAt).toBe('2025-01-02T03:04:05.000Z');
    const back = fromStoredModel(stored);
    expect(back.config).toEqual(config);
    expect(Object.keys(back.weights).sort()).toEqual(Object.keys(weights).sort());
    for (const [name, entry] of Object.entries(weights)) {
      expect(back.weights[name].shape).toEqual(entry.shape);
      expect(Array.from(back.weights[name].data)).toEqual(Array.from(entry.data));
    }

    const restored = createAutoencoder({ inputSize: 12, hidden: 5, seed: 99, batchSize: 8 });
    restored.setData(x);
    restored.importWeights(back.weights);
    expect(restored.steps).toBe(4);
    const [a, b] = [model.reconstruct(x), restored.reconstruct(x)];
    expect(Array.from(await b.data())).toEqual(Array.from(await a.data()));
    tf.dispose([a, b]);
    model.dispose();
    restored.dispose();
    x.dispose();
  });

  it('copies the data into buffers of their own', async () => {
    const big = new Float32Array(10);
    const view = big.subarray(2, 6);
    const stored = toStoredModel(config, { w: { shape: [4], data: view } });
    expect(stored.tensors[0].data.byteLength).toBe(16);
  });

  it('reads a record saved before the format was renamed', () => {
    const good = toStoredModel(config, { w: { shape: [2, 2], data: Float32Array.of(1, 2, 3, 4) } });
    const old = structuredClone({ ...good, format: 'week07-autoencoder' });
    expect(fromStoredModel(old).config).toEqual(config);
    expect(storedModelConfig(old)).toEqual(config);
  });

  it('rejects damaged or foreign records with a clear message', () => {
    const good = toStoredModel(config, { w: { shape: [2, 2], data: Float32Array.of(1, 2, 3, 4) } });
    expect(() => fromStoredModel(undefined)).toThrow(ModelRecordError);
    expect(() => fromStoredModel({ ...good, format: 'other' })).toThrow(/not a saved model/);
    expect(() => fromStoredModel({ ...good, version: 2 })).toThrow(/version 2/);
    expect(() => fromStoredModel({ ...good, tensors: [{ ...good.tensors[0], data: new ArrayBuffer(12) }] })).toThrow(/expected 16/);
    expect(() => fromStoredModel({ ...good, tensors: [] })).toThrow(/no weights/);
    expect(() => fromStoredModel({ ...good, config: { ...config, hidden: 2.5 } })).toThrow(/hidden/);
    expect(() => fromStoredModel({ ...good, config: { ...config, learningRate: -1 } })).toThrow(/learning rate/);
    expect(() => fromStoredModel({ ...good, tensors: [good.tensors[0], good.tensors[0]] })).toThrow(/twice/);
    expect(() => toStoredModel(config, { w: { shape: [3], data: Float32Array.of(1, 2) } })).toThrow(/shape/);
  });
});
