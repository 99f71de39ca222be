import '@tensorflow/tfjs-backend-cpu';
import * as tf from '@tensorflow/tfjs-core';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { MnistFormatError, encodeMnist } from '@/lib/ml/mnist/format';
import { fetchMnist, mnistSizeFromPrefix, readWithProgress, toBytes, toTensors } from '@/lib/ml/mnist/load';
import { decodedDigits } from './digits';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

afterEach(() => {
  vi.unstubAllGlobals();
});

function streamOf(bytes: Uint8Array, chunk: number): ReadableStream<Uint8Array> {
  let offset = 0;
  return new ReadableStream({
    pull(controller) {
      if (offset >= bytes.length) {
        controller.close();
        return;
      }
      controller.enqueue(bytes.slice(offset, offset + chunk));
      offset += chunk;
    },
  });
}

const bundle = encodeMnist({
  pixels: Uint8Array.from({ length: 6 * 16 }, (_, i) => (i * 37) % 256),
  labels: Uint8Array.from([0, 1, 2, 3, 4, 5]),
  rows: 4,
  cols: 4,
  trainCount: 4,
});

describe('readWithProgress', () => {
  it('streams the body and reports monotonic progress against Content-Length', async () => {
    const calls: Array<[number, number]> = [];
    const response = new Response(streamOf(bundle, 50), { headers: { 'content-length': String(bundle.length) } });
    const bytes = await readWithProgress(response, (loaded, total) => calls.push([loaded, total]));
    expect(bytes).toEqual(bundle);
    expect(calls[0]).toEqual([0, bundle.length]);
    expect(calls[calls.length - 1]).toEqual([bundle.length, bundle.length]);
    expect(calls.length).toBeGreaterThan(3);
    for (let i = 1; i < calls.length; i++) expect(calls[i][0]).toBeGreaterThanOrEqual(calls[i - 1][0]);
  });

  it('ignores Content-Length of a compressed response and can size it from the header', async () => {
    const headers = { 'content-length': '10', 'content-encoding': 'gzip' };
    const unknown: Array<[number, number]> = [];
    await readWithProgress(new Response(streamOf(bundle, 40), { headers }), (l, t) => unknown.push([l, t]));
    expect(unknown.slice(0, -1).every(([, t]) => t === 0)).toBe(true);
    expect(unknown[unknown.length - 1]).toEqual([bundle.length, bundle.length]);

    const sized: Array<[number, number]> = [];
    await readWithProgress(new Response(streamOf(bundle, 40), { headers }), (l, t) => sized.push([l, t]), {
      sizeFromPrefix: mnistSizeFromPrefix,
    });
    // Unknown until the 64-byte header is in, exact from then on.
    expect(sized[1]).toEqual([40, 0]);
    expect(sized[2]).toEqual([80, bundle.length]);
  });

  it('rejects an HTTP error', async () => {
    const response = new Response('not found', { status: 404, statusText: 'Not Found' });
    await expect(readWithProgress(response, () => undefined)).rejects.toThrow(/HTTP 404 Not Found/);
  });
});

describe('fetchMnist', () => {
  it('downloads and decodes, and names a damaged file', async () => {
    vi.stubGlobal('fetch', async () => new Response(streamOf(bundle, 64)));
    const decoded = await fetchMnist('/data/mnist-10k.bin');
    expect(decoded).toMatchObject({ count: 6, rows: 4, cols: 4, trainCount: 4, testCount: 2 });

    vi.stubGlobal('fetch', async () => new Response(streamOf(bundle.subarray(0, 100), 64)));
    await expect(fetchMnist('/data/mnist-10k.bin')).rejects.toThrow(MnistFormatError);
    await expect(fetchMnist('/data/mnist-10k.bin')).rejects.toThrow(/truncated file: expected 166 bytes.*got 100/);
  });
});

describe('toTensors', () => {
  it('normalises to [-1, 1] as x/127.5 − 1 and splits', async () => {
    const decoded = decodedDigits();
    const { x, labels } = toTensors(decoded, 'test', { limit: 10 });
    expect(x.shape).toEqual([10, 784]);
    expect(x.dtype).toBe('float32');
    expect(Array.from(labels)).toEqual(Array.from(decoded.labels.subarray(decoded.trainCount, decoded.trainCount + 10)));
    const v = await x.data();
    const raw = decoded.pixels.subarray(decoded.trainCount * 784);
    for (let i = 0; i < v.length; i++) expect(v[i]).toBeCloseTo(raw[i] / 127.5 - 1, 6);
    expect(Math.min(...v)).toBe(-1);
    expect(Math.max(...v)).toBe(1);

    const back = await toBytes(x);
    expect(Array.from(back)).toEqual(Array.from(raw.subarray(0, 7840)));
    x.dispose();

    const train = toTensors(decoded, 'train');
    expect(train.x.shape).toEqual([9000, 784]);
    expect(train.labels.length).toBe(9000);
    train.x.dispose();
    expect(() => toTensors(decoded, 'test', { limit: 0 })).toThrow(/limit/);
  });

  it('uploads exactly what the backend would compute, without running a kernel', async () => {
    const decoded = decodedDigits();
    const profile = await tf.profile(() => {
      toTensors(decoded, 'test', { limit: 50 }).x.dispose();
    });
    // A kernel's output would decide the tensor's texture layout on WebGL (see toTensors).
    expect(profile.kernels).toEqual([]);
    const { x } = toTensors(decoded, 'test', { limit: 50 });
    const raw = decoded.pixels.subarray(decoded.trainCount * 784, (decoded.trainCount + 50) * 784);
    const onBackend = tf.tidy(() => tf.sub(tf.div(tf.tensor2d(Float32Array.from(raw), [50, 784]), tf.scalar(127.5)), tf.scalar(1)));
    // Bit for bit, so that seeded runs train on the same numbers as before.
    expect(Array.from(await x.data())).toEqual(Array.from(await onBackend.data()));
    tf.dispose([x, onBackend]);
  });
});
