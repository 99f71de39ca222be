import * as tf from '@tensorflow/tfjs-core';
import type { Box } from '../grid';
import { uniformPoints } from './datasets';
import { assignments, initialPrototypes, kmeansEnergy, kmeansSoftEnergy, lloydUpdate, type KMeansMode } from './kmeans';
import { guard, makeOptimizer } from './util';


/** Adam's step in gradient mode: about this far per step, whatever the size of the gradient. */
const GRADIENT_RATE = 0.05;

export type StartChoice = 'kmeanspp' | 'box';

export interface KMeansSnapshot {
  /** F or F_β on the grid; null while there is no prototype. */
  surface: Float32Array | null;
  /** ž of every data point (index into `prototypes`). */
  owners: Int32Array;
  /** Flat [x0, y0, x1, y1, …]. */
  prototypes: Float32Array;
  /** The data the owners were computed for. */
  points: Float32Array;
  /** The step at which the prototypes last moved, when the latest step left them in place. */
  convergedAt: number | null;
}

export interface EditableKMeans {
  readonly mode: KMeansMode;
  setMode(mode: KMeansMode): void;
  /** False while there is nothing to fit (no data point yet). */
  canStep(): boolean;
  /** True once a Lloyd step left the prototypes exactly where they were (a fixed point). */
  converged(): boolean;
  step(): tf.Scalar;
  addPoint(x: number, y: number): void;
  /**
   * Everything a redraw needs, computed in one batch and read back together; null once disposed
   * (a frame that was already drawing when the demo was reset).
   */
  snapshot(grid: tf.Tensor2D, beta: number | null): Promise<KMeansSnapshot | null>;
  dispose(): void;
}

export interface EditableKMeansOptions {
  data: Float32Array;
  k: number;
  seed: number;
  mode: KMeansMode;
  start: StartChoice;
  /** Where 'box' starts draw the prototypes. */
  box: Box;
}

/**
 * K-means whose data can grow while it trains. The library session fixes its data at creation,
 * but a reader who clicks a point in should see the current prototypes react to it, not a fresh
 * initialisation; so this keeps W across edits and reuses the library's energies and updates.
 *
 * With k-means++ starts and fewer points than K, every point is a prototype and each new point
 * adds one until there are K: the first K points are the classic initialisation.
 */
export function createEditableKMeans(options: EditableKMeansOptions): EditableKMeans {
  const { k, seed, start } = options;
  const data: number[] = Array.from(options.data);
  let mode: KMeansMode = options.mode;
  let y: tf.Tensor2D | null = null;
  let W: tf.Variable<tf.Rank.R2> | null = null;
  // Created on the first gradient step, so that Lloyd-only sessions hold no optimizer slots.
  let opt: tf.Optimizer | null = null;
  // Written by each step on the device, so that convergence is known without reading W back
  // between steps.
  const lastMoved = tf.tidy(() => tf.variable(tf.scalar(0), false));
  let steps = 0;
  let editedAt = 0;
  let done = false;
  let disposed = false;

  const count = () => data.length / 2;
  const setData = () => {
    y?.dispose();
    y = count() > 0 ? tf.tensor2d(data, [count(), 2]) : null;
  };
  const setPrototypes = (make: () => tf.Tensor2D | null) => {
    // tidy drops the intermediates; the variable keeps its own reference to the value.
    let next: tf.Variable<tf.Rank.R2> | null = null;
    tf.tidy(() => {
      const value = make();
      if (value) next = tf.variable(value, true);
    });
    W?.dispose();
    // The optimizer's moments belong to the old variable.
    opt?.dispose();
    opt = null;
    W = next;
  };
  const fromFlat = (flat: ArrayLike<number>) => () => (flat.length > 0 ? tf.tensor2d(Array.from(flat), [flat.length / 2, 2]) : null);

  setData();
  if (start === 'box') {
    const inset: Box = {
      x: [options.box.x[0] * 0.9, options.box.x[1] * 0.9],
      y: [options.box.y[0] * 0.9, options.box.y[1] * 0.9],
    };
    setPrototypes(fromFlat(uniformPoints(inset, k, seed)));
  } else if (count() >= k) {
    setPrototypes(fromFlat(initialPrototypes(Float32Array.from(data), k, seed, 'kmeans++')));
  } else {
    setPrototypes(fromFlat(data));
  }

  const alive = () => guard(disposed, 'K-means session');

  return {
    get mode() {
      return mode;
    },
    setMode(next) {
      mode = next;
    },
    canStep: () => !disposed && y !== null && W !== null,
    converged: () => done,
    step() {
      alive();
      const points = y;
      const w = W;
      if (!points || !w) throw new Error('there are no data points to fit');
      const index = ++steps;
      if (mode === 'lloyd') {
        return tf.tidy(() => {
          const next = lloydUpdate(points, w);
          lastMoved.assign(tf.where(tf.any(tf.notEqual(next, w)), tf.scalar(index), lastMoved));
          w.assign(next);
          return tf.mean(kmeansEnergy(points, w)) as tf.Scalar;
        });
      }
      const o = (opt ??= makeOptimizer('adam', GRADIENT_RATE));
      return tf.tidy(() => {
        const cost = o.minimize(() => tf.mean(kmeansEnergy(points, w)) as tf.Scalar, true, [w]);
        if (cost === null) throw new Error('the optimizer returned no loss');
        lastMoved.assign(tf.scalar(index));
        return cost;
      });
    },
    addPoint(px, py) {
      alive();
      data.push(px, py);
      setData();
      const current = W?.shape[0] ?? 0;
      if (start === 'kmeanspp' && current < k) {
        const old = W;
        setPrototypes(() => {
          const added = tf.tensor2d([px, py], [1, 2]);
          return old ? tf.concat([old, added], 0) : added;
        });
      }
      editedAt = steps;
      done = false;
    },
    async snapshot(grid, beta) {
      if (disposed) return null;
      const w = W;
      const points = Float32Array.from(data);
      if (!w) return { surface: null, owners: new Int32Array(0), prototypes: new Float32Array(0), points, convergedAt: null };
      const stepsNow = steps;
      const editedNow = editedAt;
      const [surfaceT, ownersT, wT, movedT] = tf.tidy(() => [
        beta === null ? kmeansEnergy(grid, w) : kmeansSoftEnergy(grid, w, beta),
        y ? assignments(y, w) : tf.zeros([0], 'int32'),
        // A copy: the next step reassigns W while this read may still be in flight.
        tf.clone(w),
        tf.clone(lastMoved),
      ]);
      try {
        const [surface, owners, prototypes, moved] = await Promise.all([surfaceT.data(), ownersT.data(), wT.data(), movedT.data()]);
        const still = stepsNow > editedNow && moved[0] < stepsNow;
        if (mode === 'lloyd' && still && editedNow === editedAt && !disposed) done = true;
        return {
          surface: surface as Float32Array,
          owners: owners as Int32Array,
          prototypes: prototypes as Float32Array,
          points,
          convergedAt: still ? moved[0] : null,
        };
      } finally {
        surfaceT.dispose();
        ownersT.dispose();
        wT.dispose();
        movedT.dispose();
      }
    },
    dispose() {
      if (disposed) return;
      disposed = true;
      opt?.dispose();
      W?.dispose();
      y?.dispose();
      lastMoved.dispose();
    },
  };
}
