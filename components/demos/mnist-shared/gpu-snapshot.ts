/**
 * A GPU-trained MNIST model's insurance against a lost GPU: a copy of its weights (Adam's state
 * included) in main memory, refreshed every few seconds of training and on pausing, and the
 * page-wide place where those copies wait for the demos' next models after a backend switch.
 */
import { CarriedWeights, isLosable, snapshotDue } from '@/lib/demos/device-loss';
import { isBackendName } from '@/lib/demos/backends';
import type { Autoencoder, WeightMap } from '@/lib/ml/mnist/autoencoder';

/** Weights crossing a backend switch, by demo id (every demo remounts on the switch). */
export const carriedWeights = new CarriedWeights<WeightMap>();

/** The sizes a carried copy fits: only a model of the same code and batch size takes it. */
export function sizesKey(settings: { hidden: number; batch: number }): string {
  return `${settings.hidden}x${settings.batch}`;
}

declare global {
  interface Window {
    /** Test hook: the step of each demo's last copy of its weights in main memory. */
    __notesSnapshots?: Record<string, number>;
  }
}

export class WeightSnapshots {
  private last: { at: number; steps: number; weights: WeightMap } | null = null;
  private busy = false;

  constructor(
    private readonly demo: string,
    private readonly backend: string,
  ) {}

  /** Takes a copy if one is due (never two read-backs at once); a failed read-back keeps the previous copy. */
  async refresh(model: Autoencoder, playing: boolean): Promise<void> {
    if (!isBackendName(this.backend) || !isLosable(this.backend) || this.busy) return;
    if (!snapshotDue(performance.now(), this.last, model.steps, playing)) return;
    this.busy = true;
    try {
      const steps = model.steps;
      const weights = await model.exportWeights({ optimizer: true });
      this.last = { at: performance.now(), steps, weights };
      (window.__notesSnapshots ??= {})[this.demo] = steps;
    } catch {
      // The model was disposed or its device lost mid-read: the previous copy stands.
    } finally {
      this.busy = false;
    }
  }

  /** The last copy, for the demo's next model; its step, or null when there is none. */
  carry(settings: { hidden: number; batch: number }): number | null {
    if (!this.last) return null;
    carriedWeights.put(this.demo, sizesKey(settings), this.last.steps, this.last.weights);
    return this.last.steps;
  }
}
