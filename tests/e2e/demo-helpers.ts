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
  await page.evaluate(async ([demo, count]) => window.__week07Demos![demo].steps(count), [id, n] as const);
}

export async function numTensors(page: Page): Promise<number> {
  return page.evaluate(() => window.__week07Tf!.numTensors());
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
