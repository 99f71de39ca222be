import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import {
  MNIST_HEADER_BYTES,
  MnistFormatError,
  crc32,
  decodeMnist,
  encodeMnist,
  mnistByteLength,
  readMnistHeader,
  type MnistFormatErrorCode,
} from '@/lib/ml/mnist/format';
import { buildDataset, histogram, loadMnistPackage, permutation, sourceTag } from '@/scripts/data/mnist-dataset.mjs';
import { decodedDigits, realDigits } from './digits';

function expectFormatError(f: () => unknown, code: MnistFormatErrorCode, message: RegExp): void {
  try {
    f();
  } catch (error) {
    expect(error).toBeInstanceOf(MnistFormatError);
    expect((error as MnistFormatError).code).toBe(code);
    expect((error as Error).message).toMatch(message);
    return;
  }
  throw new Error(`expected a MnistFormatError (${code})`);
}

/** A tiny valid bundle: 3 images of 2×2. */
function tiny(): Uint8Array {
  return encodeMnist({
    pixels: Uint8Array.from([0, 1, 2, 3, 10, 20, 30, 40, 255, 254, 253, 252]),
    labels: Uint8Array.from([7, 0, 9]),
    rows: 2,
    cols: 2,
    trainCount: 2,
    source: 'unit test',
  });
}

/** Element-wise equality; vitest's deep equality is far too slow for millions of elements. */
function sameValues(a: ArrayLike<number>, b: ArrayLike<number>): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** Rewrites the header checksum so that a deliberately altered payload passes it. */
function resign(bytes: Uint8Array): void {
  new DataView(bytes.buffer, bytes.byteOffset).setUint32(24, crc32(bytes.subarray(MNIST_HEADER_BYTES)), true);
}

describe('crc32', () => {
  it('gives the standard check value', () => {
    expect(crc32(new TextEncoder().encode('123456789'))).toBe(0xcbf43926);
    expect(crc32(new Uint8Array(0))).toBe(0);
  });

  it('continues across chunks', () => {
    const bytes = new TextEncoder().encode('the quick brown fox');
    expect(crc32(bytes.subarray(7), crc32(bytes.subarray(0, 7)))).toBe(crc32(bytes));
  });
});

describe('encodeMnist / decodeMnist', () => {
  it('round-trips a small bundle', () => {
    const bytes = tiny();
    expect(bytes.length).toBe(mnistByteLength(3, 2, 2));
    const d = decodeMnist(bytes);
    expect(d).toMatchObject({ rows: 2, cols: 2, count: 3, trainCount: 2, testCount: 1, source: 'unit test' });
    expect(Array.from(d.pixels)).toEqual([0, 1, 2, 3, 10, 20, 30, 40, 255, 254, 253, 252]);
    expect(Array.from(d.labels)).toEqual([7, 0, 9]);
  });

  it('round-trips the real digits', () => {
    const built = realDigits();
    const d = decodedDigits();
    expect(d.count).toBe(built.count);
    expect(d.rows * d.cols).toBe(784);
    expect(sameValues(d.pixels, built.pixels)).toBe(true);
    expect(sameValues(d.labels, built.labels)).toBe(true);
  });

  it('rejects a wrong magic', () => {
    const bytes = tiny();
    bytes[0] = 0x3c; // "<", as in an HTML error page
    expectFormatError(() => decodeMnist(bytes), 'bad-magic', /bad magic bytes 3c 4e 53 54/);
  });

  it('rejects a truncated file, naming the expected and actual sizes', () => {
    const bytes = tiny();
    const expected = bytes.length;
    expectFormatError(() => decodeMnist(bytes.subarray(0, expected - 5)), 'truncated', new RegExp(`expected ${expected} bytes.*got ${expected - 5}`));
    expectFormatError(() => decodeMnist(bytes.subarray(0, 10)), 'truncated', /shorter than the 64-byte header/);
    const real = encodeMnist({ ...realDigits(), source: 'x' });
    expectFormatError(() => decodeMnist(real.subarray(0, 1_000_000)), 'truncated', /expected 7850064 bytes for 10000 images of 28×28, got 1000000/);
  });

  it('rejects trailing bytes', () => {
    const bytes = tiny();
    const longer = new Uint8Array(bytes.length + 3);
    longer.set(bytes);
    expectFormatError(() => decodeMnist(longer), 'size-mismatch', /3 trailing bytes/);
  });

  it('rejects a wrong checksum', () => {
    const bytes = tiny();
    bytes[MNIST_HEADER_BYTES + 1] ^= 0xff;
    expectFormatError(() => decodeMnist(bytes), 'checksum-mismatch', /checksum mismatch: header records CRC-32 0x[0-9a-f]{8}, payload has 0x[0-9a-f]{8}/);
  });

  it('rejects inconsistent shapes', () => {
    const bytes = tiny();
    new DataView(bytes.buffer).setUint32(20, 5, true); // test count
    expectFormatError(() => decodeMnist(bytes), 'shape-mismatch', /train count 2 \+ test count 5 does not equal count 3/);
    expectFormatError(
      () => encodeMnist({ pixels: new Uint8Array(10), labels: new Uint8Array(3), rows: 2, cols: 2, trainCount: 1 }),
      'shape-mismatch',
      /expected count×rows×cols = 3×2×2 = 12/,
    );
  });

  it('rejects labels outside 0–9', () => {
    expectFormatError(
      () => encodeMnist({ pixels: new Uint8Array(8), labels: Uint8Array.from([3, 10]), rows: 2, cols: 2, trainCount: 1 }),
      'bad-label',
      /label 10 at index 1/,
    );
    const bytes = tiny();
    bytes[bytes.length - 1] = 12;
    resign(bytes);
    expectFormatError(() => decodeMnist(bytes), 'bad-label', /label 12 at index 2 is outside 0–9/);
  });

  it('rejects a source tag that is not short printable ASCII', () => {
    const base = { pixels: new Uint8Array(4), labels: new Uint8Array(1), rows: 2, cols: 2, trainCount: 1 };
    expectFormatError(() => encodeMnist({ ...base, source: 'x'.repeat(33) }), 'invalid-input', /at most 32/);
    expectFormatError(() => encodeMnist({ ...base, source: 'é' }), 'invalid-input', /printable ASCII/);
  });

  it('reads the header alone', () => {
    const h = readMnistHeader(tiny().subarray(0, MNIST_HEADER_BYTES));
    expect(h).toMatchObject({ count: 3, rows: 2, cols: 2, trainCount: 2, testCount: 1, byteLength: mnistByteLength(3, 2, 2) });
  });
});

