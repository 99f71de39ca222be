/**
 * Training-step timings, skipped unless MNIST_BENCH is set:
 *
 *   MNIST_BENCH=1 npx vitest run tests/unit/mnist/bench.test.ts
 *   MNIST_BENCH=1 MNIST_BENCH_BACKENDS=cpu,wasm MNIST_BENCH_HIDDEN=30,500 npx vitest run tests/unit/mnist/bench.test.ts
 *
 * Compares, in the same run and on the same data, the hand-written step of createAutoencoder
 * with the straightforward autodiff step a reader would write: tf.gather for the batch,
 * fused matMul + tanh layers, mean squared error and tf.train.adam's minimize.
 */
import '@tensorflow/tfjs-backend-cpu';
import '@tensorflow/tfjs-backend-wasm';
import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import '@/lib/ml/gradients';
import { createAutoencoder, initialParameters } from '@/lib/ml/mnist/autoencoder';
import { mulberry32 } from '@/lib/ml/random';
import { realDigits } from './digits';

const enabled = Boolean(process.env.MNIST_BENCH);
const backends = (process.env.MNIST_BENCH_BACKENDS ?? 'cpu,wasm').split(',');
const hiddenSizes = (process.env.MNIST_BENCH_HIDDEN ?? '30,500').split(',').map(Number);
const BATCH = Number(process.env.MNIST_BENCH_BATCH ?? 256);

function autodiffSession(x: tf.Tensor2D, hidden: number, seed: number) {
  const inputSize = x.shape[1];
  const init = initialParameters(inputSize, hidden, seed);
  const w1 = tf.variable(tf.tensor2d(init.w1, [inputSize, hidden]));
  const b1 = tf.variable(tf.tensor1d(init.b1));
  const w2 = tf.variable(tf.tensor2d(init.w2, [hidden, inputSize]));
  const b2 = tf.variable(tf.tensor1d(init.b2));
  const opt = tf.train.adam(1e-3, 0.9, 0.999, 1e-8);
  const rng = mulberry32(seed);
  const n = x.shape[0];
  return {
    step(): tf.Scalar {
      return tf.tidy(() => {
        const idx = tf.tensor1d(Int32Array.from({ length: BATCH }, () => Math.floor(rng() * n)), 'int32');
        const batch = tf.gather(x, idx) as tf.Tensor2D;
        const cost = opt.minimize(
          () => {
            const h = tf.tanh(tf.fused.matMul({ a: batch, b: w1, bias: b1 })) as tf.Tensor2D;
            const y = tf.tanh(tf.fused.matMul({ a: h, b: w2, bias: b2 }));
            return tf.mean(tf.square(tf.sub(y, batch)));
          },
          true,
          [w1, b1, w2, b2],
        );
        return cost as tf.Scalar;
      });
    },
    dispose() {
      opt.dispose();
      for (const v of [w1, b1, w2, b2]) v.dispose();
    },
  };
}

async function msPerStep(step: () => tf.Scalar, steps: number): Promise<number> {
  const warm = step();
  await warm.data();
  warm.dispose();
  const start = performance.now();
  let last: tf.Scalar | null = null;
  for (let i = 0; i < steps; i++) {
    last?.dispose();
    last = step();
  }
  // One read-back at the end, as the UI does; it waits for all queued work.
  await last!.data();
  last!.dispose();
  return (performance.now() - start) / steps;
}

describe.skipIf(!enabled)('training-step benchmark', () => {
  it('hand-written step vs autodiff minimize', async () => {
    const digits = realDigits();
    const rows: string[] = [];
    for (const backend of backends) {
      expect(await tf.setBackend(backend)).toBe(true);
      const x = tf.tidy(() => tf.sub(tf.div(tf.tensor2d(new Float32Array(digits.pixels.subarray(0, 9000 * 784)), [9000, 784]), 127.5), 1) as tf.Tensor2D);
      for (const hidden of hiddenSizes) {
        const steps = backend === 'cpu' ? (hidden > 100 ? 3 : 10) : hidden > 100 ? 10 : 40;
        const model = createAutoencoder({ hidden, seed: 1, batchSize: BATCH });
        model.setData(x);
        const naive = autodiffSession(x, hidden, 1);
        // Interleave the two measurements so that background load affects both alike.
        const hand: number[] = [];
        const auto: number[] = [];
        for (let round = 0; round < 2; round++) {
          hand.push(await msPerStep(() => model.step(), steps));
          auto.push(await msPerStep(() => naive.step(), steps));
        }
        const h = Math.min(...hand);
        const a = Math.min(...auto);
        rows.push(
          `${backend.padEnd(5)} 784-${hidden}-784 batch ${BATCH}: hand-written ${h.toFixed(1)} ms/step, autodiff minimize ${a.toFixed(1)} ms/step, speed-up ×${(a / h).toFixed(1)}`,
        );
        model.dispose();
        naive.dispose();
      }
      x.dispose();
    }
    console.log(rows.join('\n'));
  }, 600_000);
});
