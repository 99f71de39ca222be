import { describe, expect, it } from 'vitest';
import { publishModel, publishedVersion, subscribePublished, touchPublishedModel, type PublishedModel } from '@/components/demos/mnist-shared/model-store';

const model: PublishedModel = {
  hidden: 30,
  steps: () => 0,
  encoderKernels: async () => new Float32Array(0),
  exportWeights: async () => ({}) as Awaited<ReturnType<PublishedModel['exportWeights']>>,
};

/** A new task, after the ones already queued (MessageChannel, as the page's own yields). */
const nextTask = () =>
  new Promise<void>((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });

describe('the published model store', () => {
  it('tells subscribers of training progress in a later task, once for a burst of touches, and not after unpublishing', async () => {
    let calls = 0;
    const unsubscribe = subscribePublished(() => void calls++);
    const unpublish = publishModel(model);
    expect(calls).toBe(1);
    const version = publishedVersion();
    touchPublishedModel();
    touchPublishedModel();
    // Not inside the publisher's own task (its repaint): subscribers re-render synchronously.
    expect(calls).toBe(1);
    await Promise.resolve();
    expect(calls).toBe(1);
    await nextTask();
    expect(calls).toBe(2);
    expect(publishedVersion()).toBe(version + 1);
    touchPublishedModel();
    unpublish();
    expect(calls).toBe(3);
    await nextTask();
    expect(calls).toBe(3);
    unsubscribe();
  });
});
