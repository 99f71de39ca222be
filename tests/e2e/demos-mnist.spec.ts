import { expect, test, type Locator, type Page } from '@playwright/test';
import { demoFigure, expectAccessibleDemos, expectNoTensorLeak, loopStepCount, openDemo, readoutNumber, restingStepCount, runSteps, stepCount } from './demo-helpers';
import { watchConsole } from './site';

const PAGE = '/en/week07/07-3/';
const DEMOS = ['autoencoder', 'denoising-autoencoder', 'ae-interpolation'] as const;

test.describe.configure({ timeout: 120_000 });

async function readNumber(figure: Locator, readout: string): Promise<number> {
  const text = await figure.locator(`[data-readout="${readout}"]`).innerText();
  return Number(text.replace(/[^\d.eE+-]/g, ''));
}

/** Fingerprint of every canvas inside `scope` (the images of a panel). */
async function canvasesDigest(scope: Locator): Promise<string> {
  return scope.evaluate((el) => Array.from(el.querySelectorAll('canvas'), (c) => (c as HTMLCanvasElement).toDataURL()).join('|'));
}

/** Waits until every queued evaluation of a demo has finished (a single step waits for them). */
async function settle(page: Page, figure: Locator, id: string): Promise<void> {
  const before = await loopStepCount(page, id);
  await runSteps(page, id, 1);
  await expect.poll(() => stepCount(figure)).toBe(before + 1);
}

test('autoencoder: shows a progress bar while the digits load, then trains: the test loss falls and the images change', async ({ page }) => {
  const problems = watchConsole(page);
  // Hold the download back a little so that the progress bar can be seen.
  await page.route('**/data/mnist-10k.bin', async (route) => {
    await new Promise((r) => setTimeout(r, 1500));
    await route.continue();
  });
  await page.goto(`${PAGE}?autoencoder.batch=128`);
  const figure = demoFigure(page, 'autoencoder');
  await figure.scrollIntoViewIfNeeded();
  const progress = figure.locator('[data-mnist="loading"] progress');
  await expect(progress).toBeVisible({ timeout: 45_000 });
  await expect(figure.locator('[data-mnist="loading"]')).toContainText('MNIST');
  await openDemo(page, 'autoencoder');
  await expect(figure.locator('[data-readout="test-loss"]')).not.toHaveText('—');
  const initialLoss = await readNumber(figure, 'test-loss');
  const digits = figure.locator('[data-panel="reconstructions"]');
  const kernels = figure.locator('[data-panel="kernels"]');
  const digitsBefore = await canvasesDigest(digits);
  const kernelsBefore = await kernels.evaluate((c) => (c as HTMLCanvasElement).toDataURL());
  await runSteps(page, 'autoencoder', 120);
  await settle(page, figure, 'autoencoder');
  await expect.poll(() => readNumber(figure, 'model-steps')).toBe(121);
  const trainedLoss = await readNumber(figure, 'test-loss');
  expect(trainedLoss).toBeLessThan(initialLoss * 0.5);
  expect(await canvasesDigest(digits)).not.toBe(digitsBefore);
  expect(await kernels.evaluate((c) => (c as HTMLCanvasElement).toDataURL())).not.toBe(kernelsBefore);
  await expect(digits).toHaveAttribute('aria-label', /reconstruction/);
  expect(await readNumber(figure, 'epoch')).toBeGreaterThan(1.5);
  expect(problems).toEqual([]);
});

test('a damaged data file gives a clear message, and "try again" loads it', async ({ page }) => {
  await page.route('**/data/mnist-10k.bin', async (route) => {
    const response = await route.fetch();
    const body = Buffer.from(await response.body());
    body[5000] ^= 0xff;
    await route.fulfill({ response, body });
  });
  await page.goto(PAGE);
  const figure = demoFigure(page, 'autoencoder');
  await figure.scrollIntoViewIfNeeded();
  const alert = figure.locator('[data-mnist="failed"]');
  await expect(alert).toContainText('checksum mismatch', { timeout: 45_000 });
  await page.unroute('**/data/mnist-10k.bin');
  await alert.getByRole('button', { name: 'Try again' }).click();
  await openDemo(page, 'autoencoder');
  await expect(figure.locator('[data-readout="test-loss"]')).not.toHaveText('—');
});

