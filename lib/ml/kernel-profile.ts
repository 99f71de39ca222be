/**
 * How much work one call of a step costs a backend, counted rather than timed, so that the
 * figure means the same on a loaded machine, in Node and in any browser:
 * - kernels: the engine's kernel calls, by name (`tf.profile`);
 * - uploads: tensors made from JavaScript values (the backend's `write`);
 * - downloads: read-backs (`read`, `readSync`), with the number of values each one returned;
 * - dispatches: on a GPU backend, the shader programs actually run. A kernel can cost more than
 *   one (WebGL packs and unpacks textures between kernels that want different layouts), and
 *   that hidden work is what a lean formulation must also avoid.
 *
 * The step runs once to warm up (optimizers create their slots and backends compile shaders on
 * a first call), once under `tf.profile` for the kernels, and once with the backend's methods
 * wrapped for the rest: the profiler may read values back itself, which must not be counted.
 */
import * as tf from '@tensorflow/tfjs-core';

export interface StepProfile {
  /** Kernel calls of one step. */
  kernels: number;
  /** Kernel calls by kernel name. */
  byName: Record<string, number>;
  /** Tensors created from JavaScript values. */
  uploads: number;
  /** Read-backs to JavaScript. */
  downloads: number;
  /** Values returned by each read-back, in call order. */
  downloadSizes: number[];
  /** Shader programs run (WebGL, WebGPU); null on a backend that runs no shaders. */
  dispatches: number | null;
  /**
   * Values the shader programs wrote (the sum of their output sizes): the memory traffic that
   * bounds elementwise work on a GPU, and a software GPU above all. Null like `dispatches`.
   */
  dispatchedValues: number | null;
  /** Tensors the step left allocated (its result excluded, which the profiler disposes). */
  leakedTensors: number;
}

/** What a step hands back: tensors the profiler disposes, or nothing. */
export type StepResult = tf.TensorContainer | void;
export type Step = () => StepResult | Promise<StepResult>;

const DISPATCH_METHODS = ['runWebGLProgram', 'runWebGPUProgram'] as const;

type Patchable = Record<string, unknown>;

function disposeResult(result: StepResult): void {
  if (result !== undefined) tf.dispose(result as tf.TensorContainer);
}

function sizeOf(values: unknown): number {
  if (values && typeof values === 'object' && 'length' in values) return Number((values as { length: number }).length);
  return 0;
}

/** Counts of `kernelNames` by name, sorted by name for stable output. */
export function countByName(kernelNames: readonly string[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const name of [...kernelNames].sort()) counts[name] = (counts[name] ?? 0) + 1;
  return counts;
}

/** Replaces `target[name]` by a wrapper around it; returns the undo. */
function wrapMethod(target: Patchable, name: string, wrapper: (original: (...args: unknown[]) => unknown) => (...args: unknown[]) => unknown): () => void {
  const original = target[name];
  if (typeof original !== 'function') return () => {};
  const own = Object.prototype.hasOwnProperty.call(target, name);
  target[name] = wrapper(original as (...args: unknown[]) => unknown);
  return () => {
    if (own) target[name] = original;
    else delete target[name];
  };
}

/**
 * Runs `step` with the engine's and the backend's methods wrapped, and returns the calls it
 * made. Uploads are counted at the engine (`makeTensor`), where values enter from JavaScript:
 * a CPU-side backend also `write`s every kernel's output. A read made while another is running
 * (a backend's `read` calling its own `readSync`) is the same read-back.
 */
