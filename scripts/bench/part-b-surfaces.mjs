// Issue: part B energy-surface demos (kmeans-energy, dae-energy). Per backend and demo: training
// steps per second, median full redraw (grid evaluation + paint + isolines, from the redraw timer)
// and the longest main-thread task, over a few seconds of training at the demo's default speed.
import { fmt, longestTask, median, openDemo, watchLongTasks } from './harness.mjs';

const PAGE = '/en/week07/07-2/';

/**
 * K-means runs gradient steps here: Lloyd steps reach their fixed point within a second and the
 * demo then stops, which would measure an idle page.
 */
const DEMOS = [
  { id: 'kmeans-energy', query: 'kmeans-energy.mode=gradient', what: 'K-means, K = 16 on 300 spiral points, 128x128 grid' },
  { id: 'dae-energy', query: '', what: 'denoising autoencoder 2-32-32 | 32-32-2 on 200 points, 64x64 grid + 16x16 arrows' },
];

async function measure(browser, url, id, seconds) {
  const { page, figure } = await openDemo(browser, url, id);
  try {
    const used = await figure.locator('[data-readout="backend"]').innerText();
    const requested = new URL(url).searchParams.get('backend');
    if (used !== requested) return { skipped: `fell back to ${used}` };
    await watchLongTasks(page);
    await page.evaluate(() => {
      window.__week07Redraws = {};
    });
    const count = () => page.evaluate((demo) => window.__week07Demos[demo].stepCount(), id);
    const startSteps = await count();
    const t0 = Date.now();
    await figure.locator('[data-action="play"]').click();
    await page.waitForTimeout(seconds * 1000);
    await figure.locator('[data-action="play"]').click();
    const elapsed = (Date.now() - t0) / 1000;
    const steps = (await count()) - startSteps;
    const redraws = await page.evaluate((demo) => window.__week07Redraws[demo] ?? [], id);
    return { redraw: median(redraws), frames: redraws.length, stepsPerSecond: steps / elapsed, longest: await longestTask(page) };
  } finally {
    await page.close();
  }
}

export async function benchPartBSurfaces({ browser, webgpuBrowser, base, runs, seconds, backends }) {
  const results = [];
  for (const demo of DEMOS) {
    for (const backend of backends) {
      const samples = [];
      for (let run = 0; run < runs; run++) {
        const b = backend === 'webgpu' ? webgpuBrowser : browser;
        const query = [`backend=${backend}`, demo.query].filter(Boolean).join('&');
        const sample = await measure(b, `${base}${PAGE}?${query}`, demo.id, seconds);
        samples.push(sample);
        if (sample.skipped) break;
      }
      const ok = samples.filter((s) => !s.skipped);
      results.push({
        demo: demo.id,
        backend,
        skipped: samples.find((s) => s.skipped)?.skipped,
        redraw: median(ok.map((s) => s.redraw)),
        frames: median(ok.map((s) => s.frames)),
        stepsPerSecond: median(ok.map((s) => s.stepsPerSecond)),
        longest: median(ok.map((s) => s.longest)),
        runs: ok.length,
      });
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