test('autoencoder: play, pause, reset, presets and URL state', async ({ page }) => {
  const problems = watchConsole(page);
  await page.goto(PAGE);
  const figure = await openDemo(page, 'autoencoder');
  const play = figure.locator('[data-action="play"]');
  await play.click();
  await expect(figure.locator('[data-readout="status"]')).toHaveText('Running');
  await expect.poll(() => stepCount(figure)).toBeGreaterThan(10);
  await expect.poll(async () => Number((await figure.locator('[data-readout="examples-rate"]').innerText()).replace(/[^\d]/g, ''))).toBeGreaterThan(0);
  await play.click();
  await expect(figure.locator('[data-readout="status"]')).toHaveText('Paused');
  const paused = await restingStepCount(figure);
  await page.waitForTimeout(300);
  expect(await stepCount(figure)).toBe(paused);
  await expect.poll(() => readNumber(figure, 'model-steps')).toBe(paused);
  await figure.locator('[data-action="reset"]').click();
  await expect.poll(() => stepCount(figure)).toBe(0);
  await expect.poll(() => readNumber(figure, 'model-steps')).toBe(0);
  // A reset in the middle of a run starts over cleanly, for every demo on the page.
  await play.click();
  await expect.poll(() => stepCount(figure)).toBeGreaterThan(5);
  await figure.locator('[data-action="reset"]').click();
  await expect(figure.locator('[data-readout="status"]')).toHaveText('Paused');
  await expect.poll(() => stepCount(figure)).toBe(0);
  await page.waitForTimeout(300);
  await expect(figure.locator('[data-readout="status"]')).toHaveText('Paused');
  await expect(figure.getByRole('alert')).toHaveCount(0);
  // Keyboard: the presets are buttons that report their state.
  const over = figure.locator('[data-action="preset-over"]');
  await over.focus();
  await page.keyboard.press('Enter');
  await expect(over).toHaveAttribute('aria-pressed', 'true');
  await expect(page).toHaveURL(/autoencoder\.hidden=500/);
  await expect(figure.locator('[data-panel="kernels"]')).toHaveAttribute('aria-label', /of the 500 encoder kernels/);
  await figure.locator('[data-action="preset-under"]').click();
  await expect(page).not.toHaveURL(/autoencoder\.hidden=/);
  expect(problems).toEqual([]);
});

for (const id of DEMOS) {
  test(`${id}: the tensor count is stable over 1000 steps and returns to its start after a reset`, async ({ page }) => {
    const problems = watchConsole(page);
    await page.goto(`${PAGE}?${id}.batch=16&${id}.hidden=16`);
    const figure = await openDemo(page, id);
    await settle(page, figure, id);
    await expectNoTensorLeak(page, figure, id);
    expect(problems).toEqual([]);
  });
}

for (const backend of ['wasm', 'webgl'] as const) {
  test(`the three demos train on ?backend=${backend}`, async ({ page }) => {
    // Without a GPU, WebGL runs in software: the denoising baseline alone takes tens of seconds.
    if (backend === 'webgl') test.setTimeout(240_000);
    const problems = watchConsole(page);
    await page.goto(`${PAGE}?backend=${backend}&autoencoder.batch=64&denoising-autoencoder.hidden=64&denoising-autoencoder.batch=64&ae-interpolation.batch=64`);
    for (const id of DEMOS) {
      const figure = await openDemo(page, id);
      await expect(figure.locator('[data-readout="backend"]')).toHaveText(backend);
      await runSteps(page, id, 5);
      await settle(page, figure, id);
      expect(Number.isFinite(readoutNumber(await figure.locator('[data-readout="loss"]').innerText()))).toBe(true);
      await expect.poll(() => readNumber(figure, 'model-steps')).toBe(6);
      expect(Number.isFinite(await readNumber(figure, 'test-loss'))).toBe(true);
    }
    expect(problems).toEqual([]);
  });
}

