/**
 * The bench page's code, bundled by esbuild from `scripts/bench/mnist.mjs`: the demos' own
 * training step (lib/ml/mnist/autoencoder.ts) next to the same model written the naive way with
 * tfjs-layers, so that both are timed in the same page, on the same backend and the same data.
 */
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import '@tensorflow/tfjs-backend-webgl';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import * as tfl from '@tensorflow/tfjs-layers';
import { createAutoencoder } from '../../../lib/ml/mnist/autoencoder';
import { decodeMnist } from '../../../lib/ml/mnist/format';
import { toTensors } from '../../../lib/ml/mnist/load';
import { CENSUS, profileEntry, randomImages } from '../../../lib/ml/kernel-census';
import { profileStep, subtractProfiles, type StepProfile } from '../../../lib/ml/kernel-profile';

interface Data {
  xTrain: tf.Tensor2D;
  xTest: tf.Tensor2D;
}

let data: Data | null = null;

/** Registers the WebGPU backend only when asked for: its module is large and most runs skip it. */
async function registerBackend(backend: string): Promise<void> {
  if (backend === 'webgpu') await import('@tensorflow/tfjs-backend-webgpu');
}

/** Selects `backend` without loading the data; the backend in use (an unavailable one fails to select). */
async function select(backend: string): Promise<string> {
  setWasmPaths('/tfjs/');
  // The same choice as the site: the single-threaded SIMD build.
  tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
  tf.env().set('PROD', true);
  await registerBackend(backend);
  const ok = await tf.setBackend(backend).catch(() => false);
  if (!ok) return 'unavailable';
  await tf.ready();
  return tf.getBackend();
}

async function init(backend: string): Promise<string> {
  if ((await select(backend)) !== backend) throw new Error(`${backend} did not initialise`);
  const response = await fetch('/data/mnist-10k.bin');
  const decoded = decodeMnist(new Uint8Array(await response.arrayBuffer()));
  data = { xTrain: toTensors(decoded, 'train').x, xTest: toTensors(decoded, 'test').x };
  return tf.getBackend();
}

function loaded(): Data {
  if (!data) throw new Error('call init first');
  return data;
}

/** Waits for every queued kernel (a read-back of a value computed last). */
async function settle(t: tf.Tensor): Promise<void> {
  await t.data();
}

/**
 * Examples per second of the demos' step (trainSteps), after a warm-up, for about `seconds`.
 * Steps are queued in chunks with one read-back per chunk, as the demos run them; model.fit in
 * `layers` does the same (it reads the losses back once the epoch is done, not per batch), so
 * neither side pays a wait per step (on software WebGL a read-back after every step would cost
 * ours about a fifth of its throughput: the GPU idles while the page waits).
 */
async function ours(hidden: number, batchSize: number, seconds: number): Promise<{ examplesPerSecond: number }> {
  const { xTrain } = loaded();
  const model = createAutoencoder({ hidden, seed: 1, batchSize });
  model.setData(xTrain);
  try {
    const warm = model.trainSteps(2);
    await settle(warm);
    warm.dispose();
    // Calibrate a chunk that takes ~0.2 s, then run whole chunks until the time is up.
    let chunk = 1;
    for (;;) {
      const t0 = performance.now();
      const l = model.trainSteps(chunk);
      await settle(l);
      l.dispose();
      if (performance.now() - t0 > 200 || chunk >= 256) break;
      chunk *= 2;
    }
    let steps = 0;
    const start = performance.now();
    while (performance.now() - start < seconds * 1000) {
      const l = model.trainSteps(chunk);
      await settle(l);
      l.dispose();
      steps += chunk;
    }
    const ms = performance.now() - start;
    return { examplesPerSecond: (steps * batchSize * 1000) / ms };
  } finally {
    model.dispose();
  }
}

function layersModel(hidden: number, learningRate = 1e-3): tfl.Sequential {
  const model = tfl.sequential();
  model.add(tfl.layers.dense({ inputShape: [784], units: hidden, activation: 'tanh' }));
  model.add(tfl.layers.dense({ units: 784, activation: 'tanh' }));
  model.compile({ optimizer: tf.train.adam(learningRate), loss: 'meanSquaredError' });
  return model;
}

/**
 * The naive baseline: tfjs-layers' model.fit on the same architecture, loss and optimizer.
 * Timed over `rows` training examples (a whole number of batches), after a warm-up batch. Its
 * rows are a slice of the same training tensor as ours (a slice of an unpacked WebGL texture
 * shares it), so both draw their batches from data of the same layout.
 */
async function layers(hidden: number, batchSize: number, rows: number): Promise<{ examplesPerSecond: number }> {
  const { xTrain } = loaded();
  const model = layersModel(hidden);
  const n = Math.min(xTrain.shape[0], Math.max(batchSize, Math.floor(rows / batchSize) * batchSize));
  const x = tf.slice(xTrain, [0, 0], [n, 784]);
  const warm = tf.slice(xTrain, [0, 0], [batchSize, 784]);
  try {
    await model.fit(warm, warm, { batchSize, epochs: 1, shuffle: true, verbose: 0 });
    const start = performance.now();
    await model.fit(x, x, { batchSize, epochs: 1, shuffle: true, verbose: 0 });
    const ms = performance.now() - start;
    return { examplesPerSecond: (n * 1000) / ms };
  } finally {
    x.dispose();
    warm.dispose();
    model.dispose();
  }
}

