import '@tensorflow/tfjs-backend-cpu';
import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { DATA_BOX } from '@/lib/ml/part-b/datasets';
import { createEditableKMeans } from '@/lib/ml/part-b/editable-kmeans';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const grid = () => tf.tensor2d([0, 0, 1, 1], [2, 2]);

describe('createEditableKMeans', () => {
  it('with k-means++ starts, each clicked point is a prototype until there are K', async () => {
    const session = createEditableKMeans({ data: new Float32Array(0), k: 2, seed: 1, mode: 'lloyd', start: 'kmeanspp', box: DATA_BOX });
    const g = grid();
    try {
      expect(session.canStep()).toBe(false);
      session.addPoint(1, 2);
      session.addPoint(-3, 0.5);
      session.addPoint(5, 5);
      expect(session.canStep()).toBe(true);
      const snap = (await session.snapshot(g, null))!;
      expect(Array.from(snap.prototypes)).toEqual([1, 2, -3, 0.5]);
      expect(Array.from(snap.points)).toEqual([1, 2, -3, 0.5, 5, 5]);
      expect(Array.from(snap.owners)).toEqual([0, 1, 0]);
    } finally {
      g.dispose();
      session.dispose();
    }
  });

  it('Lloyd steps reach a fixed point, which the snapshot reports and an added point clears', async () => {
    const data = Float32Array.of(0, 0, 0, 1, 4, 4, 4, 5);
    const session = createEditableKMeans({ data, k: 2, seed: 3, mode: 'lloyd', start: 'kmeanspp', box: DATA_BOX });
    const g = grid();
    const before = tf.memory().numTensors;
    try {
      for (let i = 0; i < 4; i++) session.step().dispose();
      const snap = (await session.snapshot(g, null))!;
      expect(session.converged()).toBe(true);
      expect(snap.convergedAt).not.toBeNull();
      const centres = Array.from(snap.prototypes).map((v) => Math.round(v * 10) / 10);
      expect(centres.sort()).toEqual([0, 0.5, 4, 4.5].sort());
      session.addPoint(10, 10);
      expect(session.converged()).toBe(false);
      expect(tf.memory().numTensors).toBe(before);
    } finally {
      g.dispose();
      session.dispose();
    }
  });

  it('gradient steps lower the energy, and a disposed session refuses to step', async () => {
    const data = Float32Array.of(0, 0, 0, 1, 4, 4, 4, 5);
    const session = createEditableKMeans({ data, k: 2, seed: 5, mode: 'lloyd', start: 'box', box: DATA_BOX });
    session.setMode('gradient');
    expect(session.mode).toBe('gradient');
    const first = session.step();
    const e0 = (await first.data())[0];
    first.dispose();
    for (let i = 0; i < 100; i++) session.step().dispose();
    const last = session.step();
    expect((await last.data())[0]).toBeLessThan(e0);
    last.dispose();
    session.dispose();
    expect(() => session.step()).toThrow(/disposed/);
    const g = grid();
    expect(await session.snapshot(g, null)).toBeNull();
    g.dispose();
  });
});
