'use client';

import type * as TF from '@tensorflow/tfjs-core';
import { CALIBRATION_BUDGET_MS, CALIBRATION_STEPS, medianMs, type BackendTiming, type CalibrationProbe } from '@/lib/demos/calibration';
import type { BackendName } from '@/lib/demos/backends';
import { stepPieces } from '@/lib/ml/mnist/presets';
import { runPhases } from './phases';
import { productThreads } from './wasm-backend';
import { nextTask } from './yield';

type Tf = typeof TF;

/**
 * Steps per timed sample on a GPU, with one read-back at the end: the demos read the loss back
 * once a frame, not once a step, so a GPU's read-back latency must not be charged to every
 * step. On wasm and cpu the loss is there as soon as the step is, so one step is a sample.
 */
const GPU_STEPS_PER_SAMPLE = 2;

/**
 * `steps` training steps of `model` as the demos run them (on wasm and cpu a step is cut into
 * phases, grouped into tasks by time: no long task), then the last loss read back, so that
 * the time is the whole cost, GPU queue included. Milliseconds per step.
 */
async function timedStep(model: import('@/lib/ml/mnist/autoencoder').Autoencoder, pieces: number, steps: number): Promise<number> {
  const start = performance.now();
  let loss: TF.Scalar | null = null;
  for (let i = 0; i < steps; i++) {
    const next = await runPhases(model.stepInParts(pieces));
    loss?.dispose();
    loss = next;
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
  /** Steps per sample (see GPU_STEPS_PER_SAMPLE). */
  steps: number;
  /** Milliseconds of the warm-up step: the estimate left when no time remains for a sample. */
  warmUp: number;
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
  const onPage = name === 'wasm' || name === 'cpu';
  const ready: Probe = { name, model, x, pieces: stepPieces(probe.batch, probe.hidden, name, productThreads(name)), steps: onPage ? 1 : GPU_STEPS_PER_SAMPLE, warmUp: NaN, samples: [] };
  try {
    model.setData(x);
    ready.warmUp = await timedStep(model, ready.pieces, 1);
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
 * reason; those left when the time is up, as not timed). Then the timed samples go round the
 * backends in turn, up to CALIBRATION_STEPS each while time remains, a new task between steps:
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
    for (let round = 0; round < CALIBRATION_STEPS; round++) {
      for (const p of probes) {
        if (failed.has(p.name) || performance.now() >= end) continue;
        try {
          await tf.setBackend(p.name);
          p.samples.push(await timedStep(p.model, p.pieces, p.steps));
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
  // A model so large that the warm-ups used up the time: each started backend is judged by its
  // warm-up step (an overestimate, compilation included), not measured again past the bound.
  return candidates.map((name): BackendTiming => {
    const error = failed.get(name);
    const p = probes.find((q) => q.name === name);
    if (error !== undefined || !p) return { backend: name, error: error ?? messages.outOfTime };
    return { backend: name, msPerStep: p.samples.length > 0 ? medianMs(p.samples) : p.warmUp };
  });
}
