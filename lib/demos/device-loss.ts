/**
 * Surviving a lost GPU. A browser may take a WebGL context or a WebGPU device away at any
 * time (driver reset, too many contexts, a sleeping laptop); everything on it is gone,
 * weights included. A demo training on a GPU therefore keeps a copy of its weights in main
 * memory, refreshed now and then, and on a loss offers to continue from that copy on the
 * next backend. Pure: the runtime listens for the loss and moves the weights.
 */
import type { BackendName } from './backends';

/** Backends whose state lives on a device the browser can take away. */
export const LOSABLE_BACKENDS: readonly BackendName[] = ['webgpu', 'webgl'];

export function isLosable(backend: BackendName): boolean {
  return LOSABLE_BACKENDS.includes(backend);
}

/**
 * Where to continue after losing `lost`: the next backend after it in `order` not lost on this
 * page (one before it was passed over when the page chose, for failing or being slower), and
 * only if none is left after it, one before it.
 */
export function nextBackend(order: readonly BackendName[], lost: BackendName, lostOnPage: ReadonlySet<BackendName>): BackendName | null {
  const at = order.indexOf(lost);
  const after = at < 0 ? order : order.slice(at + 1);
  const before = at < 0 ? [] : order.slice(0, at);
  return [...after, ...before].find((b) => b !== lost && !lostOnPage.has(b)) ?? null;
}

/**
 * What a demo shows about its backend: all well; lost (paused, offering the next backend);
 * switching (the reader accepted, the page is moving).
 */
export type DeviceState =
  | { phase: 'ok' }
  | { phase: 'lost'; backend: BackendName; reason: string; next: BackendName | null; snapshotSteps: number | null }
  | { phase: 'switching'; from: BackendName; to: BackendName; snapshotSteps: number | null };

export type DeviceEvent =
  | { type: 'lost'; backend: BackendName; reason: string; next: BackendName | null; snapshotSteps: number | null }
  | { type: 'continue' }
  | { type: 'switched'; backend: BackendName };

/** The transitions: a loss while all is well pauses; continuing is possible only with a next backend. */
export function deviceReducer(state: DeviceState, event: DeviceEvent): DeviceState {
  switch (event.type) {
    case 'lost':
      // A second loss report of the same device (both the event and a failing kernel) changes nothing.
      if (state.phase !== 'ok') return state;
      return { phase: 'lost', backend: event.backend, reason: event.reason, next: event.next, snapshotSteps: event.snapshotSteps };
    case 'continue':
      if (state.phase !== 'lost' || state.next === null) return state;
      return { phase: 'switching', from: state.backend, to: state.next, snapshotSteps: state.snapshotSteps };
    case 'switched':
      return { phase: 'ok' };
  }
}

/**
 * How often a GPU demo copies its weights to main memory: every `intervalMs` of training (a
 * read-back of a few megabytes at most, negligible once every few seconds), and at once when
 * training pauses, so that a loss while paused loses nothing.
 */
export const SNAPSHOT_INTERVAL_MS = 5000;

export function snapshotDue(now: number, last: { at: number; steps: number } | null, steps: number, playing: boolean, intervalMs = SNAPSHOT_INTERVAL_MS): boolean {
  if (!last) return true;
  if (steps === last.steps) return false;
  return !playing || now - last.at >= intervalMs;
}

/**
 * Weights waiting to be picked up by a demo's next model, by demo id: a backend switch
 * remounts every demo, so they cannot wait inside the demo. Taken once, and only by a model of
 * the sizes they were taken from.
 */
export class CarriedWeights<W> {
  private readonly waiting = new Map<string, { sizes: string; steps: number; weights: W }>();

  put(demo: string, sizes: string, steps: number, weights: W): void {
    this.waiting.set(demo, { sizes, steps, weights });
  }

  take(demo: string, sizes: string): { steps: number; weights: W } | null {
    const entry = this.waiting.get(demo);
    this.waiting.delete(demo);
    return entry && entry.sizes === sizes ? { steps: entry.steps, weights: entry.weights } : null;
  }
}