describe('the dataset built from the mnist package', () => {
  const { digits, version } = loadMnistPackage();
  const built = realDigits();

  it('holds every digit of the package, with label counts that add up', () => {
    const perDigit = Array.from({ length: 10 }, (_, d) => digits[d].length);
    expect(built.count).toBe(perDigit.reduce((a, b) => a + b, 0));
    expect(built.count).toBe(10_000);
    expect(built.trainCount).toBe(9000);
    expect(built.testCount).toBe(1000);
    const train = histogram(built.labels, 0, built.trainCount);
    const test = histogram(built.labels, built.trainCount, built.count);
    expect(train).toEqual(built.histogram.train);
    expect(test).toEqual(built.histogram.test);
    for (let d = 0; d < 10; d++) {
      expect(train[d] + test[d]).toBe(perDigit[d]);
      expect(train[d]).toBeGreaterThan(0);
      expect(test[d]).toBeGreaterThan(0);
    }
  });

  it('quantises the package values exactly', () => {
    // Find a known image: the 5th "3" of the package, wherever the shuffle put it.
    const target = digits[3].get(4).map((v) => Math.round(v * 255));
    let found = -1;
    for (let i = 0; i < built.count && found < 0; i++) {
      if (built.labels[i] !== 3) continue;
      const image = built.pixels.subarray(i * 784, (i + 1) * 784);
      if (image.every((v, p) => v === target[p])) found = i;
    }
    expect(found).toBeGreaterThanOrEqual(0);
    const raw = digits[3].get(4);
    const image = built.pixels.subarray(found * 784, (found + 1) * 784);
    for (let p = 0; p < 784; p++) expect(Math.abs(image[p] / 255 - raw[p])).toBeLessThanOrEqual(0.0005);
  });

  it('is deterministic and shuffled', () => {
    const again = buildDataset(digits);
    expect(sameValues(again.pixels, built.pixels)).toBe(true);
    expect(sameValues(again.labels, built.labels)).toBe(true);
    // Sorted by class in the package; mixed after the shuffle.
    expect(new Set(built.labels.subarray(0, 50)).size).toBeGreaterThan(5);
    expect(Array.from(permutation(10, 3)).sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(sameValues(permutation(1000, 3), permutation(1000, 3))).toBe(true);
    expect(sameValues(permutation(1000, 3), permutation(1000, 4))).toBe(false);
  });

  it('records its source', () => {
    expect(sourceTag(version)).toBe(`mnist@${version} r1 s7 t1000`);
    expect(decodedDigits().source).toBe(sourceTag(version));
  });
});

describe('build-mnist.mjs', () => {
  const script = fileURLToPath(new URL('../../../scripts/data/build-mnist.mjs', import.meta.url));
  const dir = mkdtempSync(join(tmpdir(), 'mnist-build-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const run = (...args: string[]) => spawnSync(process.execPath, [script, ...args], { encoding: 'utf8' });

  it('writes the bundle, then skips an up-to-date one', () => {
    const out = join(dir, 'mnist.bin');
    const first = run('--out', out);
    expect(first.status, first.stderr).toBe(0);
    expect(first.stdout).toMatch(/wrote .* from mnist@/);
    expect(first.stdout).toMatch(/digits: 10000 \(train 9000, test 1000\)/);
    expect(first.stdout).toMatch(/size: 7,850,064 bytes/);
    const bytes = new Uint8Array(readFileSync(out));
    expect(sameValues(decodeMnist(bytes).labels, realDigits().labels)).toBe(true);

    const mtime = statSync(out).mtimeMs;
    const second = run('--out', out);
    expect(second.status, second.stderr).toBe(0);
    expect(second.stdout).toMatch(/is up to date/);
    expect(statSync(out).mtimeMs).toBe(mtime);
  }, 30_000);

  it('fails clearly on bad arguments', () => {
    const result = run('--frobnicate');
    expect(result.status).not.toBe(0);
    expect(result.stderr).toMatch(/build-mnist: failed: unknown argument --frobnicate/);
  });
});