async function countBackendCalls(step: Step): Promise<Pick<StepProfile, 'uploads' | 'downloads' | 'downloadSizes' | 'dispatches' | 'dispatchedValues'>> {
  const engine = tf.engine() as unknown as Patchable;
  const backend = tf.backend() as unknown as Patchable;
  const hasShaders = DISPATCH_METHODS.some((name) => typeof backend[name] === 'function');
  // On a GPU backend every read of the backend is a transfer, a kernel's own included; on a
  // CPU-side one, kernels read their inputs' memory through the same methods, so only the
  // reads the code asks for (the engine's) are counted there.
  const reader = hasShaders ? backend : engine;
  const counts = { uploads: 0, downloads: 0, downloadSizes: [] as number[], dispatches: 0, dispatchedValues: 0 };
  let reading = 0;
  const undo: (() => void)[] = [];
  undo.push(
    wrapMethod(engine, 'makeTensor', (original) =>
      function (this: unknown, ...args: unknown[]) {
        counts.uploads += 1;
        return original.apply(this, args);
      },
    ),
  );
  undo.push(
    wrapMethod(reader, 'readSync', (original) =>
      function (this: unknown, ...args: unknown[]) {
        const outer = reading === 0;
        reading += 1;
        try {
          const values = original.apply(this, args);
          if (outer) {
            counts.downloads += 1;
            counts.downloadSizes.push(sizeOf(values));
          }
          return values;
        } finally {
          reading -= 1;
        }
      },
    ),
  );
  undo.push(
    wrapMethod(reader, 'read', (original) =>
      function (this: unknown, ...args: unknown[]) {
        const outer = reading === 0;
        reading += 1;
        let pending: unknown;
        try {
          pending = original.apply(this, args);
        } finally {
          reading -= 1;
        }
        if (!outer) return pending;
        counts.downloads += 1;
        const index = counts.downloadSizes.push(0) - 1;
        return Promise.resolve(pending).then((values) => {
          counts.downloadSizes[index] = sizeOf(values);
          return values;
        });
      },
    ),
  );
  for (const name of DISPATCH_METHODS) {
    undo.push(
      wrapMethod(backend, name, (original) =>
        function (this: unknown, ...args: unknown[]) {
          counts.dispatches += 1;
          // Both backends' programs declare the shape they write.
          const shape = (args[0] as { outputShape?: number[] } | undefined)?.outputShape ?? [];
          counts.dispatchedValues += shape.reduce((a, b) => a * b, 1);
          return original.apply(this, args);
        },
      ),
    );
  }
  try {
    disposeResult(await step());
  } finally {
    for (const u of undo.reverse()) u();
  }
  return { ...counts, dispatches: hasShaders ? counts.dispatches : null, dispatchedValues: hasShaders ? counts.dispatchedValues : null };
}

/** Profiles one call of `step` on the current backend (see the module comment). */
export async function profileStep(step: Step): Promise<StepProfile> {
  disposeResult(await step());
  const before = tf.memory().numTensors;
  const info = await tf.profile(async () => {
    const result = await step();
    return (result ?? []) as tf.TensorContainer;
  });
  disposeResult(info.result as StepResult);
  const leakedTensors = tf.memory().numTensors - before;
  const calls = await countBackendCalls(step);
  // `kernelNames` is the set of distinct names: count the calls.
  const names = info.kernels.map((k) => k.name);
  return { kernels: names.length, byName: countByName(names), leakedTensors, ...calls };
}

/** a − b, kernel by kernel: the cost of one more call when only "n calls" can be profiled. */
export function subtractProfiles(a: StepProfile, b: StepProfile): StepProfile {
  const byName: Record<string, number> = {};
  for (const name of new Set([...Object.keys(a.byName), ...Object.keys(b.byName)])) {
    const n = (a.byName[name] ?? 0) - (b.byName[name] ?? 0);
    if (n !== 0) byName[name] = n;
  }
  return {
    kernels: a.kernels - b.kernels,
    byName: countByName(Object.entries(byName).flatMap(([name, n]) => Array<string>(Math.max(0, n)).fill(name))),
    uploads: a.uploads - b.uploads,
    downloads: a.downloads - b.downloads,
    downloadSizes: a.downloadSizes.slice(b.downloadSizes.length),
    dispatches: a.dispatches === null || b.dispatches === null ? null : a.dispatches - b.dispatches,
    dispatchedValues: a.dispatchedValues === null || b.dispatchedValues === null ? null : a.dispatchedValues - b.dispatchedValues,
    leakedTensors: a.leakedTensors - b.leakedTensors,
  };
}
