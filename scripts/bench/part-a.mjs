// Issue: part A demos. Per backend: median full redraw of the energy surface (grid evaluation +
// paint + isolines) while training, training steps per second, and the longest main-thread task.
import { fmt, measureTraining, medianRuns } from './harness.mjs';

export async function benchPartA({ browser, webgpuBrowser, base, runs, seconds, backends }) {
  const results = [];
  for (const backend of backends) {
    const b = backend === 'webgpu' ? webgpuBrowser : browser;
    const summary = await medianRuns(runs, () => measureTraining(b, `${base}/en/week07/07-1/?backend=${backend}`, 'latent-ellipse', seconds));
    results.push({ backend, ...summary });
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
