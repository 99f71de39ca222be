import '@tensorflow/tfjs-backend-cpu';
import * as tf from '@tensorflow/tfjs-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FrameBudget } from '@/components/demos/mnist-shared/budget';
import { createMnistController, lastOf, problemText, type MnistDemoParts, type TrainingFigures } from '@/components/demos/mnist-shared/controller';
import type { MnistSet } from '@/components/demos/mnist-shared/data';
import { EVAL_EVERY } from '@/components/demos/mnist-shared/session';
import { evaluateReconstruction } from '@/lib/ml/mnist/evaluate';
import { randomMatrix } from '../mnist/helpers';

let data: MnistSet;

beforeAll(async () => {
  await tf.setBackend('cpu');
  // Background jobs pause one animation frame between chunks; Node has no frames.
  globalThis.requestAnimationFrame ??= (callback: FrameRequestCallback) => setTimeout(() => callback(performance.now()), 0) as unknown as number;
  globalThis.cancelAnimationFrame ??= (handle: number) => clearTimeout(handle);
  data = { xTrain: randomMatrix(64, 784, 1), xTest: randomMatrix(24, 784, 2), testLabels: Uint8Array.from({ length: 24 }, (_, i) => i % 10), trainCount: 64 };
});

afterAll(() => {
  tf.dispose([data.xTrain, data.xTest]);
});

const settings = { hidden: 8, batch: 16, seed: 3, learningRate: 1e-2 };

/** A controller with parts that count their calls; `overrides` replaces some of them. */
function harness(overrides: Partial<MnistDemoParts> = {}, budget = new FrameBudget(), testPoints?: number) {
  const published: TrainingFigures[] = [];
  const calls = { paint: 0, testLoss: 0, dispose: 0 };
  const controller = createMnistController({ data, settings, backend: 'cpu', budget, testPoints, publish: (f) => published.push(f) }, () => ({
    repaintMs: 1e9,
    async testLoss(snapshot, pause, chunkRows) {
      calls.testLoss += 1;
      return (await evaluateReconstruction(snapshot, data.xTest, data.xTest, { chunkRows, pause })).mse;
    },
    async paint() {
      calls.paint += 1;
    },
    dispose() {
      calls.dispose += 1;
    },
    ...overrides,
  }));
  /** n steps and a draw, as the runtime's loop runs them. */
  const frame = async (n: number) => {
    let loss = NaN;
    for (let i = 0; i < n; i++) {
      const scalar = await controller.step();
      loss = (await scalar.data())[0];
      scalar.dispose();
    }
    await controller.draw({ steps: controller.model.steps, loss, stepsPerSecond: 0 });
  };
  return { controller, published, calls, frame, last: () => published[published.length - 1], budget };
}

describe('createMnistController', () => {
  it('publishes empty figures at once, then the test loss of the untrained model at step 0', async () => {
    const before = tf.memory().numTensors;
    const { controller, published, calls, frame, last } = harness();
    expect(published).toHaveLength(1);
    expect(published[0]).toMatchObject({ modelSteps: 0, problem: null, train: { xs: [] }, test: { xs: [] } });
    await frame(0);
    expect(calls.testLoss).toBe(1);
    expect(calls.paint).toBe(1);
    expect(last().test.xs).toEqual([0]);
    expect(last().test.ys[0]).toBeGreaterThan(0);
    // Every publication is a new object with a higher version (React state).
    expect(new Set(published.map((f) => f.version)).size).toBe(published.length);
    controller.dispose();
    expect(calls.dispose).toBe(1);
    expect(tf.memory().numTensors).toBe(before);
  });

  it(`records the training loss every draw and the test loss every ${EVAL_EVERY} steps, and the loss falls`, async () => {
    const { controller, frame, last, calls } = harness();
    await frame(0);
    for (let k = 0; k < 6; k++) await frame(10);
    const figures = last();
    expect(figures.train.xs).toEqual([10, 20, 30, 40, 50, 60]);
    expect(figures.test.xs).toEqual([0, 20, 40, 60]);
    expect(calls.testLoss).toBe(4);
    expect(figures.modelSteps).toBe(60);
    expect(lastOf(figures.test)).toBeLessThan(figures.test.ys[0]);
    controller.dispose();
  });

  it('throttles repaints while playing and paints every draw when paused', async () => {
    const budget = new FrameBudget(1e9);
    const { controller, frame, calls } = harness({}, budget);
    await frame(0);
    expect(calls.paint).toBe(1);
    budget.active = true;
    await frame(1);
    await frame(1);
    expect(calls.paint).toBe(1);
    budget.active = false;
    await frame(1);
    expect(calls.paint).toBe(2);
    controller.dispose();
  });

  it('evaluates when the demo says its inputs changed, and records nothing for a null result', async () => {
    let changed = false;
    let result: number | null = 0.5;
    const { controller, frame, last, calls } = harness({
      beforeDraw: () => changed,
      testLoss: async () => {
        calls.testLoss += 1;
        return result;
      },
    });
    await frame(0);
    await frame(1);
    expect(calls.testLoss).toBe(1);
    changed = true;
    result = null;
    await frame(1);
    expect(calls.testLoss).toBe(2);
    expect(last().test.xs).toEqual([0]);
    controller.dispose();
  });

  it('keeps a bounded test curve that still spans the run, in step order', async () => {
    const { controller, frame, last, calls } = harness({ beforeDraw: () => true, testLoss: async (_s, _p, _r, step) => ((calls.testLoss += 1), 1 / (1 + step)) }, new FrameBudget(), 8);
    await frame(0);
    for (let k = 0; k < 40; k++) await frame(1);
    expect(calls.testLoss).toBe(41);
    const { xs, ys } = last().test;
    expect(xs.length).toBeLessThanOrEqual(8);
    expect(xs.length).toBeGreaterThanOrEqual(4);
    expect(xs[0]).toBe(0);
    expect(xs[xs.length - 1]).toBeGreaterThanOrEqual(32);
    expect(xs.every((x, i) => i === 0 || x > xs[i - 1])).toBe(true);
    expect(ys).toEqual(xs.map((x) => 1 / (1 + x)));
    controller.dispose();
  });

  it('turns a failed evaluation into a message, and paints only when the demo can', async () => {
    const { controller, frame, last, calls } = harness({
      canPaint: () => false,
      testLoss: async () => {
        throw new Error('out of memory');
      },
    });
    await frame(0);
    expect(last().problem).toBe('out of memory');
    expect(calls.paint).toBe(0);
    expect(problemText('plain')).toBe('plain');
    controller.dispose();
  });

  it('continues from restored weights, with their step count', async () => {
    const first = harness();
    await first.frame(3);
    const weights = await first.controller.model.exportWeights({ optimizer: true });
    first.controller.dispose();
    const published: TrainingFigures[] = [];
    const restored = createMnistController({ data, settings, backend: 'cpu', budget: new FrameBudget(), restore: weights, publish: (f) => published.push(f) }, () => ({
      repaintMs: 0,
      testLoss: async () => null,
      paint: async () => {},
    }));
    expect(restored.initialSteps).toBe(3);
    expect(published[0].modelSteps).toBe(3);
    restored.dispose();
  });
});
