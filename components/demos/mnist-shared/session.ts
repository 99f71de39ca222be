'use client';

import type * as TF from '@tensorflow/tfjs-core';
import { createAutoencoder, disposeParams, type Autoencoder, type AutoencoderParams, type StepLoss, type WeightMap } from '@/lib/ml/mnist/autoencoder';
import type { Corruption } from '@/lib/ml/mnist/corruption';
import type { FrameInfo } from '../runtime/loop';
import type { FrameBudget } from './budget';
import { Curve } from '../runtime/curve';
import type { MnistSet } from './data';
import type { Pause } from '@/lib/ml/mnist/evaluate';
import { runPhases } from '../runtime/phases';
import { productThreads } from '../runtime/wasm-backend';
import { JobQueue } from './jobs';
import { stepPieces } from '@/lib/ml/mnist/presets';

/** Test figures are refreshed after this many optimisation steps (and at step 0). */
export const EVAL_EVERY = 20;

export interface SessionOptions {
  data: MnistSet;
  hidden: number;
  seed: number;
  batchSize: number;
  learningRate: number;
  corruption?: Corruption;
  budget: FrameBudget;
  /** The tfjs backend in use, which decides whether a step is cut into phases and pieces. */
  backend: string;
  /** Weights (with Adam's state) to continue from. */
  restore?: WeightMap | null;
}

/**
 * What the three MNIST demos share around the model: one optimisation step per loop step
 * (so the runtime's step counter and rate are honest), a frame budget, the training-loss
 * curve, and test evaluations run as background jobs on a snapshot of the weights.
 */
export function createSession(options: SessionOptions) {
  const { data, budget } = options;
  const model: Autoencoder = createAutoencoder({
    hidden: options.hidden,
    seed: options.seed,
    batchSize: options.batchSize,
    learningRate: options.learningRate,
    corruption: options.corruption,
  });
  model.setData(data.xTrain);
  if (options.restore) model.importWeights(options.restore);
  // Evaluations go one chunk per frame while the loop plays (its steps have the frames), back
  // to back with a new task between chunks otherwise (a step asked for by the reader or a test).
  const jobs = new JobQueue(() => budget.active);
  const train = new Curve();
  let lastEval = -Infinity;
  let closed = false;
  // On the page's thread (wasm, cpu) a step is cut into phases, grouped into tasks by time.
  const onPageThread = ['wasm', 'cpu'].includes(options.backend);
  const threads = productThreads(options.backend);
  const pieces = stepPieces(options.batchSize, options.hidden, options.backend, threads);

  // The loop reads only the loss of a frame's last step: the others are never computed.
  const steppedInPhases = async (): Promise<StepLoss> => {
    const loss = await runPhases(model.stepInPartsDeferringLoss(pieces), { run: (phase) => budget.time(phase, false), closed: () => closed });
    budget.countStep();
    return loss;
  };

  return {
    model,
    jobs,
    train,
    /** The wasm threads that share each product (1 elsewhere). */
    threads,
    /** True once disposed: a draw that awaited across a reset must stop touching the model. */
    get closed(): boolean {
      return closed;
    },
    /**
     * One optimisation step. On wasm and cpu it is cut into phases (one per product), and a
     * wide model's into several tasks, so that the page stays responsive (no task over 50 ms).
     */
    step: (): TF.Scalar | Promise<StepLoss> => (onPageThread ? steppedInPhases() : budget.time(() => model.step())),
    isFinished: (): boolean => budget.exhausted(),
    /**
     * Start of `draw`: closes the frame's budget and records the loss; resolves to true when an
     * evaluation is due. (The runtime's loop already gives a draw that follows a long run of
     * steps a task of its own.)
     */
    async beginDraw(info: FrameInfo): Promise<boolean> {
      budget.endFrame();
      if (closed) return false;
      if (model.steps > 0) train.push(model.steps, info.loss);
      if (model.steps - lastEval >= EVAL_EVERY || (lastEval < 0 && model.steps === 0)) {
        lastEval = model.steps;
        return true;
      }
      return false;
    },
    /**
     * Queues an evaluation of the weights as they are now (a snapshot taken at once, so that a
     * queued evaluation still measures the step it was asked for); `job` must not dispose it.
     */
    evaluate(job: (snapshot: AutoencoderParams, pause: Pause, step: number) => Promise<void>, onError?: (e: unknown) => void): void {
      const step = model.steps;
      const snapshot = model.snapshot();
      void jobs.run((pause) => job(snapshot, pause, step), onError, () => disposeParams(snapshot));
    },
    /**
     * End of `draw`: when not playing (a single step, a test), finishes the queued work first.
     */
    async settle(): Promise<void> {
      if (!budget.active && !closed) await jobs.idle();
    },
    dispose(): void {
      closed = true;
      jobs.cancel();
      model.dispose();
    },
  };
}

