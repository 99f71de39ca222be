import '@tensorflow/tfjs-backend-cpu';
import '@tensorflow/tfjs-backend-wasm';
import * as tf from '@tensorflow/tfjs-core';
import { afterAll, describe, expect, it } from 'vitest';
import '@/lib/ml/gradients';
import { CarriedWeights, deviceReducer, nextBackend, snapshotDue, type DeviceState } from '@/lib/demos/device-loss';
import { createAutoencoder, type WeightMap } from '@/lib/ml/mnist/autoencoder';

afterAll(async () => {
  await tf.setBackend('cpu');
});

describe('nextBackend', () => {
  it('is the next backend after the lost one, not lost on the page; one before it only when none is left after', () => {
    const ALL = ['webgpu', 'webgl', 'wasm', 'cpu'] as const;
    expect(nextBackend(ALL, 'webgpu', new Set(['webgpu']))).toBe('webgl');
    expect(nextBackend(ALL, 'webgl', new Set(['webgl']))).toBe('wasm');
    expect(nextBackend(ALL, 'webgl', new Set(['webgl', 'wasm']))).toBe('cpu');
    expect(nextBackend(['webgpu', 'webgl'], 'webgl', new Set(['webgl']))).toBe('webgpu');
    expect(nextBackend(['webgl'], 'webgl', new Set(['webgl']))).toBeNull();
  });
});

describe('deviceReducer', () => {
  const ok: DeviceState = { phase: 'ok' };
  const lost = { type: 'lost', backend: 'webgl', reason: 'the WebGL context was lost', next: 'wasm', snapshotSteps: 40 } as const;

  it('a loss pauses with the reason, the next backend and the kept step', () => {
    expect(deviceReducer(ok, lost)).toEqual({ phase: 'lost', backend: 'webgl', reason: 'the WebGL context was lost', next: 'wasm', snapshotSteps: 40 });
  });

  it('a second report of the loss changes nothing', () => {
    const once = deviceReducer(ok, lost);
    expect(deviceReducer(once, { ...lost, reason: 'again', snapshotSteps: 0 })).toBe(once);
  });

  it('continuing moves to the next backend, and only from a loss that has one', () => {
    const switching = deviceReducer(deviceReducer(ok, lost), { type: 'continue' });
    expect(switching).toEqual({ phase: 'switching', from: 'webgl', to: 'wasm', snapshotSteps: 40 });
    expect(deviceReducer(ok, { type: 'continue' })).toBe(ok);
    const stranded = deviceReducer(ok, { ...lost, next: null });
    expect(deviceReducer(stranded, { type: 'continue' })).toBe(stranded);
    expect(deviceReducer(switching, { type: 'switched', backend: 'wasm' })).toEqual({ phase: 'ok' });
  });
});

describe('snapshotDue', () => {
  it('takes a first copy at once, then every interval of training, and on pausing', () => {
    expect(snapshotDue(0, null, 0, true)).toBe(true);
    const last = { at: 1000, steps: 10 };
    expect(snapshotDue(2000, last, 20, true, 5000)).toBe(false);
    expect(snapshotDue(6000, last, 20, true, 5000)).toBe(true);
    expect(snapshotDue(1100, last, 11, false, 5000)).toBe(true);
    expect(snapshotDue(99999, last, 10, false, 5000)).toBe(false);
  });
});

describe('carried weights', () => {
  it('are taken once, and only by a model of the same sizes', () => {
    const carried = new CarriedWeights<string>();
    carried.put('autoencoder', '30x256', 40, 'w');
    expect(carried.take('autoencoder', '64x256')).toBeNull();
    carried.put('autoencoder', '30x256', 40, 'w');
    expect(carried.take('autoencoder', '30x256')).toEqual({ steps: 40, weights: 'w' });
    expect(carried.take('autoencoder', '30x256')).toBeNull();
  });

  it('carry a model through a backend switch: the copy taken on one backend goes on training identically on the next', async () => {
    const options = { hidden: 8, seed: 3, batchSize: 16, learningRate: 1e-2 };
    const x = () => tf.tidy(() => tf.randomUniform([16, 784], -1, 1, 'float32', 7) as tf.Tensor2D);
    await tf.setBackend('cpu');
    const xCpu = x();
    const original = createAutoencoder(options);
    original.setData(xCpu);
    for (let i = 0; i < 5; i++) original.step().dispose();
    // The copy in main memory, as the demo keeps it while training on a GPU. (One minibatch is
    // the whole set, so that the batches after the switch are the same rows as before it.)
    const carried = new CarriedWeights<WeightMap>();
    carried.put('autoencoder', '8x16', original.steps, await original.exportWeights({ optimizer: true }));
    // The reference: the same model going on where it is.
    for (let i = 0; i < 3; i++) original.step().dispose();
    const expected = await original.exportWeights();
    original.dispose();
    xCpu.dispose();

    // The device is gone: the page moves to the next backend and the demo rebuilds from the copy.
    expect(await tf.setBackend('wasm')).toBe(true);
    const xWasm = x();
    const resumed = createAutoencoder(options);
    resumed.setData(xWasm);
    const copy = carried.take('autoencoder', '8x16');
    expect(copy?.steps).toBe(5);
    resumed.importWeights(copy!.weights);
    expect(resumed.steps).toBe(5);
    for (let i = 0; i < 3; i++) resumed.step().dispose();
    const actual = await resumed.exportWeights();
    resumed.dispose();
    xWasm.dispose();
    for (const name of Object.keys(expected)) {
      const a = actual[name].data;
      const e = expected[name].data;
      let worst = 0;
      for (let i = 0; i < e.length; i++) worst = Math.max(worst, Math.abs(a[i] - e[i]));
      expect(worst, name).toBeLessThan(1e-4);
    }
  });
});
