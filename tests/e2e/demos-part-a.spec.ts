import { expect, test } from '@playwright/test';
import { canvasDigest, demoFigure, expectAccessibleDemos, expectKeyboardShortcuts, expectNoTensorLeak, openDemo, readoutNumber, restingStepCount, runSteps, stepCount, watchTfjsDownloads } from './demo-helpers';
import { watchConsole } from './site';

const PAGE = '/en/week07/07-1/';
const DEMOS = ['energy-inference', 'latent-ellipse'] as const;

test('demos load only when scrolled near, with progress, and no tfjs before that', async ({ page }) => {
  const problems = watchConsole(page);
  const downloads = watchTfjsDownloads(page);
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(PAGE);
  await page.waitForLoadState('networkidle');
  for (const id of DEMOS) await expect(demoFigure(page, id).locator('.demo-stage')).toHaveAttribute('data-demo-state', 'idle');
  expect(downloads).toEqual([]);
  const figure = await openDemo(page, 'energy-inference');
  expect(downloads.length).toBeGreaterThan(0);
  await expect(figure.locator('.demo-fallback')).toBeHidden();
  await expect(figure.locator('canvas')).toBeVisible();
  expect(problems).toEqual([]);
});

for (const id of DEMOS) {
  test(`${id}: plays, steps and resets by mouse and keyboard`, async ({ page }) => {
    const problems = watchConsole(page);
    await page.goto(PAGE);
    const figure = await openDemo(page, id);
    const play = figure.locator('[data-action="play"]');
    await expect(figure.locator('.demo-shortcuts')).toContainText('Space');
    // Mouse: step, play, pause, reset.
    await figure.locator('[data-action="step"]').click();
    await expect.poll(() => stepCount(figure)).toBe(1);
    const before = await canvasDigest(figure);
    await play.click();
    await expect(figure.locator('[data-readout="status"]')).toHaveText('Running');
    await expect(play).toHaveAccessibleName(/pause/i);
    await expect.poll(() => stepCount(figure)).toBeGreaterThan(20);
    if (id === 'latent-ellipse') await expect.poll(() => canvasDigest(figure)).not.toBe(before);
    await play.click();
    await expect(figure.locator('[data-readout="status"]')).toHaveText('Paused');
    await expect(figure.locator('[data-live="announcements"]')).toHaveText(/paused/i);
    await figure.locator('[data-action="reset"]').click();
    await expect.poll(() => stepCount(figure)).toBe(0);
    // Keyboard: the shortcuts work while focus is inside the demo.
    await expectKeyboardShortcuts(page, figure);
    expect(problems).toEqual([]);
  });

  test(`${id}: the tensor count is stable over 1000 steps and returns to its start after a reset`, async ({ page }) => {
    await page.goto(PAGE);
    const figure = await openDemo(page, id);
    await page.waitForTimeout(300);
    await expectNoTensorLeak(page, figure, id);
  });
}

test('energy-inference: a click starts inference that ends on the ellipse', async ({ page }) => {
  await page.goto(`${PAGE}?energy-inference.speed=50`);
  const figure = await openDemo(page, 'energy-inference');
  const plot = figure.getByRole('application');
  const box = (await plot.boundingBox())!;
  await page.mouse.click(box.x + box.width * 0.85, box.y + box.height * 0.15);
  await expect(figure.locator('[data-readout="status"]')).toHaveText('Finished', { timeout: 30_000 });
  await expect(figure.locator('.overlay-final')).toHaveCount(4);
  const loss = readoutNumber(await figure.locator('[data-readout="loss"]').innerText());
  expect(loss).toBeLessThan(1e-3);
});

test('latent-ellipse: training recovers the semi-axes of the data', async ({ page }) => {
  await page.goto(`${PAGE}?latent-ellipse.speed=100&latent-ellipse.noise=0`);
  const figure = await openDemo(page, 'latent-ellipse');
  await runSteps(page, 'latent-ellipse', 600);
  await figure.locator('[data-action="step"]').click();
  await expect.poll(async () => readoutNumber(await figure.locator('[data-readout="w1"]').innerText())).toBeGreaterThan(1.9);
  const w1 = readoutNumber(await figure.locator('[data-readout="w1"]').innerText());
  const w2 = readoutNumber(await figure.locator('[data-readout="w2"]').innerText());
  expect(Math.abs(w1 - 2) / 2).toBeLessThan(0.05);
  expect(Math.abs(w2 - 1.5) / 1.5).toBeLessThan(0.05);
});

