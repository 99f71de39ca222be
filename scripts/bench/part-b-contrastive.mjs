// Issue: part B contrastive and masked demos (week 7, 07-2).
// - contrastive-divergence, per backend: training steps per second at the demo's default
//   settings, median full redraw (grid evaluation + paint + isolines), longest main-thread task.
// - masked-tokens, per backend (wasm by default): wall time and steps from pressing play until
//   the held-out accuracy reaches 2x and 2.5x the unigram baseline, with the baseline.
// Returns { results, tables: [{ note, rows }, …] }; print each table with harness.table(rows).
import { collectRuns, fmt, longestTask, measureTraining, median, medianRuns, openDemo, watchLongTasks } from './harness.mjs';

const PAGE = '/en/week07/07-2/';
const CD = 'contrastive-divergence';
const MT = 'masked-tokens';
/** Multiples of the baseline accuracy timed for the masked model. */
const FACTORS = [2, 2.5];
/** The limit for reaching a useful accuracy on wasm. */
const LIMIT_SECONDS = 60;

async function open(browser, base, backend, id) {
  const { page, figure } = await openDemo(browser, `${base}${PAGE}?backend=${backend}`, id);
  const used = await figure.locator('[data-readout="backend"]').innerText();
  if (used !== backend) {
    await page.close();
    return { skipped: `fell back to ${used}` };
  }
  await watchLongTasks(page);
  return { page, figure };
}

const stepsOf = (page, id) => page.evaluate((demo) => window.__notesDemos[demo].stepCount(), id);

async function maskedRun(browser, base, backend) {
  const opened = await open(browser, base, backend, MT);
  if (opened.skipped) return opened;
  const { page, figure } = opened;
  const read = async (name) => Number((await figure.locator(`[data-readout="${name}"]`).innerText()).replace(/,/g, ''));
  // The read-outs fill in with the first draw, which can come well after the demo is ready.
  let baseline = NaN;
  for (const t0 = Date.now(); Number.isNaN(baseline) && Date.now() - t0 < 30_000; await page.waitForTimeout(100)) baseline = await read('baseline');
  const reached = FACTORS.map(() => ({ seconds: NaN, steps: NaN }));
  let accuracy = NaN;
  const t0 = Date.now();
  await figure.locator('[data-action="play"]').click();
  while (Date.now() - t0 < LIMIT_SECONDS * 1000 && reached.some((r) => Number.isNaN(r.seconds))) {
    accuracy = await read('accuracy');
    const seconds = (Date.now() - t0) / 1000;
    for (const [k, factor] of FACTORS.entries()) {
      if (Number.isNaN(reached[k].seconds) && accuracy >= factor * baseline) reached[k] = { seconds, steps: await stepsOf(page, MT) };
    }
    await page.waitForTimeout(100);
  }
  await figure.locator('[data-action="play"]').click();
  const result = { baseline, accuracy, reached, longest: await longestTask(page) };
  await page.close();
  return result;
}

export async function benchPartBContrastive({ browser, base, runs, seconds, backends = ['cpu', 'wasm', 'webgl'], maskedBackends = ['wasm'] }) {
  const cd = [];
  for (const backend of backends) {
    const summary = await medianRuns(runs, () => measureTraining(browser, `${base}${PAGE}?backend=${backend}`, CD, seconds));
    cd.push({ backend, ...summary });
  }
  const masked = [];
  for (const backend of maskedBackends) {
    const { ok, skipped } = await collectRuns(runs, () => maskedRun(browser, base, backend));
    masked.push({
      backend,
      skipped,
      runs: ok.length,
      baseline: median(ok.map((s) => s.baseline)),
      finalAccuracy: median(ok.map((s) => s.accuracy)),
      reached: FACTORS.map((factor, k) => ({
        factor,
        seconds: median(ok.map((s) => s.reached[k].seconds)),
        steps: median(ok.map((s) => s.reached[k].steps)),
        // A run that never reached the target within the limit counts as a miss, not as a time.
        misses: ok.filter((s) => Number.isNaN(s.reached[k].seconds)).length,
      })),
      longest: median(ok.map((s) => s.longest)),
    });
  }

  const cdRows = [['backend', 'runs', 'train steps/s', 'redraw ms (median)', 'redraws in run', 'longest task ms']];
  for (const r of cd) {
    if (r.skipped) cdRows.push([r.backend, 0, `skipped: ${r.skipped}`, '', '', '']);
    else cdRows.push([r.backend, r.runs, fmt(r.stepsPerSecond, 0), fmt(r.redraw), fmt(r.frames, 0), fmt(r.longest, 0)]);
  }
  const maskedRows = [['backend', 'runs', 'baseline acc.', ...FACTORS.flatMap((f) => [`s to ${f}x baseline`, `steps to ${f}x`]), 'longest task ms']];
  for (const r of masked) {
    if (r.skipped) {
      maskedRows.push([r.backend, 0, `skipped: ${r.skipped}`, ...FACTORS.flatMap(() => ['', '']), '']);
      continue;
    }
    const cells = r.reached.flatMap((x) => [x.misses ? `missed in ${x.misses} run(s)` : fmt(x.seconds), fmt(x.steps, 0)]);
    maskedRows.push([r.backend, r.runs, fmt(r.baseline, 3), ...cells, fmt(r.longest, 0)]);
  }
  return {
    results: { cd, masked },
    tables: [
      {
        note: `contrastive-divergence at its defaults (spiral, k = 10, 96x96 grid + 700 probe points per redraw), ${seconds} s of training per run; target: no task > 50 ms on wasm`,
        rows: cdRows,
      },
      {
        note: `masked-tokens at its defaults from pressing play, held-out accuracy polled every 100 ms (evaluated every 20 steps); limit ${LIMIT_SECONDS} s`,
        rows: maskedRows,
      },
    ],
  };
}
