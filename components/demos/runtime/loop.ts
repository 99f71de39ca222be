'use client';

import type * as TF from '@tensorflow/tfjs-core';
import { nextTask } from './yield';

export type LoopStatus = 'paused' | 'running' | 'diverged' | 'finished';

/** Slow motion: one step a second, for a lecture; fast-forward: ten times the steps per frame. */
export type Pace = 'slow' | 'normal' | 'fast';

const FAST_FACTOR = 10;
const SLOW_INTERVAL_MS = 1000;
/**
 * Longest run of steps in one task. On wasm and cpu a step computes on the page's thread, so a
 * frame's batch of steps is cut into slices with a new task between them (input and rendering
 * get a turn): the page stays responsive, and the throughput is nearly the same.
 */
export const STEP_SLICE_MS = 16;

/**
 * A step's loss as the loop holds it: a scalar tensor, or anything read and freed the same way
 * (e.g. a loss computed only when read, since the loop reads only a frame's last one).
 */
export interface StepLossValue {
  data(): Promise<ArrayLike<number>>;
  dispose(): void;
}

export interface LoopDriver {
  /**
   * Runs one optimisation step and returns its loss; the loop owns (and disposes) it.
   * A step too long for one task may return a promise and give the page back part-way.
   */
  step(): TF.Scalar | StepLossValue | Promise<TF.Scalar | StepLossValue>;
  /** Redraws from the model's current state. Awaited: the loop draws at most once a frame. */
  draw(info: FrameInfo): Promise<void> | void;
  /** Optional stop condition, checked after each frame's steps (e.g. a step budget). */
  isFinished?(steps: number): boolean;
  /** The phase the next step is in, for demos whose step has phases (shown in slow motion). */
  phase?(): string | null;
}

export interface FrameInfo {
  steps: number;
  loss: number;
  stepsPerSecond: number;
  /** The phase of the next step, where the demo has phases. */
  phase?: string | null;
}

export interface LoopEvents {
  onStatus(status: LoopStatus, reason?: string): void;
  onFrame(info: FrameInfo): void;
}

/**
 * The animation loop every demo shares: a batch of steps per frame, then one asynchronous
 * read-back and one draw, then a yield to the browser. Nothing is read back between steps,
 * so the GPU (or the wasm worker) is never stalled mid-batch.
 */
export class TrainingLoop {
  private status: LoopStatus = 'paused';
  private steps = 0;
  private frame = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** Set on dispose: a frame still awaiting its read-back or draw must not report afterwards. */
  private disposed = false;
  private busy = false;
  private lastLoss: StepLossValue | null = null;
  private rate = { steps: 0, since: 0, value: 0 };
  stepsPerFrame = 1;
  pace: Pace = 'normal';

  /** `startAt`: steps the model has already taken (a restored model goes on counting from there). */
  constructor(
    private driver: LoopDriver,
    private events: LoopEvents,
    private readonly startAt = 0,
  ) {
    this.steps = startAt;
  }

  get state(): LoopStatus {
    return this.status;
  }

  get stepCount(): number {
    return this.steps;
  }

  play(): void {
    if (this.status === 'running' || this.status === 'diverged') return;
    if (this.driver.isFinished?.(this.steps)) {
      this.setStatus('finished');
      return;
    }
    this.setStatus('running');
    this.rate = { steps: 0, since: performance.now(), value: this.rate.value };
    this.schedule();
  }

  pause(reason?: string): void {
    if (this.status !== 'running') return;
    this.cancel();
    this.setStatus('paused', reason);
  }

  /** Runs `count` steps now (the S key, or a test) and redraws once. */
  async stepOnce(count = 1): Promise<void> {
    if (this.status === 'running' || this.status === 'diverged' || this.busy) return;
    this.busy = true;
    try {
      await this.runSteps(count);
    } finally {
      this.busy = false;
    }
  }

  /** Back to the step count the loop started at; the demo disposes and recreates its model around this. */
  reset(): void {
    this.cancel();
    this.lastLoss?.dispose();
    this.lastLoss = null;
    this.steps = this.startAt;
    this.rate = { steps: 0, since: performance.now(), value: 0 };
    this.setStatus('paused');
  }

  dispose(): void {
    this.disposed = true;
    this.cancel();
    this.lastLoss?.dispose();
    this.lastLoss = null;
    this.status = 'paused';
  }

