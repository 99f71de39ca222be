import { expect, test, type Locator, type Page } from '@playwright/test';
import { demoFigure, openDemo, runSteps } from './demo-helpers';
import { watchConsole } from './site';

const PAGE = '/en/week07/07-3/';
/** The three MNIST demos at one small size, so that the page calibrates one model size. */
const SMALL = 'autoencoder.batch=64&denoising-autoencoder.hidden=30&denoising-autoencoder.batch=64&ae-interpolation.batch=64';
const STORE_KEY = 'course-notes-backend-choice';

test.describe.configure({ timeout: 120_000 });

/** "webgl 11 ms/step, wasm 4 ms/step: wasm" → { webgl: 11, wasm: 4 } (the backends that were timed). */
async function timingsOf(note: Locator): Promise<Record<string, number>> {
  const text = await note.innerText();
  const found: Record<string, number> = {};
  for (const m of text.matchAll(/(webgpu|webgl|wasm|cpu) ([\d.,]+) ms\/step/g)) found[m[1]] = Number(m[2].replace(/,/g, ''));
  return found;
}

function calibrations(page: Page): Promise<number> {
  return page.evaluate(() => window.__notesTf!.calibrations());
}

test('a heavy demo times the backends, takes the fastest (wasm over software WebGL here), remembers it, and measures again on request', async ({ page }) => {
  const problems = watchConsole(page);
  await page.goto(`${PAGE}?${SMALL}`);
  let figure = await openDemo(page, 'autoencoder');
  let note = figure.locator('[data-note="calibration"]');
  await expect(note).toHaveAttribute('data-choice', 'measured');
  const timings = await timingsOf(note);
  test.info().annotations.push({ type: 'calibration', description: await note.innerText() });
  // Chromium here has software WebGL and wasm: both were timed, and the faster one won.
  expect(Object.keys(timings).sort()).toEqual(['wasm', 'webgl']);
  const chosen = await figure.locator('[data-readout="backend"]').innerText();
  const fastest = Object.entries(timings).sort((a, b) => a[1] - b[1])[0][0];
  expect(chosen).toBe(fastest);
  expect(chosen).toBe('wasm');
  await expect(note).toContainText(new RegExp(`ms/step: ${chosen}\\.`));
  expect(await calibrations(page)).toBe(1);
  // The other demos of the page share the measured backend and show the same reason.
  const other = await openDemo(page, 'ae-interpolation');
  await expect(other.locator('[data-readout="backend"]')).toHaveText(chosen);
  await expect(other.locator('[data-note="calibration"]')).toHaveAttribute('data-choice', 'measured');
  const stored = await page.evaluate((key) => JSON.parse(localStorage.getItem(key) ?? '{}'), STORE_KEY);
  expect(Object.keys(stored)).toEqual(['mnist-autoencoder:30x64']);
  expect(stored['mnist-autoencoder:30x64'].backend).toBe(chosen);

  // A reload reuses the remembered choice without timing anything.
  await page.reload();
  figure = await openDemo(page, 'autoencoder');
  note = figure.locator('[data-note="calibration"]');
  await expect(note).toHaveAttribute('data-choice', 'remembered');
  await expect(figure.locator('[data-readout="backend"]')).toHaveText(chosen);
  expect(await calibrations(page)).toBe(0);
  expect(await timingsOf(note)).toEqual(timings);

  // "Measure again" (a labelled button, reached with the keyboard) forgets and times again.
  const again = note.locator('[data-action="measure-again"]');
  await expect(again).toHaveAccessibleName('Measure again');
  await again.focus();
  await page.keyboard.press('Enter');
  await expect(figure.locator('.demo-stage')).toHaveAttribute('data-demo-state', 'ready', { timeout: 45_000 });
  await expect(figure.locator('[data-note="calibration"]')).toHaveAttribute('data-choice', 'measured', { timeout: 45_000 });
  expect(await calibrations(page)).toBe(1);
  const remeasured = await page.evaluate((key) => JSON.parse(localStorage.getItem(key) ?? '{}'), STORE_KEY);
  expect(remeasured['mnist-autoencoder:30x64'].measuredAt).toBeGreaterThan(stored['mnist-autoencoder:30x64'].measuredAt);
  // The demos work on the new runtime.
  await runSteps(page, 'autoencoder', 3);
  await expect(figure.locator('[data-readout="steps"]')).toHaveText('3');
  expect(problems).toEqual([]);
});

