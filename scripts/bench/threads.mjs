// Issue: every core. Threaded vs single-threaded wasm, in one run, on the built site served
// twice: with the cross-origin-isolation headers (the demos pick the threaded SIMD binary, one
// thread per core) and without (single-threaded SIMD). Service workers are blocked, so the
// plain server's pages stay unisolated. Per mode, medians of several runs:
//  1. the autoencoder demo's training throughput (examples/s) at d = 30 and d = 500, batch 256,
//     through the demo's own step hook (data loaded, the page idle otherwise);
//  2. the matmul bound: the FLOP rate of a 1024×1024 product on the same page and threads,
//     divided by the step's 10·B·784·d FLOP (see mnist.mjs), and the fraction of it achieved;
//  3. the energy-surface demos' median full redraw while training (kmeans-energy, dae-energy);
//  4. the longest main-thread task while the autoencoder trains by its play button;
//  5. where a step's time goes: kernel time per step by kernel name (tf.profile; on wasm a
//     kernel's time is the wall time of its synchronous call), split into the kernels that ran
//     faster threaded and the rest, and the time spent outside kernels (JavaScript, dispatch,
//     yields to the page). From the single-threaded split it prints Amdahl's ceiling: the
//     speed-up if the kernels that threads shorten scaled perfectly over the threads and nothing
//     else changed. A target above that ceiling cannot be reached by tfjs's threads alone;
//  6. the cores the page thread and the wasm pool's workers keep busy while the demo trains
//     (thread-cpu.mjs): a worker that spins between products holds a core of its own.
//
// Standalone: node scripts/bench/threads.mjs [--runs 3] [--seconds 10] [--site out]
import path from 'node:path';
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';
import { cpuShares, rendererCpu } from './thread-cpu.mjs';
import { ISOLATION_HEADERS, fmt, launch, longestTask, measureTraining, median, openDemo, serve, table, watchLongTasks } from './harness.mjs';

const BATCH = 256;
const SIZES = [30, 500];
const AUTOENCODER = '/en/week07/07-3/';
const SURFACES = [
  { id: 'kmeans-energy', query: 'kmeans-energy.mode=gradient' },
  { id: 'dae-energy', query: '' },
];

// The demo's test-evaluation period in steps (EVAL_EVERY in components/demos/mnist-shared/session.ts).
const EVAL_EVERY = 20;

const stepFlops = (hidden) => 10 * BATCH * 784 * hidden;

/** The autoencoder page at width d, data loaded; `threads` as tfjs reports them. */
async function openAutoencoder(browser, base, hidden) {
  const opened = await openDemo(browser, `${base}${AUTOENCODER}?backend=wasm&autoencoder.hidden=${hidden}&autoencoder.batch=${BATCH}`, 'autoencoder');
  const used = await opened.figure.locator('[data-readout="backend"]').innerText();
  if (used !== 'wasm') {
    await opened.page.close();
    return { skipped: `fell back to ${used}` };
  }
  await opened.figure.locator('[data-readout="test-loss"]').filter({ hasNotText: '—' }).waitFor({ timeout: 60_000 });
  // The demo below loads when it comes near the screen: let it settle before timing.
  await opened.page.waitForTimeout(1500);
  return { ...opened, threads: await opened.page.evaluate(() => window.__notesTf.wasmThreads()) };
}

/** Examples/s of the demo's step: a chunk calibrated to ~0.2 s, repeated for `seconds`. */
function throughput(page, seconds) {
  return page.evaluate(
    async ({ seconds, batch }) => {
      const hook = window.__notesDemos.autoencoder;
      let chunk = 1;
      for (;;) {
        const t0 = performance.now();
        await hook.steps(chunk);
        if (performance.now() - t0 > 200 || chunk >= 128) break;
        chunk *= 2;
      }
      let steps = 0;
      const start = performance.now();
      while (performance.now() - start < seconds * 1000) {
        await hook.steps(chunk);
        steps += chunk;
      }
      return (steps * batch * 1000) / (performance.now() - start);
    },
    { seconds, batch: BATCH },
  );
}