  private schedule(): void {
    if (this.pace === 'slow') this.timer = setTimeout(() => void this.tick(), SLOW_INTERVAL_MS);
    else this.frame = requestAnimationFrame(() => void this.tick());
  }

  private cancel(): void {
    cancelAnimationFrame(this.frame);
    clearTimeout(this.timer);
  }

  /** Changes the pace; a running loop switches at its next tick. */
  setPace(pace: Pace): void {
    if (pace === this.pace) return;
    this.pace = pace;
    if (this.status === 'running' && !this.busy) {
      this.cancel();
      this.schedule();
    }
  }

  private stepsThisTick(): number {
    if (this.pace === 'slow') return 1;
    if (this.pace === 'fast') return Math.min(5000, this.stepsPerFrame * FAST_FACTOR);
    return this.stepsPerFrame;
  }

  private async tick(): Promise<void> {
    if (this.status !== 'running') return;
    // A single step (the S key, a test) still holds the model: come back next frame, or a play
    // pressed meanwhile would stay "running" without ever stepping.
    if (this.busy) {
      this.schedule();
      return;
    }
    this.busy = true;
    try {
      await this.runSteps(this.stepsThisTick());
    } finally {
      this.busy = false;
    }
    if (this.status === 'running') this.schedule();
  }

  private async runSteps(count: number): Promise<void> {
    let ran = 0;
    let sliceStart = performance.now();
    let inSlice = 0;
    try {
      for (let i = 0; i < count; i++) {
        // Yield before a step that would take the slice past its budget (at the slice's mean step time).
        const elapsed = performance.now() - sliceStart;
        if (inSlice > 0 && elapsed + elapsed / inSlice > STEP_SLICE_MS) {
          const before = this.status;
          await nextTask();
          if (this.disposed) return;
          // Paused (or diverged) meanwhile: draw what has been trained so far, step no further.
          if (this.status !== before) break;
          sliceStart = performance.now();
          inSlice = 0;
        }
        inSlice += 1;
        if (this.driver.isFinished?.(this.steps)) break;
        this.lastLoss?.dispose();
        this.lastLoss = null;
        const result = this.driver.step();
        const loss = result instanceof Promise ? await result : result;
        if (this.disposed) {
          loss.dispose();
          return;
        }
        this.lastLoss = loss;
        this.steps += 1;
        ran += 1;
      }
    } catch (error) {
      if (this.disposed) return;
      this.fail(error instanceof Error ? error.message : String(error));
      return;
    }
    // The draw (a batched evaluation, then a repaint) gets a task of its own after a long slice.
    if (ran > 0 && performance.now() - sliceStart > STEP_SLICE_MS / 2) {
      await nextTask();
      if (this.disposed) return;
    }
    const loss = this.lastLoss ? (await this.lastLoss.data())[0] : NaN;
    if (this.disposed) return;
    // Only a running loop has a rate: manual steps (S key) are spaced by the reader, not the
    // machine, and counting them would report the reader's pace as throughput.
    if (this.status === 'running') {
      const now = performance.now();
      this.rate.steps += ran;
      const elapsed = now - this.rate.since;
      if (elapsed > 500) {
        this.rate.value = (1000 * this.rate.steps) / elapsed;
        this.rate = { steps: 0, since: now, value: this.rate.value };
      }
    }
    const info: FrameInfo = { steps: this.steps, loss, stepsPerSecond: this.rate.value, phase: this.driver.phase?.() ?? null };
    if (this.lastLoss && !Number.isFinite(loss)) {
      this.fail(`the loss became ${loss} at step ${this.steps}`);
      return;
    }
    try {
      await this.driver.draw(info);
      if (this.disposed) return;
    } catch (error) {
      if (this.disposed) return;
      this.fail(error instanceof Error ? error.message : String(error));
      return;
    }
    this.events.onFrame(info);
    if (this.driver.isFinished?.(this.steps) && this.status === 'running') {
      this.cancel();
      this.setStatus('finished');
    }
  }

  private fail(reason: string): void {
    this.cancel();
    this.setStatus('diverged', reason);
  }

  private setStatus(status: LoopStatus, reason?: string): void {
    this.status = status;
    this.events.onStatus(status, reason);
  }
}