test('a damaged or old remembered choice is ignored: the page measures', async ({ page }) => {
  await page.goto('/en/');
  await page.evaluate((key) => {
    localStorage.setItem(key, JSON.stringify({ 'mnist-autoencoder:30x64': { version: 0, browser: navigator.userAgent, backend: 'webgl', timings: [], measuredAt: 1 } }));
  }, STORE_KEY);
  await page.goto(`${PAGE}?${SMALL}`);
  const figure = await openDemo(page, 'autoencoder');
  await expect(figure.locator('[data-note="calibration"]')).toHaveAttribute('data-choice', 'measured');
  expect(await calibrations(page)).toBe(1);
});

test('?backend= forces the backend and skips the calibration', async ({ page }) => {
  await page.goto(`${PAGE}?backend=webgl&${SMALL}`);
  const figure = await openDemo(page, 'autoencoder');
  await expect(figure.locator('[data-readout="backend"]')).toHaveText('webgl');
  await expect(figure.locator('[data-note="calibration"]')).toHaveCount(0);
  expect(await calibrations(page)).toBe(0);
});

test('a light page without any measurement keeps off software WebGL', async ({ page }) => {
  await page.goto('/en/week07/07-1/');
  const figure = await openDemo(page, 'energy-inference');
  await expect(figure.locator('[data-readout="backend"]')).toHaveText('wasm');
  await expect(figure.locator('[data-note="calibration"]')).toHaveCount(0);
});

test('a lost WebGL context pauses the demos, and they go on on wasm from the last copy of the weights', async ({ page }) => {
  test.setTimeout(240_000);
  const problems = watchConsole(page);
  await page.goto(`${PAGE}?backend=webgl&${SMALL}`);
  const figure = await openDemo(page, 'autoencoder');
  await runSteps(page, 'autoencoder', 6);
  await expect(figure.locator('[data-readout="steps"]')).toHaveText('6');
  // The copy in main memory follows the paused model (taken after its draw).
  await expect.poll(() => page.evaluate(() => window.__notesSnapshots?.autoencoder)).toBe(6);
  const interpolation = await openDemo(page, 'ae-interpolation');

  // The browser takes the GPU away: lose tfjs's own context, as a driver reset would.
  await page.evaluate(() => {
    const gl = window.__notesTf!.webglContext();
    if (!gl) throw new Error('tfjs has no WebGL context');
    gl.getExtension('WEBGL_lose_context')!.loseContext();
  });
  const alert = figure.locator('[data-alert="device-lost"]');
  await expect(alert).toBeVisible();
  await expect(alert).toHaveAttribute('role', 'alert');
  await expect(alert).toContainText('WebGL context was lost');
  await expect(alert).toContainText('step 6');
  await expect(figure.locator('[data-action="play"]')).toBeDisabled();
  // The other demos on the page were told too.
  await expect(interpolation.locator('[data-alert="device-lost"]')).toBeVisible();

  await alert.locator('[data-action="continue-on-next"]').click();
  await expect(demoFigure(page, 'autoencoder').locator('[data-readout="backend"]')).toHaveText('wasm', { timeout: 45_000 });
  const resumed = demoFigure(page, 'autoencoder');
  await expect(resumed.locator('[data-alert="device-lost"]')).toHaveCount(0);
  // The model goes on from the kept weights: its step count continues from 6.
  await expect(resumed.locator('[data-readout="model-steps"]')).toHaveText('6');
  await runSteps(page, 'autoencoder', 2);
  await expect(resumed.locator('[data-readout="steps"]')).toHaveText('8');
  expect(Number((await resumed.locator('[data-readout="loss"]').innerText()).replace(/[^\d.]/g, ''))).toBeGreaterThan(0);
  // The other demos followed the switch and still train.
  const other = demoFigure(page, 'ae-interpolation');
  await expect(other.locator('[data-readout="backend"]')).toHaveText('wasm');
  await runSteps(page, 'ae-interpolation', 2);
  await expect(other.locator('[data-readout="steps"]')).toHaveText('2');
  expect(problems).toEqual([]);
});