test('the URL holds a demo configuration and a link restores it', async ({ page }) => {
  await page.goto(PAGE);
  const figure = await openDemo(page, 'latent-ellipse');
  await figure.getByLabel('Surface', { exact: true }).selectOption('gibbs');
  const beta = figure.getByRole('slider', { name: /Inverse temperature/ });
  await beta.focus();
  for (let i = 0; i < 20; i++) await page.keyboard.press('ArrowRight');
  await expect(page).toHaveURL(/latent-ellipse\.view=gibbs/);
  await expect(page).toHaveURL(/latent-ellipse\.beta=/);
  const url = page.url();
  const betaValue = new URL(url).searchParams.get('latent-ellipse.beta');
  const fresh = await page.context().newPage();
  await fresh.goto(url);
  const restored = await openDemo(fresh, 'latent-ellipse');
  await expect(restored.getByLabel('Surface', { exact: true })).toHaveValue('gibbs');
  await expect(restored.locator('label', { hasText: 'Inverse temperature' }).locator('output')).toHaveText(String(Number(betaValue)));
});

test('same seed, same parameters, same backend: the same numbers', async ({ page }) => {
  const url = `${PAGE}?backend=cpu&latent-ellipse.seed=7`;
  const readWeights = async () => {
    await page.goto(url);
    const figure = await openDemo(page, 'latent-ellipse');
    await runSteps(page, 'latent-ellipse', 50);
    await figure.locator('[data-action="step"]').click();
    return `${await figure.locator('[data-readout="w1"]').innerText()} ${await figure.locator('[data-readout="w2"]').innerText()} ${await figure.locator('[data-readout="loss"]').innerText()}`;
  };
  expect(await readWeights()).toBe(await readWeights());
});

for (const backend of ['cpu', 'wasm', 'webgl'] as const) {
  test(`both demos run on ?backend=${backend}`, async ({ page }) => {
    const problems = watchConsole(page);
    await page.goto(`${PAGE}?backend=${backend}`);
    for (const id of DEMOS) {
      const figure = await openDemo(page, id);
      await expect(figure.locator('[data-readout="backend"]')).toHaveText(backend);
      await runSteps(page, id, 20);
      await figure.locator('[data-action="step"]').click();
      await expect.poll(() => stepCount(figure)).toBe(21);
      expect(Number.isFinite(readoutNumber(await figure.locator('[data-readout="loss"]').innerText()))).toBe(true);
    }
    expect(problems).toEqual([]);
  });
}

test('a forced divergence pauses with a message, and reset recovers', async ({ page }) => {
  const problems = watchConsole(page);
  await page.goto(`${PAGE}?energy-inference.stepSize=2&energy-inference.speed=20`);
  const figure = await openDemo(page, 'energy-inference');
  await figure.locator('[data-action="play"]').click();
  const alert = figure.getByRole('alert');
  await expect(alert).toContainText('stopped', { timeout: 20_000 });
  await expect(figure.locator('[data-readout="status"]')).toHaveText('Diverged');
  await expect(figure.locator('[data-action="play"]')).toBeDisabled();
  // The rest of the page still works.
  await expect(page.locator('.prose h1')).toBeVisible();
  await alert.getByRole('button', { name: 'Reset' }).click();
  await expect(alert).toBeHidden();
  await expect(figure.locator('[data-readout="status"]')).toHaveText('Paused');
  await expect.poll(() => stepCount(figure)).toBe(0);
  await figure.getByRole('slider', { name: /Step size/ }).fill('-1.5');
  await figure.locator('[data-action="play"]').click();
  await expect(figure.locator('[data-readout="status"]')).toHaveText('Finished', { timeout: 30_000 });
  expect(problems).toEqual([]);
});

test('axe reports no serious violation with both demos loaded', async ({ page }) => {
  await page.goto(PAGE);
  for (const id of DEMOS) await openDemo(page, id);
  await expectAccessibleDemos(page, DEMOS);
});

test('a running demo pauses off screen and in a hidden tab, and resumes where it was', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(PAGE);
  const figure = await openDemo(page, 'latent-ellipse');
  const status = figure.locator('[data-readout="status"]');
  await figure.locator('[data-action="play"]').click();
  await expect(status).toHaveText('Running');
  await page.locator('.doc-footer').scrollIntoViewIfNeeded();
  await expect(status).toHaveText('Paused while out of view');
  const frozen = await restingStepCount(figure);
  await page.waitForTimeout(500);
  expect(await stepCount(figure)).toBe(frozen);
  await figure.scrollIntoViewIfNeeded();
  await expect(status).toHaveText('Running');
  await expect.poll(() => stepCount(figure)).toBeGreaterThan(frozen);
  const setVisibility = (state: 'hidden' | 'visible') =>
    page.evaluate((s) => {
      Object.defineProperty(document, 'visibilityState', { value: s, configurable: true });
      document.dispatchEvent(new Event('visibilitychange'));
    }, state);
  await setVisibility('hidden');
  await expect(status).toHaveText('Paused while out of view');
  await setVisibility('visible');
  await expect(status).toHaveText('Running');
});
