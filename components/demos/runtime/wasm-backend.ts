'use client';

import type * as TF from '@tensorflow/tfjs-core';
import type * as TfWasm from '@tensorflow/tfjs-backend-wasm';
import { chooseWasmThreads, wantsThreadedBinary, type ThreadingChoice } from '@/lib/demos/backends';
import { installWasmTranspose } from '@/lib/ml/wasm-transpose';

type Tf = typeof TF;
type WasmApi = Pick<typeof TfWasm, 'setWasmPaths' | 'setThreadsCount' | 'getThreadsCount'>;

const basePath = process.env.NEXT_PUBLIC_BASE_PATH ?? '';
/** Copied from the package by scripts/copy-tfjs-wasm.mjs (see there why not bundled). */
const scriptUrl = `${basePath}/tfjs/tf-backend-wasm.min.js`;

declare global {
  // The UMD build of the wasm backend reads tfjs-core from, and registers itself on, `tf`.
  var tf: (Record<string, unknown> & { wasm?: WasmApi }) | undefined;
}

let api: Promise<WasmApi> | null = null;
let choice: ThreadingChoice | null = null;

/** Loads tfjs's prebuilt wasm backend once, against the page's own copy of tfjs-core. */
function loadWasmApi(tf: Tf): Promise<WasmApi> {
  api ??= new Promise<WasmApi>((resolve, reject) => {
    // A plain object: the module namespace is frozen, and the script adds `tf.wasm` to it.
    globalThis.tf = { ...tf };
    const script = document.createElement('script');
    script.src = scriptUrl;
    script.async = true;
    script.onload = () => {
      const wasm = globalThis.tf?.wasm;
      if (wasm) resolve(wasm);
      else reject(new Error(`${scriptUrl} did not register the wasm backend`));
    };
    script.onerror = () => reject(new Error(`could not load ${scriptUrl}`));
    document.head.append(script);
  });
  api.catch(() => {
    api = null;
  });
  return api;
}

/** The demos placed on this page (a lecture's figures, or the playlist's current demo). */
export function demosOnPage(): string[] {
  const figures = Array.from(document.querySelectorAll<HTMLElement>('figure[data-demo]'), (f) => f.dataset.demo ?? '');
  const playlist = document.querySelector<HTMLElement>('.playlist[data-current]')?.dataset.current;
  return playlist ? [...figures, playlist] : figures;
}

/**
 * What this page allows: isolation (headers or the service worker), shared memory that wasm
 * threads can use (tfjs's own probe: a transferable SharedArrayBuffer and atomics), cores.
 */
async function threadingChoice(tf: Tf): Promise<ThreadingChoice> {
  const threadsWork = typeof SharedArrayBuffer !== 'undefined' && (await tf.env().getAsync('WASM_HAS_MULTITHREAD_SUPPORT')) === true;
  return chooseWasmThreads({
    crossOriginIsolated: typeof crossOriginIsolated !== 'undefined' && crossOriginIsolated,
    sharedArrayBuffer: threadsWork,
    hardwareConcurrency: typeof navigator !== 'undefined' ? navigator.hardwareConcurrency : undefined,
    serviceWorkerControlled: typeof navigator !== 'undefined' && !!navigator.serviceWorker?.controller,
  }, demosOnPage());
}

/**
 * tfjs 4.22 caps its pool at half of `navigator.hardwareConcurrency` (it assumes two hardware
 * threads per core), which leaves a 2- or 3-core machine on one thread whatever we ask. While
 * the backend initialises, the page reports twice the threads we chose, so the cap lets them
 * through; the real value is back as soon as initialisation is over.
 */
async function withReportedCores<T>(threads: number, run: () => Promise<T>): Promise<T> {
  const shadowed = Object.getOwnPropertyDescriptor(navigator, 'hardwareConcurrency');
  Object.defineProperty(navigator, 'hardwareConcurrency', { value: threads * 2, configurable: true });
  try {
    return await run();
  } finally {
    if (shadowed) Object.defineProperty(navigator, 'hardwareConcurrency', shadowed);
    else delete (navigator as { hardwareConcurrency?: number }).hardwareConcurrency;
  }
}

/**
 * Makes `tf.setBackend('wasm')` start the threaded SIMD binary with the chosen pool size where
 * the page is cross-origin isolated, the single-threaded SIMD binary otherwise. The binaries
 * come from our own origin. tfjs's transpose is replaced where it is slow (lib/ml/wasm-transpose.ts).
 */
export async function prepareWasm(tf: Tf): Promise<{ initialise(): Promise<boolean> }> {
  const wasm = await loadWasmApi(tf);
  installWasmTranspose(tf);
  wasm.setWasmPaths(`${basePath}/tfjs/`);
  choice ??= await threadingChoice(tf);
  const threaded = wantsThreadedBinary(choice);
  wasm.setThreadsCount(choice.threads);
  tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', threaded);
  const threads = choice.threads;
  return {
    initialise: () => (threaded ? withReportedCores(threads, () => tf.setBackend('wasm')) : tf.setBackend('wasm')),
  };
}

/** The choice, with the pool size tfjs actually built; undefined before the backend started. */
export function wasmThreadsInUse(): ThreadingChoice | undefined {
  const wasm = globalThis.tf?.wasm;
  if (!wasm || !choice) return undefined;
  try {
    return { ...choice, threads: wasm.getThreadsCount() };
  } catch {
    return undefined; // not initialised yet
  }
}

/** Threads that share each product on `backend`: wasm's pool size, 1 on every other backend. */
export function productThreads(backend: string): number {
  return backend === 'wasm' ? (wasmThreadsInUse()?.threads ?? 1) : 1;
}
