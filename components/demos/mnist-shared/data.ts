'use client';

import type * as TF from '@tensorflow/tfjs-core';
import type { DecodedMnist } from '@/lib/ml/mnist/format';
import { fetchMnist, MNIST_BUNDLE_PATH, toTensors } from '@/lib/ml/mnist/load';

/**
 * One download per page for the three MNIST demos: the decoded bytes are cached in a
 * module-level promise, and the tensors made from them are shared by reference count, per
 * backend, and freed when the last demo lets go (so leaving the page leaves no tensor behind).
 */

const basePath = process.env.NEXT_PUBLIC_BASE_PATH ?? '';

export interface Progress {
  loaded: number;
  /** 0 while unknown. */
  total: number;
}

let decoded: Promise<DecodedMnist> | null = null;
let progress: Progress = { loaded: 0, total: 0 };
const listeners = new Set<(p: Progress) => void>();

/** Starts the download once; later callers share it and its progress. */
export function loadMnist(onProgress?: (p: Progress) => void): { promise: Promise<DecodedMnist>; unsubscribe: () => void } {
  if (onProgress) {
    listeners.add(onProgress);
    onProgress(progress);
  }
  if (!decoded) {
    decoded = fetchMnist(`${basePath}${MNIST_BUNDLE_PATH}`, {
      onProgress: (loaded, total) => {
        progress = { loaded, total };
        for (const l of listeners) l(progress);
      },
    });
    // A failed download is not cached: the reader's "retry" starts a fresh one.
    decoded.catch(() => {
      decoded = null;
      progress = { loaded: 0, total: 0 };
    });
  }
  return { promise: decoded, unsubscribe: () => void (onProgress && listeners.delete(onProgress)) };
}

export interface MnistSet {
  /** [9000, 784] in [-1, 1]. */
  xTrain: TF.Tensor2D;
  /** [1000, 784] in [-1, 1]. */
  xTest: TF.Tensor2D;
  testLabels: Uint8Array;
  trainCount: number;
}

interface Entry {
  tf: typeof TF;
  backend: string;
  refs: number;
  set: MnistSet;
}

let shared: Entry | null = null;

/**
 * The data as tensors on the current backend, shared by the demos on the page. Call the
 * returned release exactly once.
 */
export function acquireTensors(tf: typeof TF, data: DecodedMnist): { set: MnistSet; release: () => void } {
  const backend = tf.getBackend();
  if (!shared || shared.backend !== backend || shared.tf !== tf) {
    const train = toTensors(data, 'train');
    const test = toTensors(data, 'test');
    shared = { tf, backend, refs: 0, set: { xTrain: train.x, xTest: test.x, testLabels: test.labels, trainCount: train.x.shape[0] } };
  }
  const entry = shared;
  entry.refs += 1;
  let released = false;
  return {
    set: entry.set,
    release: () => {
      if (released) return;
      released = true;
      entry.refs -= 1;
      if (entry.refs === 0) {
        entry.set.xTrain.dispose();
        entry.set.xTest.dispose();
        if (shared === entry) shared = null;
      }
    },
  };
}