/** Test MSE of the tfjs-layers model after one epoch over the whole training split. */
async function baselineEpoch(hidden: number, batchSize: number): Promise<{ testMse: number; seconds: number }> {
  const { xTrain, xTest } = loaded();
  const model = layersModel(hidden);
  try {
    const start = performance.now();
    await model.fit(xTrain, xTrain, { batchSize, epochs: 1, shuffle: true, verbose: 0 });
    const seconds = (performance.now() - start) / 1000;
    const mse = tf.tidy(() => tf.mean(tf.squaredDifference(model.predict(xTest) as tf.Tensor, xTest)));
    const testMse = (await mse.data())[0];
    mse.dispose();
    return { testMse, seconds };
  } finally {
    model.dispose();
  }
}

/** Durations (ms) of single steps, each in a task of its own: the spread shows pauses (GC, the machine). */
async function stepTimes(hidden: number, steps: number): Promise<{ median: number; p95: number; max: number }> {
  const model = createAutoencoder({ hidden, seed: 1, batchSize: 256 });
  model.setData(loaded().xTrain);
  const times: number[] = [];
  try {
    for (let i = 0; i < steps; i++) {
      await new Promise((r) => setTimeout(r, 0));
      const start = performance.now();
      const l = model.step();
      times.push(performance.now() - start);
      await settle(l);
      l.dispose();
    }
  } finally {
    model.dispose();
  }
  times.sort((a, b) => a - b);
  return { median: times[times.length >> 1], p95: times[Math.floor(times.length * 0.95)], max: times[times.length - 1] };
}

/** FLOP rate of an n×n by n×n product on this backend (2n³ per product), best of a few runs. */
async function matmulRate(n: number, reps: number): Promise<number> {
  const a = tf.randomUniform([n, n], -1, 1) as tf.Tensor2D;
  const b = tf.randomUniform([n, n], -1, 1) as tf.Tensor2D;
  try {
    const warm = tf.matMul(a, b);
    await settle(warm);
    warm.dispose();
    let best = Infinity;
    for (let r = 0; r < 3; r++) {
      const start = performance.now();
      const outs: tf.Tensor[] = [];
      for (let i = 0; i < reps; i++) outs.push(tf.matMul(a, b));
      await settle(outs[outs.length - 1]);
      best = Math.min(best, (performance.now() - start) / reps);
      tf.dispose(outs);
    }
    return (2 * n * n * n) / (best / 1000);
  } finally {
    a.dispose();
    b.dispose();
  }
}

export interface CensusRow {
  id: string;
  label: string;
  profile: StepProfile;
}

/**
 * tfjs-layers' model.fit, per batch: fit over two batches minus fit over one, so that what fit
 * does once per call (shuffling, slicing the epoch, callbacks) is not counted as a step's.
 */
async function layersPerBatch(hidden: number): Promise<StepProfile> {
  const batchSize = 256;
  const model = layersModel(hidden);
  const x = randomImages(2 * batchSize, 7);
  const one = tf.slice(x, [0, 0], [batchSize, 784]);
  try {
    const fit = (rows: tf.Tensor) => async () => {
      await model.fit(rows, rows, { batchSize, epochs: 1, shuffle: true, verbose: 0 });
    };
    const two = await profileStep(fit(x));
    const single = await profileStep(fit(one));
    return subtractProfiles(two, single);
  } finally {
    x.dispose();
    one.dispose();
    model.dispose();
  }
}

/** Every census entry and the layers baseline at both sizes, profiled on the current backend. */
async function census(): Promise<CensusRow[]> {
  const rows: CensusRow[] = [];
  for (const entry of CENSUS) rows.push({ id: entry.id, label: entry.label, profile: await profileEntry(entry) });
  for (const hidden of [30, 500]) {
    rows.push({ id: `layers-${hidden}`, label: `tfjs-layers model.fit 784-${hidden}-784, per batch`, profile: await layersPerBatch(hidden) });
  }
  return rows;
}

declare global {
  interface Window {
    __mnistBench: typeof api;
  }
}

/** Shader programs one step of a census entry runs: name and output size, in order (diagnostics). */
async function programs(id: string): Promise<string[]> {
  const entry = CENSUS.find((e) => e.id === id);
  let run: () => Promise<void>;
  let done: () => void;
  if (entry) {
    const s = entry.setup();
    run = async () => {
      const r = await s.step();
      if (r) tf.dispose(r as tf.TensorContainer);
    };
    done = s.dispose;
  } else {
    const hidden = Number(id.split('-')[1]);
    const model = layersModel(hidden);
    const x = randomImages(256, 7);
    run = async () => {
      await model.trainOnBatch(x, x);
    };
    done = () => {
      model.dispose();
      x.dispose();
    };
  }
  await run();
  const backend = tf.backend() as unknown as Record<string, (...a: unknown[]) => unknown>;
  const name = 'runWebGLProgram' in backend ? 'runWebGLProgram' : 'runWebGPUProgram';
  const seen: string[] = [];
  const original = backend[name];
  backend[name] = function (this: unknown, ...args: unknown[]) {
    const program = args[0] as { constructor: { name: string }; outputShape: number[] };
    seen.push(`${program.constructor.name}[${program.outputShape.join('x')}]`);
    return original.apply(this, args);
  };
  try {
    await run();
  } finally {
    delete backend[name];
    done();
  }
  return seen;
}

const api = { programs, init, select, census, ours, stepTimes, layers, baselineEpoch, matmulRate };
window.__mnistBench = api;
