/**
 * Loading the MNIST bundle in the browser (or Node 20): streamed download with progress,
 * decoding, and conversion to tensors in the models' [-1, 1] pixel space.
 */
import * as tf from '@tensorflow/tfjs-core';
import { decodeMnist, MNIST_HEADER_BYTES, readMnistHeader, type DecodedMnist } from './format';

/** Where the build step writes the bundle, relative to the site root (prefix the base path). */
export const MNIST_BUNDLE_PATH = '/data/mnist-10k.bin';

/** `total` is 0 while the size is unknown. The last call always has loaded === total. */
export type ProgressCallback = (loaded: number, total: number) => void;

export interface ReadOptions {
  /**
   * Called with the bytes received so far while the total is unknown; may return the full size
   * (e.g. from a file header). Lets progress show a percentage when the server compresses the
   * response, since Content-Length then counts compressed bytes while the stream yields
   * decompressed ones.
   */
  sizeFromPrefix?: (prefix: Uint8Array) => number | undefined;
}

function declaredLength(response: Response): number {
  const encoding = response.headers.get('content-encoding');
  if (encoding && encoding !== 'identity') return 0;
  const n = Number(response.headers.get('content-length'));
  return Number.isSafeInteger(n) && n > 0 ? n : 0;
}

function concat(chunks: Uint8Array[], length: number): Uint8Array {
  if (chunks.length === 1) return chunks[0];
  const out = new Uint8Array(length);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.length;
  }
  return out;
}

/**
 * Reads a response body to the end, reporting progress after every chunk. Throws if the
 * response is not OK (a 404 page would otherwise be "decoded").
 */
export async function readWithProgress(
  response: Response,
  onProgress: ProgressCallback,
  options: ReadOptions = {},
): Promise<Uint8Array> {
  if (!response.ok) {
    throw new Error(`download failed: HTTP ${response.status} ${response.statusText} for ${response.url || 'the response'}`);
  }
  let total = declaredLength(response);
  if (response.body === null) {
    const bytes = new Uint8Array(await response.arrayBuffer());
    onProgress(bytes.length, bytes.length);
    return bytes;
  }
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let loaded = 0;
  onProgress(0, total);
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      loaded += value.length;
      if (total === 0 && options.sizeFromPrefix) {
        const head = chunks.length === 1 ? value : concat(chunks, loaded);
        const size = options.sizeFromPrefix(head);
        if (size !== undefined && Number.isFinite(size) && size > 0) total = size;
      }
      onProgress(loaded, total === 0 ? 0 : Math.max(total, loaded));
    }
  } catch (error) {
    await reader.cancel().catch(() => undefined);
    throw error;
  } finally {
    reader.releaseLock();
  }
  onProgress(loaded, loaded);
  return concat(chunks, loaded);
}

/** The bundle's size from its first 64 bytes, or undefined while fewer have arrived. */
export function mnistSizeFromPrefix(prefix: Uint8Array): number | undefined {
  if (prefix.length < MNIST_HEADER_BYTES) return undefined;
  try {
    return readMnistHeader(prefix.subarray(0, MNIST_HEADER_BYTES)).byteLength;
  } catch {
    // A bad header is reported by decodeMnist once the download is complete.
    return undefined;
  }
}

export interface FetchMnistOptions {
  onProgress?: ProgressCallback;
  signal?: AbortSignal;
}

/** Downloads and decodes the bundle; throws MnistFormatError for a damaged file. */
export async function fetchMnist(url: string, options: FetchMnistOptions = {}): Promise<DecodedMnist> {
  const response = await fetch(url, { signal: options.signal });
  const bytes = await readWithProgress(response, options.onProgress ?? (() => undefined), {
    sizeFromPrefix: mnistSizeFromPrefix,
  });
  return decodeMnist(bytes);
}

export type MnistSplit = 'train' | 'test' | 'all';

/** The record range [from, to) of a split. */
export function splitRange(decoded: DecodedMnist, split: MnistSplit): [number, number] {
  switch (split) {
    case 'train':
      return [0, decoded.trainCount];
    case 'test':
      return [decoded.trainCount, decoded.count];
    case 'all':
      return [0, decoded.count];
    default:
      throw new RangeError(`unknown split ${String(split)}`);
  }
}

export interface MnistTensors {
  /** [N, rows·cols] float32 in [-1, 1]; the caller disposes it. */
  x: tf.Tensor2D;
  /** N labels 0–9 (a copy, independent of the downloaded bytes). */
  labels: Uint8Array;
}

/** x/127.5 − 1 for each byte value x, rounded to float32 after each operation as a backend's kernels would. */
let normalisedBytes: Float32Array | null = null;

function byteToUnit(): Float32Array {
  if (!normalisedBytes) {
    normalisedBytes = new Float32Array(256);
    for (let b = 0; b < 256; b++) normalisedBytes[b] = Math.fround(Math.fround(b / 127.5) - 1);
  }
  return normalisedBytes;
}

/**
 * One split as a tensor in [-1, 1] (x/127.5 − 1, PyTorch's Normalize((0.5,), (0.5,)) after
 * ToTensor). `limit` keeps only the first records of the split (the bundle is already shuffled,
 * so they are a fair sample).
 *
 * The values are normalised here and uploaded as they are, rather than computed by kernels on
 * the backend: on WebGL a kernel's output lives in a packed texture, while an uploaded tensor
 * takes the layout of the first shader that reads it. The training set is read by the gather
 * that draws each minibatch, whose shader is unpacked, so a packed training set was unpacked
 * whole (N × 784 values) at every step to copy 256 rows out of it: most of a d = 30 step on
 * software WebGL. Uploaded, it is first read by that gather (or by a contiguous slice, which
 * shares the texture), so it stays unpacked and no step pays that copy.
 */
export function toTensors(decoded: DecodedMnist, split: MnistSplit, options: { limit?: number } = {}): MnistTensors {
  const [from, end] = splitRange(decoded, split);
  const { limit } = options;
  if (limit !== undefined && (!Number.isInteger(limit) || limit < 1)) throw new RangeError(`limit must be an integer ≥ 1, got ${limit}`);
  const to = limit === undefined ? end : Math.min(end, from + limit);
  const size = decoded.rows * decoded.cols;
  const n = to - from;
  if (n <= 0) throw new RangeError(`the ${split} split is empty`);
  const bytes = decoded.pixels.subarray(from * size, to * size);
  const table = byteToUnit();
  const values = new Float32Array(bytes.length);
  for (let i = 0; i < bytes.length; i++) values[i] = table[bytes[i]];
  const x = tf.tensor2d(values, [n, size], 'float32');
  return { x, labels: decoded.labels.slice(from, to) };
}

/**
 * Back from [-1, 1] to 0–255 bytes (clamped), e.g. for a canvas ImageData's grey channel.
 * One read-back for the whole batch.
 */
export async function toBytes(x: tf.Tensor): Promise<Uint8ClampedArray> {
  const scaled = tf.tidy(() => tf.round(tf.mul(tf.add(tf.clipByValue(x, -1, 1), tf.scalar(1)), tf.scalar(127.5))));
  try {
    return Uint8ClampedArray.from(await scaled.data());
  } finally {
    scaled.dispose();
  }
}