/** FLOP/s of a 1024×1024 product with the page's own tfjs (and so its threads), best of 3. */
function matmulRate(page) {
  return page.evaluate(async () => {
    const tf = window.tf;
    const n = 1024;
    const a = tf.randomUniform([n, n], -1, 1);
    const b = tf.randomUniform([n, n], -1, 1);
    await tf.matMul(a, b).data();
    let best = Infinity;
    for (let r = 0; r < 3; r++) {
      const start = performance.now();
      const products = [tf.matMul(a, b), tf.matMul(a, b), tf.matMul(a, b)];
      await products[2].data();
      best = Math.min(best, (performance.now() - start) / 3);
      tf.dispose(products);
    }
    tf.dispose([a, b]);
    return (2 * n * n * n) / (best / 1000);
  });
}

/**
 * A step's time, and its kernel milliseconds by kernel name, over `steps` steps of the demo's
 * hook: first timed, then the same count under tf.profile. `steps` is a multiple of the demo's
 * evaluation period, so both windows hold the same share of test evaluations. Op-level records
 * (names ending in `__op`, e.g. a fused product's custom gradient) contain other kernels' time
 * and are left out.
 */
function kernelTimes(page, steps) {
  return page.evaluate(async (steps) => {
    const hook = window.__notesDemos.autoencoder;
    await hook.steps(steps);
    const start = performance.now();
    await hook.steps(steps);
    const stepMs = (performance.now() - start) / steps;
    const profile = await window.tf.profile(() => hook.steps(steps));
    const byName = {};
    for (const kernel of profile.kernels) {
      if (kernel.name.endsWith('__op')) continue;
      byName[kernel.name] = (byName[kernel.name] ?? 0) + kernel.kernelTimeMs / steps;
    }
    return { stepMs, kernels: byName };
  }, steps);
}

/** The run whose step time is the median of an odd count (the lower middle of an even one). */
function medianRun(samples) {
  const sorted = [...samples].sort((a, b) => a.stepMs - b.stepMs);
  return sorted[Math.floor((sorted.length - 1) / 2)];
}

const sum = (values) => values.reduce((a, b) => a + b, 0);

/**
 * Splits a step's wall time (ms) into kernels that threads shortened (threaded time under 0.8 of
 * the single-threaded time, among kernels worth 0.02 ms a step), the other kernels, and the time
 * outside kernels; and, from the single-threaded split, the step time if the shortened kernels
 * scaled perfectly over `threads` (Amdahl) and the speed-up that would be.
 */
function stepSplit(single, threaded, threads) {
  const names = Object.keys(single.kernels).filter((name) => single.kernels[name] >= 0.02);
  const shortened = names.filter((name) => (threaded.kernels[name] ?? 0) < 0.8 * single.kernels[name]);
  const part = (side, chosen) => sum(chosen.map((name) => side.kernels[name] ?? 0));
  const split = (side) => {
    const faster = part(side, shortened);
    const kernels = sum(Object.values(side.kernels));
    return { faster, other: kernels - faster, outside: Math.max(0, side.stepMs - kernels) };
  };
  const one = split(single);
  const ceilingMs = single.stepMs - one.faster + one.faster / threads;
  return { shortened, single: one, threaded: split(threaded), ceilingMs, ceiling: single.stepMs / ceilingMs };
}

/** Longest main-thread task while the demo trains by its play button for `seconds`. */
async function longestWhileTraining(page, figure, seconds) {
  await watchLongTasks(page);
  await figure.locator('[data-action="play"]').click();
  await page.waitForTimeout(seconds * 1000);
  await figure.locator('[data-action="play"]').click();
  return longestTask(page);
}

