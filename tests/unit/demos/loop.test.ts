import { beforeAll, describe, expect, it, vi } from 'vitest';
import type * as TF from '@tensorflow/tfjs-core';
import { TrainingLoop, type FrameInfo, type LoopDriver, type LoopStatus } from '@/components/demos/runtime/loop';

/** A stand-in for a tfjs scalar: what the loop uses of it (read-back and dispose). */
class FakeScalar {
  disposed = false;
  constructor(readonly value: number) {}
  async data(): Promise<Float32Array> {
    return Float32Array.of(this.value);
  }
  dispose(): void {
    this.disposed = true;
  }
}

function harness(lossAt: (n: number) => number, options: { async?: boolean } = {}) {
  const made: FakeScalar[] = [];
  const frames: FrameInfo[] = [];
  const statuses: [LoopStatus, string | undefined][] = [];
  let release: (() => void) | null = null;
  const driver: LoopDriver = {
    step() {
      const s = new FakeScalar(lossAt(made.length + 1));
      made.push(s);
      if (!options.async) return s as unknown as TF.Scalar;
      // A step cut into pieces: it finishes when the test lets it.
      return new Promise<TF.Scalar>((resolve) => {
        release = () => resolve(s as unknown as TF.Scalar);
      });
    },
    draw() {},
  };
  const loop = new TrainingLoop(driver, { onFrame: (f) => frames.push(f), onStatus: (s, r) => statuses.push([s, r]) });
  return { loop, made, frames, statuses, finishStep: () => release?.() };
}

beforeAll(() => {
  // Node has no animation frames; the loop only schedules and cancels them here.
  vi.stubGlobal('requestAnimationFrame', (cb: () => void) => setTimeout(cb, 16) as unknown as number);
  vi.stubGlobal('cancelAnimationFrame', (id: number) => clearTimeout(id));
});

const tick = () => new Promise((r) => setTimeout(r, 0));

describe('the training loop', () => {
  it('runs a batch of steps, reads the last loss once, and frees every other loss', async () => {
    const h = harness((n) => 1 / n);
    await h.loop.stepOnce(3);
    expect(h.loop.stepCount).toBe(3);
    expect(h.frames).toEqual([{ steps: 3, loss: expect.closeTo(1 / 3, 6), stepsPerSecond: 0, phase: null }]);
    expect(h.made.map((s) => s.disposed)).toEqual([true, true, false]);
    h.loop.dispose();
    expect(h.made[2].disposed).toBe(true);
  });

  it('counts on from the steps a restored model had taken, and a reset goes back there', async () => {
    const frames: FrameInfo[] = [];
    const loop = new TrainingLoop(
      { step: () => new FakeScalar(1) as unknown as TF.Scalar, draw() {} },
      { onFrame: (f) => frames.push(f), onStatus: () => undefined },
      41,
    );
    expect(loop.stepCount).toBe(41);
    await loop.stepOnce(3);
    expect(frames.at(-1)?.steps).toBe(44);
    loop.reset();
    expect(loop.stepCount).toBe(41);
    loop.dispose();
  });

  it('awaits a step that returns a promise, one step after another', async () => {
    const h = harness(() => 0.5, { async: true });
    const done = h.loop.stepOnce(2);
    await tick();
    expect(h.made.length).toBe(1);
    h.finishStep();
    await tick();
    expect(h.made.length).toBe(2);
    h.finishStep();
    await done;
    expect(h.loop.stepCount).toBe(2);
    expect(h.frames.map((f) => f.steps)).toEqual([2]);
  });

  it('played while a single step is still running: trains once that step is done', async () => {
    const h = harness(() => 1, { async: true });
    const single = h.loop.stepOnce(1);
    h.loop.play();
    // The first frame comes while the single step still holds the loop.
    await new Promise((r) => setTimeout(r, 40));
    h.finishStep();
    await single;
    expect(h.loop.stepCount).toBe(1);
    for (let k = 0; k < 5 && h.made.length < 3; k++) {
      await new Promise((r) => setTimeout(r, 40));
      h.finishStep();
    }
    expect(h.loop.state).toBe('running');
    expect(h.made.length).toBeGreaterThanOrEqual(3);
    h.loop.pause();
    h.finishStep();
    h.loop.dispose();
  });

  it('disposed while a step is pending: frees that step\'s loss and reports nothing', async () => {
    const h = harness(() => 0.5, { async: true });
    const done = h.loop.stepOnce(1);
    await tick();
    h.loop.dispose();
    h.finishStep();
    await done;
    expect(h.made[0].disposed).toBe(true);
    expect(h.frames).toEqual([]);
    expect(h.statuses).toEqual([]);
  });

  it('pauses with a reason on a non-finite loss or a failing step', async () => {
    const h = harness((n) => (n < 3 ? 1 : NaN));
    await h.loop.stepOnce(3);
    expect(h.statuses.at(-1)).toEqual(['diverged', 'the loss became NaN at step 3']);
    expect(h.frames).toEqual([]);

    const failing = new TrainingLoop(
      {
        step() {
          throw new Error('out of memory');
        },
        draw() {},
      },
      { onFrame: () => undefined, onStatus: (s, r) => h.statuses.push([s, r]) },
    );
    await failing.stepOnce(1);
    expect(h.statuses.at(-1)).toEqual(['diverged', 'out of memory']);
  });

  it('cuts a long batch of steps into slices with a new task between them', async () => {
    const busy = (ms: number) => {
      const end = performance.now() + ms;
      while (performance.now() < end) {
        // A step that computes on the page's thread.
      }
    };
    let steps = 0;
    const loop = new TrainingLoop(
      {
        step() {
          busy(8);
          steps += 1;
          return new FakeScalar(1) as unknown as TF.Scalar;
        },
        draw() {},
      },
      { onFrame: () => undefined, onStatus: () => undefined },
    );
    let seenAt = -1;
    setTimeout(() => {
      seenAt = steps;
    }, 0);
    await loop.stepOnce(12);
    expect(steps).toBe(12);
    // Another task ran while the batch was in progress: the page was not blocked for 96 ms.
    expect(seenAt).toBeGreaterThan(0);
    expect(seenAt).toBeLessThan(12);
    loop.dispose();
  });
});
