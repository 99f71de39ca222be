import { afterEach, describe, expect, it, vi } from 'vitest';
import { PHASE_SLICE_MS, runPhases } from '@/components/demos/runtime/phases';
import { JobQueue } from '@/components/demos/mnist-shared/jobs';

/** A step of `count` phases, each advancing a fake clock by `ms`; records which task ran each. */
function phasedStep(count: number, ms: number, clock: { now: number }, tasks: number[], task: { id: number }) {
  let finished = false;
  function* step(): Generator<void, string, void> {
    try {
      for (let k = 0; k < count; k++) {
        if (k > 0) yield;
        clock.now += ms;
        tasks.push(task.id);
      }
      return 'loss';
    } finally {
      finished = true;
    }
  }
  return { it: step(), finished: () => finished };
}

/** Counts tasks: every macrotask the page is given bumps the id. */
function trackTasks() {
  const task = { id: 0 };
  const original = globalThis.MessageChannel;
  class CountingChannel extends original {
    constructor() {
      super();
      const port1 = this.port1;
      const listen = Object.getOwnPropertyDescriptor(Object.getPrototypeOf(port1), 'onmessage');
      let handler: ((event: MessageEvent) => void) | null = null;
      Object.defineProperty(port1, 'onmessage', {
        set: (h: (event: MessageEvent) => void) => {
          handler = h;
          listen?.set?.call(port1, (event: MessageEvent) => {
            task.id += 1;
            handler?.(event);
          });
        },
      });
    }
  }
  vi.stubGlobal('MessageChannel', CountingChannel);
  return task;
}

afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe('runPhases', () => {
  it('runs short phases back to back in one task and gives the page a turn once a task has run PHASE_SLICE_MS', async () => {
    const clock = { now: 0 };
    vi.spyOn(performance, 'now').mockImplementation(() => clock.now);
    const task = trackTasks();
    const tasks: number[] = [];
    const quick = phasedStep(6, 1, clock, tasks, task);
    expect(await runPhases(quick.it)).toBe('loss');
    expect(tasks).toEqual([0, 0, 0, 0, 0, 0]);
    // Phases of 5 ms: a new task after each run of 12 ms or more, i.e. every third phase.
    tasks.length = 0;
    const slow = phasedStep(7, 5, clock, tasks, task);
    expect(await runPhases(slow.it)).toBe('loss');
    expect(PHASE_SLICE_MS).toBe(12);
    expect(tasks).toEqual([0, 0, 0, 1, 1, 1, 2]);
  });

  it('times each phase through `run`, and stops a step whose session closed, freeing it', async () => {
    const clock = { now: 0 };
    vi.spyOn(performance, 'now').mockImplementation(() => clock.now);
    trackTasks();
    const timed: number[] = [];
    const step = phasedStep(4, 20, clock, [], { id: 0 });
    let closed = false;
    const running = runPhases(step.it, {
      run: (phase) => {
        const r = phase();
        timed.push(clock.now);
        closed = timed.length === 2;
        return r;
      },
      closed: () => closed,
    });
    await expect(running).rejects.toThrow(/closed during a step/);
    expect(timed).toEqual([20, 40]);
    expect(step.finished()).toBe(true);
  });
});

describe('JobQueue', () => {
  it('waits a frame between chunks only while paced', async () => {
    let paced = true;
    const frames = vi.fn((callback: FrameRequestCallback) => setTimeout(() => callback(0), 0) as unknown as number);
    vi.stubGlobal('requestAnimationFrame', frames);
    vi.stubGlobal('cancelAnimationFrame', (handle: number) => clearTimeout(handle));
    const queue = new JobQueue(() => paced);
    const job = async (pause: () => Promise<void>) => {
      await pause();
      await pause();
    };
    await queue.run(job);
    expect(frames).toHaveBeenCalledTimes(2);
    paced = false;
    await queue.run(job);
    expect(frames).toHaveBeenCalledTimes(2);
  });
});
