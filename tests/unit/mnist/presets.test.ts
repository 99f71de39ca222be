import { describe, expect, it, vi } from 'vitest';
import { FrameBudget } from '@/components/demos/mnist-shared/budget';
import { AUTOENCODER_PRESETS, DENOISING_DEFAULTS, INTERPOLATION_STEPS, PRACTICUM, epochsAt, evaluationChunkRows, presetOf, stepFlops, stepPieces, PHASE_FLOPS, productFlops } from '@/lib/ml/mnist/presets';
import { Curve } from '@/components/demos/runtime/curve';
import { sampleIndices } from '@/components/demos/mnist-shared/samples';

describe('practicum presets', () => {
  it('match the practicum: d = 30 and 500, Adam 1e-3, batch 256, denoising d = 500 with dropout 0.5, 16-step paths', () => {
    expect(AUTOENCODER_PRESETS.underComplete.hidden).toBe(30);
    expect(AUTOENCODER_PRESETS.overComplete.hidden).toBe(500);
    expect(PRACTICUM).toEqual({ learningRate: 1e-3, batchSize: 256 });
    expect(DENOISING_DEFAULTS.hidden).toBe(500);
    expect(DENOISING_DEFAULTS.corruption).toEqual({ kind: 'dropout', p: 0.5 });
    expect(INTERPOLATION_STEPS).toBe(16);
  });

  it('name a code size and count epochs and FLOPs', () => {
    expect(presetOf(30)).toBe('underComplete');
    expect(presetOf(500)).toBe('overComplete');
    expect(presetOf(64)).toBeNull();
    expect(epochsAt(36, 250, 9000)).toBe(1);
    expect(() => epochsAt(1, 1, 0)).toThrow(RangeError);
    expect(stepFlops(256, 30)).toBe(10 * 256 * 784 * 30);
  });

  it('cut a step into pieces on the page\'s thread only, by sizes and threads alone', () => {
    // At batch 256 one product of 784-500-784 is 2e8 FLOP: within wasm's phase budget, whole.
    expect(productFlops(256, 500)).toBe(2 * 256 * 784 * 500);
    expect(stepPieces(256, 30, 'wasm')).toBe(1);
    expect(stepPieces(256, 500, 'wasm')).toBe(1);
    expect(stepPieces(256, 500, 'webgl')).toBe(1);
    expect(stepPieces(1024, 1000, 'webgpu')).toBe(1);
    // 4e8 per product: two pieces on one thread, whole on two (each product shared by both).
    expect(stepPieces(256, 1000, 'wasm', 1)).toBe(2);
    expect(stepPieces(256, 1000, 'wasm', 2)).toBe(1);
    expect(stepPieces(1024, 1000, 'wasm', 2)).toBe(4);
    // tfjs's cpu backend is some 35 times slower than wasm: smaller pieces.
    expect(stepPieces(256, 500, 'cpu')).toBe(8);
    for (const backend of ['wasm', 'cpu']) {
      for (const [batch, hidden] of [[256, 1000], [1024, 500], [64, 200], [8, 1000], [1024, 1000]]) {
        const pieces = stepPieces(batch, hidden, backend);
        expect(Number.isInteger(Math.log2(pieces))).toBe(true);
        // Within the budget, unless that would take pieces below 16 rows.
        expect(productFlops(batch / pieces, hidden) <= PHASE_FLOPS[backend as 'wasm' | 'cpu'] || batch / pieces < 32).toBe(true);
        expect(batch / pieces).toBeGreaterThanOrEqual(Math.min(16, batch));
        // More threads never mean more pieces.
        expect(stepPieces(batch, hidden, backend, 4)).toBeLessThanOrEqual(pieces);
      }
    }
  });

  it('size evaluation chunks to the code size', () => {
    expect(evaluationChunkRows(30)).toBe(400);
    expect(evaluationChunkRows(30, 784, 100)).toBe(100);
    expect(evaluationChunkRows(500)).toBeLessThan(50);
    expect(evaluationChunkRows(500)).toBeGreaterThanOrEqual(16);
    expect(evaluationChunkRows(100000)).toBe(16);
    // Two wasm threads share each product: twice the rows, up to the same cap.
    expect(evaluationChunkRows(500, 784, 1000, 2)).toBe(2 * evaluationChunkRows(500) - 1);
    expect(evaluationChunkRows(30, 784, 1000, 2)).toBe(400);
  });
});

describe('demo helpers', () => {
  it('a curve stays bounded and keeps its span', () => {
    const c = new Curve(100);
    for (let i = 1; i <= 10000; i++) c.push(i, 1 / i);
    expect(c.xs.length).toBeLessThanOrEqual(101);
    expect(c.xs[0]).toBe(1);
    expect(c.xs[c.xs.length - 1]).toBeGreaterThan(9000);
    c.push(5, 1);
    expect(c.xs[c.xs.length - 1]).toBeGreaterThan(9000);
    c.push(20000, NaN);
    expect(c.last()).toBeLessThan(0.001);
  });

  it('sample digits cover the classes in order', () => {
    const labels = Uint8Array.from([3, 1, 0, 2, 1, 4, 9, 8, 7, 6, 5, 0]);
    expect(sampleIndices(labels, 10).map((i) => labels[i])).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(sampleIndices(Uint8Array.from([1, 1, 1]), 3)).toEqual([0, 1, 2]);
  });
});

describe('frame budget', () => {
  it('cuts a playing frame before the next step would overrun, never a single-step request', () => {
    let now = 0;
    const clock = vi.spyOn(performance, 'now').mockImplementation(() => now);
    try {
      const budget = new FrameBudget(20);
      const step = () => budget.time(() => void (now += 7));
      const frame = () => {
        let steps = 0;
        while (!budget.exhausted() && steps < 50) {
          step();
          steps += 1;
        }
        budget.endFrame();
        return steps;
      };
      expect(frame()).toBe(50);
      budget.active = true;
      expect(frame()).toBe(2);
      // A slow frame (e.g. the GPU finishing late) lowers the count through the whole-frame estimate.
      step();
      now += 60;
      budget.endFrame();
      expect(frame()).toBe(1);
      expect(budget.lastSteps).toBe(1);
    } finally {
      clock.mockRestore();
    }
  });
});