test('autoencoder: a saved model is restored after a reload with the same weights and step count', async ({ page }) => {
  const problems = watchConsole(page);
  const url = `${PAGE}?autoencoder.batch=64&autoencoder.seed=5`;
  await page.goto(url);
  let figure = await openDemo(page, 'autoencoder');
  await runSteps(page, 'autoencoder', 40);
  await settle(page, figure, 'autoencoder');
  const digits = () => figure.locator('[data-panel="reconstructions"]');
  const trained = await canvasesDigest(digits());
  const kernels = await figure.locator('[data-panel="kernels"]').evaluate((c) => (c as HTMLCanvasElement).toDataURL());
  await figure.locator('[data-action="save-model"]').click();
  await expect(figure.locator('[data-readout="storage"]')).toContainText('Saved');
  await expect(figure.locator('[data-readout="storage"]')).toContainText('41 steps');

  // A fresh page (same browser profile) with a different seed: restoring brings the saved one back.
  await page.goto(`${PAGE}?autoencoder.batch=64&autoencoder.seed=9`);
  figure = await openDemo(page, 'autoencoder');
  await expect(figure.locator('[data-readout="test-loss"]')).not.toHaveText('—');
  expect(await canvasesDigest(digits())).not.toBe(trained);
  await figure.locator('[data-action="restore-model"]').click();
  await expect(figure.locator('[data-readout="storage"]')).toContainText('Restored');
  await expect.poll(() => readNumber(figure, 'model-steps')).toBe(41);
  // The demo's own step count goes on from the restored model's.
  await expect.poll(() => stepCount(figure)).toBe(41);
  await expect(page).toHaveURL(/autoencoder\.seed=5/);
  await expect.poll(() => canvasesDigest(digits())).toBe(trained);
  expect(await figure.locator('[data-panel="kernels"]').evaluate((c) => (c as HTMLCanvasElement).toDataURL())).toBe(kernels);
  // Training continues from the restored step.
  await runSteps(page, 'autoencoder', 3);
  await expect.poll(() => readNumber(figure, 'model-steps')).toBe(44);
  await expect.poll(() => stepCount(figure)).toBe(44);

  // The lecture playlist offers the saved model when it reaches that demo, and not before.
  await page.goto('/en/week07/present/?demos=latent-ellipse,autoencoder');
  const playlist = page.locator('.playlist');
  await expect(playlist).toHaveAttribute('data-current', 'latent-ellipse');
  await page.locator('[data-action="start-demo"]').click();
  await expect(playlist.locator('.demo-stage')).toHaveAttribute('data-demo-state', 'ready', { timeout: 45_000 });
  await expect(page.locator('[data-saved-model]')).toHaveCount(0);
  await page.keyboard.press('ArrowRight');
  await expect(playlist).toHaveAttribute('data-current', 'autoencoder');
  const offer = page.locator('[data-saved-model="autoencoder"]');
  await expect(offer).toContainText('d = 30, 41 steps');
  await expect(offer).toContainText('Restore model');
  expect(problems).toEqual([]);
});

test('restore without a saved model explains itself', async ({ page }) => {
  const problems = watchConsole(page);
  await page.goto(PAGE);
  const figure = await openDemo(page, 'ae-interpolation');
  await figure.locator('[data-action="restore-model"]').click();
  await expect(figure.locator('[data-readout="storage"]')).toContainText('no model of this demo is saved');
  expect(problems).toEqual([]);
});

