/**
 * Gradient-descent inference run step by step, for a demo that animates it: a batch of
 * points descends the energy together, each for its own budget of steps, and new starting
 * points can join at any time (a reader's click).
 */
import * as tf from '@tensorflow/tfjs-core';
import './gradients';
import type { BatchEnergy } from './inference';
import type { TrainingSession } from './trainer';

export interface InferenceSessionOptions {
  energy: BatchEnergy;
  /** Read at every step, so the reader can change η while the points move. */
  stepSize: () => number;
  /** Steps each point makes before it stops. */
  budget: number;
}

export interface InferenceSession extends TrainingSession {
  addStart(x: number, y: number): void;
  /** Current positions, flat [y1, y2, …]. */
  positions(): Promise<Float32Array>;
  /** Steps left per point; 0 means the point has arrived at its y̌. */
  remaining(): readonly number[];
  finished(): boolean;
  size(): number;
}

export function createInferenceSession(starts: ArrayLike<number>, options: InferenceSessionOptions): InferenceSession {
  const { energy, stepSize, budget } = options;
  let points: tf.Variable<tf.Rank.R2> | null = null;
  const left: number[] = [];
  // Summing the energies gives each row its own gradient because rows do not interact.
  const gradient = tf.grad((y: tf.Tensor) => tf.sum(energy(y as tf.Tensor2D)));

  const replace = (values: tf.Tensor2D) => {
    const next = tf.variable(values, false);
    points?.dispose();
    points = next as tf.Variable<tf.Rank.R2>;
  };

  const flat = Array.from(starts);
  for (let i = 0; i + 1 < flat.length; i += 2) left.push(budget);
  if (left.length > 0) {
    const initial = tf.tensor2d(flat.slice(0, left.length * 2), [left.length, 2]);
    replace(initial);
    initial.dispose();
  }

  return {
    addStart(x, y) {
      tf.tidy(() => {
        const start = tf.tensor2d([x, y], [1, 2]);
        replace(points ? tf.concat([points, start], 0) : start);
      });
      left.push(budget);
    },
    step() {
      return tf.tidy(() => {
        if (!points || left.every((k) => k <= 0)) return tf.scalar(0);
        const y = points;
        const before = energy(y);
        const active = tf.tensor2d(
          left.map((k) => (k > 0 ? 1 : 0)),
          [left.length, 1],
        );
        const g = gradient(y);
        y.assign(tf.sub(y, tf.mul(tf.mul(g, active), stepSize())) as tf.Tensor2D);
        for (let i = 0; i < left.length; i++) if (left[i] > 0) left[i] -= 1;
        return tf.mean(before) as tf.Scalar;
      });
    },
    async positions() {
      if (!points) return new Float32Array(0);
      const copy = points.clone();
      const data = (await copy.data()) as Float32Array;
      copy.dispose();
      return data;
    },
    remaining: () => left,
    finished: () => left.every((k) => k <= 0),
    size: () => left.length,
    dispose() {
      points?.dispose();
      points = null;
    },
  };
}
