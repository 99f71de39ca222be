'use client';

import { nextFrame, nextTask } from '../runtime/yield';

/**
 * Background work of a demo (test-set evaluations, the baseline), one job at a time, each
 * cut into chunks with a pause of one frame between them so that no chunk blocks the page
 * for long. `cancel` makes the next pause throw, so a job's `finally` frees its tensors.
 */
export class JobQueue {
  /** `paced`: true while a chunk should wait for the next frame (the page is animating). */
  constructor(private readonly paced: () => boolean = () => true) {}

  private tail: Promise<void> = Promise.resolve();
  private cancelled = false;
  private running = 0;

  get busy(): boolean {
    return this.running > 0;
  }

  /**
   * Queues a job; the returned promise settles when it has run. Errors other than cancellation
   * reach `onError`; `cleanup` runs in every case, even for a job cancelled before it started.
   */
  run(job: (pause: () => Promise<void>) => Promise<void>, onError?: (error: unknown) => void, cleanup?: () => void): Promise<void> {
    this.running += 1;
    const next = this.tail.then(async () => {
      try {
        // Each job starts in a task of its own, never inside the draw or job that queued it.
        await nextTask();
        if (this.cancelled) return;
        await job(() => this.pause());
      } catch (error) {
        // After a cancel, a job may fail on tensors freed under it: that is expected, not news.
        if (!(error instanceof CancelledError) && !this.cancelled) onError?.(error);
      } finally {
        this.running -= 1;
        cleanup?.();
      }
    });
    this.tail = next;
    return next;
  }

  /** Resolves when every queued job has finished. */
  idle(): Promise<void> {
    return this.tail;
  }

  cancel(): void {
    this.cancelled = true;
  }

  private async pause(): Promise<void> {
    // While paced, one chunk per frame, and in a task of its own rather than inside the frame's
    // callbacks, where the training steps already spend the frame's budget. Otherwise nothing
    // else wants the frames: a new task is enough for the page to handle input.
    if (this.paced()) await nextFrame();
    await nextTask();
    if (this.cancelled) throw new CancelledError();
  }
}

export class CancelledError extends Error {
  constructor() {
    super('cancelled');
    this.name = 'CancelledError';
  }
}
