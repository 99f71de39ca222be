/**
 * Every session must hold a constant number of tensors however long it runs (the UI calls
 * `step` from its animation loop for minutes) and free all of them on dispose.
 */
import '@tensorflow/tfjs-backend-cpu';
import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import type { TrainingSession } from '@/lib/ml/trainer';
import { DATA_BOX, blobs, ring, uniformPoints } from '@/lib/ml/part-b/datasets';
import { createKMeansSession } from '@/lib/ml/part-b/kmeans';
import { createDaeSession } from '@/lib/ml/part-b/dae';
import { createCdSession } from '@/lib/ml/part-b/contrastive-divergence';
import { createMaskedCharSession } from '@/lib/ml/part-b/masked-chars';
import { run } from './helpers';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const small = ring(16, 1);
const probes = uniformPoints(DATA_BOX, 9, 1);

/** Steps to 100 and to 1000, calling the read-back methods on the way, and counts tensors. */
async function check(create: () => TrainingSession, read: (s: TrainingSession) => Promise<unknown>) {
  const start = tf.memory().numTensors;
  const session = create();
  run(session, 100);
  await read(session);
  const at100 = tf.memory().numTensors;
  run(session, 900);
  await read(session);
  const at1000 = tf.memory().numTensors;
  session.dispose();
  session.dispose();
  expect(at1000).toBe(at100);
  expect(tf.memory().numTensors).toBe(start);
}

describe('tensor counts stay flat over 1000 steps and return to the start on dispose', () => {
  it('K-means, Lloyd and gradient steps', async () => {
    for (const mode of ['lloyd', 'gradient'] as const) {
      await check(
        () => createKMeansSession({ data: blobs(20, 1), k: 3, seed: 1, mode }),
        async (s) => {
          const k = s as ReturnType<typeof createKMeansSession>;
          await Promise.all([k.prototypes(), k.assign(), k.assign(probes), k.energy(probes), k.energy(probes, 2)]);
        },
      );
    }
  });

  it('denoising autoencoder', async () => {
    await check(
      () => createDaeSession({ data: small, sigma: 0.3, seed: 1, hidden: 4, batch: 4 }),
      async (s) => {
        const d = s as ReturnType<typeof createDaeSession>;
        await Promise.all([d.energy(probes), d.reconstruct(probes), d.corruptedSample(3)]);
      },
    );
  });

  it('contrastive divergence', async () => {
    await check(
      () => createCdSession({ data: small, seed: 1, hidden: 4, batch: 4, k: 1, startFrom: 'uniform' }),
      async (s) => {
        const c = s as ReturnType<typeof createCdSession>;
        await Promise.all([c.energy(probes), c.negatives(), c.lastEnergies()]);
      },
    );
  });

  it('masked character model', async () => {
    await check(
      () => createMaskedCharSession({ seed: 1, hidden: 4, embedding: 2, batch: 1, context: 1 }),
      async (s) => {
        const m = s as ReturnType<typeof createMaskedCharSession>;
        await Promise.all([m.predict('th_ c_t'), m.evaluate()]);
      },
    );
  });
});
