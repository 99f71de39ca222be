// Issue: the lean GPU path, soak run. Trains the d = 500 autoencoder and the contrastive demo on
// their own pages (play button, default backend) for M minutes each and samples, at the start,
// after the first minute (the warm-up: caches, compiled shaders, the loss curve's buffers) and
// at the end: tensors held (tf.memory().numTensors), bytes they hold (numBytes), the JS heap
// after a forced garbage collection (CDP), and the longest main-thread task since the previous
// sample. Target: no growth over 5 % from the warm-up sample to the end.
//
// Standalone: node scripts/bench/soak.mjs [--minutes 5] [--warmup-seconds 60] [--every-seconds S]
//             [--site out] [--port P]   (--every-seconds adds samples between the warm-up and the end)
import path from 'node:path';
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';
import { fmt, launch, longestTask, openDemo, serve, table, watchLongTasks } from './harness.mjs';

export const SOAK_DEMOS = [
  { label: 'MNIST autoencoder 784-500-784', path: '/en/week07/07-3/', query: 'autoencoder.hidden=500', id: 'autoencoder' },
  { label: 'Contrastive divergence', path: '/en/week07/07-2/', query: '', id: 'contrastive-divergence' },
];

/** The growth target, in percent from the warm-up sample to the end. */
export const SOAK_TARGET_PERCENT = 5;

/** Readings per sample, taken this far apart: the smallest of each figure is what the demo holds between frames. */
const READINGS = 5;
const READING_GAP_MS = 150;

/**
 * One sample while training goes on. A single reading can land mid-frame, with an evaluation's
 * snapshot or a frame's images still alive: the minimum over a few readings is the state the
 * demo keeps, which is what a leak would grow.
 */
async function sample(page, cdp, id, since) {
  const readings = [];
  for (let r = 0; r < READINGS; r++) {
    if (r > 0) await page.waitForTimeout(READING_GAP_MS);
    await cdp.send('HeapProfiler.collectGarbage');
    const heap = await cdp.send('Runtime.getHeapUsage');
    const figures = await page.evaluate((demo) => ({
      tensors: window.__notesTf.numTensors(),
      bytes: window.__notesTf.numBytes(),
      backend: window.__notesTf.backend(),
      steps: window.__notesDemos[demo].stepCount(),
      status: window.__notesDemos[demo].status(),
    }), id);
    readings.push({ ...figures, heap: heap.usedSize });
  }
  const least = (key) => Math.min(...readings.map((r) => r[key]));
  const longest = await longestTask(page);
  // A fresh list for the next interval.
  await page.evaluate(() => {
    window.__longTasks.length = 0;
  });
  const last = readings[readings.length - 1];
  return { ...last, tensors: least('tensors'), bytes: least('bytes'), heap: least('heap'), longest, seconds: (Date.now() - since) / 1000 };
}

function growth(from, to) {
  return from > 0 ? (100 * (to - from)) / from : to > from ? Infinity : 0;
}

/**
 * One demo: play for `minutes`, sampling at the start, after `warmupSeconds`, every
 * `everySeconds` after that (if set) and at the end.
 */
async function soakDemo(browser, base, demo, minutes, warmupSeconds, everySeconds) {
  const url = `${base}${demo.path}${demo.query ? `?${demo.query}` : ''}`;
  const { page, figure } = await openDemo(browser, url, demo.id);
  try {
    const cdp = await page.context().newCDPSession(page);
    await watchLongTasks(page);
    const since = Date.now();
    const samples = { start: await sample(page, cdp, demo.id, since) };
    await figure.locator('[data-action="play"]').click();
    const total = minutes * 60_000;
    const warm = Math.min(warmupSeconds * 1000, total / 2);
    await page.waitForTimeout(warm);
    samples.warm = await sample(page, cdp, demo.id, since);
    let elapsed = warm;
    for (let k = 1; everySeconds > 0 && elapsed + everySeconds * 1000 < total; k++) {
      await page.waitForTimeout(everySeconds * 1000);
      elapsed += everySeconds * 1000;
      samples[`+${k * everySeconds} s`] = await sample(page, cdp, demo.id, since);
    }
    await page.waitForTimeout(total - elapsed);
    samples.end = await sample(page, cdp, demo.id, since);
    await figure.locator('[data-action="play"]').click();
    return { demo, samples, warmSeconds: warm / 1000 };
  } finally {
    await page.close();
  }
}

export async function benchSoak({ browser, base, minutes = 5, warmupSeconds = 60, everySeconds = 0 }) {
  const results = [];
  for (const demo of SOAK_DEMOS) results.push(await soakDemo(browser, base, demo, minutes, warmupSeconds, everySeconds));
  const rows = [['demo', 'sample', 'time s', 'steps', 'tensors', 'tensor MB', 'JS heap MB', 'longest task ms (interval)']];
  const checks = [];
  for (const { demo, samples, warmSeconds } of results) {
    for (const [name, s] of Object.entries(samples)) {
      rows.push([`${demo.label} (${s.backend})`, name, fmt(s.seconds, 0), s.steps, s.tensors, fmt(s.bytes / 1e6, 2), fmt(s.heap / 1e6, 1), fmt(s.longest, 0)]);
    }
    const { warm, end } = samples;
    const figures = [
      ['tensors', warm.tensors, end.tensors],
      ['tensor bytes', warm.bytes, end.bytes],
      ['JS heap', warm.heap, end.heap],
    ];
    for (const [what, a, b] of figures) {
      const g = growth(a, b);
      checks.push(`${g <= SOAK_TARGET_PERCENT ? 'ok  ' : 'MISS'} ${demo.label}: ${what} ${fmt(g, 1)} % from ${fmt(warmSeconds, 0)} s to the end`);
    }
    if (end.steps <= warm.steps) checks.push(`MISS ${demo.label}: no training steps after the warm-up (status ${end.status})`);
  }
  const note = [
    `Soak: each demo trains by its play button for ${minutes} min; samples at the start, after ${warmupSeconds} s (warm-up) and at the end.`,
    `Each sample: the smallest of ${READINGS} readings ${READING_GAP_MS} ms apart (what the demo holds between frames); JS heap: used size after a forced garbage collection (CDP).`,
    `Target: growth <= ${SOAK_TARGET_PERCENT} % from the warm-up sample to the end.`,
  ].join('\n');
  return { rows, checks, note, results };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { values } = parseArgs({
    options: {
      minutes: { type: 'string', default: '5' },
      'warmup-seconds': { type: 'string', default: '60' },
      'every-seconds': { type: 'string', default: '0' },
      site: { type: 'string', default: 'out' },
      port: { type: 'string' },
    },
  });
  const port = Number(values.port ?? 4800 + Math.floor(Math.random() * 90));
  const site = await serve(path.resolve(values.site), port);
  const browser = await launch();
  try {
    const { rows, checks, note } = await benchSoak({ browser, base: `http://127.0.0.1:${port}`, minutes: Number(values.minutes), warmupSeconds: Number(values['warmup-seconds']), everySeconds: Number(values['every-seconds']) });
    console.log(note);
    console.log(table(rows));
    console.log(`\n${checks.join('\n')}`);
  } finally {
    await browser.close();
    site.close();
  }
}
