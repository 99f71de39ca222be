'use client';

import type * as TF from '@tensorflow/tfjs-core';
import { CALIBRATION_BUDGET_MS, CALIBRATION_STEPS, medianMs, type BackendTiming, type CalibrationProbe } from '@/lib/demos/calibration';
import type { BackendName } from '@/lib/demos/backends';
import { stepPieces } from '@/lib/ml/mnist/presets';
import { nextTask } from './yield';

type Tf = typeof TF;

/**
 * Steps per timed sample, with one read-back at the end: the demos read the loss back once a
 * frame, not once a step, so a GPU's read-back latency must not be charged to every step.
 */
const STEPS_PER_SAMPLE = 2;

/**
 * `steps` training steps of `model` as the demos run them (on wasm and cpu a step is cut into
 * pieces with a new task between them: no long task), then the last loss read back, so that
 * the time is the whole cost, GPU queue included. Milliseconds per step.
 */
async function timedStep(model: import('@/lib/ml/mnist/autoencoder').Autoencoder, pieces: number, steps = STEPS_PER_SAMPLE): Promise<number> {
  const start = performance.now();
  let loss: TF.Scalar | null = null;
  for (let i = 0; i < steps; i++) {
    const it = model.stepInParts(pieces);
    try {
      let r = it.next();
      while (!r.done) {
        await nextTask();
        r = it.next();
      }
      loss?.dispose();
      loss = r.value;
    } finally {
      it.return(undefined as never);
    }
  }
  try {
    await loss?.data();
  } finally {
    loss?.dispose();
  }
  return (performance.now() - start) / steps;
}

interface Probe {
  name: BackendName;
  model: import('@/lib/ml/mnist/autoencoder').Autoencoder;
  x: TF.Tensor2D;
  pieces: number;
  samples: number[];
}

/**
 * Builds the probe model on backend `name` (already set) and runs its warm-up step (shader
 * compilation, first allocations), not timed. Random inputs of the model's shape: a step costs
 * the same whatever the pixels, and the digits may still be downloading.
 */
async function warmProbe(tf: Tf, name: BackendName, probe: CalibrationProbe): Promise<Probe> {
  const { createAutoencoder } = await import('@/lib/ml/mnist/autoencoder');
  const x = tf.randomUniform([probe.batch, 784], -1, 1, 'float32', 1) as TF.Tensor2D;
  const model = createAutoencoder({ hidden: probe.hidden, seed: 1, batchSize: probe.batch, learningRate: 1e-3 });
  const ready: Probe = { name, model, x, pieces: stepPieces(probe.batch, probe.hidden, name === 'wasm' || name === 'cpu'), samples: [] };
  try {
    model.setData(x);
    await timedStep(model, ready.pieces, 1);
    return ready;
  } catch (error) {
    model.dispose();
    x.dispose();
    throw error;
  }
}

function reason(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Times the probe on each candidate within CALIBRATION_BUDGET_MS in all. First each backend
 * starts and takes its warm-up step (one that cannot start or fails is reported with its
 * reason; those left when the time is up, as not timed). Then the timed steps go round the
 * backends in turn, up to CALIBRATION_STEPS each and at least one, a new task between steps:
 * interleaved, so that the rest of the page loading meanwhile (the digits, the other demos'
 * code) slows every backend alike instead of the first one timed. `start` sets a backend as
 * tf-runtime does (and throws when it cannot); the rounds only switch between started ones.
 */
export async function timeBackends(tf: Tf, candidates: readonly BackendName[], probe: CalibrationProbe, start: (name: BackendName) => Promise<void>, messages: { outOfTime: string }): Promise<BackendTiming[]> {
  const end = performance.now() + CALIBRATION_BUDGET_MS;
  const failed = new Map<BackendName, string>();
  const probes: Probe[] = [];
  try {
    for (const name of candidates) {
      if (performance.now() >= end) {
        failed.set(name, messages.outOfTime);
        continue;
      }
      try {
        await start(name);
        probes.push(await warmProbe(tf, name, probe));
      } catch (error) {
        failed.set(name, reason(error));
      }
      await nextTask();
    }
    for (let round = 0; round < CALIBRATION_STEPS && (round === 0 || performance.now() < end); round++) {
      for (const p of probes) {
        if (failed.has(p.name)) continue;
        try {
          await tf.setBackend(p.name);
          p.samples.push(await timedStep(p.model, p.pieces));
        } catch (error) {
          failed.set(p.name, reason(error));
        }
        await nextTask();
      }
    }
  } finally {
    // Each tensor is freed by the backend that holds it, whichever is active.
    for (const p of probes) {
      p.model.dispose();
      p.x.dispose();
    }
  }
  return candidates.map((name): BackendTiming => {
    const error = failed.get(name);
    const samples = probes.find((p) => p.name === name)?.samples ?? [];
    return error !== undefined || samples.length === 0 ? { backend: name, error: error ?? messages.outOfTime } : { backend: name, msPerStep: medianMs(samples) };
  });
}
