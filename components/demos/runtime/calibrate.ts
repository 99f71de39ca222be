'use client';

import type * as TF from '@tensorflow/tfjs-core';
import { CALIBRATION_BUDGET_MS, CALIBRATION_STEPS, medianMs, type BackendTiming, type CalibrationProbe } from '@/lib/demos/calibration';
import type { BackendName } from '@/lib/demos/backends';
import { stepPieces } from '@/lib/ml/mnist/presets';
import { nextTask } from './yield';

type Tf = typeof TF;

/**
 * One training step of `model` as the demos run it: on wasm and cpu cut into pieces with a new
 * task between them (no long task), then its loss read back, so that the time is the step's
 * whole cost, GPU queue included.
 */
async function timedStep(model: import('@/lib/ml/mnist/autoencoder').Autoencoder, pieces: number): Promise<number> {
  const start = performance.now();
  const it = model.stepInParts(pieces);
  let loss: TF.Scalar | null = null;
  try {
    let r = it.next();
    while (!r.done) {
      await nextTask();
      r = it.next();
    }
    loss = r.value;
    await loss.data();
  } finally {
    it.return(undefined as never);
    loss?.dispose();
  }
  return performance.now() - start;
}

/**
 * Times the probe model on backend `name` (already set): one warm-up step (shader compilation,
 * first allocations), then up to CALIBRATION_STEPS timed steps while `deadline` allows, at
 * least one. Random inputs of the model's shape: a step costs the same whatever the pixels,
 * and the digits may still be downloading.
 */
async function timeProbe(tf: Tf, name: BackendName, probe: CalibrationProbe, deadline: number): Promise<number> {
  const { createAutoencoder } = await import('@/lib/ml/mnist/autoencoder');
  const x = tf.randomUniform([probe.batch, 784], -1, 1, 'float32', 1) as TF.Tensor2D;
  const model = createAutoencoder({ hidden: probe.hidden, seed: 1, batchSize: probe.batch, learningRate: 1e-3 });
  try {
    model.setData(x);
    const pieces = stepPieces(probe.batch, probe.hidden, name === 'wasm' || name === 'cpu');
    await timedStep(model, pieces);
    const samples: number[] = [];
    while (samples.length < CALIBRATION_STEPS && (samples.length === 0 || performance.now() < deadline)) {
      await nextTask();
      samples.push(await timedStep(model, pieces));
    }
    return medianMs(samples);
  } finally {
    model.dispose();
    x.dispose();
  }
}

/**
 * Times the probe on each candidate in turn, within CALIBRATION_BUDGET_MS in all: each gets an
 * equal share of what is left (its start-up included); one that cannot start, or errors while
 * stepping, is reported with its reason; those left when the time is up are reported as not
 * timed. `start` sets a backend as tf-runtime does (and throws when it cannot).
 */
export async function timeBackends(tf: Tf, candidates: readonly BackendName[], probe: CalibrationProbe, start: (name: BackendName) => Promise<void>, messages: { outOfTime: string }): Promise<BackendTiming[]> {
  const end = performance.now() + CALIBRATION_BUDGET_MS;
  const timings: BackendTiming[] = [];
  for (const [index, name] of candidates.entries()) {
    const now = performance.now();
    if (now >= end) {
      timings.push({ backend: name, error: messages.outOfTime });
      continue;
    }
    const share = (end - now) / (candidates.length - index);
    try {
      await start(name);
      timings.push({ backend: name, msPerStep: await timeProbe(tf, name, probe, Math.min(end, now + share)) });
    } catch (error) {
      timings.push({ backend: name, error: error instanceof Error ? error.message : String(error) });
    }
    await nextTask();
  }
  return timings;
}
