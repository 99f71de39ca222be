#!/usr/bin/env node
/**
 * Writes public/data/mnist-10k.bin, the digits the autoencoder demos train on in the browser.
 *
 *   node scripts/data/build-mnist.mjs [--force] [--out <file>]
 *
 * Runs before `next build` (public/data is git-ignored, so the file only exists once this has
 * run). A file whose header already carries the current source tag and passes its checksum is
 * left alone, so repeated builds cost one read of the file.
 */
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { decodeMnist, encodeMnist } from '../../lib/ml/mnist/format-core.mjs';
import { buildDataset, histogram, loadMnistPackage, sourceTag } from './mnist-dataset.mjs';

const DEFAULT_OUT = fileURLToPath(new URL('../../public/data/mnist-10k.bin', import.meta.url));

function parseArgs(argv) {
  const options = { force: false, out: DEFAULT_OUT };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--force') options.force = true;
    else if (arg === '--out') {
      const value = argv[++i];
      if (!value) throw new Error('--out needs a file path');
      options.out = resolve(value);
    } else if (arg === '--help' || arg === '-h') options.help = true;
    else throw new Error(`unknown argument ${arg} (expected --force, --out <file> or --help)`);
  }
  return options;
}

function formatBytes(n) {
  return `${n.toLocaleString('en-US')} bytes (${(n / 1024 / 1024).toFixed(2)} MiB)`;
}

function display(path) {
  const rel = relative(process.cwd(), path);
  return rel.startsWith('..') ? path : rel;
}

/** Returns the decoded file if it exists, is intact and was built from `tag`; null otherwise. */
async function upToDate(path, tag) {
  let bytes;
  try {
    bytes = new Uint8Array(await readFile(path));
  } catch (error) {
    if (error && error.code === 'ENOENT') return null;
    throw error;
  }
  try {
    const decoded = decodeMnist(bytes);
    if (decoded.source === tag) return { decoded, size: bytes.length };
    console.log(`build-mnist: ${display(path)} was built from "${decoded.source}", rebuilding for "${tag}"`);
  } catch (error) {
    console.log(`build-mnist: ${display(path)} is unreadable (${error.message}), rebuilding`);
  }
  return null;
}

function printSummary(dataset, size) {
  const { count, trainCount, testCount, histogram } = dataset;
  console.log(`  digits: ${count} (train ${trainCount}, test ${testCount})`);
  console.log('  label   train   test');
  for (let d = 0; d < 10; d++) {
    console.log(`      ${d}  ${String(histogram.train[d]).padStart(6)} ${String(histogram.test[d]).padStart(6)}`);
  }
  console.log(`  size: ${formatBytes(size)}`);
}

async function main() {
  const options = parseArgs(process.argv.slice(2));
  if (options.help) {
    console.log('usage: node scripts/data/build-mnist.mjs [--force] [--out <file>]');
    return;
  }
  const { digits, version } = loadMnistPackage();
  const tag = sourceTag(version);

  if (!options.force) {
    const existing = await upToDate(options.out, tag);
    if (existing) {
      const { decoded, size } = existing;
      console.log(`build-mnist: ${display(options.out)} is up to date (${tag})`);
      printSummary(
        {
          ...decoded,
          histogram: {
            train: histogram(decoded.labels, 0, decoded.trainCount),
            test: histogram(decoded.labels, decoded.trainCount, decoded.count),
          },
        },
        size,
      );
      return;
    }
  }

  const started = performance.now();
  const dataset = buildDataset(digits);
  const bytes = encodeMnist({ ...dataset, source: tag });
  // Round-trip before writing: a file that cannot be read back must never reach the site.
  decodeMnist(bytes);

  await mkdir(dirname(options.out), { recursive: true });
  // Write then rename, so an interrupted build never leaves a half-written file behind.
  const temporary = `${options.out}.${process.pid}.tmp`;
  try {
    await writeFile(temporary, bytes);
    await rename(temporary, options.out);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
  console.log(`build-mnist: wrote ${display(options.out)} from ${tag} in ${Math.round(performance.now() - started)} ms`);
  printSummary(dataset, bytes.length);
}

main().catch((error) => {
  console.error(`build-mnist: failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
