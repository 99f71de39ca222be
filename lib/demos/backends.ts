/** tfjs backends in order of preference: fastest first, the always-available cpu last. */
export const BACKENDS = ['webgpu', 'webgl', 'wasm', 'cpu'] as const;
export type BackendName = (typeof BACKENDS)[number];

export function isBackendName(name: string | null | undefined): name is BackendName {
  return !!name && (BACKENDS as readonly string[]).includes(name);
}

/**
 * The order in which to try backends: a requested one first, then the usual preference.
 * WebGPU is tried only where the browser exposes it (its module throws elsewhere).
 */
export function backendOrder(requested: string | null | undefined, capabilities: { webgpu: boolean }): BackendName[] {
  const available = BACKENDS.filter((b) => b !== 'webgpu' || capabilities.webgpu);
  if (!isBackendName(requested) || !available.includes(requested)) return available;
  return [requested, ...available.filter((b) => b !== requested)];
}

/** What the page knows about its ability to run wasm on several threads. */
export interface ThreadingEnvironment {
  /** `globalThis.crossOriginIsolated`: COOP/COEP headers (or the service worker) are in force. */
  crossOriginIsolated: boolean;
  /** SharedArrayBuffer exists and wasm threads (atomics) validate: what the threaded binary needs. */
  sharedArrayBuffer: boolean;
  /** `navigator.hardwareConcurrency`; undefined where the browser hides it. */
  hardwareConcurrency: number | undefined;
  /** A page controlled by the site's service worker becomes isolated after a reload. */
  serviceWorkerControlled: boolean;
}

/** Why the wasm backend runs on the number of threads it does; each has a message for the reader. */
export type ThreadingReason =
  | 'isolated' // several threads, one per core up to the cap
  | 'capped' // more cores than the cap
  | 'single-core' // isolated, but the machine reports one core
  | 'small-models' // isolated, but no demo on the page has matrices large enough for threads to pay
  | 'reload-needed' // the service worker now controls the page: the next load is isolated
  | 'not-isolated' // no isolation headers and no service worker (yet)
  | 'no-shared-memory'; // isolated, yet SharedArrayBuffer is missing (an old or locked-down browser)

export interface ThreadingChoice {
  /** Threads for XNNPACK's pool, the calling thread included; 1 means the single-threaded SIMD build. */
  threads: number;
  reason: ThreadingReason;
}

/**
 * Beyond eight threads the demos' matrices (batch 256, at most 784 wide) are split so thin that
 * synchronising the pool costs more than it saves, and the page would starve the reader's other tabs.
 */
export const MAX_WASM_THREADS = 8;

/**
 * Demos whose training multiplies matrices large enough (MNIST: 784 wide, batch 256) for a
 * thread pool to pay. The others' models are a few dozen units wide: each of their many small
 * kernels would wait for the pool to synchronise, which on a busy machine made them several
 * times slower than on one thread.
 */
export const THREAD_WORTHY_DEMOS: readonly string[] = ['autoencoder', 'denoising-autoencoder', 'ae-interpolation'];

/** Where the browser hides its core count, assume a dual-core machine: threads still pay there. */
const ASSUMED_CORES = 2;

/**
 * How many threads tfjs's wasm backend should use (one pool for the whole page, fixed when the
 * backend starts). The threaded binary needs shared memory, which browsers grant only to
 * cross-origin-isolated pages, and pays only for the large models of `THREAD_WORTHY_DEMOS`;
 * otherwise the single-threaded SIMD binary runs, and the reason says why.
 */
export function chooseWasmThreads(env: ThreadingEnvironment, demosOnPage: readonly string[], cap: number = MAX_WASM_THREADS): ThreadingChoice {
  if (!Number.isInteger(cap) || cap < 1) throw new RangeError(`thread cap must be a positive integer, got ${cap}`);
  if (!env.crossOriginIsolated) {
    return { threads: 1, reason: env.serviceWorkerControlled ? 'reload-needed' : 'not-isolated' };
  }
  if (!env.sharedArrayBuffer) return { threads: 1, reason: 'no-shared-memory' };
  if (!demosOnPage.some((id) => THREAD_WORTHY_DEMOS.includes(id))) return { threads: 1, reason: 'small-models' };
  const reported = env.hardwareConcurrency;
  const cores = reported !== undefined && Number.isFinite(reported) && reported >= 1 ? Math.floor(reported) : ASSUMED_CORES;
  if (cores === 1) return { threads: 1, reason: 'single-core' };
  if (cores > cap) return { threads: cap, reason: 'capped' };
  return { threads: cores, reason: 'isolated' };
}

/** Whether tfjs should load its threaded SIMD binary (it has no use for a pool of one). */
export function wantsThreadedBinary(choice: ThreadingChoice): boolean {
  return choice.threads > 1;
}
