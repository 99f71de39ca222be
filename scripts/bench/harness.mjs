// Shared pieces of the benchmarks: a static server for out/, Debian's Chromium, medians.
import http from 'node:http';
import { existsSync } from 'node:fs';
import path from 'node:path';
import sirv from 'sirv';
import { chromium } from '@playwright/test';

export function median(values) {
  const sorted = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  if (sorted.length === 0) return NaN;
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** The headers that make pages cross-origin isolated (what public/_headers asks of a host). */
export const ISOLATION_HEADERS = { 'Cross-Origin-Opener-Policy': 'same-origin', 'Cross-Origin-Embedder-Policy': 'require-corp' };

/** Serves `root` on loopback; `headers` are added to every response (e.g. ISOLATION_HEADERS). */
export function serve(root, port, headers = {}) {
  const setHeaders = (res) => Object.entries(headers).forEach(([name, value]) => res.setHeader(name, value));
  const assets = sirv(root, { dev: false, extensions: ['html'], setHeaders });
  const server = http.createServer((req, res) => assets(req, res, () => ((res.statusCode = 404), res.end())));
  return new Promise((resolve) => server.listen(port, '127.0.0.1', () => resolve(server)));
}

export function chromiumPath() {
  const found = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => p && existsSync(p));
  if (!found) throw new Error("Chromium not found: install Debian's chromium package or set CHROMIUM_PATH.");
  return found;
}

export async function launch({ webgpu = false } = {}) {
  const args = ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-dev-shm-usage'];
  if (webgpu) args.push('--enable-unsafe-webgpu', '--enable-features=Vulkan', '--use-webgpu-adapter=swiftshader');
  return chromium.launch({ executablePath: chromiumPath(), args });
}

/** Opens a page and waits for a demo to be loaded and ready. */
export async function openDemo(browser, url, id) {
  // No service worker: its install (precaching the site) would run during the measurements.
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, serviceWorkers: 'block' });
  await page.goto(url);
  const figure = page.locator(`figure[data-demo="${id}"]`);
  await figure.scrollIntoViewIfNeeded();
  await figure.locator('.demo-stage[data-demo-state="ready"]').waitFor({ timeout: 60_000 });
  return { page, figure };
}

/** Starts recording main-thread long tasks (over 50 ms) in the page. */
export async function watchLongTasks(page) {
  await page.evaluate(() => {
    window.__longTasks = [];
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) window.__longTasks.push(entry.duration);
    }).observe({ type: 'longtask' });
  });
}

export async function longestTask(page) {
  return page.evaluate(() => Math.max(0, ...window.__longTasks));
}

export function outDir() {
  return path.join(process.cwd(), 'out');
}

export function fmt(value, digits = 1) {
  return Number.isFinite(value) ? value.toFixed(digits) : 'n/a';
}

export function table(rows) {
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => String(r[c]).length)));
  return rows.map((r) => r.map((cell, c) => String(cell).padEnd(widths[c])).join('  ')).join('\n');
}

/**
 * Opens a demo on `url` (which names its `backend=`) and trains it by its play button for
 * `seconds`: training steps per second, the median full redraw (from the demo's redraw timer),
 * the redraws in the run, and the longest main-thread task. `{ skipped }` when the page fell back
 * to another backend.
 */
export async function measureTraining(browser, url, id, seconds) {
  const { page, figure } = await openDemo(browser, url, id);
  try {
    const used = await figure.locator('[data-readout="backend"]').innerText();
    const requested = new URL(url).searchParams.get('backend');
    if (used !== requested) return { skipped: `fell back to ${used}` };
    await watchLongTasks(page);
    await page.evaluate(() => {
      window.__notesRedraws = {};
    });
    const count = () => page.evaluate((demo) => window.__notesDemos[demo].stepCount(), id);
    const startSteps = await count();
    const t0 = Date.now();
    await figure.locator('[data-action="play"]').click();
    await page.waitForTimeout(seconds * 1000);
    await figure.locator('[data-action="play"]').click();
    const elapsed = (Date.now() - t0) / 1000;
    const steps = (await count()) - startSteps;
    const redraws = await page.evaluate((demo) => window.__notesRedraws[demo] ?? [], id);
    return { redraw: median(redraws), frames: redraws.length, stepsPerSecond: steps / elapsed, longest: await longestTask(page) };
  } finally {
    await page.close();
  }
}

/** `runs` samples of `measure()`, stopping at the first skipped one: the good ones and why it stopped. */
export async function collectRuns(runs, measure) {
  const ok = [];
  for (let run = 0; run < runs; run++) {
    const sample = await measure();
    if (sample.skipped) return { ok, skipped: sample.skipped };
    ok.push(sample);
  }
  return { ok, skipped: undefined };
}

/** collectRuns of measureTraining samples, reduced to medians. */
export async function medianRuns(runs, measure) {
  const { ok, skipped } = await collectRuns(runs, measure);
  return {
    skipped,
    runs: ok.length,
    redraw: median(ok.map((s) => s.redraw)),
    frames: median(ok.map((s) => s.frames)),
    stepsPerSecond: median(ok.map((s) => s.stepsPerSecond)),
    longest: median(ok.map((s) => s.longest)),
  };
}
