/**
 * The model side of the three MNIST demos, without React: it builds the session from the
 * demo's settings (and weights waiting to be restored), records the training and test loss
 * curves, queues test evaluations on snapshots of the weights, throttles repaints while
 * playing, turns failures into a message, and tells the component what to show through one
 * `publish` callback. A component only renders what it is told and adds its own images.
 */
import type * as TF from '@tensorflow/tfjs-core';
import type { Autoencoder, AutoencoderParams, WeightMap } from '@/lib/ml/mnist/autoencoder';
import type { Corruption } from '@/lib/ml/mnist/corruption';
import type { Pause } from '@/lib/ml/mnist/evaluate';
import { evaluationChunkRows } from '@/lib/ml/mnist/presets';
import type { FrameInfo } from '../runtime/loop';
import type { FrameBudget } from './budget';
import type { MnistSet } from './data';
import { Curve } from '../runtime/curve';
import { createSession } from './session';

/** The settings every MNIST demo has (the URL's parameters). */
export interface MnistSettings {
  hidden: number;
  batch: number;
  seed: number;
  learningRate: number;
}

/** A curve as the demos keep it: steps and values. */
export interface CurvePoints {
  xs: number[];
  ys: number[];
}

/** What a demo shows of its training; a fresh object (new `version`) on every change. */
export interface TrainingFigures {
  train: CurvePoints;
  test: CurvePoints;
  /** Optimisation steps of the model as last painted. */
  modelSteps: number;
  /** The last failure, in words; null while all is well. */
  problem: string | null;
  version: number;
}

export const EMPTY_FIGURES: TrainingFigures = { train: { xs: [], ys: [] }, test: { xs: [], ys: [] }, modelSteps: 0, problem: null, version: 0 };

/** The last value of a curve, NaN while it is empty. */
export function lastOf(curve: CurvePoints): number {
  return curve.ys.length ? curve.ys[curve.ys.length - 1] : NaN;
}

export type MnistSession = ReturnType<typeof createSession>;

/** What a demo adds to the shared controller. */
export interface MnistDemoParts {
  /** Milliseconds between repaints while playing (every draw repaints when paused). */
  repaintMs: number;
  /**
   * The test loss of a snapshot of the weights taken at `step` (a background job, chunked with
   * `pause`); null to record nothing (e.g. the corruption changed meanwhile).
   */
  testLoss(snapshot: AutoencoderParams, pause: Pause, chunkRows: number, step: number): Promise<number | null>;
  /** Paints the demo's images from the model as it is now; awaited. */
  paint(): Promise<void>;
  /** Called at the start of each draw; true asks for an evaluation now (its inputs changed). */
  beforeDraw?(): boolean;
  /** False while the demo has nothing to paint yet. */
  canPaint?(): boolean;
  /** Frees what the demo's parts hold (after the session). */
  dispose?(): void;
}

/** What the controller offers a demo's parts, for work the demo starts itself. */
export interface MnistControls {
  /** Sends the figures again (e.g. after a background result of the demo's own). */
  publish: () => void;
  /** Reports a failure to the reader. */
  fail: (error: unknown) => void;
  /** Paints now, whatever the throttle, and publishes. */
  repaint: () => Promise<void>;
  /** True while the loop is playing (repaints are throttled then). */
  playing: () => boolean;
}

export interface MnistControllerOptions {
  data: MnistSet;
  settings: MnistSettings;
  /** The tfjs backend in use (a wide model's step is cut into pieces on wasm and cpu). */
  backend: string;
  budget: FrameBudget;
  /** Weights (with Adam's state) to continue from. */
  restore?: WeightMap | null;
  corruption?: Corruption;
  publish: (figures: TrainingFigures) => void;
  /**
   * Most points the test-loss curve keeps (default: Curve's). Past that it thins itself, like
   * the training curve, so that an evening of training costs each publication and repaint no
   * more than its first minutes.
   */
  testPoints?: number;
}

/** Text of a failure for the reader. */
export function problemText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Builds the model for `options.settings` and returns the runtime's driver for it. The demo's
 * parts are made by `parts`, which receives the session (its model, jobs and closed flag) and
 * the controller's `publish` and `fail`, for work the demo starts itself.
 */
export function createMnistController(
  options: MnistControllerOptions,
  parts: (session: MnistSession, controls: MnistControls) => MnistDemoParts,
) {
  const { data, settings, budget } = options;
  const session = createSession({
    data,
    hidden: settings.hidden,
    seed: settings.seed,
    batchSize: settings.batch,
    learningRate: settings.learningRate,
    backend: options.backend,
    corruption: options.corruption,
    budget,
    restore: options.restore,
  });
  const { model } = session;
  const chunkRows = evaluationChunkRows(settings.hidden, 784, data.xTest.shape[0], session.threads);
  const test = new Curve(options.testPoints);
  let modelSteps = model.steps;
  let problem: string | null = null;
  let version = 0;
  let lastPaint = -Infinity;

  const publish = () => {
    if (session.closed) return;
    options.publish({ train: { xs: session.train.xs.slice(), ys: session.train.ys.slice() }, test: { xs: test.xs.slice(), ys: test.ys.slice() }, modelSteps, problem, version: ++version });
  };
  const fail = (error: unknown) => {
    problem = problemText(error);
    publish();
  };
  /** Paints now, whatever the throttle says, then publishes the figures of the painted model. */
  const repaint = async () => {
    if (session.closed) return;
    lastPaint = performance.now();
    const steps = model.steps;
    await demo.paint();
    modelSteps = steps;
    publish();
  };
  const demo = parts(session, { publish, fail, repaint, playing: () => budget.active });
  publish();

  return {
    session,
    model: model as Autoencoder,
    step: session.step,
    initialSteps: model.steps,
    isFinished: session.isFinished,
    async draw(info: FrameInfo): Promise<void> {
      const due = await session.beginDraw(info);
      if (session.closed) return;
      const changed = demo.beforeDraw?.() ?? false;
      if (due || changed) {
        session.evaluate(async (snapshot, pause, step) => {
          const loss = await demo.testLoss(snapshot, pause, chunkRows, step);
          if (loss === null) return;
          // An evaluation queued before a later one may finish after it: the curve keeps steps in order.
          test.push(step, loss);
          publish();
        }, fail);
      }
      const paintable = demo.canPaint?.() ?? true;
      if (paintable && (!budget.active || performance.now() - lastPaint >= demo.repaintMs)) await repaint();
      await session.settle();
    },
    dispose(): void {
      session.dispose();
      demo.dispose?.();
    },
  };
}

export type MnistController = ReturnType<typeof createMnistController>;

/** Tensors of a demo's fixed rows of a set (the shown digits), gathered once. */
export function pickRows(tf: typeof TF, x: TF.Tensor2D, indices: number[]): TF.Tensor2D {
  return tf.tidy(() => tf.gather(x, tf.tensor1d(indices, 'int32')) as TF.Tensor2D);
}
