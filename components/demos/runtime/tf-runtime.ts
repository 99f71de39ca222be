'use client';

import type * as TF from '@tensorflow/tfjs-core';
import { backendOrder, type BackendName, type ThreadingChoice } from '@/lib/demos/backends';
import { halfPrecisionReason } from '@/lib/demos/float-precision';
import { prepareWasm, wasmThreadsInUse } from './wasm-backend';

export type Tf = typeof TF;

export interface TfRuntime {
  tf: Tf;
  backend: BackendName;
  /** Backends that were tried and failed, with the reason, shown to the reader. */
  fallbacks: { backend: BackendName; reason: string }[];
  /** On wasm: the threads XNNPACK runs on (as tfjs reports them) and why that many. */
  wasmThreads?: ThreadingChoice;
}

export type LoadStage = 'library' | 'backend';

/** Imports the backend module only when it is tried, so a page pays for one backend. */
async function registerBackend(name: BackendName): Promise<void> {
  switch (name) {
    case 'webgpu':
      await import('@tensorflow/tfjs-backend-webgpu');
      return;
    case 'webgl':
      await import('@tensorflow/tfjs-backend-webgl');
      return;
    case 'wasm':
      // Registered (and its binaries located, its threads chosen) in tryBackend.
      return;
    case 'cpu':
      await import('@tensorflow/tfjs-backend-cpu');
      return;
  }
}

/** True when WebGL is emulated on the CPU (SwiftShader, llvmpipe). */
function softwareWebGl(): boolean {
  try {
    const gl = document.createElement('canvas').getContext('webgl');
    if (!gl) return false;
    const info = gl.getExtension('WEBGL_debug_renderer_info');
    const renderer = String(info ? gl.getParameter(info.UNMASKED_RENDERER_WEBGL) : gl.getParameter(gl.RENDERER));
    gl.getExtension('WEBGL_lose_context')?.loseContext();
    return /swiftshader|llvmpipe|software/i.test(renderer);
  } catch {
    return false;
  }
}

async function tryBackend(name: BackendName, tf: Tf, explicit: boolean): Promise<void> {
  await registerBackend(name);
  const ok = name === 'wasm' ? await (await prepareWasm(tf)).initialise() : await tf.setBackend(name);
  if (!ok) throw new Error(`${name} did not initialise`);
  await tf.ready();
  const halfPrecision = halfPrecisionReason(name, (flag) => tf.env().getBool(flag));
  if (halfPrecision) throw new Error(halfPrecision);
  if (name === 'webgl' && !explicit && softwareWebGl()) {
    // WebGL emulated on the CPU (no GPU, or a blocked driver) is several times slower than wasm.
    throw new Error('WebGL runs in software here, slower than wasm');
  }
}

declare global {
  interface Window {
    /** Test and bench hook: the engine's tensor count and the backend in use. */
    __notesTf?: { numTensors(): number; numBytes(): number; backend(): string; wasmThreads(): number | null };
  }
}

function exposeForTests(tf: Tf): void {
  window.__notesTf = {
    numTensors: () => tf.memory().numTensors,
    numBytes: () => tf.memory().numBytes,
    backend: () => tf.getBackend(),
    wasmThreads: () => (tf.getBackend() === 'wasm' ? (wasmThreadsInUse()?.threads ?? null) : null),
  };
}

let current: Promise<TfRuntime> | null = null;
let currentRequest: string | null = null;

/**
 * tfjs has one global engine per page, so every demo on a page shares one backend. The first
 * demo to load picks it (the requested one if it works, else the next in order); switching
 * later goes through `switchBackend`.
 */
export function loadTf(requested: string | null, onStage?: (stage: LoadStage) => void): Promise<TfRuntime> {
  if (current && (requested === null || requested === currentRequest)) return current;
  currentRequest = requested;
  current = (async () => {
    onStage?.('library');
    const tf = await import('@tensorflow/tfjs-core');
    await import('@/lib/ml/gradients');
    // Kernel warnings (e.g. "backend already registered") are not problems the reader can act on.
    tf.env().set('PROD', true);
    onStage?.('backend');
    const hasWebGpu = typeof navigator !== 'undefined' && 'gpu' in navigator && !!(navigator as { gpu?: unknown }).gpu;
    const fallbacks: TfRuntime['fallbacks'] = [];
    for (const name of backendOrder(requested, { webgpu: hasWebGpu })) {
      try {
        await tryBackend(name, tf, name === requested);
        exposeForTests(tf);
        return { tf, backend: name, fallbacks, ...(name === 'wasm' ? { wasmThreads: wasmThreadsInUse() } : {}) };
      } catch (error) {
        fallbacks.push({ backend: name, reason: error instanceof Error ? error.message : String(error) });
      }
    }
    throw new Error(`no TensorFlow.js backend could start: ${fallbacks.map((f) => `${f.backend}: ${f.reason}`).join('; ')}`);
  })();
  current.catch(() => {
    current = null;
  });
  return current;
}

const listeners = new Set<(runtime: TfRuntime) => void>();

/** Every demo on the page follows a backend switch made in any one of them. */
export function subscribeRuntime(listener: (runtime: TfRuntime) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Switches the page's backend; each demo then rebuilds its model on the new one. */
export async function switchBackend(name: BackendName): Promise<TfRuntime> {
  current = null;
  const runtime = await loadTf(name);
  listeners.forEach((listener) => listener(runtime));
  return runtime;
}
