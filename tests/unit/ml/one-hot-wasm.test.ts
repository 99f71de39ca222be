import '@tensorflow/tfjs-backend-cpu';
import '@tensorflow/tfjs-backend-wasm';
import * as tf from '@tensorflow/tfjs-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { floatOneHot } from '@/lib/ml/one-hot';
import { lloydUpdate } from '@/lib/ml/part-b/kmeans';

// Readers without a GPU run the demos on wasm, where tf.oneHot(…, 'float32') is broken.
describe('one-hot on the wasm backend', () => {
  beforeAll(async () => {
    expect(await tf.setBackend('wasm')).toBe(true);
  });
  afterAll(async () => {
    await tf.setBackend('cpu');
  });

  it('holds real ones and zeros', async () => {
    const m = floatOneHot(tf.tensor1d([2, 0], 'int32'), 3);
    expect(m.dtype).toBe('float32');
    expect(Array.from(await m.data())).toEqual([0, 0, 1, 1, 0, 0]);
    m.dispose();
  });

  it('lets a Lloyd step move prototypes to the means of their points', async () => {
    const y = tf.tensor2d([0, 0, 0, 2, 10, 10, 10, 12], [4, 2]);
    const W = tf.tensor2d([1, 1, 9, 9], [2, 2]);
    const next = lloydUpdate(y, W);
    expect(Array.from(await next.data())).toEqual([0, 1, 10, 11]);
    tf.dispose([y, W, next]);
  });
});
