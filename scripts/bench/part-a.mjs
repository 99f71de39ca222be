// Issue: part A demos. Per backend: median full redraw of the energy surface (grid evaluation +
// paint + isolines) while training, training steps per second, and the longest main-thread task.
import { fmt, longestTask, median, openDemo, watchLongTasks } from './harness.mjs';

export async function benchPartA({ browser, webgpuBrowser, base, runs, seconds, backends }) {
  const results = [];
  for (const backend of backends) {
    const samples = [];
    for (let run = 0; run < runs; run++) {
      const b = backend === 'webgpu' ? webgpuBrowser : browser;
      const { page, figure } = await openDemo(b, `${base}/en/week07/07-1/?backend=${backend}`, 'latent-ellipse');
      const used = await figure.locator('[data-readout="backend"]').innerText();
      if (used !== backend) {
        samples.push({ skipped: `fell back to ${used}` });
        await page.close();
        break;
      }
      await watchLongTasks(page);
      await page.evaluate(() => {
        window.__week07Redraws = {};
      });
      const startSteps = await page.evaluate(() => window.__week07Demos['latent-ellipse'].stepCount());
      const t0 = Date.now();
      await figure.locator('[data-action="play"]').click();
      await page.waitForTimeout(seconds * 1000);
      await figure.locator('[data-action="play"]').click();
      const elapsed = (Date.now() - t0) / 1000;
      const steps = (await page.evaluate(() => window.__week07Demos['latent-ellipse'].stepCount())) - startSteps;
      const redraws = await page.evaluate(() => window.__week07Redraws['latent-ellipse'] ?? []);
      samples.push({ redraw: median(redraws), frames: redraws.length, stepsPerSecond: steps / elapsed, longest: await longestTask(page) });
      await page.close();
    }
    const ok = samples.filter((s) => !s.skipped);
    results.push({
      backend,
      skipped: samples.find((s) => s.skipped)?.skipped,
      redraw: median(ok.map((s) => s.redraw)),
      frames: median(ok.map((s) => s.frames)),
      stepsPerSecond: median(ok.map((s) => s.stepsPerSecond)),
      longest: median(ok.map((s) => s.longest)),
      runs: ok.length,
    });
  }
  const baseline = results.find((r) => r.backend === 'cpu');
  const rows = [['backend', 'runs', 'redraw ms (median)', 'vs cpu', 'redraws in run', 'train steps/s', 'longest task ms']];
  for (const r of results) {
    if (r.skipped) {
      rows.push([r.backend, 0, `skipped: ${r.skipped}`, '', '', '', '']);
      continue;
    }
    rows.push([
      r.backend,
      r.runs,
      fmt(r.redraw),
      baseline && r !== baseline ? `${fmt(baseline.redraw / r.redraw, 2)}x faster` : 'baseline',
      fmt(r.frames, 0),
      fmt(r.stepsPerSecond, 0),
      fmt(r.longest, 0),
    ]);
  }
  return { results, rows, note: `latent-ellipse demo, 128x128 grid x 48 latent values, ${seconds} s of training per run; targets: redraw < 33 ms and no task > 50 ms on wasm` };
}