async function measureMode(browser, base, runs, seconds) {
  const result = { threads: NaN, throughput: {}, longest: {}, matmul: NaN, redraw: {}, kernels: {}, cpu: {} };
  for (const hidden of SIZES) {
    const samples = [];
    const longest = [];
    const rates = [];
    const profiles = [];
    const shares = [];
    for (let run = 0; run < runs; run++) {
      const opened = await openAutoencoder(browser, base, hidden);
      if (opened.skipped) return { skipped: opened.skipped };
      try {
        result.threads = opened.threads;
        const before = await rendererCpu(browser);
        const start = performance.now();
        samples.push(await throughput(opened.page, seconds));
        shares.push(cpuShares(before, await rendererCpu(browser), performance.now() - start));
        if (hidden === SIZES[SIZES.length - 1]) rates.push(await matmulRate(opened.page));
        profiles.push(await kernelTimes(opened.page, EVAL_EVERY * (hidden > 100 ? 1 : 4)));
        longest.push(await longestWhileTraining(opened.page, opened.figure, Math.min(seconds, 5)));
      } finally {
        await opened.page.close();
      }
    }
    result.throughput[hidden] = median(samples);
    result.longest[hidden] = median(longest);
    result.kernels[hidden] = medianRun(profiles);
    const read = shares.filter(Boolean);
    result.cpu[hidden] = read.length ? { page: median(read.map((r) => r.page)), workers: median(read.map((r) => r.workers)) } : null;
    if (rates.length) result.matmul = median(rates);
  }
  for (const surface of SURFACES) {
    const query = ['backend=wasm', surface.query].filter(Boolean).join('&');
    const redraws = [];
    const longest = [];
    for (let run = 0; run < runs; run++) {
      const sample = await measureTraining(browser, `${base}/en/week07/07-2/?${query}`, surface.id, Math.min(seconds, 5));
      if (sample.skipped) break;
      redraws.push(sample.redraw);
      longest.push(sample.longest);
    }
    result.redraw[surface.id] = { redraw: median(redraws), longest: median(longest) };
  }
  return result;
}

