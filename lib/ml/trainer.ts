/**
 * The contract between every live demo's model and the UI runtime that drives it (the
 * runtime calls `step` from its animation loop and `dispose` on unmount).
 */
import type * as tf from '@tensorflow/tfjs-core';

export interface TrainingSession {
  /** One optimisation step. Returns the step's loss as a scalar tensor that the CALLER owns and must dispose. Must not leak any other tensor. */
  step(): tf.Scalar;
  /** Frees every variable and optimizer slot. */
  dispose(): void;
}
