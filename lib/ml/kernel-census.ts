/**
 * One step of every demo's model, set up as the demo sets it up (default parameters), ready to
 * be profiled by `profileStep` on whatever backend is current: the bench prints the table per
 * backend, and the unit tests pin the counts on the CPU backend.
 *
 * The MNIST models train on seeded random images here: a kernel count does not depend on the
 * pixel values, and the census then runs where the data file is not at hand (Node).
 */
import * as tf from '@tensorflow/tfjs-core';
import { argminLatent, ellipseData, ellipseEnergies, freeEnergy, latentGrid } from './ellipse';
import { createEllipseTrainer, ellipseInitialWeights } from './ellipse-trainer';
import { gridPoints, type Box } from './grid';
import { createAutoencoder } from './mnist/autoencoder';
import type { DecodedMnist } from './mnist/format';
import { toTensors } from './mnist/load';
import { DENOISING_DEFAULTS, PRACTICUM } from './mnist/presets';
import { createCdSession } from './part-b/contrastive-divergence';
import { DATA_BOX, DATASETS, uniformPoints } from './part-b/datasets';
import { createEditableKMeans } from './part-b/editable-kmeans';
import { mulberry32 } from './random';
import { profileStep, type Step, type StepProfile } from './kernel-profile';

export interface CensusEntry {
  /** Stable identifier, e.g. for tests. */
  id: string;
  /** What the row measures, for the table. */
  label: string;
  /** Builds the model; `step` runs what the demo runs once, `dispose` frees everything. */
  setup(): { step: Step; dispose(): void };
}

/** Grid sides of the energy surfaces, as the demos draw them. */
export const ELLIPSE_GRID = 128;
export const KMEANS_GRID = 128;
export const CD_GRID = 96;
const CD_POINTS = 300;
const CD_PROBES = 400;

/**
 * Seeded random digits in [-1, 1], [rows, inputSize], made into a tensor by the demos' own loader
 * (`toTensors`): on WebGL how a tensor is made decides its texture layout, and with it what
 * every kernel that reads it costs, so the census's data must be made like the demos' data.
 */
export function randomImages(rows: number, seed: number, inputSize = 784): tf.Tensor2D {
  const rng = mulberry32(seed);
  const pixels = new Uint8Array(rows * inputSize);
  for (let i = 0; i < pixels.length; i++) pixels[i] = Math.floor(rng() * 256);
  const digits: DecodedMnist = { pixels, labels: new Uint8Array(rows), rows: 1, cols: inputSize, count: rows, trainCount: rows, testCount: 0, source: 'census' };
  return toTensors(digits, 'train').x;
}

function autoencoderEntry(id: string, label: string, hidden: number, denoising: boolean): CensusEntry {
  return {
    id,
    label,
    setup() {
      const data = randomImages(2 * PRACTICUM.batchSize, 7);
      const model = createAutoencoder({
        hidden,
        seed: 1,
        batchSize: PRACTICUM.batchSize,
        learningRate: PRACTICUM.learningRate,
        corruption: denoising ? DENOISING_DEFAULTS.corruption : undefined,
      });
      model.setData(data);
      // What the demos' loop runs: steps without a read-back, the last one returning its loss.
      return {
        step: () => model.trainSteps(1),
        dispose() {
          model.dispose();
          data.dispose();
        },
      };
    },
  };
}

function cdSession() {
  const points = DATASETS.spiral(CD_POINTS, 1);
  return { points, session: createCdSession({ data: points, seed: 1 }) };
}

function kmeansSession() {
  return createEditableKMeans({ data: DATASETS.spiral(300, 1), k: 16, seed: 1, mode: 'lloyd', start: 'kmeanspp', box: DATA_BOX });
}

const ELLIPSE_BOX: Box = { x: [-3, 3], y: [-3, 3] };

function ellipseTrainer() {
  return createEllipseTrainer({ data: ellipseData({ n: 24, x: 0, seed: 1 }), w0: ellipseInitialWeights(1), learningRate: 0.02, optimizer: 'adam', latent: latentGrid() });
}