export async function benchThreads({ browser, root, runs = 3, seconds = 10 }) {
  const isolatedPort = 5100 + Math.floor(Math.random() * 90);
  const plainPort = isolatedPort + 100;
  const isolated = await serve(root, isolatedPort, ISOLATION_HEADERS);
  const plain = await serve(root, plainPort);
  let single;
  let threaded;
  try {
    // Single-threaded first, then threaded: each mode's runs are whole page loads.
    single = await measureMode(browser, `http://127.0.0.1:${plainPort}`, runs, seconds);
    threaded = await measureMode(browser, `http://127.0.0.1:${isolatedPort}`, runs, seconds);
  } finally {
    isolated.close();
    plain.close();
  }
  if (single.skipped || threaded.skipped) return { rows: [['skipped', single.skipped ?? threaded.skipped]], note: 'wasm did not start' };

  const ratio = (a, b) => `${fmt(a / b, 2)}x`;
  const rows = [['figure', `single thread (${single.threads})`, `threaded (${threaded.threads})`, 'threaded / single']];
  for (const hidden of SIZES) {
    rows.push([`autoencoder d=${hidden} examples/s`, fmt(single.throughput[hidden], 0), fmt(threaded.throughput[hidden], 0), ratio(threaded.throughput[hidden], single.throughput[hidden])]);
  }
  rows.push(['matmul 1024 GFLOP/s', fmt(single.matmul / 1e9, 1), fmt(threaded.matmul / 1e9, 1), ratio(threaded.matmul, single.matmul)]);
  for (const hidden of SIZES) {
    // Fractions of the threaded bound: what the threads could give at most.
    const bound = threaded.matmul / stepFlops(hidden);
    rows.push([`d=${hidden}: fraction of the threaded matmul bound`, fmt(single.throughput[hidden] / BATCH / bound, 2), fmt(threaded.throughput[hidden] / BATCH / bound, 2), '']);
  }
  const splits = {};
  for (const hidden of SIZES) {
    const side = (mode) => mode.kernels[hidden];
    const split = stepSplit(side(single), side(threaded), threaded.threads);
    splits[hidden] = split;
    rows.push([`d=${hidden}: step ms (profiled run)`, fmt(side(single).stepMs, 2), fmt(side(threaded).stepMs, 2), '']);
    rows.push([`d=${hidden}:   kernels threads shortened, ms`, fmt(split.single.faster, 2), fmt(split.threaded.faster, 2), ratio(split.single.faster, split.threaded.faster)]);
    rows.push([`d=${hidden}:   other kernels, ms`, fmt(split.single.other, 2), fmt(split.threaded.other, 2), '']);
    rows.push([`d=${hidden}:   outside kernels, ms`, fmt(split.single.outside, 2), fmt(split.threaded.outside, 2), '']);
    const cpu = (mode, key) => (mode.cpu[hidden] ? fmt(mode.cpu[hidden][key], 2) : 'n/a');
    rows.push([`d=${hidden}: page thread, cores busy`, cpu(single, 'page'), cpu(threaded, 'page'), '']);
    rows.push([`d=${hidden}: wasm pool workers, cores busy`, cpu(single, 'workers'), cpu(threaded, 'workers'), '']);
    rows.push([`d=${hidden}: Amdahl ceiling (shortened kernels x${threaded.threads})`, '', '', ratio(split.ceiling, 1)]);
    // The best fraction of the bound threads could give: the bound's step time over the ceiling's.
    const boundMs = (1000 * stepFlops(hidden)) / threaded.matmul;
    rows.push([`d=${hidden}: fraction of the threaded bound at the ceiling`, '', fmt(boundMs / split.ceilingMs, 2), '']);
  }
  for (const surface of SURFACES) {
    const s = single.redraw[surface.id];
    const t = threaded.redraw[surface.id];
    rows.push([`${surface.id} redraw ms (median)`, fmt(s.redraw), fmt(t.redraw), ratio(s.redraw, t.redraw)]);
    rows.push([`${surface.id} longest task ms`, fmt(s.longest, 0), fmt(t.longest, 0), '']);
  }
  for (const hidden of SIZES) {
    rows.push([`autoencoder d=${hidden} longest task ms (training)`, fmt(single.longest[hidden], 0), fmt(threaded.longest[hidden], 0), '']);
  }
  const note = [
    `wasm, threaded SIMD (isolated page) vs single-threaded SIMD (same build, no isolation headers); medians of ${runs} runs, ${seconds} s each.`,
    `Autoencoder 784-d-784, batch ${BATCH}, the demo's own step; bound = matmul FLOP/s / (10*B*784*d).`,
    'Targets on a 2-core machine: >= 1.6x at d=500, >= 1.3x at d=30, >= 0.6 of the threaded bound at d=500, no main-thread task over 50 ms (0 = none).',
    'Redraw ratio is single / threaded (above 1: threads redraw faster).',
    'Cores busy: CPU time / wall time of the page thread and of the pool workers while the throughput is measured (Linux per-thread accounting).',
    "Step split (tf.profile, the run of median step time): kernels that ran under 0.8 of their single-threaded time, other kernels, and the step's time outside kernels.",
    ...SIZES.map((hidden) => `d=${hidden}: kernels threads shortened: ${splits[hidden].shortened.join(', ') || 'none'}`),
  ].join('\n');
  return { single, threaded, rows, note };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { values } = parseArgs({
    options: { runs: { type: 'string', default: '3' }, seconds: { type: 'string', default: '10' }, site: { type: 'string', default: 'out' } },
  });
  const browser = await launch();
  try {
    const { rows, note } = await benchThreads({ browser, root: path.resolve(values.site), runs: Number(values.runs), seconds: Number(values.seconds) });
    console.log('\n## Threads: wasm on every core');
    console.log(note);
    console.log(table(rows));
  } finally {
    await browser.close();
  }
}
