'use client';

import type { WeightMap } from '@/lib/ml/mnist/autoencoder';
import { nextTask } from '../runtime/yield';

/**
 * The standard autoencoder demo publishes its live model here so that the other two demos on
 * the page can use it: the denoising demo shows its kernels beside its own, and the
 * interpolation demo can copy its weights. Consumers only read (kernels, weights) through
 * these functions; the publishing demo keeps ownership and unpublishes before disposing.
 */
export interface PublishedModel {
  hidden: number;
  /** Optimisation steps taken so far. */
  steps(): number;
  encoderKernels(count: number): Promise<Float32Array>;
  /** With Adam's state, so that a copy can go on training where the original is. */
  exportWeights(): Promise<WeightMap>;
}

let current: PublishedModel | null = null;
let version = 0;
const listeners = new Set<() => void>();

function notify(): void {
  version += 1;
  for (const l of listeners) l();
}

export function publishModel(model: PublishedModel): () => void {
  current = model;
  notify();
  return () => {
    if (current === model) {
      current = null;
      notify();
    }
  };
}

let touchQueued = false;

/**
 * Tells subscribers that the published model has trained further (cheap; call now and then).
 * They are told in a task of their own: their re-render is synchronous (useSyncExternalStore),
 * and run inside the publisher's repaint it would add the other demos' renders to that task.
 */
export function touchPublishedModel(): void {
  if (!current || touchQueued) return;
  touchQueued = true;
  void nextTask().then(() => {
    touchQueued = false;
    if (current) notify();
  });
}

export function publishedModel(): PublishedModel | null {
  return current;
}

/** For useSyncExternalStore: a number that changes whenever the published model does. */
export function publishedVersion(): number {
  return version;
}

export function subscribePublished(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