export const CENSUS: readonly CensusEntry[] = [
  {
    id: 'ellipse-step',
    label: 'Latent-variable ellipse (part A), one step',
    setup() {
      const trainer = ellipseTrainer();
      return { step: () => trainer.step(), dispose: () => trainer.dispose() };
    },
  },
  {
    id: 'ellipse-redraw',
    label: `Latent-variable ellipse free-energy redraw (${ELLIPSE_GRID}² grid)`,
    setup() {
      const trainer = ellipseTrainer();
      const z = latentGrid();
      const grid = tf.tensor2d(gridPoints(ELLIPSE_BOX, ELLIPSE_GRID), [ELLIPSE_GRID * ELLIPSE_GRID, 2]);
      // The demo's draw: the weights, then the surface and the picked point in one batch.
      return {
        step: async () => {
          const w = await trainer.weights();
          const outs = tf.tidy(() => {
            const wt = tf.tensor1d(w);
            const picked = tf.tensor2d([1.2, 1.6], [1, 2]);
            return [freeEnergy(grid, wt, z, Infinity), ellipseEnergies(picked, wt, z), argminLatent(picked, wt, z)];
          });
          try {
            await Promise.all(outs.map((t) => t.data()));
          } finally {
            tf.dispose(outs);
          }
        },
        dispose() {
          trainer.dispose();
          grid.dispose();
        },
      };
    },
  },
  autoencoderEntry('ae-30', 'MNIST autoencoder 784-30-784, one step', 30, false),
  autoencoderEntry('ae-500', 'MNIST autoencoder 784-500-784, one step', 500, false),
  autoencoderEntry('dae-500', 'MNIST denoising autoencoder 784-500-784, one step', DENOISING_DEFAULTS.hidden, true),
  {
    id: 'cd-step',
    label: 'Contrastive divergence (k = 10 Langevin steps), one step',
    setup() {
      const { session } = cdSession();
      return { step: () => session.step(), dispose: () => session.dispose() };
    },
  },
  {
    id: 'cd-redraw',
    label: `Contrastive divergence redraw (${CD_GRID}² grid + data + probes)`,
    setup() {
      const { points, session } = cdSession();
      const warm = session.step();
      warm.dispose();
      // The demo's one query array: grid, data and probes in one pass.
      const queries = new Float32Array(2 * (CD_GRID * CD_GRID + CD_POINTS + CD_PROBES));
      queries.set(gridPoints(DATA_BOX, CD_GRID));
      queries.set(points, 2 * CD_GRID * CD_GRID);
      queries.set(uniformPoints(DATA_BOX, CD_PROBES, 2), 2 * (CD_GRID * CD_GRID + CD_POINTS));
      return {
        step: async () => {
          await Promise.all([session.energy(queries), session.negatives(), session.lastEnergies()]);
        },
        dispose: () => session.dispose(),
      };
    },
  },
  {
    id: 'kmeans-lloyd',
    label: 'K-means (K = 16), one Lloyd step',
    setup() {
      const session = kmeansSession();
      return { step: () => session.step(), dispose: () => session.dispose() };
    },
  },
  {
    id: 'kmeans-gradient',
    label: 'K-means (K = 16), one gradient step (Adam)',
    setup() {
      const session = kmeansSession();
      session.setMode('gradient');
      return { step: () => session.step(), dispose: () => session.dispose() };
    },
  },
  {
    id: 'kmeans-redraw',
    label: `K-means energy-surface redraw (${KMEANS_GRID}² grid)`,
    setup() {
      const session = kmeansSession();
      const grid = tf.tensor2d(gridPoints(DATA_BOX, KMEANS_GRID), [KMEANS_GRID * KMEANS_GRID, 2]);
      return {
        step: async () => {
          await session.snapshot(grid, null);
        },
        dispose() {
          session.dispose();
          grid.dispose();
        },
      };
    },
  },
];

/** Profiles one entry on the current backend, freeing its model afterwards. */
export async function profileEntry(entry: CensusEntry): Promise<StepProfile> {
  const { step, dispose } = entry.setup();
  try {
    return await profileStep(step);
  } finally {
    dispose();
  }
}

/** Read-backs of at least `values` values: how often a step pulls a whole grid back. */
export function largeDownloads(profile: StepProfile, values: number): number {
  return profile.downloadSizes.filter((n) => n >= values).length;
}
