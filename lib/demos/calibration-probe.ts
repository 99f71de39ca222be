/**
 * Which model a page times to choose its backend (see calibration.ts). Apart from the rest of
 * the calibration (and its schema library) because every page with a demo needs it at once.
 */
import { AUTOENCODER_PRESETS, DENOISING_DEFAULTS, PRACTICUM } from '@/lib/ml/mnist/presets';
import { THREAD_WORTHY_DEMOS } from './backends';

/**
 * Demos whose step is heavy enough for the backend to matter and to be worth a calibration:
 * the MNIST autoencoders (784-wide matrices, batch 256), the same list as the wasm thread pool
 * uses. The other demos' models are a few dozen units wide; see `lightDemoOrder`.
 */
export const HEAVY_DEMOS: readonly string[] = THREAD_WORTHY_DEMOS;

/** The model a calibration times: an MNIST autoencoder of this code size and minibatch. */
export interface CalibrationProbe {
  hidden: number;
  batch: number;
}

/** The MNIST demos' sizes when the URL does not set them (the presets their parameters default to). */
const MNIST_DEFAULT_SIZES: Record<string, CalibrationProbe> = {
  autoencoder: { hidden: AUTOENCODER_PRESETS.underComplete.hidden, batch: PRACTICUM.batchSize },
  'denoising-autoencoder': { hidden: DENOISING_DEFAULTS.hidden, batch: PRACTICUM.batchSize },
  'ae-interpolation': { hidden: AUTOENCODER_PRESETS.underComplete.hidden, batch: PRACTICUM.batchSize },
};

/** The key a choice is remembered under: one per model size (the browser is in the record). */
export function probeKey(probe: CalibrationProbe): string {
  return `mnist-autoencoder:${probe.hidden}x${probe.batch}`;
}

function positiveInt(value: string | null): number | null {
  if (value === null || !/^\d+$/.test(value)) return null;
  const n = Number(value);
  return n > 0 ? n : null;
}

/**
 * The model to calibrate with on a page showing `demos`, the URL's `search` setting their sizes:
 * the largest heavy model (it dominates the page's training time), null when no demo is heavy.
 */
export function pageProbe(demos: readonly string[], search: string): CalibrationProbe | null {
  const query = new URLSearchParams(search);
  let best: CalibrationProbe | null = null;
  for (const id of demos) {
    const defaults = MNIST_DEFAULT_SIZES[id];
    if (!HEAVY_DEMOS.includes(id) || !defaults) continue;
    const probe = {
      hidden: positiveInt(query.get(`${id}.hidden`)) ?? defaults.hidden,
      batch: positiveInt(query.get(`${id}.batch`)) ?? defaults.batch,
    };
    if (!best || probe.hidden * probe.batch > best.hidden * best.batch) best = probe;
  }
  return best;
}
