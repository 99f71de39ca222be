'use client';

import type * as TF from '@tensorflow/tfjs-core';
import { backendOrder, isBackendName, type BackendName, type ThreadingChoice } from '@/lib/demos/backends';
import type { BackendTiming, CalibrationStore } from '@/lib/demos/calibration';
import type { CalibrationProbe } from '@/lib/demos/calibration-probe';
import { isLosable, nextBackend } from '@/lib/demos/device-loss';
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
  /** How a heavy demo's page chose its backend: timed now, or remembered from an earlier timing. */
  choice?: { source: 'measured' | 'remembered'; timings: BackendTiming[] };
}

export type LoadStage = 'library' | 'backend' | 'calibrating';

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

/**
 * True when WebGL is emulated on the CPU (SwiftShader, llvmpipe). Only a presumption for pages
 * of light demos in a browser where nothing was measured yet (see lightDemoOrder).
 */
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

async function tryBackend(name: BackendName, tf: Tf): Promise<void> {
  await registerBackend(name);
  const ok = name === 'wasm' ? await (await prepareWasm(tf)).initialise() : await tf.setBackend(name);
  if (!ok) throw new Error(`${name} did not initialise`);
  await tf.ready();
  const halfPrecision = halfPrecisionReason(name, (flag) => tf.env().getBool(flag));
  if (halfPrecision) throw new Error(halfPrecision);
  watchDevice(tf, name);
}

/** What the reader is told when the browser takes the GPU away. */
export interface DeviceLoss {
  backend: BackendName;
  /** The browser's words where it gives any (WebGPU's message), else a fixed description. */
  reason: string;
  /** The backend a demo offers to continue on; null when none is left. */
  next: BackendName | null;
}

const lostOnPage = new Set<BackendName>();
let lastLoss: DeviceLoss | null = null;
const lossListeners = new Set<(loss: DeviceLoss) => void>();
let hasWebGpu = false;

function reportLoss(backend: BackendName, reason: string): void {
  if (lostOnPage.has(backend)) return;
  lostOnPage.add(backend);
  lastLoss = { backend, reason, next: nextBackend(backendOrder(null, { webgpu: hasWebGpu }), backend, lostOnPage) };
  const loss = lastLoss;
  lossListeners.forEach((listener) => listener(loss));
}

/** The page's WebGL context as tfjs-backend-webgl 4.22 keeps it (`backend.gpgpu.gl`). */
function webglContext(tf: Tf): WebGLRenderingContext | WebGL2RenderingContext | null {
  const backend = tf.findBackend('webgl') as { gpgpu?: { gl?: WebGLRenderingContext | WebGL2RenderingContext } } | null;
  return backend?.gpgpu?.gl ?? null;
}

const watched = new WeakSet<object>();

/**
 * Listens for the browser taking the GPU away: WebGL's `webglcontextlost` on tfjs's own canvas
 * (tfjs also listens, and only forgets the context), WebGPU's `device.lost`. Once per device.
 */
function watchDevice(tf: Tf, name: BackendName): void {
  if (!isLosable(name)) return;
  if (name === 'webgl') {
    const gl = webglContext(tf);
    const canvas = gl?.canvas;
    if (!gl || !canvas || watched.has(canvas)) return;
    watched.add(canvas);
    canvas.addEventListener('webglcontextlost', () => reportLoss('webgl', 'the WebGL context was lost'));
    return;
  }
  const device = (tf.findBackend('webgpu') as { device?: { lost?: Promise<{ reason?: string; message?: string }> } } | null)?.device;
  if (!device?.lost || watched.has(device)) return;
  watched.add(device);
  void device.lost.then((info) => {
    // 'destroyed' is tfjs disposing its own backend, not a loss.
    if (info.reason !== 'destroyed') reportLoss('webgpu', info.message || 'the WebGPU device was lost');
  });
}

/**
 * Whether the backend in use has lost its device, for a demo whose step just failed: the
 * failure may come before the browser's event. Reports the loss if so.
 */
export function deviceLostNow(tf: Tf): boolean {
  const name = tf.getBackend();
  if (isBackendName(name) && lostOnPage.has(name)) return true;
  if (name === 'webgl' && webglContext(tf)?.isContextLost()) {
    reportLoss('webgl', 'the WebGL context was lost');
    return true;
  }
  return false;
}

