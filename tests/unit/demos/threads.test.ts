import { describe, expect, it } from 'vitest';
import { chooseWasmThreads as choose, MAX_WASM_THREADS, wantsThreadedBinary, type ThreadingEnvironment } from '@/lib/demos/backends';

/** A page with the MNIST autoencoder, whose matrices are large enough for threads. */
const chooseWasmThreads = (env: ThreadingEnvironment, cap?: number) => choose(env, ['latent-ellipse', 'autoencoder'], cap);

const isolated: ThreadingEnvironment = { crossOriginIsolated: true, sharedArrayBuffer: true, hardwareConcurrency: 4, serviceWorkerControlled: false };

describe('chooseWasmThreads', () => {
  it('uses one thread per core on an isolated page', () => {
    expect(chooseWasmThreads(isolated)).toEqual({ threads: 4, reason: 'isolated' });
    expect(chooseWasmThreads({ ...isolated, hardwareConcurrency: 2 })).toEqual({ threads: 2, reason: 'isolated' });
  });

  it('caps the pool on many-core machines', () => {
    expect(chooseWasmThreads({ ...isolated, hardwareConcurrency: 32 })).toEqual({ threads: MAX_WASM_THREADS, reason: 'capped' });
    expect(chooseWasmThreads({ ...isolated, hardwareConcurrency: 6 }, 4)).toEqual({ threads: 4, reason: 'capped' });
    expect(chooseWasmThreads({ ...isolated, hardwareConcurrency: MAX_WASM_THREADS })).toEqual({ threads: MAX_WASM_THREADS, reason: 'isolated' });
  });

  it('falls back to one thread without isolation, and says whether a reload would help', () => {
    expect(chooseWasmThreads({ ...isolated, crossOriginIsolated: false })).toEqual({ threads: 1, reason: 'not-isolated' });
    expect(chooseWasmThreads({ ...isolated, crossOriginIsolated: false, serviceWorkerControlled: true })).toEqual({ threads: 1, reason: 'reload-needed' });
  });

  it('falls back to one thread when shared memory is missing despite isolation', () => {
    expect(chooseWasmThreads({ ...isolated, sharedArrayBuffer: false })).toEqual({ threads: 1, reason: 'no-shared-memory' });
  });

  it('runs single-threaded on a single core, and assumes two cores when the count is hidden', () => {
    expect(chooseWasmThreads({ ...isolated, hardwareConcurrency: 1 })).toEqual({ threads: 1, reason: 'single-core' });
    expect(chooseWasmThreads({ ...isolated, hardwareConcurrency: undefined })).toEqual({ threads: 2, reason: 'isolated' });
    expect(chooseWasmThreads({ ...isolated, hardwareConcurrency: Number.NaN })).toEqual({ threads: 2, reason: 'isolated' });
    expect(chooseWasmThreads({ ...isolated, hardwareConcurrency: 0 })).toEqual({ threads: 2, reason: 'isolated' });
  });

  it('rejects a cap that is not a positive integer', () => {
    expect(() => chooseWasmThreads(isolated, 0)).toThrow(/positive integer/);
    expect(() => chooseWasmThreads(isolated, 2.5)).toThrow(/positive integer/);
  });
});

describe('chooseWasmThreads on a page of small models', () => {
  it('stays on one thread, even when isolated, and says why', () => {
    expect(choose(isolated, ['contrastive-divergence', 'kmeans-energy'])).toEqual({ threads: 1, reason: 'small-models' });
    expect(choose(isolated, [])).toEqual({ threads: 1, reason: 'small-models' });
  });

  it('still reports missing isolation first: that is what the reader could change', () => {
    expect(choose({ ...isolated, crossOriginIsolated: false }, ['masked-tokens'])).toEqual({ threads: 1, reason: 'not-isolated' });
  });

  it('uses threads as soon as one large model is on the page', () => {
    expect(choose(isolated, ['dae-energy', 'denoising-autoencoder'])).toEqual({ threads: 4, reason: 'isolated' });
  });
});

describe('wantsThreadedBinary', () => {
  it('loads the threaded binary only for a pool of more than one thread', () => {
    expect(wantsThreadedBinary({ threads: 2, reason: 'isolated' })).toBe(true);
    expect(wantsThreadedBinary({ threads: 1, reason: 'single-core' })).toBe(false);
    expect(wantsThreadedBinary({ threads: 1, reason: 'not-isolated' })).toBe(false);
  });
});
