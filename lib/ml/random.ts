/**
 * Seeded pseudo-random numbers for the demos.
 *
 * Every demo must redraw the same data for the same seed (so a "reset" button or a test
 * reproduces a run exactly), which `Math.random` cannot do.
 */

/** A generator of uniform numbers in [0, 1). Each call advances its state. */
export type Rng = () => number;

/**
 * Mulberry32: a 32-bit state generator. Statistically weak for serious work, but tiny, fast
 * and plenty for drawing a few hundred demo points.
 */
export function mulberry32(seed: number): Rng {
  if (!Number.isFinite(seed)) throw new RangeError(`seed must be a finite number, got ${seed}`);
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Uniform in [lo, hi). */
export function uniform(rng: Rng, lo = 0, hi = 1): number {
  return lo + (hi - lo) * rng();
}

/**
 * Gaussian sample by Box–Muller. The second variate of the pair is discarded so that the
 * generator stays a plain stateless function of `rng`: two uniforms are consumed per call.
 */
export function normal(rng: Rng, mean = 0, std = 1): number {
  // 1 − u lies in (0, 1], so the logarithm is always finite.
  const u1 = 1 - rng();
  const u2 = rng();
  return mean + std * Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
}
