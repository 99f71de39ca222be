import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { beforeAll, describe, expect, it } from 'vitest';
import { CENSUS, largeDownloads, profileEntry, ELLIPSE_GRID, KMEANS_GRID, CD_GRID } from '@/lib/ml/kernel-census';
import { countByName, profileStep, subtractProfiles } from '@/lib/ml/kernel-profile';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const entry = (id: string) => {
  const found = CENSUS.find((e) => e.id === id);
  if (!found) throw new Error(`no census entry ${id}`);
  return found;
};

describe('profileStep', () => {
  it('counts every kernel call by name, not the distinct names', async () => {
    const a = tf.tensor1d([1, 2, 3]);
    const profile = await profileStep(() => tf.tidy(() => tf.add(tf.add(a, a), tf.mul(a, a))));
    expect(profile.kernels).toBe(3);
    expect(profile.byName).toEqual({ Add: 2, Multiply: 1 });
    expect(profile.uploads).toBe(0);
    expect(profile.downloads).toBe(0);
    expect(profile.leakedTensors).toBe(0);
    expect(profile.dispatches).toBeNull();
    a.dispose();
  });

  it('counts uploads from JavaScript values and read-backs with their sizes, once each', async () => {
    const profile = await profileStep(async () => {
      const x = tf.tensor1d([1, 2, 3, 4]);
      const s = tf.tidy(() => tf.sum(tf.mul(x, 2)));
      x.dataSync();
      await s.data();
      x.dispose();
      return s;
    });
    // The tensor and the scalar 2.
    expect(profile.uploads).toBe(2);
    expect(profile.downloads).toBe(2);
    expect(profile.downloadSizes).toEqual([4, 1]);
    expect(profile.leakedTensors).toBe(0);
  });

  it('reports tensors a step leaves behind', async () => {
    const kept: tf.Tensor[] = [];
    const profile = await profileStep(() => {
      kept.push(tf.ones([2]));
    });
    expect(profile.leakedTensors).toBe(1);
    tf.dispose(kept);
  });

  it('leaves the engine and backend unwrapped', async () => {
    const backend = tf.backend() as unknown as Record<string, unknown>;
    await profileStep(() => tf.scalar(1));
    expect(Object.prototype.hasOwnProperty.call(backend, 'readSync')).toBe(false);
    expect(Object.prototype.hasOwnProperty.call(tf.engine(), 'makeTensor')).toBe(false);
  });

  it('subtracts one profile from another kernel by kernel', () => {
    const base = { uploads: 1, downloads: 1, downloadSizes: [1], dispatches: null, dispatchedValues: null, leakedTensors: 0 };
    const two = { ...base, kernels: 5, byName: countByName(['Add', 'Add', 'Mul', 'Sub', 'Sub']), uploads: 3, downloads: 2, downloadSizes: [1, 8] };
    const one = { ...base, kernels: 3, byName: countByName(['Add', 'Mul', 'Sub']) };
    const d = subtractProfiles(two, one);
    expect(d.kernels).toBe(2);
    expect(d.byName).toEqual({ Add: 1, Sub: 1 });
    expect(d.uploads).toBe(2);
    expect(d.downloadSizes).toEqual([8]);
  });
});

describe('the census on the CPU backend', () => {
  it('the autoencoder step reads nothing back, leaks nothing and stays under 80 kernels', async () => {
    const p = await profileEntry(entry('ae-30'));
    expect(p.downloads).toBe(0);
    expect(p.leakedTensors).toBe(0);
    expect(p.kernels).toBeLessThanOrEqual(80);
    // Five products, two of them fused with the bias: forward two, backward three (the ones-row
    // column sums are two more).
    expect((p.byName.BatchMatMul ?? 0) + (p.byName._FusedMatMul ?? 0)).toBe(7);
  }, 60_000);

  it('each surface redraw reads its whole grid back exactly once', async () => {
    const kmeans = await profileEntry(entry('kmeans-redraw'));
    expect(largeDownloads(kmeans, KMEANS_GRID * KMEANS_GRID)).toBe(1);
    const cd = await profileEntry(entry('cd-redraw'));
    expect(largeDownloads(cd, CD_GRID * CD_GRID)).toBe(1);
    const ellipse = await profileEntry(entry('ellipse-redraw'));
    expect(largeDownloads(ellipse, ELLIPSE_GRID * ELLIPSE_GRID)).toBe(1);
  }, 60_000);

  it('the K-means, contrastive and ellipse steps read nothing back', async () => {
    for (const id of ['kmeans-gradient', 'cd-step', 'ellipse-step']) {
      const p = await profileEntry(entry(id));
      expect(p.downloads, id).toBe(0);
      expect(p.leakedTensors, id).toBe(0);
    }
  }, 60_000);
});
