import type * as tf from '@tensorflow/tfjs-core';
import type { TrainingSession } from '@/lib/ml/trainer';

/** Runs `steps` steps and returns every loss, reading each one back as the UI would. */
export async function losses(session: TrainingSession, steps: number): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < steps; i++) {
    const loss: tf.Scalar = session.step();
    out.push((await loss.data())[0]);
    loss.dispose();
  }
  return out;
}

export function run(session: TrainingSession, steps: number): void {
  for (let i = 0; i < steps; i++) session.step().dispose();
}

export function mean(values: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < values.length; i++) s += values[i];
  return s / values.length;
}

export function median(values: ArrayLike<number>): number {
  const sorted = Array.from(values).sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}
