// Issue: part B energy-surface demos (kmeans-energy, dae-energy). Per backend and demo: training
// steps per second, median full redraw (grid evaluation + paint + isolines, from the redraw timer)
// and the longest main-thread task, over a few seconds of training at the demo's default speed.
import { fmt, measureTraining, medianRuns } from './harness.mjs';

const PAGE = '/en/week07/07-2/';

/**
 * K-means runs gradient steps here: Lloyd steps reach their fixed point within a second and the
 * demo then stops, which would measure an idle page.
 */
const DEMOS = [
  { id: 'kmeans-energy', query: 'kmeans-energy.mode=gradient', what: 'K-means, K = 16 on 300 spiral points, 128x128 grid' },
  { id: 'dae-energy', query: '', what: 'denoising autoencoder 2-32-32 | 32-32-2 on 200 points, 64x64 grid + 16x16 arrows' },
];

export async function benchPartBSurfaces({ browser, base, runs, seconds, backends }) {
  const results = [];
  for (const demo of DEMOS) {
    for (const backend of backends) {
      const query = [`backend=${backend}`, demo.query].filter(Boolean).join('&');
      const summary = await medianRuns(runs, () => measureTraining(browser, `${base}${PAGE}?${query}`, demo.id, seconds));
      results.push({ demo: demo.id, backend, ...summary });
    }
  }
  const rows = [['demo', 'backend', 'runs', 'train steps/s', 'redraw ms (median)', 'redraws in run', 'longest task ms']];
  for (const r of results) {
    if (r.skipped) {
      rows.push([r.demo, r.backend, 0, `skipped: ${r.skipped}`, '', '', '']);
      continue;
    }
    rows.push([r.demo, r.backend, r.runs, fmt(r.stepsPerSecond, 0), fmt(r.redraw), fmt(r.frames, 0), fmt(r.longest, 0)]);
  }
  const what = DEMOS.map((d) => `${d.id}: ${d.what}`).join('; ');
  return { results, rows, note: `${what}; ${seconds} s of training per run at the default steps per frame; target: no task > 50 ms on wasm` };
}
