'use client';

import { nextTask } from './yield';

/**
 * Longest run of a step's phases in one task: the page gets a turn (input, rendering) once a
 * task has computed this long. With the phase that follows it, a task stays well under 50 ms.
 */
export const PHASE_SLICE_MS = 12;

export interface PhaseOptions {
  /** Wraps each phase (e.g. to time it against a frame budget). */
  run?: <R>(phase: () => R) => R;
  /** Checked after each turn given to the page: true stops the step (its tensors are freed). */
  closed?: () => boolean;
}

/**
 * Runs a training step cut into phases (a generator, one phase per `next()`) to its end and
 * returns its value. Phases run back to back while this task has run for less than
 * PHASE_SLICE_MS, then the page gets a new task: a small model's step runs in one task, a wide
 * one's over several. Which phases share a task changes nothing in the numbers (the phases are
 * the same kernels either way), so grouping them by time keeps seeded runs exact.
 */
export async function runPhases<T>(it: Generator<void, T, void>, options: PhaseOptions = {}): Promise<T> {
  const run = options.run ?? ((phase) => phase());
  try {
    let taskStart = performance.now();
    let r = run(() => it.next());
    while (!r.done) {
      if (performance.now() - taskStart >= PHASE_SLICE_MS) {
        await nextTask();
        if (options.closed?.()) throw new Error('the session was closed during a step');
        taskStart = performance.now();
      }
      r = run(() => it.next());
    }
    return r.value;
  } finally {
    // Frees the step's tensors if it was abandoned part-way; a no-op once it has finished.
    it.return(undefined as never);
  }
}