/** Calls `listener` on a loss of the GPU (at once if one already happened on this page). */
export function subscribeDeviceLoss(listener: (loss: DeviceLoss) => void): () => void {
  lossListeners.add(listener);
  if (lastLoss && lostOnPage.has(lastLoss.backend)) listener(lastLoss);
  return () => lossListeners.delete(listener);
}

/** The loss of the backend `runtime` runs on, if it was lost. */
export function lossOf(runtime: TfRuntime): DeviceLoss | null {
  return lastLoss && lastLoss.backend === runtime.backend ? lastLoss : null;
}

declare global {
  interface Window {
    /** Test and bench hook: the engine's tensor count and the backend in use. */
    __notesTf?: {
      numTensors(): number;
      numBytes(): number;
      backend(): string;
      wasmThreads(): number | null;
      /** How the backend was chosen: 'measured', 'remembered', or null (forced or light page). */
      choice(): string | null;
      /** Calibrations run on this page (a remembered choice runs none). */
      calibrations(): number;
      /** tfjs's WebGL context, for tests that make the browser lose it. */
      webglContext(): WebGLRenderingContext | WebGL2RenderingContext | null;
    };
  }
}

let calibrationsRun = 0;
let latestChoice: TfRuntime['choice'] | undefined;

function exposeForTests(tf: Tf): void {
  window.__notesTf = {
    numTensors: () => tf.memory().numTensors,
    numBytes: () => tf.memory().numBytes,
    backend: () => tf.getBackend(),
    wasmThreads: () => (tf.getBackend() === 'wasm' ? (wasmThreadsInUse()?.threads ?? null) : null),
    choice: () => latestChoice?.source ?? null,
    calibrations: () => calibrationsRun,
    webglContext: () => webglContext(tf),
  };
}

/** The browser a choice is remembered for: a new version of it (or another browser) measures again. */
function browserId(): string {
  return typeof navigator !== 'undefined' ? navigator.userAgent : '';
}

/** The calibration's rules and timing, loaded with tfjs (the schema library is not small). */
type Calibration = typeof import('@/lib/demos/calibration') & typeof import('./calibrate');

async function loadCalibration(): Promise<Calibration> {
  const [rules, timing] = await Promise.all([import('@/lib/demos/calibration'), import('./calibrate')]);
  return { ...rules, ...timing };
}

function readStore(c: Calibration): CalibrationStore {
  try {
    return c.parseStore(localStorage.getItem(c.CALIBRATION_STORAGE_KEY));
  } catch {
    return {}; // storage disabled (a locked-down browser): measure every time
  }
}

function writeStore(c: Calibration, store: CalibrationStore | null): void {
  try {
    if (store) localStorage.setItem(c.CALIBRATION_STORAGE_KEY, JSON.stringify(store));
    else localStorage.removeItem(c.CALIBRATION_STORAGE_KEY);
  } catch {
    // Full or disabled storage: the choice is simply not remembered.
  }
}

interface Picked {
  backend: BackendName;
  choice?: TfRuntime['choice'];
}

/**
 * A heavy demo's page: the remembered choice for this model size and browser if there is one
 * (and it still starts), else the fastest backend by a calibration, remembered for next time.
 * Null when nothing could be timed (the caller falls back to the usual order).
 */
async function calibrated(c: Calibration, tf: Tf, order: BackendName[], probe: CalibrationProbe, fresh: boolean, fallbacks: TfRuntime['fallbacks'], onStage?: (stage: LoadStage) => void): Promise<Picked | null> {
  const key = c.probeKey(probe);
  const store = readStore(c);
  const remembered = fresh ? null : c.recall(store, key, browserId());
  if (remembered && order.includes(remembered.backend)) {
    try {
      await tryBackend(remembered.backend, tf);
      return { backend: remembered.backend, choice: { source: 'remembered', timings: remembered.timings } };
    } catch (error) {
      fallbacks.push({ backend: remembered.backend, reason: error instanceof Error ? error.message : String(error) });
    }
  }
  calibrationsRun += 1;
  onStage?.('calibrating');
  const timings = await c.timeBackends(tf, c.calibrationCandidates(order.filter((b) => !lostOnPage.has(b))), probe, (name) => tryBackend(name, tf), { outOfTime: c.OUT_OF_TIME });
  const decision = c.chooseBackend(timings);
  if (!decision) return null;
  await tryBackend(decision.backend, tf);
  writeStore(c, c.remember(store, key, browserId(), decision, Date.now()));
  return { backend: decision.backend, choice: { source: 'measured', timings } };
}