test('denoising-autoencoder: corruptions, PSNR of the network against the baseline, and side-by-side kernels', async ({ page }) => {
  const problems = watchConsole(page);
  await page.goto(`${PAGE}?denoising-autoencoder.hidden=100&denoising-autoencoder.batch=128`);
  const figure = await openDemo(page, 'denoising-autoencoder');
  await expect(figure.locator('[data-readout="psnr-baseline"]')).not.toHaveText('—', { timeout: 30_000 });
  await expect(figure.locator('[data-readout="psnr-model"]')).not.toHaveText('—');
  const baseline = await readNumber(figure, 'psnr-baseline');
  const input = await readNumber(figure, 'psnr-input');
  expect(baseline).toBeGreaterThan(input);
  const before = await readNumber(figure, 'psnr-model');
  const table = figure.locator('[data-panel="denoising"]');
  const tableBefore = await canvasesDigest(table);
  await runSteps(page, 'denoising-autoencoder', 150);
  await settle(page, figure, 'denoising-autoencoder');
  await expect.poll(() => readNumber(figure, 'psnr-model')).toBeGreaterThan(before + 3);
  expect(await canvasesDigest(table)).not.toBe(tableBefore);
  await expect(table).toHaveAttribute('aria-label', /Digit 1: corrupted input [\d.]+ dB, network [\d.]+ dB, baseline [\d.]+ dB/);
  // Other corruptions: the controls follow, and the figures are recomputed.
  for (const kind of ['gaussian', 'saltPepper'] as const) {
    await figure.getByLabel('Corruption', { exact: true }).selectOption(kind);
    await expect(page).toHaveURL(new RegExp(`denoising-autoencoder\\.corruption=${kind}`));
    await expect(figure.getByRole('slider', { name: kind === 'gaussian' ? /Noise level/ : /Fraction of pixels/ })).toBeVisible();
    await expect.poll(() => readNumber(figure, 'psnr-baseline')).not.toBe(baseline);
  }
  // A saved model keeps its corruption: restoring it brings salt-and-pepper back.
  await figure.locator('[data-action="save-model"]').click();
  await expect(figure.locator('[data-readout="storage"]')).toContainText('Saved');
  await figure.getByLabel('Corruption', { exact: true }).selectOption('dropout');
  await figure.locator('[data-action="restore-model"]').click();
  await expect(figure.locator('[data-readout="storage"]')).toContainText('Restored');
  await expect(figure.getByLabel('Corruption', { exact: true })).toHaveValue('saltPepper');
  await expect.poll(() => readNumber(figure, 'model-steps')).toBe(151);
  // A standard model trained on the page appears beside the denoising one.
  const standard = await openDemo(page, 'autoencoder');
  await runSteps(page, 'autoencoder', 5);
  await settle(page, standard, 'autoencoder');
  await figure.scrollIntoViewIfNeeded();
  await settle(page, figure, 'denoising-autoencoder');
  await expect(figure.locator('[data-panel="standard-kernels"] canvas')).toBeVisible();
  await expect(figure.locator('[data-panel="standard-kernels"]')).toContainText('d = 30');
  expect(problems).toEqual([]);
});

test('ae-interpolation: digit pickers, the path slider, and a model copied from the autoencoder demo', async ({ page }) => {
  const problems = watchConsole(page);
  await page.goto(`${PAGE}?autoencoder.batch=128`);
  const auto = await openDemo(page, 'autoencoder');
  await runSteps(page, 'autoencoder', 60);
  await settle(page, auto, 'autoencoder');
  const figure = await openDemo(page, 'ae-interpolation');
  const panel = figure.locator('[data-panel="interpolation"]');
  await expect(panel).toHaveAttribute('data-version', /[1-9]/);
  const a = figure.locator('[data-picker="a"]');
  const before = await canvasesDigest(a);
  await figure.locator('[data-action="a-next"]').focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/ae-interpolation\.a=1/);
  await expect.poll(() => canvasesDigest(a)).not.toBe(before);
  await figure.getByLabel('Next digit of class').first().selectOption('7');
  await expect(a.getByRole('img')).toHaveAttribute('aria-label', /a 7$/);
  const slider = figure.getByRole('slider', { name: /Position along the path/ });
  const big = await canvasesDigest(panel);
  await slider.focus();
  await page.keyboard.press('Home');
  await expect(page).toHaveURL(/ae-interpolation\.t=0/);
  await expect.poll(() => canvasesDigest(panel)).not.toBe(big);
  // Copy the trained standard model: the errors along the path are then those of a trained model.
  await figure.locator('[data-action="use-standard"]').click();
  await expect(figure.locator('.demo-hint').first()).not.toContainText('untrained');
  await expect(panel.getByRole('img').first()).toHaveAttribute('aria-label', /reconstruction error 0\.\d+/);
  await expect(figure.locator('[data-panel="average"]')).toHaveAttribute('aria-label', /pixel average of a 7/);
  expect(problems).toEqual([]);
});

test('axe reports no serious violation with the three demos loaded', async ({ page }) => {
  await page.goto(PAGE);
  for (const id of DEMOS) await openDemo(page, id);
  await expectAccessibleDemos(page, DEMOS);
});

test('the demos fit a 360 px wide screen', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await page.goto(PAGE);
  for (const id of DEMOS) {
    const figure = await openDemo(page, id);
    const overflow = await figure.evaluate((f) => f.scrollWidth - f.clientWidth);
    expect(overflow, id).toBeLessThanOrEqual(1);
  }
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
});
