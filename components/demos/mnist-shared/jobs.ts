'use client';

/**
 * Background work of a demo (test-set evaluations, the baseline), one job at a time, each
 * cut into chunks with a pause of one frame between them so that no chunk blocks the page
 * for long. `cancel` makes the next pause throw, so a job's `finally` frees its tensors.
 */
export class JobQueue {
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
    // One chunk per frame, and in a task of its own rather than inside the frame's callbacks,
    // where the training steps already spend the frame's budget.
    await nextFrame();
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

/** The next animation frame, or 50 ms where frames are not delivered (a hidden tab). */
export function nextFrame(): Promise<void> {
  return new Promise((resolve) => {
    let done = false;
    const finish = () => {
      if (done) return;
      done = true;
      cancelAnimationFrame(frame);
      clearTimeout(timer);
      resolve();
    };
    const frame = requestAnimationFrame(finish);
    const timer = setTimeout(finish, 50);
  });
}

/** A new task (not a microtask): lets the browser render and handle input in between. */
export function nextTask(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}
