/**
 * A faster 2-D float32 transpose for tfjs's wasm backend where tfjs's own kernel is slow,
 * installed in place of its `Transpose` kernel.
 *
 * Why: tfjs's kernel writes the output with a stride of the input's row count. It is fast
 * (0.5–0.8 ns per element in Chromium) except when that count is a multiple of 128: then its
 * writes keep landing in the same cache sets and it costs 3–5 ns per element. The autoencoder's
 * training step transposes its minibatch (256 rows by default) on wasm, where matMul's
 * transpose flags are slower still (see autoencoder.ts): a 256×784 transpose took 0.8 ms, twenty
 * times an elementwise add on the same tensor. A cache-blocked copy in TypeScript straight on
 * the backend's heap costs about 1.3 ns per element whatever the shape, so it takes over exactly
 * where tfjs's kernel is slower (input rows a multiple of 128, at least 64 columns: measured on
 * 64 to 1024 rows and 30 to 784 columns); every other transpose stays tfjs's.
 *
 * Why hand-written: no library provides a transpose that works on tfjs's wasm heap, and the
 * backend exposes no other transpose kernel to call.
 *
 * The copy moves 32-bit words through an Int32Array view, never through floats, so every bit
 * (NaN payloads included) is kept: the result is bit for bit tfjs's.
 *
 * Only types are imported from tfjs: the caller passes its tfjs, so that a page that loads tfjs
 * lazily can install the kernel without pulling tfjs into an eager chunk.
 */
import type * as TF from '@tensorflow/tfjs-core';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';

type KernelRegistry = Pick<typeof TF, 'getKernel' | 'registerKernel' | 'unregisterKernel'>;

/** tfjs's kernel name for a transpose (`tf.Transpose`), spelled here to import no value. */
const TRANSPOSE = 'Transpose';

/**
 * Tile side: a 32×32 tile keeps both its strided reads and its rows of writes in the first-level
 * cache. Measured in Chromium against 16 and 64 (64 is no faster and slower on some shapes).
 */
const TILE = 32;

/**
 * dst[j·rows + i] = src[i·cols + j] for the rows×cols matrix at word offset `from` of `heap`,
 * written at word offset `to`: tile by tile, each output row of a tile written contiguously
 * (faster in V8 than reading contiguously).
 */
export function transposeWords(heap: Int32Array, from: number, to: number, rows: number, cols: number): void {
  for (let j0 = 0; j0 < cols; j0 += TILE) {
    const jEnd = Math.min(j0 + TILE, cols);
    for (let i0 = 0; i0 < rows; i0 += TILE) {
      const iEnd = Math.min(i0 + TILE, rows);
      for (let j = j0; j < jEnd; j++) {
        let target = to + j * rows + i0;
        let source = from + i0 * cols + j;
        for (let i = i0; i < iEnd; i++) {
          heap[target] = heap[source];
          target += 1;
          source += cols;
        }
      }
    }
  }
}

/**
 * True where the tiled copy beats tfjs's kernel: a 2-D float32 transpose whose input has a
 * multiple of 128 rows (tfjs's cache-set conflicts) and at least 64 columns (fewer strided
 * output rows than that stay in the cache and tfjs's kernel is faster).
 */
export function prefersTiledCopy(shape: readonly number[], dtype: string, perm: readonly number[]): boolean {
  return isMatrixTranspose(shape, dtype, perm) && shape[0] % 128 === 0 && shape[1] >= 64;
}

/** A 2-D float32 transpose: the only kind the tiled copy can do. */
export function isMatrixTranspose(shape: readonly number[], dtype: string, perm: readonly number[]): boolean {
  return dtype === 'float32' && shape.length === 2 && perm[0] === 1 && perm[1] === 0;
}

/** Chooses, per call, between the tiled copy and tfjs's kernel. */
export type TransposeChoice = (shape: readonly number[], dtype: string, perm: readonly number[]) => boolean;

interface TransposeArgs {
  inputs: { x: TF.TensorInfo };
  backend: BackendWasm;
  attrs: { perm: number[] };
}

function tiledTranspose(args: TransposeArgs, fallback: TF.KernelFunc, copyHere: TransposeChoice): TF.TensorInfo | TF.TensorInfo[] {
  const { inputs, backend, attrs } = args;
  if (!isMatrixTranspose(inputs.x.shape, inputs.x.dtype, attrs.perm) || !copyHere(inputs.x.shape, inputs.x.dtype, attrs.perm)) return fallback(args as unknown as Parameters<TF.KernelFunc>[0]);
  const [rows, cols] = inputs.x.shape;
  const out = backend.makeOutput([cols, rows], 'float32');
  // Read the heap only now: allocating the output may have grown the memory. In the threaded
  // build the heap is shared and a view taken before another thread grew it is shorter than the
  // memory: then let tfjs's kernel (which does not go through a view) do it.
  const heap = backend.wasm.HEAP32;
  const from = backend.dataIdMap.get(inputs.x.dataId)!.memoryOffset / 4;
  const to = backend.dataIdMap.get(out.dataId)!.memoryOffset / 4;
  const size = rows * cols;
  if (from + size > heap.length || to + size > heap.length) {
    backend.disposeData(out.dataId);
    return fallback(args as unknown as Parameters<TF.KernelFunc>[0]);
  }
  transposeWords(heap, from, to, rows, cols);
  return out;
}

const installed = new WeakSet<TF.KernelFunc>();

/**
 * Replaces the wasm backend's `Transpose` with one that takes the tiled copy where `copyHere`
 * says (by default where it is faster) and tfjs's kernel everywhere else (which also keeps its
 * setup). Call it once tfjs's wasm backend has registered its kernels, before or after the
 * backend starts. Returns a function that puts tfjs's kernel back. Installing twice changes
 * nothing.
 */
export function installWasmTranspose(tf: KernelRegistry, copyHere: TransposeChoice = prefersTiledCopy): () => void {
  const original = tf.getKernel(TRANSPOSE, 'wasm');
  if (!original) throw new Error("installWasmTranspose: tfjs's wasm backend has not registered its kernels yet");
  if (installed.has(original.kernelFunc)) return () => {};
  const kernelFunc = ((args: TransposeArgs) => tiledTranspose(args, original.kernelFunc, copyHere)) as unknown as TF.KernelFunc;
  installed.add(kernelFunc);
  tf.unregisterKernel(TRANSPOSE, 'wasm');
  tf.registerKernel({ ...original, kernelFunc });
  return () => {
    if (tf.getKernel(TRANSPOSE, 'wasm')?.kernelFunc !== kernelFunc) return;
    tf.unregisterKernel(TRANSPOSE, 'wasm');
    tf.registerKernel(original);
  };
}
