import AxeBuilder from '@axe-core/playwright';
import { expect, type Locator, type Page } from '@playwright/test';

export function demoFigure(page: Page, id: string): Locator {
  return page.locator(`figure[data-demo="${id}"]`);
}

/** Scrolls a demo into view and waits until its widget has loaded. */
export async function openDemo(page: Page, id: string): Promise<Locator> {
  const figure = demoFigure(page, id);
  await figure.scrollIntoViewIfNeeded();
  await expect(figure.locator('.demo-stage')).toHaveAttribute('data-demo-state', 'ready', { timeout: 45_000 });
  await expect(figure.locator('[data-readout="backend"]')).not.toHaveText('');
  return figure;
}

export async function stepCount(figure: Locator): Promise<number> {
  return Number((await figure.locator('[data-readout="steps"]').innerText()).replace(/[^\d]/g, ''));
}

/** Runs n steps through the page's test hook (as fast as the backend allows, no frames). */
export async function runSteps(page: Page, id: string, n: number): Promise<void> {
  await page.evaluate(async ([demo, count]) => window.__notesDemos![demo].steps(count), [id, n] as const);
}

export async function numTensors(page: Page): Promise<number> {
  return page.evaluate(() => window.__notesTf!.numTensors());
}

/** A fingerprint of the demo's first canvas, to see that the surface was repainted. */
export async function canvasDigest(figure: Locator): Promise<string> {
  return figure.locator('canvas').first().evaluate((c) => (c as HTMLCanvasElement).toDataURL());
}

/** Responses whose body carries TensorFlow.js code. */
export function watchTfjsDownloads(page: Page): string[] {
  const seen: string[] = [];
  page.on('response', async (response) => {
    const url = response.url();
    if (!url.endsWith('.js') && !url.endsWith('.wasm')) return;
    if (url.endsWith('.wasm')) {
      seen.push(url);
      return;
    }
    try {
      if ((await response.text()).includes('tfjsflags')) seen.push(url);
    } catch {
      // The page navigated away before the body arrived.
    }
  });
  return seen;
}

/** axe finds no serious or critical violation inside the given demos, in the light and the dark theme. */
export async function expectAccessibleDemos(page: Page, ids: readonly string[]): Promise<void> {
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    let builder = new AxeBuilder({ page });
    for (const id of ids) builder = builder.include(`figure[data-demo="${id}"]`);
    const results = await builder.analyze();
    const serious = results.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id} (${scheme}): ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`);
    expect(serious).toEqual([]);
  }
}

/** The engine's tensor count once two readings a quarter of a second apart agree (nothing in flight). */
async function settledTensorCount(page: Page): Promise<number> {
  let last = await numTensors(page);
  for (;;) {
    await page.waitForTimeout(250);
    const now = await numTensors(page);
    if (now === last) return now;
    last = now;
  }
}

/**
 * Nothing leaks per step and nothing outlives a model: the engine holds as many tensors after
 * 1000 steps as after 100, and after a reset (which runs the cleanup an unmount runs: the loop
 * and the model are disposed) it comes back to no more than the demo held when it first
 * appeared. Not exactly as many: a first mount may hold a one-off tensor that a reset does not
 * remake, and a demo may still be computing a read-out for its fresh model when a reading is
 * taken, so the check waits for the count to come down. Links between pages are document loads,
 * which drop the whole engine, so an unmount inside the page is what could leak.
 */
export async function expectNoTensorLeak(page: Page, figure: Locator, id: string, { loopCountsSteps = false } = {}): Promise<void> {
  const start = await settledTensorCount(page);
  await runSteps(page, id, 100);
  const after100 = await numTensors(page);
  await runSteps(page, id, 900);
  expect(await numTensors(page)).toBe(after100);
  if (loopCountsSteps) expect(await loopStepCount(page, id)).toBe(1000);
  await figure.locator('[data-action="reset"]').click();
  await expect.poll(() => stepCount(figure)).toBe(0);
  await expect.poll(() => numTensors(page), { timeout: 20_000 }).toBeLessThanOrEqual(start);
}

/** S steps, Space plays and pauses, R resets, while focus is inside the demo; each change is announced. */
export async function expectKeyboardShortcuts(page: Page, figure: Locator): Promise<void> {
  const status = figure.locator('[data-readout="status"]');
  await figure.locator('[data-action="reset"]').focus();
  await page.keyboard.press('s');
  await expect.poll(() => stepCount(figure)).toBe(1);
  await figure.locator('[data-action="play"]').focus();
  await page.keyboard.press('Space');
  await expect(status).toHaveText('Running');
  await expect(figure.locator('[data-live="announcements"]')).toHaveText(/started/i);
  await page.keyboard.press('Space');
  await expect(status).toHaveText('Paused');
  await page.keyboard.press('r');
  await expect.poll(() => stepCount(figure)).toBe(0);
}

/** The loop's own step count (the read-out follows it one render later). */
export async function loopStepCount(page: Page, id: string): Promise<number> {
  return page.evaluate((demo) => window.__notesDemos![demo].stepCount(), id);
}

/** The step read-out once it has stopped moving (the frame in flight when a demo pauses still reports). */
export async function restingStepCount(figure: Locator): Promise<number> {
  let last = await stepCount(figure);
  await expect
    .poll(
      async () => {
        const now = await stepCount(figure);
        const same = now === last;
        last = now;
        return same;
      },
      { intervals: [250] },
    )
    .toBe(true);
  return last;
}

/** Runs n steps through the test hook, then one visible step so the read-outs show the result. */
export async function train(page: Page, figure: Locator, id: string, n: number): Promise<void> {
  const before = await loopStepCount(page, id);
  await runSteps(page, id, n);
  await figure.locator('[data-action="step"]').click();
  await expect.poll(() => stepCount(figure)).toBe(before + n + 1);
}

/**
 * The number an English read-out shows (lib/i18n/format.ts): plain ("0.0123", "1,234"),
 * scientific ("1.23 × 10⁻⁵") or noise-level ("≈ 0"); NaN for anything else.
 */
export function readoutNumber(text: string): number {
  const t = text.trim();
  if (t === '≈ 0') return 0;
  const sup: Record<string, string> = { '⁻': '-', '⁰': '0', '¹': '1', '²': '2', '³': '3', '⁴': '4', '⁵': '5', '⁶': '6', '⁷': '7', '⁸': '8', '⁹': '9' };
  const scientific = /^(-?[\d.]+) × 10([⁻⁰¹²³⁴⁵⁶⁷⁸⁹]+)$/.exec(t);
  if (scientific) return Number(scientific[1]) * 10 ** Number([...scientific[2]].map((c) => sup[c]).join(''));
  return t === '' ? Number.NaN : Number(t.replace(/,/g, ''));
}
