/**
 * Choosing the page's tfjs backend by measurement. A heavy demo times a few training steps of
 * its own model on each candidate backend, and the fastest wins; the choice is remembered in
 * the browser per model size, so the next visit starts at once. Pure: the runtime does the
 * timing and the storage access, this module decides and validates what was stored (a record
 * read back is untrusted: another build, a damaged or hand-edited value).
 */
import { z } from 'zod';
import { storageKey } from '@/lib/site/config';
import { BACKENDS, type BackendName } from './backends';

/** Bump when the probe or the rule changes: records of another version are ignored. */
export const CALIBRATION_VERSION = 1;
/** localStorage key of the remembered choices (one record per model size and browser). */
export const CALIBRATION_STORAGE_KEY = storageKey('backend-choice');

/** The error of a backend the calibration had no time left for (the read-out words it). */
export const OUT_OF_TIME = 'out-of-time';

/** The whole calibration, every backend's start included, stays under this. */
export const CALIBRATION_BUDGET_MS = 1500;
/** Timed steps per backend at most (after one warm-up step that compiles and allocates). */
export const CALIBRATION_STEPS = 5;

export { HEAVY_DEMOS, pageProbe, probeKey, type CalibrationProbe } from './calibration-probe';

/**
 * Backends worth timing, in the order they are timed. cpu (tfjs's plain-JavaScript kernels) is
 * never faster than wasm's SIMD kernels on these models and would spend most of the budget on
 * one step, so it is timed only when wasm is not available. The page-thread backends go first:
 * they start in a known, short time, while a GPU's first step compiles its shaders (seconds on
 * a software renderer); a GPU left without time is reported as not timed, never the fallback.
 */
export function calibrationCandidates(available: readonly BackendName[]): BackendName[] {
  const timed = available.filter((b) => b !== 'cpu' || !available.includes('wasm'));
  const onPage = (b: BackendName) => b === 'wasm' || b === 'cpu';
  return [...timed.filter(onPage), ...timed.filter((b) => !onPage(b))];
}

/** One backend's result: its time per step, or why it could not be timed. */
export type BackendTiming = { backend: BackendName; msPerStep: number } | { backend: BackendName; error: string };

export interface CalibrationDecision {
  backend: BackendName;
  timings: BackendTiming[];
}

/** The median of the timed steps: one step slowed by a garbage collection does not decide. */
export function medianMs(samples: readonly number[]): number {
  if (samples.length === 0) throw new RangeError('no timed steps');
  const sorted = [...samples].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/**
 * The fastest backend that was timed. A backend that failed to start or errored during its
 * steps is excluded (its reason stays in the timings for the read-out). Timings within 5 % of
 * each other are a tie, which goes to the usual preference order (GPU first): the measurement
 * is not that precise, and the GPU leaves the page's thread free. Null when nothing was timed.
 */
export function chooseBackend(timings: readonly BackendTiming[]): CalibrationDecision | null {
  const timed = timings.filter((t): t is { backend: BackendName; msPerStep: number } => 'msPerStep' in t && Number.isFinite(t.msPerStep) && t.msPerStep >= 0);
  if (timed.length === 0) return null;
  const fastest = Math.min(...timed.map((t) => t.msPerStep));
  const tied = timed.filter((t) => t.msPerStep <= fastest * 1.05);
  tied.sort((a, b) => BACKENDS.indexOf(a.backend) - BACKENDS.indexOf(b.backend));
  return { backend: tied[0].backend, timings: [...timings] };
}

const backendSchema = z.enum(BACKENDS);
const timingSchema = z.union([
  z.object({ backend: backendSchema, msPerStep: z.number().nonnegative() }),
  z.object({ backend: backendSchema, error: z.string() }),
]);
const recordSchema = z.object({
  version: z.literal(CALIBRATION_VERSION),
  browser: z.string(),
  backend: backendSchema,
  timings: z.array(timingSchema),
  /** Milliseconds since 1970, for the reader's curiosity and for dropping old records. */
  measuredAt: z.number(),
});
export type CalibrationRecord = z.infer<typeof recordSchema>;

/** Every remembered choice, by `probeKey`. */
export type CalibrationStore = Record<string, CalibrationRecord>;

/**
 * The remembered choices from localStorage's text. Anything unreadable (not JSON, another
 * shape) gives an empty store; a record of another version or a damaged one is dropped alone.
 */
export function parseStore(text: string | null): CalibrationStore {
  if (!text) return {};
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return {};
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return {};
  const store: CalibrationStore = {};
  for (const [key, value] of Object.entries(raw)) {
    const parsed = recordSchema.safeParse(value);
    if (parsed.success) store[key] = parsed.data;
  }
  return store;
}

/** The remembered choice for this model size in this browser, if any. */
export function recall(store: CalibrationStore, key: string, browser: string): CalibrationRecord | null {
  const record = store[key];
  return record && record.browser === browser ? record : null;
}

/** The store with `decision` remembered for `key` in `browser` (a new object). */
export function remember(store: CalibrationStore, key: string, browser: string, decision: CalibrationDecision, now: number): CalibrationStore {
  return { ...store, [key]: { version: CALIBRATION_VERSION, browser, backend: decision.backend, timings: decision.timings, measuredAt: now } };
}

/** "`slower` was measured (or presumed) slower than `than`". */
export interface Demotion {
  slower: BackendName;
  than: BackendName;
}

/**
 * What the remembered calibrations in this browser say about backends: each loser was slower
 * than that record's winner. A backend that lost on a heavy model loses on a small one too (a
 * GPU's advantage grows with the size of the matrices, its fixed cost per kernel does not).
 */
export function measuredSlow(store: CalibrationStore, browser: string): Demotion[] {
  const demotions: Demotion[] = [];
  for (const record of Object.values(store)) {
    if (record.browser !== browser) continue;
    for (const t of record.timings) if (t.backend !== record.backend && 'msPerStep' in t) demotions.push({ slower: t.backend, than: record.backend });
  }
  return demotions;
}

/** `order` with each demoted backend moved just behind the one it is slower than (if it was ahead). */
export function applyDemotions(order: readonly BackendName[], demotions: readonly Demotion[]): BackendName[] {
  const result = [...order];
  for (const { slower, than } of demotions) {
    const from = result.indexOf(slower);
    if (from < 0 || !result.includes(than) || from > result.indexOf(than)) continue;
    result.splice(from, 1);
    result.splice(result.indexOf(than) + 1, 0, slower);
  }
  return result;
}

/**
 * The order a page of light demos only tries backends in. Their models are too small for a
 * calibration to be worth its second (a step takes a millisecond or two anywhere), so they do
 * not measure: each backend a heavy demo measured slower in this browser goes behind the one
 * that beat it, otherwise the usual order stands. `presumed` is the runtime's guess (WebGL
 * emulated in software is slower than wasm) for a browser where nothing was measured yet:
 * without a measurement it is all we know, and software WebGL was several times slower than
 * wasm on every machine we timed. (A thunk: the guess costs a throwaway WebGL context, not
 * worth making where a measurement exists.)
 */
export function lightDemoOrder(order: readonly BackendName[], store: CalibrationStore, browser: string, presumed: () => readonly Demotion[]): BackendName[] {
  const measured = Object.values(store).some((r) => r.browser === browser);
  return applyDemotions(order, measured ? measuredSlow(store, browser) : presumed());
}