let current: Promise<TfRuntime> | null = null;
let currentRequest: string | null = null;
let pageProbe: CalibrationProbe | null = null;

export interface LoadOptions {
  onStage?: (stage: LoadStage) => void;
  /** The page's heaviest model (see pageProbe): the backend is chosen by timing it. */
  probe?: CalibrationProbe | null;
  /** Ignore a remembered choice and measure again. */
  fresh?: boolean;
}

/**
 * tfjs has one global engine per page, so every demo on a page shares one backend. The first
 * demo to load picks it: the requested one if it works; on a page with a heavy demo, the
 * fastest by measurement; else the usual order without the backends measured slow. Switching
 * later goes through `switchBackend`.
 */
export function loadTf(requested: string | null, options: LoadOptions = {}): Promise<TfRuntime> {
  if (current && (requested === null || requested === currentRequest)) return current;
  currentRequest = requested;
  if (options.probe) pageProbe = options.probe;
  const { onStage } = options;
  current = (async () => {
    onStage?.('library');
    const tf = await import('@tensorflow/tfjs-core');
    await import('@/lib/ml/gradients');
    // Kernel warnings (e.g. "backend already registered") are not problems the reader can act on.
    tf.env().set('PROD', true);
    onStage?.('backend');
    hasWebGpu = typeof navigator !== 'undefined' && 'gpu' in navigator && !!(navigator as { gpu?: unknown }).gpu;
    const fallbacks: TfRuntime['fallbacks'] = [];
    const usual = backendOrder(requested, { webgpu: hasWebGpu });
    // A backend whose device was lost on this page is tried last (its context may not come back).
    const order = [...usual.filter((b) => !lostOnPage.has(b)), ...usual.filter((b) => lostOnPage.has(b))];
    const forced = isBackendName(requested) && order[0] === requested;
    const finish = (picked: Picked): TfRuntime => {
      exposeForTests(tf);
      latestChoice = picked.choice;
      return { tf, backend: picked.backend, fallbacks, ...(picked.choice ? { choice: picked.choice } : {}), ...(picked.backend === 'wasm' ? { wasmThreads: wasmThreadsInUse() } : {}) };
    };
    const calibration = forced ? null : await loadCalibration();
    if (calibration && pageProbe) {
      const picked = await calibrated(calibration, tf, order, pageProbe, options.fresh ?? false, fallbacks, onStage);
      if (picked) return finish(picked);
    }
    const tryOrder = !calibration ? order : calibration.lightDemoOrder(order, readStore(calibration), browserId(), () => (softwareWebGl() ? [{ slower: 'webgl', than: 'wasm' }] : []));
    for (const name of tryOrder) {
      try {
        await tryBackend(name, tf);
        return finish({ backend: name });
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

/** A demo mount hears of a new runtime, or (null) that the current one is being replaced. */
const listeners = new Set<(runtime: TfRuntime | null) => void>();

/** Every demo on the page follows a backend switch made in any one of them. */
export function subscribeRuntime(listener: (runtime: TfRuntime | null) => void): () => void {
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

/**
 * "Measure again": forgets every remembered choice, takes the demos down (their models must
 * not train while backends are being switched under them), times the backends again and
 * brings the demos back on the winner.
 */
export async function measureAgain(): Promise<TfRuntime> {
  writeStore(await loadCalibration(), null);
  listeners.forEach((listener) => listener(null));
  // Let the demos unmount (and free their tensors) before the timing starts.
  await new Promise((resolve) => setTimeout(resolve, 0));
  current = null;
  currentRequest = null;
  const runtime = await loadTf(null, { fresh: true });
  listeners.forEach((listener) => listener(runtime));
  return runtime;
}
