'use client';

/**
 * Keeps a training frame's compute under a time budget. The runtime's loop asks the driver
 * `isFinished` before each step; while the loop is running, the MNIST demos answer "enough for
 * this frame" once the next step would overrun, and clear that in `draw` (which the loop calls
 * before its end-of-frame check), so the loop never sees a finished run. The "steps per frame"
 * setting stays the upper limit; one step always runs.
 *
 * Two estimates guard the budget: the synchronous time of this frame's steps (what blocks the
 * page on wasm and cpu), and the whole frame from the first step to the read-back of its loss
 * (what the GPU needs on webgl, where queuing a step takes almost no time on the page).
 */
/** Milliseconds of training compute per frame: with the draw, frames stay well under 50 ms. */
export const FRAME_BUDGET_MS = 20;

export class FrameBudget {
  /** Set by the demo while its loop is playing; a single-step or test request is never cut. */
  active = false;
  private frameStart: number | null = null;
  private syncMs = 0;
  private steps = 0;
  /** Exponential average of whole-frame milliseconds per step. */
  private msPerStep = 0;
  /** Steps the last frame ran, for the read-out. */
  lastSteps = 0;

  constructor(public budgetMs = FRAME_BUDGET_MS) {}

  /**
   * Wraps one step (or, with `countsAsStep` false, one piece of a step cut into pieces) so
   * that its synchronous time is measured.
   */
  time<T>(step: () => T, countsAsStep = true): T {
    const start = performance.now();
    this.frameStart ??= start;
    try {
      return step();
    } finally {
      this.syncMs += performance.now() - start;
      if (countsAsStep) this.steps += 1;
    }
  }

  /** Counts a step whose pieces were timed one by one. */
  countStep(): void {
    this.steps += 1;
  }

  /** True when the next step would overrun this frame's budget (only while playing). */
  exhausted(): boolean {
    if (!this.active || this.steps === 0) return false;
    const perStepSync = this.syncMs / this.steps;
    if (this.syncMs + perStepSync > this.budgetMs) return true;
    return this.msPerStep > 0 && (this.steps + 1) * this.msPerStep > this.budgetMs * 1.5;
  }

  /** Called when the frame's loss has been read back (the start of `draw`). */
  endFrame(): void {
    if (this.frameStart !== null && this.steps > 0) {
      const perStep = (performance.now() - this.frameStart) / this.steps;
      this.msPerStep = this.msPerStep === 0 ? perStep : 0.7 * this.msPerStep + 0.3 * perStep;
      this.lastSteps = this.steps;
    }
    this.frameStart = null;
    this.syncMs = 0;
    this.steps = 0;
  }
}
