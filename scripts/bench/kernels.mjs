// Issue: the lean GPU path. Counts, per backend, what ONE step of every demo's model costs
// (lib/ml/kernel-census.ts, profiled by lib/ml/kernel-profile.ts in the MNIST bench page):
// kernels (tf.profile), shader dispatches (WebGL/WebGPU programs run, pack/unpack included),
// uploads and read-backs; next to tfjs-layers' model.fit per batch on the same architecture.
// Counts are exact, so unlike the timings they mean the same on a loaded machine.
//
// Targets checked here: on webgl and webgpu, our autoencoder step uses no more kernels (and no
// more dispatches) than model.fit's; an energy-surface redraw reads its grid back once.
import { serveBenchPage } from './mnist/page.mjs';
import { launch } from './harness.mjs';

export const KERNEL_BACKENDS = ['cpu', 'wasm', 'webgl', 'webgpu'];

/** Entries compared with the layers baseline of the same width. */
const VERSUS_LAYERS = { 'ae-30': 'layers-30', 'ae-500': 'layers-500', 'dae-500': 'layers-500' };
/** Redraws and the grid size each must read back once. */
const GRID_VALUES = { 'ellipse-redraw': 128 * 128, 'kmeans-redraw': 128 * 128, 'cd-redraw': 96 * 96 };

async function censusOn(browser, url, backend) {
  const page = await browser.newPage();
  try {
    await page.goto(url);
    await page.waitForFunction(() => !!window.__mnistBench, null, { timeout: 60_000 });
    const used = await page.evaluate((b) => window.__mnistBench.select(b), backend);
    if (used !== backend) return { skipped: used === 'unavailable' ? 'unavailable' : `fell back to ${used}` };
    return { rows: await page.evaluate(() => window.__mnistBench.census()) };
  } catch (error) {
    return { skipped: `unavailable (${String(error?.message ?? error).split('\n')[0].slice(0, 80)})` };
  } finally {
    await page.close();
  }
}

function cell(p) {
  const dispatches = p.dispatches === null ? '' : ` / ${p.dispatches} gpu (${(p.dispatchedValues / 1e6).toFixed(2)} M values)`;
  return `${p.kernels}${dispatches} · up ${p.uploads} · down ${p.downloads}`;
}

/** Checks of the targets, one line each, for the backends that ran. */
function verdicts(byBackend) {
  const lines = [];
  for (const [backend, result] of Object.entries(byBackend)) {
    if (result.skipped) continue;
    const byId = Object.fromEntries(result.rows.map((r) => [r.id, r.profile]));
    if (backend === 'webgl' || backend === 'webgpu') {
      for (const [ours, layers] of Object.entries(VERSUS_LAYERS)) {
        const a = byId[ours];
        const b = byId[layers];
        if (!a || !b) continue;
        const kernelsOk = a.kernels <= b.kernels;
        const dispatchOk = a.dispatches === null || b.dispatches === null || (a.dispatches <= b.dispatches && a.dispatchedValues <= b.dispatchedValues);
        const mv = (p) => (p.dispatchedValues / 1e6).toFixed(2);
        lines.push(`${kernelsOk && dispatchOk ? 'ok  ' : 'MISS'} ${backend} ${ours}: ${a.kernels} kernels / ${a.dispatches} dispatches / ${mv(a)} M values written vs ${layers} ${b.kernels} / ${b.dispatches} / ${mv(b)} M`);
      }
    }
    for (const [id, values] of Object.entries(GRID_VALUES)) {
      const p = byId[id];
      if (!p) continue;
      const whole = p.downloadSizes.filter((n) => n >= values).length;
      lines.push(`${whole === 1 ? 'ok  ' : 'MISS'} ${backend} ${id}: ${whole} read-back(s) of the whole grid (${p.downloadSizes.join(', ')} values)`);
    }
  }
  return lines;
}

/**
 * The table (rows: models; columns: backends) and the target checks. A backend this browser
 * cannot start (WebGPU in headless Chromium, usually) prints "unavailable".
 */
export async function benchKernels({ browser, webgpuBrowser, port, backends = KERNEL_BACKENDS }) {
  const server = await serveBenchPage(port);
  const url = `http://127.0.0.1:${port}/`;
  const byBackend = {};
  try {
    for (const backend of backends) {
      const b = backend === 'webgpu' ? webgpuBrowser ?? browser : browser;
      byBackend[backend] = await censusOn(b, url, backend);
    }
  } finally {
    server.close();
  }
  const ran = Object.values(byBackend).find((r) => !r.skipped);
  const ids = ran ? ran.rows.map((r) => [r.id, r.label]) : [];
  const rows = [['model (one step)', ...backends]];
  for (const [id, label] of ids) {
    rows.push([label, ...backends.map((b) => {
      const r = byBackend[b];
      if (r.skipped) return r.skipped;
      const p = r.rows.find((x) => x.id === id)?.profile;
      return p ? cell(p) : 'n/a';
    })]);
  }
  const detail = [];
  for (const backend of ['webgl', 'webgpu']) {
    const r = byBackend[backend];
    if (!r || r.skipped) continue;
    for (const id of ['ae-30', 'layers-30']) {
      const p = r.rows.find((x) => x.id === id)?.profile;
      if (p) detail.push(`${backend} ${id}: ${Object.entries(p.byName).map(([k, n]) => `${k}×${n}`).join(' ')}`);
    }
  }
  const note = [
    'Kernels of one step (tf.profile) / shader programs run (webgl, webgpu: packing included) and the values they wrote · tensors uploaded from JS · read-backs.',
    'tfjs-layers rows: model.fit over two batches minus over one (the per-batch cost, fit\'s per-call work excluded).',
    'Targets: on webgl/webgpu our step <= model.fit\'s kernels, dispatches and values written; a surface redraw reads its grid back once.',
  ].join('\n');
  return { rows, note, checks: verdicts(byBackend), detail, byBackend };
}

// Standalone: node scripts/bench/kernels.mjs [port] [backends, e.g. webgl,wasm]
if (import.meta.url === `file://${process.argv[1]}`) {
  const { table } = await import('./harness.mjs');
  const port = Number(process.argv[2] ?? process.env.BENCH_PORT ?? 4900 + Math.floor(Math.random() * 90));
  const browser = await launch();
  const webgpuBrowser = await launch({ webgpu: true });
  try {
    const backends = process.argv[3] ? process.argv[3].split(',') : KERNEL_BACKENDS;
    const { rows, note, checks, detail } = await benchKernels({ browser, webgpuBrowser, port, backends });
    console.log(note);
    console.log(table(rows));
    console.log(`\n${checks.join('\n')}\n\n${detail.join('\n')}`);
  } finally {
    await browser.close();
    await webgpuBrowser.close();
  }
}
